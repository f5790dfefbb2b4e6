import { expect, test } from '@playwright/test';
import { progressText } from './play-helpers';

/**
 * Issue 12, navigation like the web: views and scenarios are history entries, steps replace the entry,
 * Back and Forward restore exactly; the clock moves are in the link; the STS gallery's column headers
 * open their scenario; a diagram box explains itself.
 */

const views = (page: import('@playwright/test').Page) => page.getByRole('navigation', { name: 'Views' });

test('Back and Forward move between views and scenarios; steps replace the entry', async ({ page }) => {
  await page.goto('/?scenario=enhanced-flow&step=0');
  await expect(page.getByRole('region', { name: /^Diagram: Enhanced flow/ })).toBeVisible();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(progressText(page, 1, 6)).toBeVisible({ timeout: 20_000 });
  await expect(page).toHaveURL(/step=1/);
  await views(page).getByRole('button', { name: 'STS gallery' }).click();
  await expect(page.getByRole('heading', { name: 'The five STS calls side by side' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('region', { name: /^Diagram: Enhanced flow/ })).toBeVisible();
  await expect(progressText(page, 1, 6)).toBeVisible({ timeout: 20_000 });
  await page.goForward();
  await expect(page.getByRole('heading', { name: 'The five STS calls side by side' })).toBeVisible();
  await page.goBack();
  await page.getByRole('combobox', { name: /^Scenario/ }).selectOption('guest');
  await expect(page.getByRole('region', { name: /^Diagram: Guest/ })).toBeVisible();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(progressText(page, 1, 5)).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(progressText(page, 2, 5)).toBeVisible({ timeout: 20_000 });
  // The two steps replaced the entry: one Back returns to the enhanced flow where the reader left it.
  await page.goBack();
  await expect(page.getByRole('region', { name: /^Diagram: Enhanced flow/ })).toBeVisible();
  await expect(progressText(page, 1, 6)).toBeVisible({ timeout: 20_000 });
  await page.goForward();
  await expect(page.getByRole('region', { name: /^Diagram: Guest/ })).toBeVisible();
  await expect(progressText(page, 2, 5)).toBeVisible({ timeout: 20_000 });
});

test('while a flow plays on by itself, the link follows the step shown: a reload comes back there', async ({
  page,
}) => {
  await page.goto('/?scenario=enhanced-flow&as=userPool&step=1');
  await expect(progressText(page, 1, 6)).toBeVisible({ timeout: 20_000 });
  await page.getByLabel('Auto-advance').check();
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('4');
  await page.getByRole('button', { name: 'Play' }).click();
  // Still playing (not at the end): the address bar has moved on with it.
  await expect(page).toHaveURL(/step=[3-5](&|$)/, { timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.reload();
  const shown = Number(new URL(page.url()).searchParams.get('step'));
  expect(shown).toBeGreaterThanOrEqual(3);
  await expect(progressText(page, shown, 6)).toBeVisible({ timeout: 20_000 });
});

test('Back to the bare first address shows the default scenario again, as a fresh page would', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('region', { name: /^Diagram: Enhanced flow/ })).toBeVisible();
  await page.getByRole('combobox', { name: /^Scenario/ }).selectOption('guest');
  await expect(page.getByRole('region', { name: /^Diagram: Guest/ })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('region', { name: /^Diagram: Enhanced flow/ })).toBeVisible();
  await expect(progressText(page, 0, 6)).toBeVisible({ timeout: 20_000 });
  await page.goForward();
  await expect(page.getByRole('region', { name: /^Diagram: Guest/ })).toBeVisible();
});

test('a step left before its URL is written comes back with Forward, and with Back after a scenario change', async ({
  page,
}) => {
  // A step's URL is written when the page is next idle. Here idle moments come two seconds late, so
  // every Back, Forward and scenario change below happens while that write is still waiting.
  await page.addInitScript(() => {
    window.requestIdleCallback = (callback) =>
      window.setTimeout(() => callback({ didTimeout: true, timeRemaining: () => 0 }), 2_000);
    window.cancelIdleCallback = (handle) => window.clearTimeout(handle);
  });
  await page.goto('/?scenario=enhanced-flow&step=0');
  await expect(page.getByRole('region', { name: /^Diagram: Enhanced flow/ })).toBeVisible();
  await page.getByRole('combobox', { name: /^Scenario/ }).selectOption('guest');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(progressText(page, 1, 5)).toBeVisible({ timeout: 20_000 });
  await expect(page).not.toHaveURL(/step=1/);
  await page.goBack();
  await expect(page.getByRole('region', { name: /^Diagram: Enhanced flow/ })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('region', { name: /^Diagram: Guest/ })).toBeVisible();
  await expect(progressText(page, 1, 5)).toBeVisible({ timeout: 20_000 });
  await expect(page).toHaveURL(/step=1/);
  // A scenario change writes the waiting step into the entry it leaves.
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(progressText(page, 2, 5)).toBeVisible({ timeout: 20_000 });
  await page.getByRole('combobox', { name: /^Scenario/ }).selectOption('basic-flow');
  await expect(page.getByRole('region', { name: /^Diagram: Basic \(classic\) flow: the app/ })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('region', { name: /^Diagram: Guest/ })).toBeVisible();
  await expect(progressText(page, 2, 5)).toBeVisible({ timeout: 20_000 });
  await expect(page).toHaveURL(/step=2/);
});

test('the clock moved with the credential buttons is in the link and comes back with it', async ({
  page,
}) => {
  await page.goto('/?scenario=enhanced-flow&step=3');
  await expect(progressText(page, 3, 6)).toBeVisible({ timeout: 20_000 });
  await page.getByRole('tab', { name: 'Credentials' }).click();
  const time = page.getByRole('tabpanel').locator('time');
  const before = await time.textContent();
  await page.getByRole('button', { name: 'Clock +1 hour' }).click();
  await expect(time).not.toHaveText(before ?? '');
  const moved = await time.textContent();
  await expect(page).toHaveURL(/clock=3%3A3600000|clock=3:3600000/);
  await page.reload();
  await expect(progressText(page, 3, 6)).toBeVisible({ timeout: 20_000 });
  await page.getByRole('tab', { name: 'Credentials' }).click();
  await expect(page.getByRole('tabpanel').locator('time')).toHaveText(moved ?? '');
  await expect(page.getByRole('button', { name: /^Browser app.*credentials expired/ })).toBeVisible();
});

test('when the clock has moved as far as a link carries, its buttons say so instead of doing nothing', async ({
  page,
}) => {
  const week = 7 * 24 * 3_600_000;
  const clock = Array.from({ length: 20 }, () => `3:${week}`).join(',');
  await page.goto(`/?scenario=enhanced-flow&as=userPool&step=3&clock=${clock}`);
  await expect(progressText(page, 3, 6)).toBeVisible({ timeout: 20_000 });
  await page.getByRole('tab', { name: 'Credentials' }).click();
  const hour = page.getByRole('button', { name: 'Clock +1 hour' });
  await expect(hour).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByRole('tabpanel')).toContainText('The clock has moved as far as a link can carry');
  const time = await page.getByRole('tabpanel').locator('time').textContent();
  // Pressed anyway (aria-disabled keeps it focusable): the clock stays where it was.
  await hour.focus();
  await page.keyboard.press('Enter');
  await expect(hour).toBeFocused();
  await expect(page.getByRole('tabpanel').locator('time')).toHaveText(time ?? '');
});

test('an STS gallery column header opens that scenario in Flows', async ({ page }) => {
  await page.goto('/?view=sts');
  await page.getByRole('button', { name: 'GetSessionToken', exact: true }).click();
  await expect(page.getByRole('region', { name: /^Diagram:/ })).toBeVisible();
  await expect(page.getByRole('combobox', { name: /^Scenario/ })).toHaveValue(/session-token/);
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'The five STS calls side by side' })).toBeVisible();
});

