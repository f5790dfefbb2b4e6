import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { progressText } from './play-helpers';

/**
 * Coming back to a finished Learn chapter: it opens on the verdict the reader earned (their stored
 * prediction beside the engine's answer, read again from the run), nothing moves the focus off the
 * chapter's title, and "Predict again" forgets the result and asks the question again. A chapter not
 * finished still opens held before its question, whichever way the reader arrives.
 */

/** The first sight of the Learn view waits for its lazy chunk, slow on a busy machine. */
const FIRST_PAINT = 30_000;
/** The engine loads and replays the steps up to the decisive one. */
const ENGINE = 20_000;
test.describe.configure({ timeout: 180_000 });

const chapterHeading = (page: Page, name: string) => page.getByRole('heading', { level: 2, name });

/**
 * What an earlier visit leaves in this browser: the choice and whether it was right, nothing of the
 * engine's answer. Written before the page's scripts run, and only into an empty storage, so what the
 * page itself stores afterwards survives a reload.
 */
async function finishedBefore(page: Page, chapters: Record<string, { predicted: string; correct: boolean }>) {
  await page.addInitScript((value) => {
    if (localStorage.getItem('identity-atlas.learn.v1') === null)
      localStorage.setItem('identity-atlas.learn.v1', value);
  }, JSON.stringify({ chapters }));
}

test('a finished chapter opens on the verdict kept in the browser, with the engine’s own answer', async ({
  page,
}) => {
  await finishedBefore(page, { 'id-token-vs-access-token': { predicted: 'accepted', correct: false } });
  await page.goto('/?view=learn&chapter=id-token-vs-access-token');
  const title = chapterHeading(page, 'ID token vs access token');
  await expect(title).toBeVisible({ timeout: FIRST_PAINT });
  await expect(title).toBeFocused();
  // A screen reader hears how it went with the title, before reading on.
  await expect(title).toHaveAccessibleDescription('✗ Done before: you predicted wrong.');
  const review = page.getByRole('region', { name: /Done before: you predicted wrong/ });
  await expect(review).toBeVisible();
  await expect(review).toContainText('You predicted');
  await expect(review).toContainText('Yes: both are valid tokens from the same pool');
  // Storage holds none of this: status, AWS's code and message come from this visit's run.
  await expect(review).toContainText('400 NotAuthorizedException', { timeout: ENGINE });
  await expect(review).toContainText('Invalid Access Token');
  await expect(review).toContainText('The right answer');
  await expect(review).toContainText('No: NotAuthorizedException');
  await expect(review.getByRole('heading', { level: 4, name: 'Why' })).toBeVisible();
  // The chapter is where the reader left it: the decisive step played, nothing asked.
  await expect(progressText(page, 2, 2)).toBeVisible();
  await expect(page.getByRole('group', { name: /Will GetUser accept the ID token/ })).toHaveCount(0);
  // The answer arriving does not take the focus off the title.
  await expect(title).toBeFocused();
  // Stepping back through the player leaves the verdict in place.
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(progressText(page, 1, 2)).toBeVisible({ timeout: ENGINE });
  await expect(review).toContainText('400 NotAuthorizedException');
  await expect(page.getByText('1 of 12 chapters done')).toBeVisible();
});

test('Predict again forgets the chapter’s result and asks its question again', async ({ page }) => {
  await finishedBefore(page, { 'id-token-vs-access-token': { predicted: 'accepted', correct: false } });
  await page.goto('/?view=learn&chapter=id-token-vs-access-token');
  await expect(chapterHeading(page, 'ID token vs access token')).toBeVisible({ timeout: FIRST_PAINT });
  const review = page.getByRole('region', { name: /Done before: you predicted wrong/ });
  await expect(review).toContainText('400 NotAuthorizedException', { timeout: ENGINE });
  await review.getByRole('button', { name: 'Predict again' }).click();
  // Held before the decisive step again, its answer hidden, the question asked and focused.
  const prompt = page.getByRole('group', { name: /Will GetUser accept the ID token/ });
  await expect(prompt).toBeVisible({ timeout: ENGINE });
  await expect(page.getByText('1 of 2 played · waiting for your prediction')).toBeVisible();
  await expect(prompt.getByRole('radio').first()).toBeFocused();
  await expect(page.getByRole('list', { name: 'Steps' }).getByRole('listitem').nth(1)).toContainText(
    'not run yet',
  );
  await expect(review).toHaveCount(0);
  await expect(page.getByText('0 of 12 chapters done')).toBeVisible();
  await prompt.getByRole('radio', { name: /No: NotAuthorizedException/ }).check();
  await page.getByRole('button', { name: /Run step 2 and check my prediction/ }).click();
  const verdict = page.getByRole('heading', { level: 3, name: /Your prediction was right/ });
  await expect(verdict).toBeVisible({ timeout: ENGINE });
  await expect(verdict).toBeFocused();
  await expect(page.getByText('1 of 12 chapters done')).toBeVisible();
  // The new result is the one kept.
  await page.reload();
  await expect(page.getByRole('region', { name: /Done before: you predicted right/ })).toBeVisible({
    timeout: FIRST_PAINT,
  });
});

