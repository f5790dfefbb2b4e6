import { expect, type Page, test } from '@playwright/test';
import { playThrough, progressText } from './play-helpers';

/**
 * The three lessons of issue 12 opened by their deep links: direct web identity beside the identity
 * pool, the central-server pattern (GetSessionToken vs GetFederationToken) and developer-authenticated
 * identities. Each checks the engine's answer at the step the lesson turns on.
 */

const stepItems = (page: Page) => page.getByRole('list', { name: 'Steps' }).getByRole('listitem');

async function openAt(page: Page, scenario: string, step: number, steps: number) {
  await page.goto(`/?scenario=${scenario}&step=${step}`);
  await expect(progressText(page, step, steps)).toBeVisible({ timeout: 30_000 });
}

test('why not direct web identity: STS and the identity pool both answer the same Google token', async ({
  page,
}) => {
  await openAt(page, 'why-not-direct-web-identity', 5, 5);
  await expect(stepItems(page).nth(0)).toContainText('outside AWS');
  for (const i of [1, 2, 3, 4]) await expect(stepItems(page).nth(i)).toContainText('200 OK');
  await expect(page.getByRole('region', { name: 'Engine refusal' })).toHaveCount(0);
});

test('central server: session keys write, the federated keys’ session policy refuses the same write', async ({
  page,
}) => {
  await page.goto('/?scenario=central-server-session-keys&step=0');
  await page.getByLabel('Speed').selectOption('4');
  await playThrough(page, 4);
  await expect(stepItems(page).nth(0)).toContainText('200 OK');
  await expect(stepItems(page).nth(1)).toContainText('200 OK');
  await expect(stepItems(page).nth(2)).toContainText('200 OK');
  await expect(stepItems(page).nth(3)).toContainText('AccessDenied');
  await page.getByRole('tab', { name: 'Narration' }).click();
  const refusal = page.getByRole('region', { name: 'Engine refusal' });
  await expect(refusal).toContainText('AccessDenied');
  await expect(refusal).toContainText(
    'federated-user/carol-from-portal is not authorized to perform: s3:PutObject',
  );
});

test('developer identities: the backend’s token becomes credentials that write the identity’s own prefix', async ({
  page,
}) => {
  await openAt(page, 'developer-authenticated-identities', 3, 3);
  for (const i of [0, 1, 2]) await expect(stepItems(page).nth(i)).toContainText('200 OK');
  await expect(page.getByRole('region', { name: 'Engine refusal' })).toHaveCount(0);
});
