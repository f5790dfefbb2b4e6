import { expect, test } from '@playwright/test';
import { progressText } from './play-helpers';

/** Issue 12, small texts: each says one true thing once. */

test('after sign-out, the table shows AWS’s own messages', async ({ page }) => {
  await page.goto('/?view=sign-out');
  const row = (name: string) => page.getByRole('row', { name: new RegExp(`^${name}`) });
  await expect(row('Refresh token')).toContainText('Refresh Token has been revoked', { timeout: 20_000 });
  await expect(row('Access token')).toContainText('Access Token has been revoked');
  await expect(row('Refresh token')).toContainText('400 NotAuthorizedException');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('the after-sign-out table scrolls sideways and says so', async ({ page }) => {
    await page.goto('/?view=sign-out');
    await expect(page.getByText('scroll the table sideways')).toBeVisible();
    const region = page.getByRole('region', { name: /Probes after GlobalSignOut/ });
    await expect(region).toContainText('Refresh Token has been revoked', { timeout: 20_000 });
    const { scroll, client } = await region.evaluate((el) => ({
      scroll: el.scrollWidth,
      client: el.clientWidth,
    }));
    expect(scroll).toBeGreaterThan(client);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

test('GetSessionToken: the default 12 hours, and no policy check lit when IAM decided nothing', async ({
  page,
}) => {
  await page.goto('/?scenario=sts-session-token&step=1');
  await expect(progressText(page, 1, 2)).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.edge-label--active', { hasText: 'policy check' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'IAM' }).click();
  // The reason is this call's own, not the one for public Cognito APIs.
  await expect(page.getByRole('tabpanel')).toContainText(
    'No IAM evaluation in this step. STS asks IAM nothing for GetSessionToken',
  );
  await expect(page.getByRole('tabpanel')).not.toContainText('Cognito');
  await page.getByRole('tab', { name: 'Wire' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('Action = GetSessionToken');
  await expect(page.getByRole('tabpanel')).not.toContainText('DurationSeconds');
  await page.getByRole('tab', { name: 'Credentials' }).click();
  await expect(page.getByRole('tabpanel')).toContainText(/1[12] h \d+ min/);
});

test('the IAM tab says the decision once', async ({ page }) => {
  await page.goto('/?scenario=enhanced-flow&step=4');
  await expect(progressText(page, 4, 6)).toBeVisible({ timeout: 20_000 });
  await page.getByRole('tab', { name: 'IAM' }).click();
  await expect(page.getByRole('tabpanel')).toContainText(/Allow|Deny/);
  await expect(page.getByRole('tabpanel')).not.toContainText(/Allow Allow|Deny Deny/);
});

test('a request refused at its signature says so in the IAM tab, and the IAM box stays dark', async ({
  page,
}) => {
  await page.goto('/?scenario=attack-forged-sigv4&as=guest&step=3');
  await expect(progressText(page, 3, 3)).toBeVisible({ timeout: 20_000 });
  await page.getByRole('tab', { name: 'IAM' }).click();
  await expect(page.getByRole('tabpanel')).toContainText(
    /refused the request \(SignatureDoesNotMatch\) before any policy was evaluated/,
  );
  // The diagram agrees: the IAM box is not lit as part of this step.
  await expect(page.locator('.service-node.is-active', { hasText: 'IAM' })).toHaveCount(0);
});

test('a scenario title that asks a question is not followed by a full stop', async ({ page }) => {
  await page.goto('/?scenario=after-sign-out&as=userPool&step=0');
  const banner = page.locator('.narration');
  await expect(banner).toContainText('What still works after sign-out? ', { timeout: 20_000 });
  await expect(banner).not.toContainText('?.');
});