test('Predict again where the question comes first moves the focus to it', async ({ page }) => {
  // The guest chapter asks about its first step: the question is there as soon as it is asked again.
  await finishedBefore(page, { 'no-guests-in-a-user-pool': { predicted: 'refused', correct: false } });
  await page.goto('/?view=learn&chapter=no-guests-in-a-user-pool');
  await expect(chapterHeading(page, 'Why a user pool has no guests')).toBeVisible({ timeout: FIRST_PAINT });
  const review = page.getByRole('region', { name: /Done before: you predicted wrong/ });
  await expect(review).toContainText('The right answer', { timeout: ENGINE });
  await expect(review).toContainText('A new guest identity id');
  await review.getByRole('button', { name: 'Predict again' }).click();
  const prompt = page.getByRole('group', { name: /What does the identity pool answer/ });
  await expect(prompt).toBeVisible({ timeout: ENGINE });
  await expect(prompt.getByRole('radio').first()).toBeFocused();
});

test('a chapter not finished yet opens held before its question, though others are done', async ({
  page,
}) => {
  await finishedBefore(page, { 'id-token-vs-access-token': { predicted: 'accepted', correct: false } });
  await page.goto('/?view=learn&chapter=stop-at-the-jwt');
  const title = chapterHeading(page, 'Stopping at the JWT');
  await expect(title).toBeVisible({ timeout: FIRST_PAINT });
  await expect(page.getByText('1 of 12 chapters done')).toBeVisible();
  await expect(page.getByText(/Coming up before step [\d.]+:/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Go to the question' })).toBeVisible();
  await expect(page.getByRole('region', { name: /Done before/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Predict again' })).toHaveCount(0);
  await expect(title).toHaveAccessibleDescription('');
  await page.getByRole('button', { name: 'Go to the question' }).click();
  await expect(page.getByRole('group', { name: /Will API Gateway let the request through/ })).toBeVisible({
    timeout: ENGINE,
  });
});

test('Back and Forward bring a finished chapter back on its verdict, and the next one still held', async ({
  page,
}) => {
  await page.goto('/?view=learn&chapter=stop-at-the-jwt');
  await expect(chapterHeading(page, 'Stopping at the JWT')).toBeVisible({ timeout: FIRST_PAINT });
  await page.getByRole('button', { name: 'Go to the question' }).click();
  const prompt = page.getByRole('group', { name: /Will API Gateway let the request through/ });
  await expect(prompt).toBeVisible({ timeout: ENGINE });
  await prompt.getByRole('radio', { name: /Yes, the method answers/ }).check();
  await page.getByRole('button', { name: /check my prediction/ }).click();
  await expect(page.getByRole('region', { name: /Your prediction was right/ })).toBeVisible({
    timeout: ENGINE,
  });
  await page.getByRole('link', { name: /Next chapter: Signing in to the identity pool directly/ }).click();
  const next = chapterHeading(page, 'Signing in to the identity pool directly');
  await expect(next).toBeFocused();

  await page.goBack();
  const title = chapterHeading(page, 'Stopping at the JWT');
  await expect(title).toBeFocused();
  const review = page.getByRole('region', { name: /Done before: you predicted right/ });
  await expect(review).toBeVisible();
  await expect(review).toContainText('Yes, the method answers');
  await expect(review).toContainText('200 OK', { timeout: ENGINE });
  await expect(page.getByRole('group', { name: /Will API Gateway let the request through/ })).toHaveCount(0);
  await expect(title).toBeFocused();

  await page.goForward();
  await expect(next).toBeFocused();
  await expect(page.getByRole('button', { name: 'Go to the question' })).toBeVisible();
  await expect(page.getByRole('region', { name: /Done before/ })).toHaveCount(0);

  // From the chapter list too.
  await page.getByRole('link', { name: '← All chapters' }).click();
  await page.getByRole('link', { name: /Stopping at the JWT.*predicted right/ }).click();
  await expect(page.getByRole('region', { name: /Done before: you predicted right/ })).toContainText(
    '200 OK',
    { timeout: ENGINE },
  );
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation in a finished chapter, ${theme} theme`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: theme });
    await finishedBefore(page, { 'user-pool-vs-identity-pool': { predicted: 'default', correct: false } });
    await page.goto('/?view=learn&chapter=user-pool-vs-identity-pool');
    const review = page.getByRole('region', { name: /Done before: you predicted wrong/ });
    await expect(review).toContainText('AtlasAdminsRole', { timeout: FIRST_PAINT });
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  });
}