test('a diagram box explains itself on click or Enter', async ({ page }) => {
  await page.goto('/?scenario=enhanced-flow&step=2');
  await expect(progressText(page, 2, 6)).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: /^Identity pool,/ }).click();
  const panel = page.getByRole('tabpanel');
  await expect(page.getByRole('tab', { name: 'Component' })).toHaveAttribute('aria-selected', 'true');
  await expect(panel).toContainText('trades a token');
  await expect(panel).toContainText(/Identity id issued\s*us-east-1:/);
  await expect(panel.getByRole('button', { name: /GetCredentials|Get AWS credentials/ })).toBeVisible();
  await page.getByRole('button', { name: /^S3,/ }).focus();
  await page.keyboard.press('Enter');
  await expect(panel).toContainText('demo bucket');
  await expect(panel).toContainText('private/$' + '{cognito-identity.amazonaws.com:sub}/*');
  // Another scenario without an identity pool does not keep describing the box chosen here.
  await page.getByRole('button', { name: /^Identity pool,/ }).click();
  await expect(panel).toContainText('trades a token');
  await page.getByRole('combobox', { name: /^Scenario/ }).selectOption('sts-session-token');
  await expect(page.getByRole('region', { name: /^Diagram: GetSessionToken/ })).toBeVisible();
  await expect(panel).not.toContainText('Identity pool');
  await expect(panel).toContainText('Click a box in the diagram');
});

