import { expect, test } from '@playwright/test';
import { progressText } from './play-helpers';

/**
 * Issue 12, served from a sub-path of a static host. Runs against a build made with that base:
 *   BASE_PATH=/identity-atlas/ OUT_DIR=dist-subpath npx vite build
 *   BASE_PATH=/identity-atlas/ OUT_DIR=dist-subpath npx playwright test e2e/subpath.spec.ts
 * (vite preview then serves dist-subpath under /identity-atlas/). Skipped when BASE_PATH is unset.
 */
const base = process.env.BASE_PATH;

test.skip(!base || base === '/', 'needs a build made with BASE_PATH');

test('a deep link under the sub-path opens its scenario and step, and Back works', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(`${base}?scenario=guest&as=guest&step=2`);
  await expect(progressText(page, 2, 5)).toBeVisible({ timeout: 30_000 });
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'STS gallery' }).click();
  await expect(page).toHaveURL(new RegExp(`${base}\\?.*view=sts`));
  await page.goBack();
  await expect(progressText(page, 2, 5)).toBeVisible({ timeout: 30_000 });
  expect(new URL(page.url()).pathname).toBe(base);
  expect(errors).toEqual([]);
});
