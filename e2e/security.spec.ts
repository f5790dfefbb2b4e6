import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { playThrough } from './play-helpers';

/**
 * The built app's own security: a strict Content-Security-Policy in the served page, no CSP violation
 * while the app loads and plays a flow, and no eval / new Function in the shipped JavaScript.
 */
test('the served page carries a strict CSP meta tag', async ({ page, request }) => {
  const html = await (await request.get('/')).text();
  await page.goto('/');
  const csp =
    (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).not.toMatch(/https?:\/\/|\bwss?:|\*/);
  // No inline script survives in the page itself.
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
});

test('no securitypolicyviolation fires while loading the app and playing a flow', async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto('/');
  await expect(page.locator('.diagram-box').first()).toBeVisible();
  await page.getByRole('toolbar', { name: 'Player' }).getByRole('combobox').selectOption('4');
  await playThrough(page, 6);
  for (const tab of ['JWT', 'SigV4', 'IAM', 'Wire']) await page.getByRole('tab', { name: tab }).click();
  expect(
    await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
  ).toEqual([]);
});

test('the built JavaScript contains no eval( or new Function(', () => {
  const assets = join(process.cwd(), 'dist', 'assets');
  const offenders = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .filter((f) => /\beval\(|\bnew Function\(/.test(readFileSync(join(assets, f), 'utf8')));
  expect(offenders).toEqual([]);
});
