import { expect, test } from '@playwright/test';
import { progressText } from './play-helpers';

/**
 * Issue 12, honest comparisons: the guest toggle compares like with like. Guest and signed-in flows end
 * with the same three S3 calls, each a real request, and the step list shows the engine's answers.
 */
const FLOWS = [
  { radio: /Guest/, url: '/?scenario=guest&as=guest', steps: 5 },
  { radio: /User pool user/, url: '/?scenario=enhanced-flow&as=userPool', steps: 6 },
];

const CALLS = [
  { title: 'Read a public file from S3', outcome: '200 OK' },
  { title: 'Write to your own private/ folder', outcome: '200 OK' },
  { title: "Write to another identity's private/ folder", outcome: /403.*AccessDenied/ },
];

for (const flow of FLOWS) {
  test(`${flow.radio.source}: read public, write own, write another's, with their outcomes`, async ({ page }) => {
    await page.goto(`${flow.url}&step=${flow.steps}`);
    await expect(progressText(page, flow.steps, flow.steps)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('radio', { name: flow.radio })).toBeChecked();
    const items = page.getByRole('list', { name: 'Steps' }).getByRole('listitem');
    await expect(items).toHaveCount(flow.steps);
    for (const [i, call] of CALLS.entries()) {
      const item = items.nth(flow.steps - CALLS.length + i);
      await expect(item).toContainText(call.title);
      await expect(item).toContainText(call.outcome);
    }
  });
}
