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
