import { expect, type Page, test } from '@playwright/test';
import { device, save } from './sync-device';

/**
 * Cognito Sync view, as a keyboard reader and a careful one: the guided scenario ticks only what the
 * devices really show, focus never falls to the page, and an identity id never breaks inside itself.
 */

/** Saves a record and waits for its row, so the next step acts on a list that has it. */
async function saveShown(page: Page, name: string, key: string, value: string) {
  await save(page, name, key, value);
  await expect(device(page, name).getByRole('cell', { name: key, exact: true })).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await page.goto('/?view=sync');
  await expect(device(page, 'Phone')).toBeVisible({ timeout: 20_000 });
});

test('cancelling the conflict leaves step 4 to do, and no step is ticked on an unresolved conflict', async ({
  page,
}) => {
  const guided = page.getByRole('region', { name: 'Guided scenario' });
  const run = (step: number) => guided.getByRole('button', { name: `Run step ${step}`, exact: true });
  const dialog = page.getByRole('dialog', { name: 'Conflict while synchronizing the phone' });
  for (let step = 1; step <= 4; step++) await run(step).click();
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // Step 4 is still the one to run: its conflict is left on the phone, and the status says so.
  await expect(guided.getByRole('status')).toContainText('Step 4 is not done', { timeout: 20_000 });
  await expect(run(4)).toBeVisible();
  await expect(run(5)).toHaveCount(0);
  await expect(guided.getByRole('listitem').nth(3)).not.toContainText('✓');
  await expect(device(page, 'Phone').getByRole('status')).toContainText('unresolved');

  // Running it again asks again; a choice finishes it, and step 5 then sees the value on the laptop.
  await run(4).click();
  await dialog.getByRole('button', { name: "Keep this device's value" }).click();
  await expect(run(5)).toBeVisible({ timeout: 20_000 });
  await expect(guided.getByRole('status')).toContainText('Step 4 of 5 done.');
  await run(5).click();
  await expect(guided.getByRole('status')).toContainText('All 5 steps done.', { timeout: 20_000 });
  await expect(guided.getByRole('status')).toContainText('Laptop: theme “dark”, nothing pending.');
});

test('removing a record by keyboard moves focus to the next row, then to the table', async ({ page }) => {
  const phone = device(page, 'Phone');
  await saveShown(page, 'Phone', 'k1', 'one');
  await saveShown(page, 'Phone', 'k2', 'two');
  await phone.getByRole('button', { name: 'Remove k1' }).focus();
  await page.keyboard.press('Enter');
  await expect(phone.getByRole('button', { name: 'Remove k1' })).toHaveCount(0);
  await expect(phone.getByRole('button', { name: 'Remove k2' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(phone.getByRole('button', { name: 'Remove k2' })).toHaveCount(0);
  await expect(phone.getByRole('table', { name: 'Dataset settings on the phone' })).toBeFocused();
});

test('adding the fourth device by keyboard keeps focus on Add a device, which says why it waits', async ({
  page,
}) => {
  const add = page.getByRole('button', { name: 'Add a device' });
  await add.focus();
  await page.keyboard.press('Enter');
  await expect(device(page, 'Tablet')).toBeVisible();
  await expect(add).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(device(page, 'Desktop')).toBeVisible();
  await expect(add).toBeFocused();
  await expect(add).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByText('All four devices are on the page')).toBeVisible();
});

test('with three devices the identity id never breaks inside itself', async ({ page }) => {
  await page.getByRole('button', { name: 'Add a device' }).click();
  await expect(device(page, 'Tablet')).toBeVisible();
  const phone = device(page, 'Phone');
  await phone.getByRole('button', { name: 'Synchronize phone' }).click();
  const id = phone.locator('code', { hasText: /^us-east-1:/ });
  await expect(id).toBeVisible({ timeout: 20_000 });
  for (const [width, height] of [
    [1280, 720],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    // The line boxes the id's part after the region colon occupies: one, if it never breaks inside.
    const lines = await id.evaluate((code) => {
      const text = code.textContent ?? '';
      const start = text.indexOf(':') + 1;
      const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent?.length ?? 0;
        if (seen <= start && start <= seen + length) range.setStart(node, start - seen);
        if (seen + length >= text.length) range.setEnd(node, text.length - seen);
        seen += length;
      }
      return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)))
        .size;
    });
    expect(lines).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }
});
