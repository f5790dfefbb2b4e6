import { expect, type Page, test } from '@playwright/test';
import { countedDown, listNumbers } from './list-numbers';

const ALICE = "Alice's laptop";
const CAROL = "Carol's tablet";

async function open(page: Page) {
  await page.goto('/?view=appsync');
  await expect(page.getByRole('heading', { name: /AppSync: a list two people share/ })).toBeVisible({
    timeout: 20_000,
  });
  const alice = page.getByRole('region', { name: ALICE });
  const carol = page.getByRole('region', { name: CAROL });
  // Both devices are connected once their status says so.
  await expect(alice.getByRole('status')).toContainText('live connection open');
  await expect(carol.getByRole('status')).toContainText('live connection open');
  return { alice, carol };
}

test('two users see each other’s changes live', async ({ page }) => {
  const { alice, carol } = await open(page);
  await alice.getByLabel('New item').fill('Buy milk');
  await alice.getByRole('button', { name: 'Add' }).click();
  await expect(carol.getByRole('list', { name: `Shared list on ${CAROL}` })).toContainText('Buy milk');
  await expect(carol.getByRole('list', { name: `Live messages on ${CAROL}` })).toContainText(
    'onCreateItem: “Buy milk” v1 → applied',
  );

  await carol.getByLabel('Done: Buy milk').click();
  await expect(carol.getByLabel('Done: Buy milk')).toBeChecked();
  await expect(alice.getByLabel('Done: Buy milk')).toBeChecked();
  await expect(alice.getByRole('list', { name: `Live messages on ${ALICE}` })).toContainText(
    'onUpdateItem: “Buy milk” v2',
  );

  // The wire timeline shows the GraphQL request as text, with the engine's events for it.
  await expect(page.getByRole('region', { name: 'Wire timeline' })).toContainText(
    `${CAROL}: POST UpdateItem → 200`,
  );
});

test('an offline edit survives a reload and arrives exactly once', async ({ page }) => {
  const { alice, carol } = await open(page);
  await alice.getByLabel('New item').fill('Water plants');
  await alice.getByRole('button', { name: 'Add' }).click();
  await expect(carol.getByRole('list', { name: `Shared list on ${CAROL}` })).toContainText('Water plants');

  await carol.getByLabel('Offline').check();
  await expect(carol.getByRole('status')).toContainText('live connection closed');
  await carol.getByRole('button', { name: 'Edit Water plants' }).click();
  await carol.getByLabel('Text of Water plants').fill('Water the plants twice');
  await carol.getByRole('button', { name: 'Save' }).click();
  const outbox = carol.getByRole('list', { name: `Outbox of ${CAROL}` });
  await expect(outbox).toContainText('updateItem');
  await expect(alice.getByRole('list', { name: `Shared list on ${ALICE}` })).not.toContainText('twice');

  await page.reload();
  const again = await reopenOffline(page);
  await expect(again.carol.getByRole('list', { name: `Outbox of ${CAROL}` })).toContainText('updateItem');
  await expect(again.carol.getByLabel('Offline')).toBeChecked();
  await again.carol.getByLabel('Offline').uncheck();

  await expect(again.alice.getByRole('list', { name: `Shared list on ${ALICE}` })).toContainText(
    'Water the plants twice',
  );
  await expect(again.carol.getByRole('list', { name: `Outbox of ${CAROL}` })).toContainText('Empty');
  const rows = again.alice
    .getByRole('list', { name: `Shared list on ${ALICE}` })
    .getByRole('listitem')
    .filter({ hasText: 'Water the plants twice' });
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('v2');
  await expect(
    page.getByRole('region', { name: 'Wire timeline' }).getByText(`${CAROL}: POST UpdateItem → 200`),
  ).toHaveCount(1);
});

async function reopenOffline(page: Page) {
  await expect(page.getByRole('heading', { name: /AppSync: a list two people share/ })).toBeVisible();
  const alice = page.getByRole('region', { name: ALICE });
  const carol = page.getByRole('region', { name: CAROL });
  await expect(alice.getByRole('status')).toContainText('live connection open');
  return { alice, carol };
}

