import type { Page } from '@playwright/test';

/** One device's panel in the Cognito Sync view, by its accessible name ("Phone device"). */
export const device = (page: Page, name: string) => page.getByRole('region', { name: `${name} device` });

/** Saves a record on a device as a reader does: the Key and Value fields, then that device's Save. */
export async function save(page: Page, name: string, key: string, value: string) {
  const panel = device(page, name);
  await panel.getByLabel('Key').fill(key);
  await panel.getByLabel('Value').fill(value);
  await panel.getByRole('button', { name: `Save on ${name.toLowerCase()}` }).click();
}
