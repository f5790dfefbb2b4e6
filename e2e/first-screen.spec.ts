import { expect, type Page, test } from '@playwright/test';
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

/** What the page reports as errors (console errors, uncaught exceptions), as they come. */
function errorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

test('the app takes over the prerendered screen without rebuilding it, and answers', async ({ page }) => {
  const errors = errorsOf(page);
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
  await expect(page.locator('.diagram-box').first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBe(0);
});

test.describe('on a touch phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the app hydrates the diagram’s prerendered caption and canvas instead of rebuilding them, and stands the drawing on end', async ({
    page,
  }) => {
    const errors = errorsOf(page);
    // The prerender drew the wide layout's markup; a phone's answer to the media queries must not make
    // React throw that markup away (it did: a blocking re-render client-rendered the diagram's part).
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const w = window as unknown as { __bar: Element | null; __canvas: Element | null };
        w.__bar = document.querySelector('.diagram__bar');
        w.__canvas = document.querySelector('.diagram__canvas');
      });
    });
    await page.goto('/');
    await expect(page.locator('#root')).not.toHaveAttribute('inert');
    const browser = page.getByRole('button', { name: /^Browser app,/ });
    const pool = page.getByRole('button', { name: /^User pool,/ });
    await expect(browser).toBeVisible({ timeout: 15_000 });
    const kept = await page.evaluate(() => {
      const w = window as unknown as { __bar: Element | null; __canvas: Element | null };
      return {
        bar: !!w.__bar && w.__bar === document.querySelector('.diagram__bar'),
        canvas: !!w.__canvas && w.__canvas === document.querySelector('.diagram__canvas'),
      };
    });
    expect(kept).toEqual({ bar: true, canvas: true });
    // Top to bottom: the user pool is drawn below the browser app, not beside it.
    const a = await browser.boundingBox();
    const b = await pool.boundingBox();
    expect((b?.y ?? 0) - (a?.y ?? 0)).toBeGreaterThan(a?.height ?? 0);
    expect(errors).toEqual([]);
  });
});
