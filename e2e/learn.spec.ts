import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { progressText } from './play-helpers';

/**
 * Issue 12, a guided path: the Learn view lists the chapters; each chapter is a link, holds playback
 * before its decisive step until the reader predicts, then shows the engine's answer and the verdict;
 * progress survives a reload and can be reset; Back and Forward move between chapters.
 */

/** The first sight of the Learn view waits for its lazy chunk, slow on a busy machine. */
const FIRST_PAINT = 30_000;
test.describe.configure({ timeout: 180_000 });

const views = (page: Page) => page.getByRole('navigation', { name: 'Views' });
const chapterHeading = (page: Page, name: string) => page.getByRole('heading', { level: 2, name });

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('a chapter link holds playback before the decisive step until the reader predicts, then shows the engine’s answer', async ({
  page,
}) => {
  await page.goto('/?view=learn&chapter=id-token-vs-access-token');
  const title = chapterHeading(page, 'ID token vs access token');
  await expect(title).toBeVisible({ timeout: FIRST_PAINT });
  await expect(title).toBeFocused();
  await expect(page.getByText('Chapter 5 of 12')).toBeVisible();
  // Before the decisive step the question is announced but not yet asked.
  await expect(page.getByRole('group', { name: /Will GetUser accept the ID token/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Play' }).click();
  const prompt = page.getByRole('group', { name: /Will GetUser accept the ID token/ });
  await expect(prompt).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('1 of 2 played · waiting for your prediction')).toBeVisible();
  // The first choice took focus when the question appeared.
  const wrong = prompt.getByRole('radio', { name: /Yes: both are valid tokens/ });
  await expect(wrong).toBeFocused();
  // Playback waits: Next and Play are held, and the arrow key does not run the step either.
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Play' })).toBeDisabled();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await page.waitForTimeout(2_500);
  await expect(page.getByText('1 of 2 played · waiting for your prediction')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Steps' }).getByRole('listitem').nth(1)).toContainText(
    'not run yet',
  );
  // Answered with the keyboard.
  await wrong.focus();
  await page.keyboard.press('Space');
  await expect(wrong).toBeChecked();
  await page.getByRole('button', { name: /Run step 2 and check my prediction/ }).click();
  const verdict = page.getByRole('heading', { level: 3, name: /Your prediction was wrong/ });
  await expect(verdict).toBeVisible({ timeout: 20_000 });
  await expect(verdict).toBeFocused();
  const result = page.getByRole('region', { name: /Your prediction was wrong/ });
  // The engine's own answer, read from the response: status, AWS's code and message.
  await expect(result).toContainText('400 NotAuthorizedException');
  await expect(result).toContainText('Invalid Access Token');
  await expect(result).toContainText('No: NotAuthorizedException');
  await expect(progressText(page, 2, 2)).toBeVisible();
  await expect(page.getByText('1 of 12 chapters done')).toBeVisible();

  // Progress survives a reload, and the chapter reopens on the verdict kept for it (learn-revisit.spec.ts).
  await page.reload();
  await expect(chapterHeading(page, 'ID token vs access token')).toBeVisible({ timeout: FIRST_PAINT });
  await expect(page.getByText('1 of 12 chapters done')).toBeVisible();
  await expect(page.getByText('Done before: you predicted wrong.')).toBeVisible();
  await page.getByRole('link', { name: '← All chapters' }).click();
  await expect(page).toHaveURL(/\?view=learn$/);
  await expect(page.getByRole('link', { name: /ID token vs access token.*predicted wrong/ })).toBeVisible();
  await page.getByRole('button', { name: 'Reset progress' }).click();
  await expect(page.getByText('0 of 12 chapters done')).toBeVisible();
  await page.reload();
  await expect(page.getByText('0 of 12 chapters done')).toBeVisible({ timeout: FIRST_PAINT });
});

test('which role the pool chooses is the engine’s choice, and a right prediction says so', async ({
  page,
}) => {
  await page.goto('/?view=learn&chapter=user-pool-vs-identity-pool');
  await expect(chapterHeading(page, 'User pool vs identity pool')).toBeVisible({ timeout: FIRST_PAINT });
  await page.getByRole('button', { name: 'Go to the question' }).click();
  const prompt = page.getByRole('group', { name: /Which IAM role will the identity pool give/ });
  await expect(prompt).toBeVisible({ timeout: 20_000 });
  await expect(progressText(page, 2, 6)).toHaveCount(0); // the progress text carries the hold
  await expect(page.getByText('2 of 6 played · waiting for your prediction')).toBeVisible();
  await prompt.getByRole('radio', { name: /AtlasAdminsRole/ }).check();
  // Step 2 is also GetId's phase: the button names the step by its title too.
  await page
    .getByRole('button', {
      name: 'Run step 2, “Ask the identity pool for AWS credentials (GetCredentialsForIdentity)” and check my prediction',
    })
    .click();
  const result = page.getByRole('region', { name: /Your prediction was right/ });
  await expect(result).toBeVisible({ timeout: 20_000 });
  await expect(result).toContainText('200 OK');
  await expect(result).toContainText('AtlasAdminsRole');
  await expect(result).toContainText('cognito:preferred_role');
  // The diagram is one click away and shows the same run.
  await page.getByText('Show the diagram').click();
  await expect(page.getByRole('region', { name: /^Diagram: Enhanced flow/ })).toBeVisible({
    timeout: 20_000,
  });
  // After the answer the player runs freely to the end.
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(progressText(page, 4, 6)).toBeVisible({ timeout: 20_000 });
});

test('the Learn view is a history entry and each chapter one more: Back and Forward move between them', async ({
  page,
}) => {
  await page.goto('/?scenario=enhanced-flow&step=0');
  await expect(page.getByRole('region', { name: /^Diagram: Enhanced flow/ })).toBeVisible({
    timeout: FIRST_PAINT,
  });
  await views(page).getByRole('button', { name: 'Learn' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Learn' })).toBeVisible({ timeout: FIRST_PAINT });
  await expect(page).toHaveURL(/\?view=learn$/);
  await expect(page.getByRole('list').getByRole('link')).toHaveCount(12);
  await page.getByRole('link', { name: /Stopping at the JWT/ }).click();
  await expect(chapterHeading(page, 'Stopping at the JWT')).toBeFocused();
  await expect(page).toHaveURL(/\?view=learn&chapter=stop-at-the-jwt$/);
  await page.getByRole('link', { name: /Next chapter: Signing in to the identity pool directly/ }).click();
  await expect(chapterHeading(page, 'Signing in to the identity pool directly')).toBeFocused();
  await expect(page).toHaveURL(/chapter=straight-to-the-identity-pool$/);
  await page.goBack();
  await expect(chapterHeading(page, 'Stopping at the JWT')).toBeVisible();
  await expect(page.getByText('Chapter 3 of 12')).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 2, name: 'Learn' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('region', { name: /^Diagram: Enhanced flow/ })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('heading', { level: 2, name: 'Learn' })).toBeVisible();
  await page.goForward();
  await expect(chapterHeading(page, 'Stopping at the JWT')).toBeVisible();
  // The chapter reopened by Forward is held before its question again.
  await page.getByRole('button', { name: 'Go to the question' }).click();
  await expect(page.getByRole('group', { name: /Will API Gateway let the request through/ })).toBeVisible({
    timeout: 20_000,
  });
  await page.goForward();
  await expect(chapterHeading(page, 'Signing in to the identity pool directly')).toBeVisible();
});

test('the last chapter asks what Cognito Sync does with a stale push, and the engine answers it', async ({
  page,
}) => {
  await page.goto('/?view=learn&chapter=cognito-sync-vs-appsync');
  await expect(chapterHeading(page, 'Cognito Sync vs AppSync')).toBeVisible({ timeout: FIRST_PAINT });
  await expect(page.getByText('Chapter 12 of 12')).toBeVisible();
  await page.getByRole('button', { name: 'Go to the question' }).click();
  const prompt = page.getByRole('group', { name: /What does Cognito Sync do with it/ });
  await expect(prompt).toBeVisible({ timeout: 30_000 });
  // Sign-in, GetId, GetCredentials, both pulls and the phone's push have run; the laptop's push waits.
  await expect(page.getByText('6 of 12 played · waiting for your prediction')).toBeVisible();
  await prompt.getByRole('radio', { name: /ResourceConflictException/ }).check();
  await page
    .getByRole('button', {
      name: /Run step 3, “Alice’s laptop pushes theme = light \(UpdateRecords, SyncCount 0\)” and check my prediction/,
    })
    .click();
  const result = page.getByRole('region', { name: /Your prediction was right/ });
  await expect(result).toBeVisible({ timeout: 20_000 });
  // The engine's own refusal: status and code from the answer, and Cognito Sync's message.
  await expect(result).toContainText('409 ResourceConflictException');
  await expect(result).toContainText('Current SyncCount for: theme is: 1 not: 0');
  // The labs stay one click away.
  await expect(page.getByRole('button', { name: 'Open the AppSync lab' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open the Cognito Sync lab' })).toBeVisible();
  await page.screenshot({ path: 'screenshots/desktop-learn-04-sync-verdict.png', fullPage: true });
});

test('nothing on the page gives the answer away before the reader predicts', async ({ page }) => {
  await page.goto('/?view=learn&chapter=get-session-token');
  await expect(chapterHeading(page, 'GetSessionToken and the central server')).toBeVisible({
    timeout: FIRST_PAINT,
  });
  const narration = page.locator('.narration');
  // The scenario's summary says what the keys can do; the chapter's own framing sets the scene instead.
  await expect(narration).toContainText('Press Play, or Next');
  await expect(narration).not.toContainText('the user’s own permissions');
  await page.getByRole('button', { name: 'Go to the question' }).click();
  const prompt = page.getByRole('group', { name: /Will S3 accept the write/ });
  await expect(prompt).toBeVisible({ timeout: 30_000 });
  const steps = page.getByRole('list', { name: 'Steps' });
  const main = page.getByRole('main');
  // Neither the list, nor the held-playback hint, nor anything else says "allowed" or "refused".
  await expect(main).not.toContainText(/: allowed|: refused/);
  await expect(
    page.getByText(/waiting for your prediction before step 1\.5, “The laptop writes to S3/),
  ).toBeVisible();
  await expect(steps.getByRole('listitem').nth(1)).toContainText(
    'The laptop writes to S3 with the session keys',
  );
  await expect(steps.getByRole('listitem').nth(2)).toContainText('Shown after your prediction');
  await expect(steps.getByRole('listitem').nth(3)).toContainText('Shown after your prediction');
  await prompt.getByRole('radio', { name: /^Yes/ }).check();
  await page.getByRole('button', { name: /Run step 1\.5 and check my prediction/ }).click();
  await expect(page.getByRole('region', { name: /Your prediction was right/ })).toBeVisible({
    timeout: 20_000,
  });
  // With the answer shown, the steps have their own titles again.
  await expect(steps.getByRole('listitem').nth(1)).toContainText('with the session keys: allowed');
  await expect(steps.getByRole('listitem').nth(3)).toContainText('with the federated keys: refused');

  // Another chapter whose summary names the outcome: the guest's scope-down.
  await page.goto('/?view=learn&chapter=guest-scope-down');
  await expect(narration).toContainText('Press Play, or Next', { timeout: FIRST_PAINT });
  await expect(narration).not.toContainText('scope-down session policy does not');
});

test('where four steps share phase 5, the lesson names the one it asks about by its title', async ({
  page,
}) => {
  await page.goto('/?view=learn&chapter=signing-out');
  await expect(chapterHeading(page, 'Signing out')).toBeVisible({ timeout: FIRST_PAINT });
  await expect(page.getByText(/Coming up before step 5, “Probe: the ID token at API Gateway”/)).toBeVisible();
  await page.getByRole('button', { name: 'Go to the question' }).click();
  const prompt = page.getByRole('group', { name: /sends the same ID token to API Gateway/ });
  await expect(prompt).toBeVisible({ timeout: 30_000 });
  await prompt.getByRole('radio', { name: /^Yes/ }).check();
  // Not "Run step 5": the refresh and access-token probes before it are step 5 too.
  await page
    .getByRole('button', {
      name: 'Run step 5, “Probe: the ID token at API Gateway” and check my prediction',
    })
    .click();
  await expect(page.getByRole('region', { name: /Your prediction was right/ })).toBeVisible({
    timeout: 20_000,
  });
  // Opened in Flows, the scenario is where the chapter left it, not back at its start.
  await page.getByRole('button', { name: /in Flows, with the inspector/ }).click();
  await expect(page.getByRole('region', { name: /^Diagram: What still works after sign-out/ })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByText(/^7 of 8 played/)).toBeVisible({ timeout: 20_000 });
});

test('the question comes when the status says playback waits for it, not seconds later', async ({ page }) => {
  await page.goto('/?view=learn&chapter=stop-at-the-jwt');
  await expect(chapterHeading(page, 'Stopping at the JWT')).toBeVisible({ timeout: FIRST_PAINT });
  // Watched in the page, every 20 ms, from the press until the question is there: whenever the status
  // says playback waits for a prediction, the question is on screen.
  const watch = page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const seen: string[] = [];
        const started = performance.now();
        const timer = setInterval(() => {
          const status = document.querySelector('.progress__text')?.textContent ?? '';
          const asked = [...document.querySelectorAll('legend')].some((l) =>
            l.textContent?.includes('GET /me'),
          );
          const panel = document.querySelector('.learn__predict')?.textContent ?? '';
          if (status.includes('waiting for your prediction') && !asked)
            seen.push(`status waits, no question: ${panel}`);
          if (asked || performance.now() - started > 20_000) {
            clearInterval(timer);
            resolve(seen);
          }
        }, 20);
      }),
  );
  await page.getByRole('button', { name: 'Step forward' }).click();
  expect(await watch).toEqual([]);
  await expect(page.getByRole('group', { name: /Will API Gateway let the request through/ })).toBeVisible();
  await expect(page.getByText('1 of 2 played · waiting for your prediction')).toBeVisible();
});

test('an unknown chapter in a link shows the chapter list, and the address bar says so in place', async ({
  page,
}) => {
  await page.goto('/?view=learn&chapter=no-such-chapter');
  const entries = await page.evaluate(() => history.length);
  await expect(page.getByRole('heading', { level: 2, name: 'Learn' })).toBeVisible({ timeout: FIRST_PAINT });
  await expect(page).toHaveURL(/\?view=learn$/);
  expect(await page.evaluate(() => history.length)).toBe(entries);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation in the Learn view, ${theme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('/?view=learn');
    await expect(page.getByRole('heading', { level: 2, name: 'Learn' })).toBeVisible({
      timeout: FIRST_PAINT,
    });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    expect(await seriousViolations(page), 'chapter list').toEqual([]);
    await page.getByRole('link', { name: /The guest scope-down/ }).click();
    await page.getByRole('button', { name: 'Go to the question' }).click();
    const prompt = page.getByRole('group', { name: /Will the call succeed/ });
    await expect(prompt).toBeVisible({ timeout: 20_000 });
    expect(await seriousViolations(page), 'chapter with the prompt').toEqual([]);
    await prompt.getByRole('radio', { name: /AccessDeniedException/ }).check();
    await page.getByRole('button', { name: /check my prediction/ }).click();
    await expect(page.getByRole('region', { name: /Your prediction was right/ })).toBeVisible({
      timeout: 20_000,
    });
    expect(await seriousViolations(page), 'chapter with the verdict').toEqual([]);
    await page.getByRole('link', { name: '← All chapters' }).click();
    await page.getByRole('link', { name: /Cognito Sync vs AppSync/ }).click();
    await expect(chapterHeading(page, 'Cognito Sync vs AppSync')).toBeVisible();
    expect(await seriousViolations(page), 'last chapter, with its lab links').toEqual([]);
  });
}

const SIZES = [
  { name: 'desktop', width: 1280, height: 720 },
  { name: 'phone', width: 390, height: 844 },
] as const;

for (const size of SIZES) {
  test(`screenshots of the Learn view at ${size.width}×${size.height}`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto('/?view=learn');
    await expect(page.getByRole('heading', { level: 2, name: 'Learn' })).toBeVisible({
      timeout: FIRST_PAINT,
    });
    await page.screenshot({ path: `screenshots/${size.name}-learn-01-list.png` });
    await page.goto('/?view=learn&chapter=signing-out');
    await page.getByRole('button', { name: 'Go to the question' }).click();
    const prompt = page.getByRole('group', { name: /Does it still work/ });
    await expect(prompt).toBeVisible({ timeout: 20_000 });
    await page.screenshot({ path: `screenshots/${size.name}-learn-02-prompt.png` });
    await prompt.getByRole('radio', { name: /No: it was revoked/ }).check();
    await page.getByRole('button', { name: /check my prediction/ }).click();
    await expect(page.getByRole('region', { name: /Your prediction was wrong/ })).toBeVisible({
      timeout: 20_000,
    });
    await page.screenshot({ path: `screenshots/${size.name}-learn-03-verdict.png` });
    // Whatever the width, the page never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
  });
}
