import { expect, type Page, test } from '@playwright/test';
import { progressText } from './play-helpers';

/**
 * Details a reviewer found by reading the app as a newcomer: values in the inspector stay whole and
 * inside the panel, the theme chosen is kept, a box named for the part it plays, one numbering in the
 * transcript, and a deep link whose `as=` contradicts its scenario.
 */

/** How far the open inspector panel's content reaches past its own width, in pixels. */
async function panelOverflow(page: Page): Promise<number> {
  return page.getByRole('tabpanel').evaluate((el) => el.scrollWidth - el.clientWidth);
}

test('ids, ARNs, keys and dates in the inspector stay whole and inside the panel at 1280 px', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/?scenario=enhanced-flow&step=6');
  await expect(progressText(page, 6, 6)).toBeVisible({ timeout: 20_000 });
  for (const box of [/^Identity pool,/, /^User pool,/, /^STS,/, /^S3,/, /^Browser app,/]) {
    await page.getByRole('button', { name: box }).click();
    await expect(page.getByRole('tab', { name: 'Component' })).toHaveAttribute('aria-selected', 'true');
    expect(await panelOverflow(page), `${box}`).toBeLessThanOrEqual(1);
  }
  // An ARN too long for one line wraps between its parts and is read whole, inside the panel: cut off in
  // a sideways scroller, the two roles' ARNs read the same ("…role/Atlas").
  const arn = page
    .getByRole('tabpanel')
    .locator('dl.kv code', { hasText: /^arn:aws:iam::\d{12}:role\/AtlasGuestRole$/ });
  await page.getByRole('button', { name: /^Identity pool,/ }).click();
  await expect(arn).toBeVisible();
  const inside = await arn.evaluate((el) => {
    const panel = el.closest('[role="tabpanel"]')?.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(el);
    return [...range.getClientRects()].every((r) => panel !== undefined && r.right <= panel.right + 0.5);
  });
  expect(inside).toBe(true);
  await page.getByRole('tab', { name: 'Credentials' }).click();
  await page.getByRole('checkbox', { name: /Reveal/ }).check();
  expect(await panelOverflow(page)).toBeLessThanOrEqual(1);
  // The expiry is one line: a timestamp never breaks at its hyphens.
  const expires = page.getByRole('tabpanel').locator('.nowrap').first();
  const { height, lineHeight } = await expires.evaluate((el) => ({
    height: el.getBoundingClientRect().height,
    lineHeight: Number.parseFloat(getComputedStyle(el).lineHeight) || 20,
  }));
  expect(height).toBeLessThan(lineHeight * 1.5);
});

test('the theme the reader chose is kept after a reload', async ({ page }) => {
  await page.goto('/?scenario=enhanced-flow&step=1');
  const html = page.locator('html');
  const before = (await html.getAttribute('data-theme')) ?? 'light';
  const other = before === 'dark' ? 'light' : 'dark';
  await page.getByRole('button', { name: `Switch to ${other} theme` }).click();
  await expect(html).toHaveAttribute('data-theme', other);
  await page.reload();
  await expect(page.getByRole('button', { name: `Switch to ${before} theme` })).toBeVisible();
  await expect(html).toHaveAttribute('data-theme', other);
});

test('in the central-server scenario the developer box is the laptop that holds only handed-out keys', async ({
  page,
}) => {
  await page.goto('/?scenario=central-server-session-keys&step=4');
  await expect(progressText(page, 4, 4)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: /^Laptop,/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Developer,/ })).toHaveCount(0);
  await page.getByRole('button', { name: /^Laptop,/ }).click();
  const panel = page.getByRole('tabpanel');
  await expect(panel).toContainText('never holds the IAM user’s long-term keys');
  await expect(panel).toContainText(/Temporary key it signs with\s*ASIA/);
  await expect(panel).not.toContainText('Long-term key');
});

test('the transcript numbers steps only with their own labels', async ({ page }) => {
  await page.goto('/?scenario=enhanced-flow&step=6');
  await expect(progressText(page, 6, 6)).toBeVisible({ timeout: 20_000 });
  await page.getByText('Transcript of the whole flow').click();
  const list = page.locator('.transcript ol');
  await expect(list.getByRole('listitem').first()).toContainText('Step 1:');
  expect(await list.evaluate((el) => getComputedStyle(el).listStyleType)).toBe('none');
});