async function runScenario(page: Page, strategy: string) {
  const { alice, carol } = await open(page);
  await page.getByLabel('Conflict strategy').selectOption(strategy);
  const guided = page.getByRole('region', { name: 'Guided scenario' });
  for (let step = 1; step <= 4; step++) {
    await guided.getByRole('button', { name: `Run step ${step} of 4` }).click();
    if (step === 1)
      await expect(carol.getByRole('list', { name: `Shared list on ${CAROL}` })).toContainText(
        'Plan the team offsite',
      );
  }
  await expect(guided.getByRole('button', { name: 'Scenario finished' })).toBeDisabled();
  return { alice, carol, guided };
}

test('optimistic concurrency: the conflict shows both versions and re-applying wins', async ({ page }) => {
  const { alice, carol } = await runScenario(page, 'OPTIMISTIC_CONCURRENCY');
  const conflict = page.getByRole('region', { name: `Conflict on ${CAROL}` });
  await expect(conflict).toContainText('ConflictUnhandled');
  await expect(conflict.getByRole('figure', { name: 'Your version (on this device)' })).toContainText(
    'in Porto',
  );
  await expect(conflict.getByRole('figure', { name: 'Server version' })).toContainText('in Lisbon');
  await expect(page.getByRole('list', { name: 'Conflict verdicts' })).toContainText(
    'OPTIMISTIC_CONCURRENCY → rejected',
  );
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: 'screenshots/appsync-conflict-1440.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await conflict.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'screenshots/appsync-conflict-390.png' });
  await page.setViewportSize({ width: 1440, height: 900 });

  await conflict.getByRole('button', { name: 'Re-apply my changes' }).click();
  await expect(conflict).toHaveCount(0);
  await expect(alice.getByRole('list', { name: `Shared list on ${ALICE}` })).toContainText(
    'Plan the team offsite in Porto',
  );
  await expect(alice.getByLabel('Done: Plan the team offsite in Porto')).toBeChecked();
  await expect(carol.getByRole('list', { name: `Shared list on ${CAROL}` })).toContainText('v3');
});

