import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from './stats';

/**
 * The JavaScript the first page loads: the entry <script> of dist/index.html plus every chunk it
 * preloads (<link rel="modulepreload">). Lazily imported chunks (SAML, graphql, views opened later)
 * are not part of the first load and are listed separately for information.
 */
export function measureBundle(distDir: string): Figure[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const first = new Set<string>();
  for (const m of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) first.add(m[1] as string);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g))
    first.add(m[1] as string);
  const figures: Figure[] = [];
  let total = 0;
  for (const path of first) {
    const bytes = readFileSync(join(distDir, path));
    const gz = gzipSync(bytes, { level: 9 }).length / 1024;
    total += gz;
    figures.push({
      name: `first-load chunk ${path.replace(/^\/assets\//, '')}`,
      value: gz,
      unit: 'KB gz',
      budget: '',
    });
  }
  figures.unshift({
    name: 'first-page JavaScript (gzip)',
    value: total,
    unit: 'KB',
    budget: '≤ 200 KB',
    meets: total <= 200,
  });
  const assets = join(distDir, 'assets');
  const lazy: Figure[] = [];
  for (const name of readdirJs(assets)) {
    if (first.has(`/assets/${name}`)) continue;
    const bytes = readFileSync(join(assets, name));
    lazy.push({
      name: `lazy chunk ${name}`,
      value: gzipSync(bytes, { level: 9 }).length / 1024,
      unit: 'KB gz',
      budget: '',
    });
  }
  return [...figures, ...lazy.sort((a, b) => b.value - a.value)];
}

function readdirJs(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.js')) : [];
}