test('a link whose as= contradicts its scenario shows who really signs in', async ({ page }) => {
  await page.goto('/?scenario=enhanced-flow&as=guest&step=1');
  await expect(progressText(page, 1, 6)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('radio', { name: /User pool user/ })).toBeChecked();
  await expect(page.getByRole('radio', { name: /Guest/ })).not.toBeChecked();
});

test('"Who is signing in?" names both people of a two-person scenario, and one person as before', async ({
  page,
}) => {
  const group = page.getByRole('group', { name: 'Who is signing in?' });
  await page.goto('/?scenario=attack-missing-aud&step=0');
  await expect(page.getByRole('region', { name: /^Diagram: Attack: a role trust policy/ })).toBeVisible();
  // Alice signs in at the user pool; the attacker takes a guest identity: both are marked, by name.
  const userPool = group.locator('label', { has: page.getByRole('radio', { name: /User pool user/ }) });
  const guest = group.locator('label', { has: page.getByRole('radio', { name: /Guest/ }) });
  await expect(userPool).toHaveClass(/is-checked/);
  await expect(userPool).toContainText('Alice');
  await expect(guest).toHaveClass(/is-checked/);
  await expect(guest).toContainText('the attacker');
  // No single radio claims to be the answer; the sentence the group is described by gives it.
  await expect(group.getByRole('radio', { checked: true })).toHaveCount(0);
  await expect(group).toHaveAccessibleDescription(
    'Two people here: Alice (user pool user), then the attacker (guest).',
  );
  // A person who signs with IAM keys has no choice of their own, so only the sentence can name them.
  await page.goto('/?scenario=what-if-guests-disabled&step=0');
  await expect(group).toHaveAccessibleDescription(
    'Two people here: an administrator (IAM user keys), then a visitor (guest).',
  );
  await expect(group.locator('label.is-checked')).toHaveCount(1);
  // One person: the checked choice is the answer, and no sentence is added.
  await page.goto('/?scenario=guest&step=0');
  await expect(page.getByRole('radio', { name: /Guest/ })).toBeChecked();
  await expect(group.locator('label.is-checked')).toHaveCount(1);
  await expect(group).toHaveAccessibleDescription('');
});

test('on a 390-pixel phone a long error code in the step list stays inside the page', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?scenario=admin-api-backend&step=5');
  await expect(progressText(page, 5, 7)).toBeVisible({ timeout: 20_000 });
  const steps = page.getByRole('list', { name: 'Steps' });
  await expect(steps).toContainText('MissingAuthenticationTokenException');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // Step back and Next are told apart by their icons too, where the phone hides their words.
  const icon = (name: string) =>
    page
      .getByRole('button', { name })
      .locator('svg')
      .evaluate((svg) => svg.innerHTML);
  expect(await icon('Step forward')).not.toBe(await icon('Play'));
});

test('the inspector tabs follow the tabs pattern: arrows, Home and End', async ({ page }) => {
  await page.goto('/?scenario=enhanced-flow&step=2');
  await expect(progressText(page, 2, 6)).toBeVisible({ timeout: 20_000 });
  const tabs = page.getByRole('tablist', { name: 'Inspector views' }).getByRole('tab');
  await tabs.first().click();
  await page.keyboard.press('End');
  await expect(tabs.last()).toBeFocused();
  await expect(tabs.last()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(tabs.first()).toBeFocused();
  await expect(tabs.first()).toHaveAttribute('aria-selected', 'true');
  // The player's arrow-key shortcuts stay out of the tab list: the step did not change.
  await page.keyboard.press('ArrowRight');
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(progressText(page, 2, 6)).toBeVisible();
});

test('in the Admin API scenario the browser app never shows the backend’s role credentials', async ({
  page,
}) => {
  await page.goto('/?scenario=admin-api-backend&step=4');
  await expect(progressText(page, 4, 7)).toBeVisible({ timeout: 20_000 });
  const app = page.getByRole('button', { name: /^Browser app,/ });
  // After the password challenge the browser holds no token yet, and never the role's keys.
  await expect(app).not.toHaveAccessibleName(/credentials|signed in/);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(progressText(page, 5, 7)).toBeVisible({ timeout: 20_000 });
  await expect(app).toHaveAccessibleName(/signed in \(holding tokens\)$/);
  // The backend box is the one named as keeping them, and the Credentials tab says whose they are.
  await expect(page.getByRole('button', { name: /^Backend, your backend server/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Credentials' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('Held by the Backend box only');
});
