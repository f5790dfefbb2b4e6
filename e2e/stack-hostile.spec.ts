import { expect, type Page, test } from '@playwright/test';

/**
 * "Your stack" and "Learn" as an attacker and as a reader with two tabs: a template whose values are of
 * the wrong kind is refused with where, never "Import failed: TypeError"; a tab that imports keeps the
 * draft another tab is typing; Learn progress written in one tab shows in the other, and neither loses
 * the other's chapters; foreign values left in storage are ignored, the reader's own data kept.
 */

const GOOD = '{"Resources":{"B":{"Type":"AWS::S3::Bucket"}}}';
const PROGRESS_KEY = 'identity-atlas.learn.v1';
const DRAFT_KEY = 'identity-atlas-stack-draft';

async function openStack(page: Page) {
  await page.goto('/?view=stack');
  await expect(page.getByRole('heading', { name: 'Your stack' })).toBeVisible({ timeout: 20_000 });
}

async function importText(page: Page, text: string) {
  await page.getByLabel('Template (JSON or YAML)').fill(text);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
}

test('an object where an intrinsic function needs text is refused with where, not a TypeError', async ({
  page,
}) => {
  await openStack(page);
  await importText(
    page,
    '{"Resources":{"A":{"Type":"AWS::S3::Bucket","Properties":{"BucketName":{"Fn::Join":[{"a":1},["x"]]}}}}}',
  );
  await expect(page.getByRole('alert')).toContainText('Resources.A.Properties.BucketName.Fn::Join');
  await expect(page.getByRole('alert')).not.toContainText('TypeError');
});

test('an output naming a resource its condition leaves out is refused in CloudFormation’s words, the stack before kept', async ({
  page,
}) => {
  await openStack(page);
  await importText(page, GOOD);
  await expect(page.getByText(/pasted template: 1 resource simulated/)).toBeVisible({ timeout: 30_000 });
  await importText(
    page,
    JSON.stringify({
      Conditions: { Never: { 'Fn::Equals': ['a', 'b'] } },
      Resources: { Logs: { Type: 'AWS::S3::Bucket', Condition: 'Never' } },
      Outputs: { LogsArn: { Value: { 'Fn::GetAtt': ['Logs', 'Arn'] } } },
    }),
  );
  await expect(page.getByRole('alert')).toContainText(
    'Outputs.LogsArn.Value.Fn::GetAtt: Template format error: Unresolved resource dependencies [Logs] in the Outputs block of the template',
  );
  await expect(page.getByText(/pasted template: 1 resource simulated/)).toBeVisible();
});

test('a tab that imports keeps the draft another tab has typed since', async ({ context }) => {
  test.setTimeout(90_000);
  const typing = await context.newPage();
  const importing = await context.newPage();
  const stored = (page: Page) => page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY);
  await openStack(importing);
  await openStack(typing);
  // The importing tab's text is a draft first; the other tab's typing then replaces it (one draft a site).
  await importing.getByLabel('Template (JSON or YAML)').fill(GOOD);
  await expect.poll(() => stored(importing)).toBe(GOOD);
  const draft = '{"Resources": {"Half": ';
  await typing.getByLabel('Template (JSON or YAML)').fill(draft);
  await expect.poll(() => stored(typing)).toBe(draft);
  await importing.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importing.getByText(/pasted template: 1 resources? simulated/)).toBeVisible({
    timeout: 30_000,
  });
  await typing.reload();
  await expect(typing.getByLabel('Template (JSON or YAML)')).toHaveValue(draft, { timeout: 20_000 });
});

test('two tabs importing different templates and typing different drafts each get their own back on a reload', async ({
  context,
}) => {
  test.setTimeout(120_000);
  const first = await context.newPage();
  const second = await context.newPage();
  const box = (page: Page) => page.getByLabel('Template (JSON or YAML)');
  const tabs = [
    { page: first, bucket: 'FirstBucket', draft: '{"Resources": {"FirstDraft": ' },
    { page: second, bucket: 'SecondBucket', draft: '{"Resources": {"SecondDraft": ' },
  ];
  for (const { page, bucket } of tabs) {
    await openStack(page);
    await importText(page, `{"Resources":{"${bucket}":{"Type":"AWS::S3::Bucket"}}}`);
    await expect(page.getByText(/pasted template: 1 resource simulated/)).toBeVisible({ timeout: 30_000 });
  }
  // Each tab's reload shows the stack that tab imported, not the other tab's later one.
  for (const { page, bucket } of tabs) {
    await page.reload();
    await expect(box(page)).toHaveValue(new RegExp(bucket), { timeout: 20_000 });
    await expect(page.getByText(/pasted template: 1 resource simulated/)).toBeVisible({ timeout: 30_000 });
  }
  // The same for text typed and not imported: each tab's draft comes back to that tab.
  for (const { page, draft } of tabs) {
    await box(page).fill(draft);
    await expect.poll(() => page.evaluate((k) => sessionStorage.getItem(k), DRAFT_KEY)).toBe(draft);
  }
  for (const { page, draft } of tabs) {
    await page.reload();
    await expect(box(page)).toHaveValue(draft, { timeout: 20_000 });
  }
  // A new tab opens with the last draft any tab kept.
  const third = await context.newPage();
  await openStack(third);
  await expect(box(third)).toHaveValue(tabs[1]?.draft ?? '', { timeout: 20_000 });
});

test('Learn progress written in one tab shows in the other, and neither loses the other’s', async ({
  context,
}) => {
  const first = await context.newPage();
  const second = await context.newPage();
  for (const page of [first, second]) {
    await page.goto('/?view=learn');
    await expect(page.getByText(/^0 of \d+ chapters done/)).toBeVisible({ timeout: 20_000 });
  }
  // Another tab's write (as its Learn view makes it) reaches this tab through the storage event.
  await first.evaluate(
    (key) =>
      localStorage.setItem(
        key,
        JSON.stringify({
          chapters: { 'id-token-vs-access-token': { predicted: 'accepted', correct: false } },
        }),
      ),
    PROGRESS_KEY,
  );
  await expect(second.getByRole('link', { name: /ID token vs access token.*predicted wrong/ })).toBeVisible();
  await expect(second.getByText(/^1 of \d+ chapters done/)).toBeVisible();
  await second.getByRole('button', { name: 'Reset progress' }).click();
  await expect(first.getByText(/^0 of \d+ chapters done/)).toBeVisible();
});

test('foreign values in storage are ignored and the rest of the reader’s data kept', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(
    ([progress, draft]) => {
      // Bad JSON (one brace short), then a draft longer than any template may be.
      localStorage.setItem(progress, '{"chapters": {"id-token-vs-access-token": {}, "x": [1, {"y": null}]}');
      localStorage.setItem(draft, 'z'.repeat(1_000_001));
    },
    [PROGRESS_KEY, DRAFT_KEY] as const,
  );
  await page.goto('/?view=learn');
  await expect(page.getByText(/^0 of \d+ chapters done/)).toBeVisible({ timeout: 20_000 });
  await page.evaluate(
    (key) => localStorage.setItem(key, '{"chapters": {"id-token-vs-access-token": {}, "future": [1]}}'),
    PROGRESS_KEY,
  );
  await page.reload();
  await expect(page.getByText(/^1 of \d+ chapters done/)).toBeVisible({ timeout: 20_000 });
  await openStack(page);
  await expect(page.getByLabel('Template (JSON or YAML)')).toHaveValue('');
});
