import { expect, type Locator, type Page } from '@playwright/test';

/** The locator's CSS transform once it has stopped moving (the same in two reads a few frames apart). */
export async function settledTransform(locator: Locator): Promise<string> {
  let last = '';
  await expect
    .poll(async () => {
      const now = await locator.evaluate((el) => (el as HTMLElement).style.transform);
      const same = now === last;
      last = now;
      return same;
    })
    .toBe(true);
  return last;
}

/** The player's progress text, e.g. "3 of 5 played" (exact, so "… · running…" does not count). */
export function progressText(page: Page, position: number | string, total: number | string) {
  return page.getByText(`${position} of ${total} played`, { exact: true });
}

/**
 * Plays the open scenario to its end as a reader would: Play runs a step and then waits for the reader
 * ("Paused for reading"), so Play is pressed again at each pause until the last answer has landed.
 */
export async function playThrough(page: Page, total: number, timeout = 60_000) {
  const hint = page.getByText('Paused for reading', { exact: false });
  const done = progressText(page, total, total);
  await page.getByRole('button', { name: 'Play' }).click();
  for (let i = 0; i <= total; i++) {
    await expect(hint.or(done)).toBeVisible({ timeout });
    if (await done.isVisible()) break;
    await page.getByRole('button', { name: 'Play' }).click();
  }
  await expect(done).toBeVisible({ timeout });
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible({ timeout });
}

/**
 * Opens a scenario at step 0 on Playwright's fake clock and stops time: from then on a packet moves only
 * inside `page.clock.runFor`, every frame of it recorded, none skipped for a slow machine. The clock is
 * installed before the app loads, so the page must be fresh (a context of its own). Returns the steps.
 */
export async function openOnStoppedClock(page: Page, id: string): Promise<number> {
  await page.clock.install();
  await page.goto(`/?scenario=${id}&step=0`);
  const played = page.getByText(/^0 of \d+ played$/);
  await expect(played).toBeVisible({ timeout: 20_000 });
  const total = Number(/of (\d+)/.exec((await played.textContent()) ?? '')?.[1]);
  await page.waitForTimeout(300); // the view fits itself once the canvas is measured
  await page.clock.pauseAt(Date.now() + 60_000);
  return total;
}

/** Steps forward once the step has run in the engine (no "running…"); its packet waits for the clock. */
export async function stepForwardTo(page: Page, step: number, total: number) {
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(progressText(page, step, total)).toBeVisible({ timeout: 20_000 });
}

/**
 * With reduced motion, opens enhanced-flow at step 3 and steps to 4: the words must rest where the answer
 * landed (the same place 900 ms later, mid-animation at normal motion) with no label faded under them.
 * `settle` waits that long first (a layout that places the words once the frame is painted).
 */
export async function expectWordsRestWithReducedMotion(page: Page, settle = 0) {
  const diagram = page.getByRole('region', { name: /^Diagram:/ });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/?scenario=enhanced-flow&step=3');
  await expect(progressText(page, 3, 6)).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(progressText(page, 4, 6)).toBeVisible({ timeout: 20_000 });
  const words = diagram.locator('.packet__words');
  await expect(words).toHaveAttribute('data-leg', 'back');
  await expect(words).toBeVisible();
  if (settle) await page.waitForTimeout(settle);
  const first = await words.evaluate((el) => (el as HTMLElement).style.transform);
  await page.waitForTimeout(900);
  expect(await words.evaluate((el) => (el as HTMLElement).style.transform)).toBe(first);
  await expect(diagram.locator('[data-under-words]')).toHaveCount(0);
}
