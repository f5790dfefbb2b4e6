import { expect, type Page, test } from '@playwright/test';
import { playThrough, progressText } from './play-helpers';

/**
 * Federation flows in the browser, as a newcomer plays them: SAML (xmldsigjs + @xmldom/xmldom signing
 * and verifying in Chromium), Google federated through the user pool's hosted domain set beside
 * Google straight to the identity pool, and the STS gallery's SAML row. Screenshots of the changed
 * views go to screenshots/ for a person to look at.
 */

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

async function playToEnd(page: Page, scenario: string, steps: number) {
  await page.goto(`/?scenario=${scenario}&step=0`);
  await page.getByLabel('Speed').selectOption('4');
  await playThrough(page, steps);
}

const stepItems = (page: Page) => page.getByRole('list', { name: 'Steps' }).getByRole('listitem');

test('SAML sign-in plays to the end in Chromium and ends with credentials', async ({ page }) => {
  const errors = collectErrors(page);
  await playToEnd(page, 'saml', 6);
  await expect(stepItems(page).nth(0)).toContainText('outside AWS');
  await expect(stepItems(page).nth(1)).toContainText('200 OK');
  await expect(stepItems(page).nth(2)).toContainText('200 OK');
  await expect(stepItems(page).nth(3)).toContainText('200 OK');
  // The same two writes as every other flow: AtlasSamlRole may only read public/, so both are refused.
  await expect(stepItems(page).nth(4)).toContainText('403');
  await expect(stepItems(page).nth(5)).toContainText('403');
  await page.getByRole('tab', { name: 'Credentials' }).click();
  await expect(page.getByText(/^ASIA/)).toBeVisible();
  expect(errors).toEqual([]);
});

