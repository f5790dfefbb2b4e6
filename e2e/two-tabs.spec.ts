import { type BrowserContext, expect as baseExpect, type Page, test } from '@playwright/test';
import { device, save } from './sync-device';

/**
 * Two tabs of one browser profile (two pages in one context) act on the app at once. They share one
 * simulated AWS (src/sync/shared-cloud.ts): nothing either tab writes is lost, and each shows what the
 * other did.
 */
// Two tabs mean two engines and two renderers on the same cores: allow for a slow machine.
test.describe.configure({ timeout: 240_000 });
const expect = baseExpect.configure({ timeout: 60_000 });

async function openSync(context: BrowserContext) {
  const page = await context.newPage();
  await page.goto('/?view=sync');
  await expect(device(page, 'Phone')).toBeVisible();
  return page;
}

const synchronize = (page: Page, name: string) =>
  device(page, name)
    .getByRole('button', { name: `Synchronize ${name.toLowerCase()}` })
    .click();

test('two tabs save different keys on the same device, then each synchronises: both edits survive', async ({
  context,
}) => {
  const [a, b] = [await openSync(context), await openSync(context)];
  await Promise.all([save(a, 'Phone', 'from-tab-a', 'alpha'), save(b, 'Phone', 'from-tab-b', 'beta')]);
  await Promise.all([synchronize(a, 'Phone'), synchronize(b, 'Phone')]);

  for (const page of [a, b]) {
    const phone = device(page, 'Phone');
    await expect(phone.getByRole('status')).toContainText('Pending changes: 0');
    await expect(phone.getByRole('status')).toContainText('idle');
    await expect(phone.getByRole('cell', { name: 'alpha' })).toBeVisible();
    await expect(phone.getByRole('cell', { name: 'beta' })).toBeVisible();
  }
  // The cloud has both: the laptop, which never saw either edit, receives them in either tab.
  await synchronize(b, 'Laptop');
  const laptop = device(b, 'Laptop');
  await expect(laptop.getByRole('status')).toContainText('Pending changes: 0');
  await expect(laptop.getByRole('cell', { name: 'alpha' })).toBeVisible();
  await expect(laptop.getByRole('cell', { name: 'beta' })).toBeVisible();
});

test('a reload in the middle of a sync in one tab loses nothing in the other', async ({ context }) => {
  const [a, b] = [await openSync(context), await openSync(context)];
  await save(b, 'Laptop', 'kept-by-b', 'bravo');
  await save(a, 'Phone', 'kept-by-a', 'alpha');
  // Tab A starts synchronising and is reloaded at once; tab B synchronises meanwhile.
  await synchronize(a, 'Phone');
  await Promise.all([a.reload(), synchronize(b, 'Laptop')]);
  await expect(device(b, 'Laptop').getByRole('status')).toContainText('Pending changes: 0');

  await expect(device(a, 'Phone')).toBeVisible();
  await expect(device(a, 'Phone').getByRole('cell', { name: 'alpha' })).toBeVisible();
  await synchronize(a, 'Phone');
  await expect(device(a, 'Phone').getByRole('status')).toContainText('Pending changes: 0');
  await expect(device(a, 'Phone').getByRole('cell', { name: 'bravo' })).toBeVisible();

  await synchronize(b, 'Laptop');
  await expect(device(b, 'Laptop').getByRole('cell', { name: 'alpha' })).toBeVisible();
  await expect(device(b, 'Laptop').getByRole('cell', { name: 'bravo' })).toBeVisible();
});

