// node prof.mjs <dist> <port> <seeks> <rate> <out.cpuprofile> [mode: back|mix]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
const [dist, port, seeksArg, rateArg, out, mode = 'back'] = process.argv.slice(2);
const vite = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', port, '--strictPort', '--outDir', dist], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 2500));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
try {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
  const page = await ctx.newPage();
  await page.addInitScript(() => {
    const w = window;
    w.__seek = { started: 0, expect: null, times: [] };
    const start = () => { if (w.__seek.expect) w.__seek.started = performance.now(); };
    window.addEventListener('keydown', start, true);
    window.addEventListener('click', start, true);
    document.addEventListener('DOMContentLoaded', () => {
      new MutationObserver(() => {
        const { started, expect } = w.__seek;
        if (!started || !expect) return;
        if (document.querySelector('.progress__text')?.textContent?.trim() !== expect) return;
        if ((document.querySelector('.narration')?.textContent ?? '').includes('sending…')) return;
        w.__seek.started = 0; w.__seek.expect = null;
        requestAnimationFrame(() => { scheduler.postTask(() => { performance.mark('zz-painted'); w.__seek.times.push(performance.now() - started); w.__done?.(); }, { priority: 'user-blocking' }); });
      }).observe(document.body, { subtree: true, characterData: true, childList: true });
    });
  });
  await page.goto(`http://127.0.0.1:${port}/?scenario=sync-conflict-two-devices&step=12`);
  await page.getByText('12 of 12 played', { exact: true }).waitFor({ timeout: 120000 });
  await page.locator('.diagram-box').first().waitFor({ timeout: 8000 }).catch(() => {});
  await page.waitForTimeout(3000);
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(rateArg) });
  
  
  if (process.env.CSS) await page.addStyleTag({ content: process.env.CSS });
  const events = []; cdp.on('Tracing.dataCollected', (e) => events.push(...e.value)); const tdone = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,toplevel,blink.user_timing,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  let next;
  await page.exposeFunction('__done', () => next?.());
  const steps = page.getByRole('list', { name: 'Steps' }).getByRole('button');
  const profiles = [];
  let pos = 12;
  for (let i = 0; i < Number(seeksArg); i++) {
    await page.waitForTimeout(1200); if (0) await page.evaluate(() => new Promise((r) => { let c = 0; const f = (d) => { c = d.timeRemaining() >= 40 ? c + 1 : 0; c >= 3 ? r() : requestIdleCallback(f, { timeout: 1000 }); }; requestIdleCallback(f, { timeout: 1000 }); }));
    let target;
    let clicked = mode === 'mix' && (i % 2 === 1 || pos === 0) ? (i * 7) % 12 : -1;
    if (pos === 0 && clicked < 0) clicked = 5;
    if (clicked + 1 === pos) clicked = (clicked + 1) % 12;
    target = clicked >= 0 ? clicked + 1 : pos - 1;
    await page.locator('body').focus();
    await page.evaluate((e) => { window.__seek.expect = e; }, `${target} of 12 played`);
    const rec = new Promise((r) => { next = r; });
    if (clicked >= 0) await steps.nth(clicked).click(); else await page.keyboard.down('ArrowLeft');
    await page.waitForFunction((n) => window.__seek.times.length >= n, i + 1, { polling: 50, timeout: 20000 });
    if (clicked < 0) await page.keyboard.up('ArrowLeft');
    pos = target;
  }
  await cdp.send('Tracing.end'); await tdone; writeFileSync(out, JSON.stringify(events));
  const t = await page.evaluate(() => window.__seek.times);
  const sorted = [...t].sort((a, b) => a - b);
  console.log(out, 'median', sorted[Math.floor(t.length / 2)].toFixed(1), 'p90', sorted[Math.floor(t.length * 0.9)].toFixed(1), 'mean', (t.reduce((a, b) => a + b, 0) / t.length).toFixed(1), '|', t.map((x) => x.toFixed(0)).join(' '));
} finally { await browser.close(); vite.kill(); }
