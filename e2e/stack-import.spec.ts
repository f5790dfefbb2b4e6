import { expect, type Page, test } from '@playwright/test';

/**
 * "Your stack" as a reader meets it after a mistake and from the keyboard: a failed import keeps the
 * stack still in effect on screen (the one storage brings back), messages say what is wrong in plain
 * numbers, and the access matrix is one tab stop walked with the arrow keys.
 */

const GOOD = '{"Resources":{"B":{"Type":"AWS::S3::Bucket"}}}';

async function open(page: Page) {
  await page.goto('/?view=stack');
  await expect(page.getByRole('heading', { name: 'Your stack' })).toBeVisible({ timeout: 20_000 });
}

async function importText(page: Page, text: string) {
  await page.getByLabel('Template (JSON or YAML)').fill(text);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
}

/** Exports the demo world and imports that template back, waiting until the stack is built. */
async function importDemoWorld(page: Page) {
  await page.getByRole('button', { name: 'Export the demo world' }).click();
  await page.getByRole('button', { name: 'Import the exported template' }).click();
  await expect(page.getByText(/exported template: \d+ resources? simulated/)).toBeVisible({
    timeout: 30_000,
  });
}

test('a failed import keeps showing the stack still in effect, the one a reload brings back', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await open(page);
  await importText(page, GOOD);
  await expect(page.getByText(/pasted template: 1 resources? simulated/)).toBeVisible({ timeout: 30_000 });
  await importText(page, '{"Resources": {');
  await expect(page.getByRole('alert')).toContainText(/JSON/i);
  // The error says the earlier stack is still the one in effect, and the stack stays on screen.
  await expect(page.getByRole('alert')).toContainText('The stack below is still the one in effect');
  await expect(
    page.getByText(/^Current stack \(still in effect\): pasted template: 1 resources? /),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export this stack' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Access matrix' })).toBeVisible();
  await page.reload();
  await expect(page.getByText(/pasted template: 1 resources? simulated/)).toBeVisible({ timeout: 30_000 });
});

test('a Type that is not a string is named as such, and counts of one read in the singular', async ({
  page,
}) => {
  await open(page);
  await importText(page, '{"Resources":{"A":{"Type":5}}}');
  await expect(page.getByRole('alert')).toHaveText('Resource A has a Type that is not a string (5)');
  await importText(page, GOOD);
  const summary = page.getByText(/^pasted template: 1 resource simulated, 0 callers, /);
  await expect(summary).toBeVisible({ timeout: 30_000 });
  await expect(summary).not.toContainText(/\b1 (resources|callers|actions|findings)\b/);
  await expect(page.getByText(/^1 box from your template/)).toBeVisible();
});

test('the access matrix is one tab stop; arrows, Home and End move among its cells', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page);
  await importDemoWorld(page);
  const matrix = page.getByRole('table', { name: /Who can do what/ });
  const cells = matrix.getByRole('button');
  const count = await cells.count();
  expect(count).toBeGreaterThan(100);
  const first = cells.first();
  const firstName = (await first.getAttribute('aria-label')) ?? '';
  const secondName = (await cells.nth(1).getAttribute('aria-label')) ?? '';

  // Into the matrix from the control before it, and out of it with one more Tab.
  await page.getByRole('heading', { name: 'Access matrix' }).scrollIntoViewIfNeeded();
  await first.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: firstName, exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  const inside = await matrix.evaluate((table) => table.contains(document.activeElement));
  expect(inside).toBe(false);

  // Arrows move the focus among the cells; Enter selects as a click does.
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: firstName, exact: true })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  const second = page.getByRole('button', { name: secondName, exact: true });
  await expect(second).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(second).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('region', { name: 'IAM trace' })).toBeVisible();
  await expect(second).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const focusedName = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  expect(focusedName).not.toBe(secondName);
  await page.keyboard.press('Home');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Home');
  await expect(page.getByRole('button', { name: firstName, exact: true })).toBeFocused();
  // Space selects too, and the Tab stop is now the cell last visited.
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: firstName, exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
});

test('at 1280×720 the matrix scroller shows several caller rows under its headings', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page);
  await importDemoWorld(page);
  const matrix = page.getByRole('table', { name: /Who can do what/ });
  const rows = matrix.locator('tbody').getByRole('row');
  const scroller = page.locator('.matrix-scroll');
  await scroller.scrollIntoViewIfNeeded();
  const shown = await scroller.evaluate((box) => {
    const view = box.getBoundingClientRect();
    const bottom = Math.min(view.bottom, window.innerHeight);
    return [...box.querySelectorAll('tbody tr')].filter((tr) => {
      const r = tr.getBoundingClientRect();
      return r.top >= view.top && r.bottom <= bottom + 0.5;
    }).length;
  });
  expect(await rows.count()).toBeGreaterThan(5);
  expect(shown).toBeGreaterThanOrEqual(5);
  await page.screenshot({ path: '/work/tmp/h41-shots/stack-matrix-1280.png' });
});

