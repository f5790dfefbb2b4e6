import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from './stats';

/** The chunks Vite's manifest lists for a module, with every chunk they import statically. */
function staticClosure(manifest: Record<string, ManifestChunk>, key: string, into: Set<string>) {
  const chunk = manifest[key];
  if (!chunk || into.has(`/${chunk.file}`)) return;
  into.add(`/${chunk.file}`);
  for (const dep of chunk.imports ?? []) staticClosure(manifest, dep, into);
}

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}

/**
 * The JavaScript the first page loads: the scripts of dist/index.html, every chunk it preloads
 * (<link rel="modulepreload">), and what the entry imports once that screen is painted (React and
 * the app that takes over the prerendered first screen) with every chunk they import statically
 * (Vite's manifest). Lazily imported chunks (the engine, React Flow, SAML, graphql,
 * views opened later) are not part of the first load and are listed separately for information.
 */
export function measureBundle(distDir: string): Figure[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const base = /<script[^>]+src="([^"]*?)assets\//.exec(html)?.[1] ?? '/';
  const strip = (src: string) => `/${src.slice(base.length)}`;
  const first = new Set<string>();
  for (const m of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) first.add(strip(m[1] as string));
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g))
    first.add(strip(m[1] as string));
  const manifestPath = join(distDir, '.vite', 'manifest.json');
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
    // The entry imports only what starts the app once the first screen is painted (React, then the
    // app's start): every chunk it imports, statically or not, with their static imports.
    for (const chunk of Object.values(manifest).filter((c) => first.has(`/${c.file}`))) {
      for (const dep of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])])
        staticClosure(manifest, dep, first);
    }
  }
  const figures: Figure[] = [];
  let total = 0;
  for (const path of first) {
    const bytes = readFileSync(join(distDir, path));
    const gz = gzipSync(bytes, { level: 9 }).length / 1024;
    total += gz;
    figures.push({
      name: `first-load chunk ${path.replace(/^\/(assets\/)?/, '')}`,
      value: gz,
      unit: 'KB gz',
      budget: '',
    });
  }
  figures.unshift({
    name: 'first-page JavaScript (gzip): entry and the app that takes over the first screen',
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
