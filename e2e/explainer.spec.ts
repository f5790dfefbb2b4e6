import { expect, type Page, test } from '@playwright/test';
import { playThrough, progressText } from './play-helpers';

/** A newcomer's script: by role and label only. */

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

test('opens with the pipeline diagram and no console errors', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Identity Atlas', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: /^User pool, Cognito user directory/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Identity pool/ })).toBeVisible();
  await expect(page.getByText('1.5 JWTs back', { exact: true })).toBeVisible();
  expect(errors).toEqual([]);
});

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
]) {
  test(`the diagram fits ${viewport.width}×${viewport.height} with text of 13 px or more`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await page.goto('/?scenario=enhanced-flow&step=3');
    await expect(progressText(page, 3, 6)).toBeVisible({ timeout: 20_000 });
    await page.waitForTimeout(300); // the view fits itself after the canvas is measured
    const layout = await page.evaluate(() => {
      const canvas = document.querySelector('.diagram__canvas')?.getBoundingClientRect();
      const texts = [...document.querySelectorAll('.service-node__label, .service-node__kind, .edge-label')];
      const rendered = texts.map((el) => {
        // Rendered size = computed font size × the viewport's zoom (the flow is scaled by a transform).
        const zoom = el.getBoundingClientRect().height / (el as HTMLElement).offsetHeight;
        return Number.parseFloat(getComputedStyle(el).fontSize) * zoom;
      });
      const boxes = [...document.querySelectorAll('.diagram-box, .edge-label')].map((el) =>
        el.getBoundingClientRect(),
      );
      const outside = boxes.filter(
        (b) =>
          !canvas || b.left < canvas.left - 1 || b.right > canvas.right + 1 || b.bottom > canvas.bottom + 1,
      ).length;
      let overlaps = 0;
      boxes.forEach((a, i) => {
        for (const b of boxes.slice(i + 1))
          if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlaps += 1;
      });
      return { smallest: Math.min(...rendered), outside, overlaps };
    });
    expect(layout.smallest).toBeGreaterThanOrEqual(13);
    expect(layout.outside).toBe(0);
    expect(layout.overlaps).toBe(0);
  });
}

test('plays the enhanced flow to the end and shows the credentials', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await page.getByLabel('Speed').selectOption('4');
  await playThrough(page, 6, 30_000);
  await expect(page.getByRole('button', { name: /Browser app.*holding AWS credentials/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Credentials' }).click();
  await expect(page.getByText(/^ASIA/)).toBeVisible();
  await expect(page.getByText(/min \d+ s left/)).toBeVisible();
  expect(errors).toEqual([]);
});

test('a guest skips the user pool step', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('radio', { name: /Guest/ }).check();
  const steps = page.getByRole('list', { name: 'Steps' });
  await expect(steps.getByRole('button')).toHaveCount(5);
  await expect(steps.getByText('Sign in to the user pool')).toHaveCount(0);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.getByText('Step 2.5: Get a guest identity (no sign-in)').first()).toBeVisible();
  await expect(page.getByText(/Step 1 is skipped/).first()).toBeVisible();
});

test('steps back and forward with the keyboard alone', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Step forward' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(progressText(page, 1, 6)).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(progressText(page, 2, 6)).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(progressText(page, 1, 6)).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toBeVisible();
  await expect(page).toHaveURL(/step=1/);
});

test('a deep link opens the same scenario, identity and step; back returns', async ({ page }) => {
  await page.goto('/?scenario=guest&as=guest&step=2');
  await expect(progressText(page, 2, 5)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('radio', { name: /Guest/ })).toBeChecked();
  await page.getByLabel('Scenario').selectOption('jwt-to-api');
  await expect(page).toHaveURL(/scenario=jwt-to-api/);
  await page.goBack();
  await expect(progressText(page, 2, 5)).toBeVisible({ timeout: 20_000 });
});

const WHAT_IFS = [
  { id: 'what-if-tampered-token', steps: 2, error: /401/ },
  { id: 'what-if-wrong-token', steps: 2, error: /NotAuthorizedException/ },
  { id: 'what-if-expired', steps: 4, error: /ExpiredToken/ },
  { id: 'what-if-guest-ssm', steps: 3, error: /AccessDeniedException/ },
  { id: 'what-if-wrong-secret', steps: 1, error: /SignatureDoesNotMatch/ },
  { id: 'guest', steps: 5, error: /AccessDenied/ },
];

for (const whatIf of WHAT_IFS) {
  test(`what if: ${whatIf.id} ends in the engine's real refusal`, async ({ page }) => {
    await page.goto(`/?scenario=${whatIf.id}&step=${whatIf.steps}`);
    const last = page.getByRole('list', { name: 'Steps' }).getByRole('listitem').last();
    await expect(last).toContainText(whatIf.error, { timeout: 20_000 });
  });
}

test('runs each STS call from the gallery', async ({ page }) => {
  await page.goto('/?view=sts');
  for (const op of [
    'AssumeRole',
    'AssumeRoleWithSAML',
    'AssumeRoleWithWebIdentity',
    'GetFederationToken',
    'GetSessionToken',
  ]) {
    await page.getByRole('button', { name: `Run ${op}`, exact: true }).click();
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('button', { name: `Run ${op}`, exact: true }) });
    await expect(row).toContainText(`${op}: 200 OK`, { timeout: 20_000 });
    await expect(row).toContainText(/Principal: arn:aws:(sts|iam)::/);
  }
});

test('after sign-out: the refresh token is refused, the ID token and credentials still work', async ({
  page,
}) => {
  await page.goto('/?view=sign-out');
  const row = (name: string) => page.getByRole('row', { name: new RegExp(`^${name}`) });
  await expect(row('Refresh token')).toContainText('No', { timeout: 20_000 });
  await expect(row('Access token')).toContainText('No');
  await expect(row('ID token')).toContainText('Yes');
  await expect(row('AWS credentials')).toContainText('Yes');

  // Run again: every call is made again on a fresh cloud (the cells wait for their answers meanwhile),
  // and the page says so, with the same answers.
  const status = page.getByRole('status').filter({ hasText: /^Run \d/ });
  await expect(status).toHaveCount(0);
  await page.getByRole('button', { name: 'Run the probes again' }).click();
  await expect(status).toContainText(/Run 2: every call made again on a fresh simulated cloud \(8 calls\)/, {
    timeout: 20_000,
  });
  await expect(row('Refresh token')).toContainText('No');
  await expect(row('ID token')).toContainText('Yes');
  await page.getByRole('button', { name: 'Run the probes again' }).click();
  await expect(status).toContainText('Run 3:', { timeout: 20_000 });
});

// axe scans of every view in both themes: e2e/a11y.spec.ts.
