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

test('the hand-off happens once: Flows opened again from the menu leaves the focus on the menu', async ({
  page,
}) => {
  await page.goto('/?view=sts');
  const views = page.getByRole('navigation', { name: 'Views' });
  await page.getByRole('button', { name: 'GetSessionToken', exact: true }).click({ timeout: 30_000 });
  const picker = page.getByRole('combobox', { name: 'Scenario' });
  await expect(picker).toBeFocused({ timeout: 30_000 });
  await views.getByRole('button', { name: 'STS gallery' }).click();
  await expect(page.getByRole('button', { name: 'GetSessionToken', exact: true })).toBeVisible({
    timeout: 30_000,
  });
  const flows = views.getByRole('button', { name: 'Flows' });
  await flows.click();
  await expect(picker).toBeVisible();
  await expect(flows).toBeFocused();
});