test('Import keeps the keyboard focus while it works and after', async ({ page }) => {
  await open(page);
  await page.getByLabel('Template (JSON or YAML)').fill(GOOD);
  const button = page.getByRole('button', { name: 'Import', exact: true });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/pasted template: 1 resources? simulated/)).toBeVisible({ timeout: 30_000 });
  await expect(button).toBeFocused();
});

test('a box’s subtitle wraps between its words instead of being cut', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page);
  await page.getByLabel('Open a template file').setInputFiles('tests/fixtures/stack/federated-stack.yaml');
  const diagram = page.getByRole('region', { name: 'Your pipeline' });
  const google = diagram.getByRole('button', { name: /^Google, Google identity provider of reader-pool/ });
  await expect(google).toBeVisible({ timeout: 30_000 });
  await google.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/work/tmp/h41-shots/stack-pipeline-1280.png' });
  // Every line of the subtitle is drawn whole, inside the box.
  const cut = await google.evaluate((box) => {
    const what = box.querySelector<HTMLElement>('.stack-node__what');
    if (!what) return ['no subtitle'];
    const edge = box.getBoundingClientRect();
    const problems: string[] = [];
    if (what.scrollWidth > what.clientWidth + 1 || what.scrollHeight > what.clientHeight + 1)
      problems.push(`subtitle overflows: ${what.textContent}`);
    if (what.getBoundingClientRect().bottom > edge.bottom + 0.5) problems.push('subtitle below the box');
    return problems;
  });
  expect(cut).toEqual([]);
  await expect(google.getByText('Google identity provider of reader-pool')).toBeVisible();
});

/** 70 IAM users who may do anything in S3, and six buckets: past the caller cap, with wildcard columns. */
function broadTemplate(): string {
  const resources: Record<string, unknown> = {};
  for (const name of ['photos', 'logs', 'backups', 'site', 'exports', 'uploads'])
    resources[`B${name}`] = { Type: 'AWS::S3::Bucket', Properties: { BucketName: `acme-${name}` } };
  for (let i = 0; i < 70; i++)
    resources[`U${i}`] = {
      Type: 'AWS::IAM::User',
      Properties: {
        UserName: `dev${String(i).padStart(2, '0')}`,
        Policies: [
          {
            PolicyName: 'p',
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Action: i % 2 ? 's3:*' : 's3:GetObject', Resource: '*' }],
            },
          },
        ],
      },
    };
  return JSON.stringify({ Resources: resources });
}

for (const [width, height] of [
  [1280, 720],
  [390, 844],
] as const) {
  test(`at ${width}×${height} the matrix says what its caps left out and marks wildcard columns`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height });
    await open(page);
    await importText(page, broadTemplate());
    await expect(
      page.getByText(/pasted template: 76 resources simulated, 60 of 70 callers shown/),
    ).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.getByText(/Showing 60 of 70 callers\./)).toBeVisible();
    await page.getByText('The 10 callers not shown').click();
    await expect(page.getByRole('listitem').filter({ hasText: 'IAM user dev69' })).toBeVisible();
    const matrix = page.getByRole('table', { name: /Who can do what/ });
    // The column s3:* on * reaches: a heading that names the statement to a screen reader.
    await expect(
      matrix
        .getByRole('columnheader', { name: /s3:PutObject.*not written in a policy: “s3:\* on \*”/ })
        .first(),
    ).toBeVisible();
    await page.getByText('How the rows and columns were chosen').click();
    await expect(page.getByText(/tried on the\s+stack’s own buckets/)).toBeVisible();
    await page.getByRole('heading', { name: 'Access matrix' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`matrix-caps-${width}.png`) });
    // Folded again, the notice leaves the table in view; its wildcard columns carry their mark.
    await page.getByText('The 10 callers not shown').click();
    await page.getByText('How the rows and columns were chosen').click();
    await page.locator('.matrix-scroll').scrollIntoViewIfNeeded();
    await expect(matrix.locator('.matrix-derived').first()).toBeVisible();
    await page.screenshot({ path: test.info().outputPath(`matrix-table-${width}.png`) });
    // Asked for, the whole matrix: every caller is a row (the ten left out included), then back again.
    const rows = matrix.locator('tbody tr');
    await expect(rows).toHaveCount(60);
    await page.getByRole('button', { name: /^Show all 70 callers and \d+ columns$/ }).click();
    await expect(
      page.getByText(/^Everything is shown: 70 callers and \d+ columns, [\d,]+ evaluations\.$/),
    ).toBeVisible({
      timeout: 60_000,
    });
    await expect(rows).toHaveCount(70);
    await expect(matrix.getByRole('rowheader', { name: /IAM user dev69/ })).toBeVisible();
    await expect(page.getByText(/pasted template: 76 resources simulated, 70 callers,/)).toBeVisible();
    await page.screenshot({ path: test.info().outputPath(`matrix-all-${width}.png`) });
    await page.getByRole('button', { name: 'Show the shorter matrix again' }).click();
    await expect(rows).toHaveCount(60);
    await expect(page.getByText(/Showing 60 of 70 callers\./)).toBeVisible();
  });
}