test('automerge: the server keeps its text, no conflict is left to the user', async ({ page }) => {
  const { alice, carol, guided } = await runScenario(page, 'AUTOMERGE');
  await expect(guided.getByRole('status')).toContainText('Automerge');
  await expect(page.getByRole('list', { name: 'Conflict verdicts' })).toContainText('AUTOMERGE → merged');
  await expect(carol.getByRole('list', { name: `Shared list on ${CAROL}` })).toContainText(
    'Plan the team offsite in Lisbon',
  );
  await expect(carol.getByLabel('Done: Plan the team offsite in Lisbon')).not.toBeChecked();
  await expect(alice.getByRole('list', { name: `Shared list on ${ALICE}` })).toContainText(
    'team, team, travel',
  );
  await expect(page.getByRole('region', { name: `Conflict on ${CAROL}` })).toHaveCount(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'screenshots/appsync-1440.png' });
  await page.screenshot({ path: 'screenshots/appsync-1440-full.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'screenshots/appsync-390.png' });
});

test('a GraphQL request signed with IAM opens its SigV4 check and its appsync:GraphQL decision', async ({
  page,
}) => {
  const { carol } = await open(page);
  await carol.getByLabel('New item').fill('Signed by Carol');
  await carol.getByRole('button', { name: 'Add' }).click();
  const timeline = page.getByRole('region', { name: 'Wire timeline' });
  await timeline
    .getByText(new RegExp(`${CAROL}: POST CreateItem → 200`))
    .first()
    .click();
  const opened = timeline.locator('details[open]').first();
  await expect(opened.getByRole('heading', { name: 'IAM decision' })).toBeVisible();
  await expect(opened).toContainText('appsync:GraphQL');
  await expect(opened.locator('.decision--Allow').first()).toBeVisible();
  await expect(opened.getByRole('heading', { name: 'Canonical request' }).first()).toBeVisible();
});

test('the new item field shows its 200-character limit instead of cutting text silently', async ({
  page,
}) => {
  const { alice, carol } = await open(page);
  const field = alice.getByLabel('New item');
  await field.fill('Buy milk');
  await expect(alice.getByText('8 / 200 characters')).toBeVisible();
  const long = `${'a'.repeat(240)} end`;
  await field.fill(long);
  // Nothing is cut: the whole text stays, the counter says what is wrong, and Add waits.
  await expect(field).toHaveValue(long);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(alice.getByText('244 / 200 characters: 44 too many. Shorten it to add.')).toBeVisible();
  await expect(alice.getByRole('button', { name: 'Add' })).toBeDisabled();
  await page.screenshot({ path: 'test-results/appsync-item-limit.png' });
  await field.fill('a'.repeat(200));
  await expect(alice.getByRole('button', { name: 'Add' })).toBeEnabled();
  await alice.getByRole('button', { name: 'Add' }).click();
  await expect(carol.getByRole('list', { name: `Shared list on ${CAROL}` })).toContainText('a'.repeat(200));
});

test('starting the guided scenario again clears the old conflict, verdicts and live messages', async ({
  page,
}) => {
  const { alice, carol, guided } = await runScenario(page, 'OPTIMISTIC_CONCURRENCY');
  await expect(page.getByRole('region', { name: `Conflict on ${CAROL}` })).toContainText('ConflictUnhandled');
  await expect(page.getByRole('list', { name: 'Conflict verdicts' })).toContainText('rejected');

  await guided.getByRole('button', { name: 'Start the scenario again' }).click();
  await expect(guided.getByRole('button', { name: 'Run step 1 of 4' })).toBeEnabled();
  await expect(page.getByRole('region', { name: `Conflict on ${CAROL}` })).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Conflict verdicts' })).toContainText('No conflict yet');
  for (const [device, name] of [
    [alice, ALICE],
    [carol, CAROL],
  ] as const) {
    await expect(device.getByRole('list', { name: `Outbox of ${name}` })).toContainText('Empty');
    await expect(device.getByRole('list', { name: `Live messages on ${name}` })).toContainText('None yet');
    await expect(device.getByLabel('Offline')).not.toBeChecked();
  }
  // The conflict was settled as "keep the server version": both devices hold AppSync's v2.
  await expect(carol.getByRole('list', { name: `Shared list on ${CAROL}` })).toContainText(
    'Plan the team offsite in Lisbon',
  );
  // The page names the clock its times come from.
  await expect(page.getByText(/runs on your computer's clock/)).toBeVisible();

  // A second run starts clean and reaches its own conflict.
  await guided.getByRole('button', { name: 'Run step 1 of 4' }).click();
  await expect(guided.getByRole('button', { name: 'Run step 2 of 4' })).toBeEnabled();
  await expect(page.getByRole('list', { name: 'Conflict verdicts' })).toContainText('No conflict yet');
});

test('the guided scenario run by keyboard keeps focus on the next step, then on the result', async ({
  page,
}) => {
  await open(page);
  await page.getByLabel('Conflict strategy').selectOption('AUTOMERGE');
  const guided = page.getByRole('region', { name: 'Guided scenario' });
  for (let step = 1; step <= 4; step++) {
    await guided.getByRole('button', { name: `Run step ${step} of 4` }).focus();
    await page.keyboard.press('Enter');
    if (step < 4) {
      await expect(guided.getByRole('button', { name: `Run step ${step + 1} of 4` })).toBeFocused({
        timeout: 20_000,
      });
      await expect(guided.getByRole('status')).toContainText(`Step ${step} of 4 done.`);
    }
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
  }
  await expect(guided.getByRole('heading', { name: 'Result' })).toBeFocused({ timeout: 20_000 });
  await expect(guided.getByRole('status')).toContainText('Automerge: AppSync merges by itself.');

  // Starting again keeps the reader on that button while the lab settles.
  await guided.getByRole('button', { name: 'Start the scenario again' }).focus();
  await page.keyboard.press('Enter');
  await expect(guided.getByRole('button', { name: 'Run step 1 of 4' })).toBeEnabled();
  await expect(guided.getByRole('button', { name: 'Start the scenario again' })).toBeFocused({
    timeout: 20_000,
  });
});

test('after the guided scenario the wire timeline counts its entries down to 1, the first message', async ({
  page,
}) => {
  await runScenario(page, 'AUTOMERGE');
  const list = page.getByRole('region', { name: 'Wire timeline' }).getByRole('list');
  // A live message still arriving adds an entry between the two reads: ask until they agree.
  await expect
    .poll(async () => {
      const entries = await list.locator(':scope > li').count();
      const numbers = await listNumbers(page, list);
      return entries > 10 && JSON.stringify(numbers) === JSON.stringify(countedDown(entries));
    })
    .toBe(true);
});
