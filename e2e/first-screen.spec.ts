import { expect, test } from '@playwright/test';
import { progressText } from './play-helpers';

/**
 * The first screen of a first visit is in index.html (prerendered at build time by the app's own
 * components), so it paints before any JavaScript has loaded; the app then hydrates it.
 */
test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the default scenario’s first screen is already in the page', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByText('Enhanced flow: user pool user → AWS credentials.')).toBeVisible();
    await expect(page.getByText('Sign in to the user pool', { exact: true })).toBeVisible();
    await expect(page.getByText('0 of 6 played', { exact: true })).toBeVisible();
    // Nothing in it answers yet: it is inert and hidden from assistive technology until the app runs.
    await expect(page.locator('#root')).toHaveAttribute('inert', '');
    await expect(page.locator('#root')).toHaveAttribute('aria-hidden', 'true');
  });
});

test('the app takes over the prerendered screen without rebuilding it, and answers', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  // The narration element as the HTML parser made it, before any script of the app ran.
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      (window as unknown as { __parsed: Element | null }).__parsed = document.querySelector('.narration');
    });
  });
  await page.goto('/');
  const root = page.locator('#root');
  await expect(root).not.toHaveAttribute('inert');
  await expect(root).not.toHaveAttribute('aria-hidden');
  expect(
    await page.evaluate(
      () =>
        (window as unknown as { __parsed: Element | null }).__parsed === document.querySelector('.narration'),
    ),
  ).toBe(true);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(progressText(page, 1, 6)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('Step 1: Sign in to the user pool').first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('a deep link never paints the default scenario’s first screen', async ({ page }) => {
  // What the first frame shows, recorded before it is painted (the words of a narration on screen).
  await page.addInitScript(() => {
    requestAnimationFrame(() => {
      const narration = document.querySelector('.narration');
      (window as unknown as { __firstFrame: string }).__firstFrame = narration?.checkVisibility()
        ? (narration.textContent ?? '')
        : '';
    });
  });
  await page.goto('/?scenario=guest&step=0');
  await expect(page.getByText('Guest access: no sign-in at all.', { exact: false }).first()).toBeVisible();
  const first = await page.evaluate(() => (window as unknown as { __firstFrame: string }).__firstFrame);
  expect(first).not.toContain('Enhanced flow');
});

test('nothing on the first screen moves when the app takes over it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.addInitScript(() => {
    const w = window as unknown as { __shift: number };
    w.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[])
        w.__shift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('/');
  await expect(page.locator('#root')).not.toHaveAttribute('inert');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBe(0);
});