test('the STS gallery runs AssumeRoleWithSAML live in the browser', async ({ page }) => {
  await page.goto('/?view=sts');
  await expect(page.getByRole('rowheader', { name: 'Duration (min / default / max)' })).toBeVisible({
    timeout: 20_000,
  });
  await page.getByRole('button', { name: 'Run AssumeRoleWithSAML', exact: true }).click();
  const live = page.getByRole('row', { name: /^Live result/ });
  await expect(live).toContainText('AssumeRoleWithSAML: 200 OK', { timeout: 30_000 });
  await expect(live).toContainText(/assumed-role\/AtlasSamlRole\//);
});

test('the STS gallery shows the engine’s duration limits', async ({ page }) => {
  await page.goto('/?view=sts');
  const durations = page.getByRole('row', { name: /^Duration/ });
  // AssumeRole*, then GetFederationToken and GetSessionToken, as STS_OPERATIONS defines them.
  // The table appears once the engine module has loaded (slow on a loaded machine).
  await expect(durations).toContainText('15 min / 1 h / 12 h', { timeout: 20_000 });
  await expect(durations).toContainText('15 min / 12 h / 36 h');
  await expect(durations).toContainText('role chaining (role credentials assuming a role): at most 1 h');
  await expect(
    page
      .getByRole('row', { name: /^Session policy accepted/ })
      .getByRole('cell')
      .last(),
  ).toHaveText('No');
});

test('Google through the user pool: hosted domain, PKCE, pool tokens, then the identity pool', async ({
  page,
}) => {
  // Nine steps, each waiting for the reader: more than the default minute on a loaded machine.
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await playToEnd(page, 'google-via-user-pool', 9);
  const items = stepItems(page);
  await expect(items.nth(0)).toContainText('302');
  await expect(items.nth(1)).toContainText('302');
  await expect(items.nth(2)).toContainText('302');
  await expect(items.nth(3)).toContainText('200 OK');
  await expect(items.nth(6)).toContainText('200 OK');
  await expect(items.nth(7)).toContainText('200 OK');
  await expect(items.nth(8)).toContainText('403');
  await page.getByRole('tab', { name: 'Credentials' }).click();
  await expect(page.getByText(/^ASIA/)).toBeVisible();

  // The GetId step: the USER POOL's key in Logins, and an ID token whose username is Google_<sub>.
  await items.nth(4).getByRole('button').click();
  await page.getByRole('tab', { name: 'Wire' }).click();
  await expect(page.getByRole('tabpanel')).toContainText(
    /"cognito-idp\.us-east-1\.amazonaws\.com\/us-east-1_\w+"/,
  );
  await page.getByRole('tab', { name: 'JWT' }).click();
  await expect(page.getByRole('tabpanel')).toContainText(/Google_\d+/, { timeout: 20_000 });
  await expect(page.getByRole('tabpanel')).toContainText('identities');
  expect(errors).toEqual([]);
});

test('Google straight to the identity pool uses accounts.google.com and Google’s own token', async ({
  page,
}) => {
  await page.goto('/?scenario=google-direct&step=2');
  await expect(progressText(page, 2, 6)).toBeVisible({ timeout: 30_000 });
  await page.getByRole('tab', { name: 'Wire' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('"accounts.google.com"');
  await expect(page.getByRole('tabpanel')).not.toContainText('cognito-idp.us-east-1.amazonaws.com/');
});

test('SAML through the user pool plays to the end with credentials', async ({ page }) => {
  test.setTimeout(120_000);
  await playToEnd(page, 'saml-via-user-pool', 9);
  await expect(stepItems(page).nth(2)).toContainText('302');
  await expect(stepItems(page).nth(6)).toContainText('200 OK');
  await expect(stepItems(page).nth(7)).toContainText('200 OK');
  await expect(stepItems(page).nth(8)).toContainText('403');
});

const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

for (const size of SIZES) {
  test(`screenshots of the changed views (${size.name})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: size.width, height: size.height });
    const full = size.name === 'phone';
    await page.goto('/?view=sts');
    await page.getByRole('button', { name: 'Run AssumeRoleWithSAML', exact: true }).click();
    await expect(page.getByRole('row', { name: /^Live result/ })).toContainText('200 OK', {
      timeout: 30_000,
    });
    await page.screenshot({ path: `screenshots/${size.name}-20-sts-gallery.png`, fullPage: true });
    await page.goto('/?scenario=attack-other-client&step=2');
    await expect(progressText(page, 2, 3)).toBeVisible({ timeout: 30_000 });
    await page.screenshot({ path: `screenshots/${size.name}-21-attack-refusal.png`, fullPage: full });
    await page.getByRole('region', { name: 'Inspector' }).screenshot({
      path: `screenshots/${size.name}-22-refusal-inspector.png`,
    });
    await page.goto('/?scenario=google-via-user-pool&step=9');
    await expect(progressText(page, 9, 9)).toBeVisible({ timeout: 30_000 });
    await page.screenshot({ path: `screenshots/${size.name}-23-google-via-user-pool.png`, fullPage: full });
    await page.goto('/?scenario=attack-forged-sigv4&step=3');
    await expect(progressText(page, 3, 3)).toBeVisible({ timeout: 30_000 });
    await page.getByRole('tab', { name: 'SigV4' }).click();
    await page.getByRole('region', { name: 'Inspector' }).screenshot({
      path: `screenshots/${size.name}-24-forged-sigv4.png`,
    });
  });
}

test('machine to machine: the job is refused reports/write, gets a reports/read token, and reads the reports', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await playToEnd(page, 'machine-to-machine', 3);
  await expect(stepItems(page).nth(0)).toContainText('400 invalid_scope');
  await expect(stepItems(page).nth(1)).toContainText('200 OK');
  await expect(stepItems(page).nth(2)).toContainText('200 OK');
  // The box plays a batch job, and nobody is marked as signing in.
  await expect(page.getByRole('button', { name: /^Batch job/ })).toBeVisible();
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
  // The access token's claims: no user, the client id as sub.
  await page.getByRole('tab', { name: 'JWT' }).click();
  await expect(page.getByRole('row', { name: /^token_use access / })).toBeVisible();
  await expect(page.getByRole('row', { name: /^sub .*its sub is the app client id/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /^username / })).toHaveCount(0);
  expect(errors).toEqual([]);
});