test('an edit in another tab while the conflict dialog is open brings the dialog back, saying why', async ({
  context,
}) => {
  const [a, b] = [await openSync(context), await openSync(context)];
  await save(a, 'Phone', 'color', 'base');
  await synchronize(a, 'Phone');
  await expect(device(a, 'Phone').getByRole('status')).toContainText('Pending changes: 0');
  await synchronize(a, 'Laptop');
  await expect(device(a, 'Laptop').getByRole('cell', { name: 'base' })).toBeVisible();
  // The phone and the laptop change the colour apart; the laptop's reaches the cloud first.
  await device(a, 'Phone').getByLabel('Offline').check();
  await save(a, 'Phone', 'color', 'phone-blue');
  await save(a, 'Laptop', 'color', 'laptop-green');
  await synchronize(a, 'Laptop');
  await expect(device(a, 'Laptop').getByRole('status')).toContainText('Pending changes: 0');
  await device(a, 'Phone').getByLabel('Offline').uncheck();
  await synchronize(a, 'Phone');
  const dialog = a.getByRole('dialog', { name: 'Conflict while synchronizing the phone' });
  await expect(dialog).toContainText('phone-blue');
  await expect(dialog).not.toContainText('Asked again');

  // While tab A's reader decides, the phone's colour is edited in tab B (the tabs share its cache).
  await expect(device(b, 'Phone').getByRole('cell', { name: 'phone-blue' })).toBeVisible();
  await save(b, 'Phone', 'color', 'tab-b-red');
  await expect(device(b, 'Phone').getByRole('cell', { name: 'tab-b-red' })).toBeVisible();
  await dialog.getByRole('button', { name: "Keep this device's value" }).click();

  // The choice would have overwritten tab B's edit: not applied; the dialog is back with that edit and why.
  await expect(dialog).toContainText('Asked again');
  await expect(dialog).toContainText('changed in another tab of this browser');
  await expect(dialog).toContainText('tab-b-red');
  await expect(dialog).not.toContainText('phone-blue');
  await dialog.getByRole('button', { name: "Keep this device's value" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(device(a, 'Phone').getByRole('status')).toContainText('Pending changes: 0');
  await synchronize(a, 'Laptop');
  await expect(device(a, 'Laptop').getByRole('cell', { name: 'tab-b-red' })).toBeVisible();
});

test('a device added or taken offline in one tab is the same device in the other, and both survive a reload', async ({
  context,
}) => {
  const [a, b] = [await openSync(context), await openSync(context)];
  await a.getByRole('button', { name: 'Add a device' }).click();
  await expect(device(a, 'Tablet')).toBeVisible();
  await expect(device(b, 'Tablet')).toBeVisible();
  // Tab B, which learnt of the tablet from tab A, switches the laptop's network; tab A sees it too.
  await device(b, 'Laptop').getByRole('checkbox', { name: 'Offline' }).check();
  await expect(device(a, 'Laptop').getByRole('checkbox', { name: 'Offline' })).toBeChecked();
  // Neither tab's save dropped the other's change: a reload keeps the tablet and the offline laptop.
  await a.reload();
  await expect(device(a, 'Tablet')).toBeVisible();
  await expect(device(a, 'Laptop').getByRole('checkbox', { name: 'Offline' })).toBeChecked();
});

const ALICE = "Alice's laptop";
const CAROL = "Carol's tablet";

async function openAppSync(context: BrowserContext) {
  const page = await context.newPage();
  await page.goto('/?view=appsync');
  for (const label of [ALICE, CAROL]) {
    await expect(page.getByRole('region', { name: label }).getByRole('status')).toContainText(
      'live connection open',
    );
  }
  return page;
}

const list = (page: Page, label: string) =>
  page.getByRole('region', { name: label }).getByRole('list', { name: `Shared list on ${label}` });

test('both tabs add AppSync items at once: nothing is lost and each tab shows the other’s', async ({
  context,
}) => {
  const [a, b] = [await openAppSync(context), await openAppSync(context)];
  const add = async (page: Page, who: string, text: string) => {
    const panel = page.getByRole('region', { name: who });
    await panel.getByLabel('New item').fill(text);
    await panel.getByRole('button', { name: 'Add' }).click();
  };
  await Promise.all([add(a, ALICE, 'Milk from tab A'), add(b, CAROL, 'Bread from tab B')]);

  for (const page of [a, b]) {
    for (const label of [ALICE, CAROL]) {
      await expect(list(page, label)).toContainText('Milk from tab A');
      await expect(list(page, label)).toContainText('Bread from tab B');
    }
  }
  // Tab B's Alice heard tab A's item as a live subscription message, as one AppSync would push it.
  await expect(
    b.getByRole('region', { name: ALICE }).getByRole('list', { name: `Live messages on ${ALICE}` }),
  ).toContainText('onCreateItem: “Milk from tab A”');

  // A reload finds the one cloud with both items.
  await b.reload();
  await expect(list(b, CAROL)).toContainText('Milk from tab A');
  await expect(list(b, CAROL)).toContainText('Bread from tab B');
});

test('an AppSync device switched offline in one tab is offline in the other, and each tab keeps the other’s switch', async ({
  context,
}) => {
  const [a, b] = [await openAppSync(context), await openAppSync(context)];
  const offline = (page: Page, label: string) =>
    page.getByRole('region', { name: label }).getByRole('checkbox', { name: 'Offline' });
  await offline(a, ALICE).check();
  await expect(offline(b, ALICE)).toBeChecked();
  await expect(b.getByRole('region', { name: ALICE }).getByRole('status')).toContainText('Offline');
  // Tab B switches Carol; tab A's saved switch for Alice is not written back as online.
  await offline(b, CAROL).check();
  await expect(offline(a, CAROL)).toBeChecked();
  await a.reload();
  await expect(offline(a, ALICE)).toBeChecked();
  await expect(offline(a, CAROL)).toBeChecked();
});
