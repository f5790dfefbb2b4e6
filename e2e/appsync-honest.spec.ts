import { expect, type Page, test } from '@playwright/test';

/**
 * AppSync view, as a reader who runs the scenario twice and edits by keyboard: a second run ends as the
 * first did, Edit puts focus in its field and Escape takes it back, and text of only spaces is refused
 * with a word, never silently.
 */
const ALICE = "Alice's laptop";
const CAROL = "Carol's tablet";
const ITEM = 'Plan the team offsite';

async function open(page: Page) {
  await page.goto('/?view=appsync');
  const alice = page.getByRole('region', { name: ALICE });
  const carol = page.getByRole('region', { name: CAROL });
  await expect(alice.getByRole('status')).toContainText('live connection open', { timeout: 20_000 });
  await expect(carol.getByRole('status')).toContainText('live connection open');
  return { alice, carol, guided: page.getByRole('region', { name: 'Guided scenario' }) };
}

test('starting the scenario again and running it again ends with one item, as the first run did', async ({
  page,
}) => {
  const { alice, carol, guided } = await open(page);
  await page.getByLabel('Conflict strategy').selectOption('AUTOMERGE');
  const rows = (region: typeof alice, name: string) =>
    region
      .getByRole('list', { name: `Shared list on ${name}` })
      .getByRole('listitem')
      .filter({ hasText: ITEM });
  for (let run = 1; run <= 2; run++) {
    for (let step = 1; step <= 4; step++) {
      await guided.getByRole('button', { name: `Run step ${step} of 4` }).click();
      await expect(
        guided.getByRole('button', { name: step < 4 ? `Run step ${step + 1} of 4` : 'Scenario finished' }),
      ).toBeVisible({ timeout: 20_000 });
    }
    for (const [region, name] of [
      [alice, ALICE],
      [carol, CAROL],
    ] as const) {
      await expect(rows(region, name)).toHaveCount(1);
      await expect(rows(region, name)).toContainText(`${ITEM} in Lisbon`);
      await expect(rows(region, name)).toContainText('v3');
    }
    if (run === 1) {
      await guided.getByRole('button', { name: 'Start the scenario again' }).click();
      await expect(guided.getByRole('button', { name: 'Run step 1 of 4' })).toHaveAttribute(
        'aria-disabled',
        'false',
        { timeout: 20_000 },
      );
    }
  }
});

test('Edit by keyboard moves focus into the field; Escape cancels and returns to Edit', async ({ page }) => {
  const { alice } = await open(page);
  await alice.getByLabel('New item').fill('Buy milk');
  await alice.getByRole('button', { name: 'Add' }).click();
  const edit = alice.getByRole('button', { name: 'Edit Buy milk' });
  await edit.focus();
  await page.keyboard.press('Enter');
  const field = alice.getByLabel('Text of Buy milk');
  await expect(field).toBeFocused();
  await page.keyboard.type(' and eggs');
  await page.keyboard.press('Escape');
  await expect(field).toHaveCount(0);
  await expect(edit).toBeFocused();
  await expect(alice.getByRole('list', { name: `Shared list on ${ALICE}` })).not.toContainText('eggs');
});

test('saving an edit or adding an item of only spaces says why nothing changed', async ({ page }) => {
  const { alice } = await open(page);
  await alice.getByLabel('New item').fill('Buy milk');
  await alice.getByRole('button', { name: 'Add' }).click();
  await expect(alice.getByRole('button', { name: 'Edit Buy milk' })).toBeVisible();

  await alice.getByRole('button', { name: 'Edit Buy milk' }).click();
  const field = alice.getByLabel('Text of Buy milk');
  await field.fill('   ');
  await field.press('Enter');
  // The edit stays open with the reader's text and a message tied to the field.
  await expect(field).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(alice.getByRole('alert')).toContainText('only spaces');
  await field.press('Escape');

  const add = alice.getByLabel('New item');
  await add.fill('   ');
  await alice.getByRole('button', { name: 'Add' }).click();
  await expect(add).toHaveAttribute('aria-invalid', 'true');
  await expect(alice.getByRole('alert')).toContainText('only spaces');
  await expect(
    alice.getByRole('list', { name: `Shared list on ${ALICE}` }).getByRole('listitem'),
  ).toHaveCount(1);
});
