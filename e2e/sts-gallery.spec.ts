import { expect, test } from '@playwright/test';

/** The STS gallery from the keyboard: the focus stays where the reader's action left it, or follows it. */

test('Run live keeps the keyboard focus while the call runs and after', async ({ page }) => {
  await page.goto('/?view=sts');
  const run = page.getByRole('button', { name: 'Run AssumeRole', exact: true });
  await expect(run).toBeVisible({ timeout: 30_000 });
  await run.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^AssumeRole: /).first()).toBeVisible({ timeout: 30_000 });
  await expect(run).toBeFocused();
});

test('a column heading opens its scenario in Flows and the focus follows to it', async ({ page }) => {
  await page.goto('/?view=sts');
  const heading = page.getByRole('button', { name: 'AssumeRole', exact: true });
  await expect(heading).toBeVisible({ timeout: 30_000 });
  await heading.focus();
  await page.keyboard.press('Enter');
  const picker = page.getByRole('combobox', { name: 'Scenario' });
  await expect(picker).toBeVisible({ timeout: 30_000 });
  await expect(picker).toBeFocused();
});
