import { expect, type Page, test } from '@playwright/test';
import { playThrough, progressText } from './play-helpers';

/**
 * Screenshots of every view at desktop and phone width, into screenshots/ (git-ignored), for a human
 * to look at. Run with `npx playwright test e2e/screenshots.spec.ts` after a build.
 */
const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

async function playToEnd(page: Page) {
  await playThrough(page, 6, 30_000);
}

for (const size of SIZES) {
  test.describe(`screenshots ${size.name}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('flow views', async ({ page }) => {
      await page.goto('/?scenario=enhanced-flow&as=userPool&step=0');
      await expect(page.getByRole('heading', { name: 'Identity Atlas' })).toBeVisible();
      // The drawing's chunk arrives after the first paint: the picture is of the drawn diagram.
      await expect(page.locator('.diagram-box').first()).toBeVisible();
      await page.screenshot({
        path: `screenshots/${size.name}-01-start.png`,
        fullPage: size.name === 'phone',
      });
      await playToEnd(page);
      await page.screenshot({
        path: `screenshots/${size.name}-02-enhanced-done.png`,
        fullPage: size.name === 'phone',
      });
      for (const tab of ['Wire', 'JWT', 'Credentials', 'IAM', 'SigV4', 'Code']) {
        await page.getByRole('tab', { name: tab }).click();
        await page.waitForTimeout(400);
        await page
          .getByRole('region', { name: 'Inspector' })
          .screenshot({ path: `screenshots/${size.name}-03-tab-${tab.toLowerCase()}.png` });
      }
      await page.goto('/?scenario=guest&as=guest&step=5');
      await expect(progressText(page, 5, 5)).toBeVisible({ timeout: 30_000 });
      await page.screenshot({
        path: `screenshots/${size.name}-04-guest.png`,
        fullPage: size.name === 'phone',
      });
    });

    test('other views', async ({ page }) => {
      await page.goto('/?scenario=enhanced-flow&as=userPool&step=0&view=sts');
      await page.getByRole('button', { name: 'Run AssumeRole', exact: true }).click();
      await page.waitForTimeout(1500);
      await page.screenshot({ path: `screenshots/${size.name}-05-sts.png`, fullPage: true });
      await page.getByRole('button', { name: 'After sign-out' }).click();
      await page.waitForTimeout(2500);
      await page.screenshot({ path: `screenshots/${size.name}-06-sign-out.png`, fullPage: true });
      await page.getByRole('button', { name: 'Dark' }).click();
      await page.getByRole('button', { name: 'Flows' }).click();
      await page.waitForTimeout(500);
      await page.screenshot({
        path: `screenshots/${size.name}-07-dark.png`,
        fullPage: size.name === 'phone',
      });
    });
  });
}

test.describe('screenshots laptop', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('the smallest desktop: the diagram fits at a readable zoom', async ({ page }) => {
    await page.goto('/?scenario=enhanced-flow&as=userPool&step=0');
    await playToEnd(page);
    await page.screenshot({ path: 'screenshots/laptop-02-enhanced-done.png' });
    await page
      .getByRole('region', { name: /^Diagram:/ })
      .screenshot({ path: 'screenshots/laptop-02-diagram.png' });
    await page.goto('/?scenario=sts-assume-role&step=1');
    await expect(progressText(page, 1, 2)).toBeVisible({ timeout: 30_000 });
    await page
      .getByRole('region', { name: /^Diagram:/ })
      .screenshot({ path: 'screenshots/laptop-03-developer.png' });
  });
});
