import { expect, test } from '@playwright/test';

test('the built page renders without console errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Identity Atlas', level: 1 })).toBeVisible();
  expect(errors).toEqual([]);
});
