/**
 * Page figures in headless Chromium (Playwright's `chromium`) against the built app served by
 * `vite preview`, started here: time until the diagram is visible, requestAnimationFrame intervals
 * while the default flow plays at speed 1× against the same page idle, and long tasks during playback.
 * The probes are installed with addInitScript (DevTools protocol), which the page's CSP does not block.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { type Figure, median, p95 } from './stats';

/** BENCH_PORT: another port for `vite preview`, when two people bench on one machine. */
export const PORT = Number(process.env.BENCH_PORT ?? 4179);
const IDLE_MS = 4000;
const PLAY_TIMEOUT_MS = 180_000;

/** Runs in the page before any of its scripts. */
function probes() {
  const w = window as unknown as Record<string, unknown>;
  const deltas: number[] = [];
  const longTasks: { start: number; duration: number }[] = [];
  let last = 0;
  const frame = (t: number) => {
    if (last) deltas.push(t - last);
    last = t;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  w.__bench = { deltas, longTasks, diagramVisibleAt: 0 };
  const check = () => {
    const node = document.querySelector('.diagram-box');
    const rect = node?.getBoundingClientRect();
    if (rect && rect.width > 0 && rect.height > 0) {
      (w.__bench as { diagramVisibleAt: number }).diagramVisibleAt = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  document.addEventListener('DOMContentLoaded', () => {
    observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    check();
  });
}

export async function startPreview(root: string, distDir: string): Promise<ChildProcess> {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const child = spawn(
    process.execPath,
    [vite, 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', distDir],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('vite preview did not start in 30 s')), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(String(PORT))) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`vite preview exited (${code})`)));
  });
  return child;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

type Page = Awaited<ReturnType<Awaited<ReturnType<typeof chromium.launch>>['newPage']>>;

async function playOnce(page: Page, run: string, idle: number[]): Promise<Figure[]> {
  const playStart = await page.evaluate(() => {
    const b = (window as unknown as { __bench: { deltas: number[] } }).__bench;
    b.deltas.length = 0;
    return performance.now();
  });
  // Playback waits for the reader after each answer: press Play again at each pause, as a reader
  // presses Next, until the last answer has landed.
  await page.getByRole('button', { name: 'Play' }).click();
  const done = page.getByText(/^(\d+) of \1 played$/);
  const pause = page.getByText('Paused for reading', { exact: false });
  for (let i = 0; i < 50; i++) {
    await pause.or(done).first().waitFor({ timeout: PLAY_TIMEOUT_MS });
    if (await done.isVisible()) break;
    await page.getByRole('button', { name: 'Play' }).click();
  }
  await page.getByRole('button', { name: 'Play' }).waitFor({ timeout: PLAY_TIMEOUT_MS });
  const played = await page.evaluate((since) => {
    const b = (
      window as unknown as { __bench: { deltas: number[]; longTasks: { start: number; duration: number }[] } }
    ).__bench;
    return {
      deltas: [...b.deltas],
      longTasks: b.longTasks.filter((t) => t.start >= since),
      ms: performance.now() - since,
    };
  }, playStart);
  const worst = Math.max(0, ...played.longTasks.map((t) => t.duration));
  const over = played.longTasks.filter((t) => t.duration > 50);
  // The pauses for reading are idle frames too; the ratio still compares playback with idle.
  const ratio = p95(played.deltas) / p95(idle);
  return [
    {
      name: `page: frame interval, ${run} (p95)`,
      value: p95(played.deltas),
      unit: 'ms',
      budget: '',
      note: `median ${median(played.deltas).toFixed(2)} ms over ${played.deltas.length} frames; flow played in ${(played.ms / 1000).toFixed(1)} s`,
    },
    { name: `page: ${run} p95 / idle p95`, value: ratio, unit: '×', budget: '≤ 1.25×', meets: ratio <= 1.25 },
    {
      name: `page: longest task, ${run}`,
      value: worst,
      unit: 'ms',
      budget: 'none > 50 ms',
      meets: over.length === 0,
      note: `${played.longTasks.length} long task(s)${over.length ? `: ${over.map((t) => t.duration.toFixed(0)).join(', ')} ms` : ''}`,
    },
  ];
}

export async function measurePage(root: string, distDir = join(root, 'dist')): Promise<Figure[]> {
  if (!existsSync(join(distDir, 'index.html')))
    throw new Error('dist/index.html missing: run vite build first');
  const preview = await startPreview(root, distDir);
  const browser = await chromium.launch({
    executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(probes);
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.locator('.diagram-box').first().waitFor({ state: 'visible', timeout: 60_000 });
    const visibleAt = await page.evaluate(
      () => (window as unknown as { __bench: { diagramVisibleAt: number } }).__bench.diagramVisibleAt,
    );

    // Idle: the same page, nothing playing.
    await page.evaluate(() => {
      const b = (window as unknown as { __bench: { deltas: number[] } }).__bench;
      b.deltas.length = 0;
    });
    await page.waitForTimeout(IDLE_MS);
    const idle = await page.evaluate(() => [
      ...(window as unknown as { __bench: { deltas: number[] } }).__bench.deltas,
    ]);

    // Playback of the whole default flow at 1×, started as a person would: first on the fresh page
    // (the engine chunk loads on the first Play), then again after Restart.
    await page.getByRole('toolbar', { name: 'Player' }).getByRole('combobox').selectOption('1');
    const figures: Figure[] = [
      { name: 'page: diagram visible (from navigation start)', value: visibleAt, unit: 'ms', budget: '' },
      {
        name: 'page: frame interval idle (p95)',
        value: p95(idle),
        unit: 'ms',
        budget: '',
        note: `median ${median(idle).toFixed(2)} ms over ${idle.length} frames`,
      },
    ];
    for (const run of ['first play', 'replay after Restart']) {
      if (run !== 'first play') {
        await page.getByRole('button', { name: 'Restart' }).click();
        await page.getByText(/^0 of \d+ played$/).waitFor({ timeout: PLAY_TIMEOUT_MS });
      }
      figures.push(...(await playOnce(page, run, idle)));
    }
    return figures;
  } finally {
    await browser.close();
    preview.kill('SIGTERM');
  }
}