test('Space on a disclosure opens it and does not also play a step', async ({ page }) => {
  await page.goto('/?scenario=enhanced-flow&step=2');
  await expect(progressText(page, 2, 6)).toBeVisible({ timeout: 20_000 });
  const transcript = page.locator('summary', { hasText: 'Transcript of the whole flow' });
  await transcript.focus();
  await page.keyboard.press('Space');
  await expect(page.locator('details', { has: transcript })).toHaveAttribute('open', '');
  await page.waitForTimeout(1_500);
  await expect(progressText(page, 2, 6)).toBeVisible();
});

/** The query the address bar shows, decoded, so a test reads it as a person would. */
const addressQuery = (page: import('@playwright/test').Page) =>
  decodeURIComponent(new URL(page.url()).search);

test('a link with values the app cannot show is corrected in place to what it shows', async ({ page }) => {
  await page.goto('/?scenario=guest&step=999');
  await expect(progressText(page, 5, 5)).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => addressQuery(page)).toBe('?scenario=guest&as=guest&step=5');

  await page.goto('/?step=abc');
  await expect(page.getByRole('region', { name: /^Diagram: Enhanced flow/ })).toBeVisible();
  await expect.poll(() => addressQuery(page)).toBe('?scenario=enhanced-flow&as=userPool&step=0');

  await page.goto('/?scenario=guest&view=nonsense');
  await expect(page.getByRole('region', { name: /^Diagram: Guest/ })).toBeVisible();
  await expect.poll(() => addressQuery(page)).toBe('?scenario=guest&as=guest&step=0');
});

test('the correction replaces the entry: Back leaves it, Forward returns to the corrected link', async ({
  page,
}) => {
  await page.goto('/?view=sts');
  await expect(page.getByRole('heading', { name: 'The five STS calls side by side' })).toBeVisible();
  await page.goto('/?scenario=guest&step=abc&view=nonsense');
  await expect(page.getByRole('region', { name: /^Diagram: Guest/ })).toBeVisible();
  await expect.poll(() => addressQuery(page)).toBe('?scenario=guest&as=guest&step=0');
  const entries = await page.evaluate(() => history.length);
  // Stepping and opening a view still work as before from the corrected entry.
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(progressText(page, 1, 5)).toBeVisible({ timeout: 20_000 });
  await expect(page).toHaveURL(/step=1/);
  await views(page).getByRole('button', { name: 'STS gallery' }).click();
  await expect(page.getByRole('heading', { name: 'The five STS calls side by side' })).toBeVisible();
  expect(await page.evaluate(() => history.length)).toBe(entries + 1);
  await page.goBack();
  await expect(progressText(page, 1, 5)).toBeVisible({ timeout: 20_000 });
  expect(addressQuery(page)).toBe('?scenario=guest&as=guest&step=1');
  // One more Back leaves the corrected page for the one before it: no entry kept the malformed link.
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'The five STS calls side by side' })).toBeVisible();
  expect(addressQuery(page)).toBe('?view=sts');
  await page.goForward();
  await expect(page.getByRole('region', { name: /^Diagram: Guest/ })).toBeVisible();
  expect(addressQuery(page)).toBe('?scenario=guest&as=guest&step=1');
});
