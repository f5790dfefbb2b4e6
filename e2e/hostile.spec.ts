import { expect, type Page, test } from '@playwright/test';

/**
 * Hostile text pasted where the app takes user text (the JWT decoder; record keys and values in the
 * sync lab) renders as text: no new elements, no dialog, no console error, no page error.
 */
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '</script><script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  `${'A'.repeat(200_000)}.${'B'.repeat(1000)}.${'C'.repeat(10)}`,
  // Random-looking code points (no CR: a textarea normalises line breaks, which is not an injection).
  String.fromCharCode(...Array.from({ length: 256 }, (_, i) => 0x20 + ((i * 97 + 13) % 0xd000))),
  // A well-formed JWT whose header and claims carry markup: the decoded view must show it as text.
  `${b64url({ alg: '<img src=x onerror=alert(1)>', typ: 'JWT' })}.${b64url({ name: '</script><script>alert(1)</script>', sub: '<b>bold</b>' })}.c2ln`,
];

function watch(page: Page) {
  const problems: string[] = [];
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

/** Elements an injection would add. */
const injected = (page: Page) =>
  page.evaluate(() => document.querySelectorAll('img[src="x"], svg[onload], script:not([src]), b').length);

test('the JWT decoder shows pasted hostile text as text', async ({ page }) => {
  const problems = watch(page);
  await page.goto('/');
  await page.getByRole('tab', { name: 'JWT' }).click();
  const field = page.getByLabel('Decode any JWT');
  await expect(field).toBeVisible();
  const scripts = await page.evaluate(() => document.scripts.length);
  for (const text of HOSTILE) {
    await field.fill(text);
    await expect(field).toHaveValue(text);
    expect(await injected(page)).toBe(0);
  }
  // The last one decodes: its claims appear as literal text.
  await expect(page.getByText('</script><script>alert(1)</script>', { exact: false }).first()).toBeVisible();
  expect(await page.evaluate(() => document.scripts.length)).toBe(scripts);
  expect(problems).toEqual([]);
});

test('record keys and values typed into the sync lab render as text', async ({ page }) => {
  const problems = watch(page);
  await page.goto('/?view=sync');
  const device = page.locator('section.sync-device').first();
  await expect(device).toBeVisible({ timeout: 30_000 });
  for (const text of HOSTILE.slice(0, 4)) {
    await device.getByLabel('Key').fill(text);
    await device.getByLabel('Value').fill(text);
    await device.getByRole('button', { name: /^Save on / }).click();
    await expect(device.getByRole('cell', { name: text, exact: true }).first()).toBeVisible();
    expect(await injected(page)).toBe(0);
  }
  expect(problems).toEqual([]);
});

test('user attributes typed into the sign-up view render as text, at sign-up and in the profile', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const problems = watch(page);
  await page.goto('/?view=signup');
  await expect(page.getByText('Starting the simulated user pool…')).toHaveCount(0, { timeout: 30_000 });
  const main = page.getByRole('main');
  const scripts = await page.evaluate(() => document.scripts.length);
  await page.getByLabel('Username', { exact: true }).fill('hostile');
  await page.getByLabel('Email', { exact: true }).fill('hostile@example.com');
  await page.getByLabel('Name', { exact: true }).fill(HOSTILE[0] as string);
  await page.getByLabel('Password', { exact: true }).fill('Correct-Horse-9');
  await main.getByRole('button', { name: 'Sign up', exact: true }).click();
  const newest = page.getByRole('list', { name: 'Messages, newest first' }).getByRole('listitem').first();
  const code = /Code\s*(\d{6})/.exec((await newest.textContent()) ?? '')?.[1] ?? '';
  await page.getByLabel('Confirmation code').fill(code);
  await main.getByRole('button', { name: 'Confirm', exact: true }).click();
  await page.getByLabel('Sign-in password').fill('Correct-Horse-9');
  await main.getByRole('button', { name: 'Sign in', exact: true }).click();
  const profile = page.getByRole('table', { name: /Your profile/ });
  const cell = (name: string) =>
    profile.getByRole('row', { name: new RegExp(`^${name}\\b`) }).getByRole('cell');
  await expect(cell('name')).toHaveText(HOSTILE[0] as string);
  expect(await injected(page)).toBe(0);

  // Within AWS's 2048-character limit on an attribute value (the department gets a 5-character prefix,
  // so the longest value is 2,043 characters), plus text that bends rendering.
  const values = [
    ...HOSTILE.slice(1, 4),
    `${'<b>'.repeat(400)}${'x'.repeat(843)}`,
    HOSTILE[5] as string,
    '\u202Eevil\u202C 👩‍👩‍👧 Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̗͋ {{constructor}} $' + '{1+1} &lt;i&gt;',
  ];
  for (const value of values) {
    await page.getByLabel('New name').fill(value);
    await page.getByLabel('Department (custom:department)').fill(`dept ${value}`);
    await main.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('UpdateUserAttributes → 200 OK')).toBeVisible();
    await expect.poll(() => cell('custom:department').evaluate((td) => td.textContent)).toBe(`dept ${value}`);
    expect(await cell('name').evaluate((td) => td.textContent)).toBe(value);
    expect(await cell('name').evaluate((td) => td.childElementCount)).toBe(0);
    expect(await injected(page)).toBe(0);
  }
  expect(await page.evaluate(() => document.scripts.length)).toBe(scripts);
  expect(problems).toEqual([]);
});

test('saved device lists and switches that are not what the app wrote start the labs with their own devices', async ({
  page,
}) => {
  const problems = watch(page);
  await page.addInitScript(() => {
    // Another version's shapes, or values typed in by hand: the labs must neither crash nor use them as names.
    localStorage.setItem('identity-atlas-appsync-online', 'null');
    localStorage.setItem(
      'identity-atlas-sync-devices',
      JSON.stringify([{ name: '../../x', online: true }, 5, null, { name: 'tablet', online: 'no' }]),
    );
  });
  await page.goto('/?view=sync');
  await expect(page.getByRole('region', { name: 'Tablet device' })).toBeVisible();
  // The only known name was kept (online: anything but false reads as online); the unknown one was not.
  await expect(page.getByRole('region', { name: /device$/ })).toHaveCount(1);
  await page.goto('/?view=appsync');
  await expect(
    page.getByRole('region', { name: "Alice's laptop" }).getByRole('checkbox', { name: 'Offline' }),
  ).not.toBeChecked();
  await expect(page.getByRole('region', { name: "Alice's laptop" }).getByRole('status')).toContainText(
    'live connection open',
  );
  expect(problems).toEqual([]);
});
