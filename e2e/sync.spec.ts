import { expect, test } from '@playwright/test';
import { countedDown, listNumbers } from './list-numbers';
import { device, save } from './sync-device';

/** Cognito Sync view: offline edits survive a reload, reach the other device, and conflicts are resolved as chosen. */
test.beforeEach(async ({ page }) => {
  await page.goto('/?view=sync');
  await expect(device(page, 'Phone')).toBeVisible();
});

test('an offline edit survives a reload, then reaches the other device after both sync', async ({ page }) => {
  const phone = device(page, 'Phone');
  await phone.getByLabel('Offline').check();
  await save(page, 'Phone', 'greeting', 'hello from the phone');
  await expect(phone.getByRole('status')).toContainText('Pending changes: 1');

  await page.reload();
  const reloaded = device(page, 'Phone');
  await expect(reloaded.getByRole('cell', { name: 'hello from the phone' })).toBeVisible();
  await expect(reloaded.getByRole('status')).toContainText('Pending changes: 1');
  await expect(reloaded.getByLabel('Offline')).toBeChecked();

  await reloaded.getByRole('button', { name: 'Synchronize phone' }).click();
  await expect(reloaded.getByRole('status')).toContainText('offline');
  await reloaded.getByLabel('Offline').uncheck();
  await reloaded.getByRole('button', { name: 'Synchronize phone' }).click();
  await expect(reloaded.getByRole('status')).toContainText('Pending changes: 0');

  const laptop = device(page, 'Laptop');
  await laptop.getByRole('button', { name: 'Synchronize laptop' }).click();
  await expect(laptop.getByRole('cell', { name: 'hello from the phone' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Wire timeline' })).toContainText('UpdateRecords → 200');
});

test('a conflict opens a dialog with both values and is resolved as chosen', async ({ page }) => {
  const phone = device(page, 'Phone');
  const laptop = device(page, 'Laptop');
  await save(page, 'Phone', 'color', 'base');
  await phone.getByRole('button', { name: 'Synchronize phone' }).click();
  await expect(phone.getByRole('status')).toContainText('Pending changes: 0');
  await laptop.getByRole('button', { name: 'Synchronize laptop' }).click();
  await expect(laptop.getByRole('cell', { name: 'base' })).toBeVisible();

  await phone.getByLabel('Offline').check();
  await save(page, 'Phone', 'color', 'phone-blue');
  await save(page, 'Laptop', 'color', 'laptop-green');
  await laptop.getByRole('button', { name: 'Synchronize laptop' }).click();
  await expect(laptop.getByRole('status')).toContainText('Pending changes: 0');

  await phone.getByLabel('Offline').uncheck();
  await phone.getByRole('button', { name: 'Synchronize phone' }).click();
  const dialog = page.getByRole('dialog', { name: 'Conflict while synchronizing the phone' });
  await expect(dialog).toContainText('phone-blue');
  await expect(dialog).toContainText('laptop-green');
  await dialog.getByRole('button', { name: "Keep this device's value" }).click();
  await expect(phone.getByRole('status')).toContainText('Pending changes: 0');

  await laptop.getByRole('button', { name: 'Synchronize laptop' }).click();
  await expect(laptop.getByRole('cell', { name: 'phone-blue' })).toBeVisible();
});

test('a conflict on keys named __proto__ and constructor merges to the value typed, nothing inherited', async ({
  page,
}) => {
  const phone = device(page, 'Phone');
  const laptop = device(page, 'Laptop');
  for (const key of ['__proto__', 'constructor']) await save(page, 'Phone', key, 'base');
  await phone.getByRole('button', { name: 'Synchronize phone' }).click();
  await expect(phone.getByRole('status')).toContainText('Pending changes: 0');
  await laptop.getByRole('button', { name: 'Synchronize laptop' }).click();
  await expect(laptop.getByRole('cell', { name: 'base' })).toHaveCount(2);

  await phone.getByLabel('Offline').check();
  for (const key of ['__proto__', 'constructor']) {
    await save(page, 'Phone', key, `phone-${key}`);
    await save(page, 'Laptop', key, `laptop-${key}`);
  }
  await laptop.getByRole('button', { name: 'Synchronize laptop' }).click();
  await expect(laptop.getByRole('status')).toContainText('Pending changes: 0');
  await phone.getByLabel('Offline').uncheck();
  await phone.getByRole('button', { name: 'Synchronize phone' }).click();
  const dialog = page.getByRole('dialog', { name: 'Conflict while synchronizing the phone' });
  // The merge boxes start empty: a record key is never looked up on an object's prototype.
  for (const key of ['__proto__', 'constructor']) {
    const merged = dialog.getByLabel(`Merged value for ${key}`);
    await expect(merged).toHaveValue('');
    await merged.fill(`merged-${key}`);
  }
  await dialog.getByRole('button', { name: 'Use the merged value' }).click();
  await expect(phone.getByRole('status')).toContainText('Pending changes: 0');
  await expect(phone.getByRole('cell', { name: 'merged-__proto__' })).toBeVisible();
  await expect(phone.getByRole('cell', { name: 'merged-constructor' })).toBeVisible();
  await expect(page.getByText('The sync failed')).toHaveCount(0);
});

test('each wire entry opens the engine’s SigV4 check and IAM decision for that request', async ({ page }) => {
  await save(page, 'Phone', 'theme', 'dark');
  await device(page, 'Phone').getByRole('button', { name: 'Synchronize phone' }).click();
  await expect(device(page, 'Phone').getByRole('status')).toContainText('Pending changes: 0');
  const timeline = page.getByRole('region', { name: 'Wire timeline' });
  await timeline
    .getByText(/UpdateRecords → 200/)
    .first()
    .click();
  const opened = timeline.locator('details[open]').first();
  await expect(opened.getByRole('heading', { name: 'IAM decision' })).toBeVisible();
  await expect(opened).toContainText('cognito-sync:UpdateRecords');
  await expect(opened.locator('.decision--Allow').first()).toBeVisible();
  await expect(opened.getByRole('heading', { name: 'Canonical request' }).first()).toBeVisible();
});

for (const [width, height] of [
  [1280, 720],
  [390, 844],
] as const) {
  test(`each field of the device form keeps its label with its input at ${width}×${height}`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    for (const name of ['Phone', 'Laptop']) {
      for (const field of ['Key', 'Value']) {
        const label = await device(page, name).getByText(field, { exact: true }).last().boundingBox();
        const input = await device(page, name).getByLabel(field).boundingBox();
        if (!label || !input) throw new Error(`${name} ${field} not drawn`);
        // Label directly above its input (left edges aligned), or on the same line just before it.
        const above =
          Math.abs(label.x - input.x) <= 2 &&
          input.y - (label.y + label.height) >= -1 &&
          input.y - (label.y + label.height) <= 12;
        const before =
          label.y < input.y + input.height &&
          input.y < label.y + label.height &&
          input.x >= label.x + label.width - 1 &&
          input.x - (label.x + label.width) <= 16;
        expect(
          above || before,
          `${name} ${field}: label at ${JSON.stringify(label)}, input at ${JSON.stringify(input)}`,
        ).toBe(true);
      }
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  });
}

test('a key and a value with no spaces scroll inside their card and never widen the page', async ({
  page,
}) => {
  for (const [width, height] of [
    [1280, 720],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await save(page, 'Phone', `k${'x'.repeat(300)}`, `v${'y'.repeat(500)}`);
    await expect(device(page, 'Phone').getByRole('cell', { name: `v${'y'.repeat(500)}` })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }
});

test('a key with spaces at its ends is saved as typed, and the card says so', async ({ page }) => {
  const phone = device(page, 'Phone');
  await save(page, 'Phone', ' theme ', 'dark');
  await expect(phone.getByText('Saved the key " theme " with its spaces')).toBeVisible();
  // A record of its own: the key in the cell keeps its spaces, and the plain key is a different record.
  await expect(phone.getByRole('cell', { name: 'dark' })).toBeVisible();
  expect(await phone.locator('td.sync-key').first().textContent()).toBe(' theme ');
  await save(page, 'Phone', 'theme', 'light');
  await expect(phone.getByRole('cell', { name: 'light' })).toBeVisible();
  await expect(phone.getByRole('cell', { name: 'dark' })).toBeVisible();
  await expect(phone.getByText('with its spaces')).toHaveCount(0);
});

test('the guided scenario run by keyboard keeps focus on the next step and says what each step did', async ({
  page,
}) => {
  const guided = page.getByRole('region', { name: 'Guided scenario' });
  const run = (step: number) => guided.getByRole('button', { name: `Run step ${step}`, exact: true });
  const focusedTag = () => page.evaluate(() => document.activeElement?.tagName);
  for (let step = 1; step <= 5; step++) {
    await run(step).focus();
    await page.keyboard.press('Enter');
    if (step === 4) {
      const dialog = page.getByRole('dialog', { name: 'Conflict while synchronizing the phone' });
      await dialog.getByRole('button', { name: "Keep this device's value" }).focus();
      await page.keyboard.press('Enter');
      await expect(dialog).toHaveCount(0);
      // Back where the reader was (the step's button, still running or done), not at the top of the page.
      await expect(guided.getByRole('button', { name: /^Run step [45]$/ })).toBeFocused();
    }
    if (step < 5) {
      await expect(run(step + 1)).toBeFocused({ timeout: 20_000 });
      await expect(guided.getByRole('status')).toContainText(`Step ${step} of 5 done.`);
    }
    expect(await focusedTag()).not.toBe('BODY');
  }
  await expect(guided.getByRole('heading', { name: 'Result' })).toBeFocused({ timeout: 20_000 });
  await expect(guided.getByRole('status')).toContainText('All 5 steps done.');
  await expect(guided.getByRole('status')).toContainText('Laptop: theme “dark”, nothing pending.');
  await expect(guided.getByRole('button', { name: 'Start the scenario again' })).toBeVisible();
});

test('after the guided scenario the wire timeline counts its entries down to 1, the first call', async ({
  page,
}) => {
  const guided = page.getByRole('region', { name: 'Guided scenario' });
  for (let step = 1; step <= 5; step++) {
    await guided.getByRole('button', { name: `Run step ${step}`, exact: true }).click();
    if (step === 4)
      await page
        .getByRole('dialog', { name: 'Conflict while synchronizing the phone' })
        .getByRole('button', { name: "Keep this device's value" })
        .click();
  }
  await expect(guided.getByRole('button', { name: 'Start the scenario again' })).toBeVisible({
    timeout: 20_000,
  });
  const list = page.getByRole('region', { name: 'Wire timeline' }).getByRole('list');
  const entries = await list.locator(':scope > li').count();
  expect(entries).toBeGreaterThan(10);
  expect(await listNumbers(page, list)).toEqual(countedDown(entries));
  // The first call made is 1: the phone signing in.
  await expect(list.locator(':scope > li').last()).toContainText('phone: InitiateAuth → 200');
});
