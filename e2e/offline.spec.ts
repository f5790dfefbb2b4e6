import { expect, test } from '@playwright/test';
import { progressText } from './play-helpers';

/**
 * Issue 12, anywhere offline too: after one visit the service worker has precached the build, so the
 * app reloads with the network off and a flow still plays (the simulated AWS lives in the tab).
 */

test('after one visit the app opens and plays with the network off', async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Identity Atlas', level: 1 })).toBeVisible();
  // The worker installs (precaching every file of the build) and takes control.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect
    .poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 30_000 })
    .toBe(true);

  await context.setOffline(true);
  await page.goto('/?scenario=guest&as=guest&step=0');
  await expect(page.getByRole('heading', { name: 'Identity Atlas', level: 1 })).toBeVisible();
  for (let step = 1; step <= 5; step++) {
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(progressText(page, step, 5)).toBeVisible({ timeout: 30_000 });
  }
  await expect(page.getByRole('list', { name: 'Steps' }).getByRole('listitem').nth(1)).toContainText(
    '200 OK',
  );
  await context.setOffline(false);
});
