import { expect, test } from '@playwright/test';
import { progressText } from './play-helpers';

/**
 * Attributes for access control in the browser: the department scenario reads its own department's
 * file, and the IAM tab shows the tag's value where the policy uses ${aws:PrincipalTag/department}.
 */
test('the IAM tab shows the department tag where the policy uses it', async ({ page }) => {
  await page.goto('/?scenario=abac-departments&step=4');
  await expect(progressText(page, 4, 5)).toBeVisible({ timeout: 30_000 });
  await page.getByRole('tab', { name: 'IAM' }).click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector.getByText('Policy variables:').first()).toBeVisible({ timeout: 20_000 });
  await expect(
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a template
    inspector.getByText('${aws:PrincipalTag/department}').filter({ visible: true }).first(),
  ).toBeVisible();
  await expect(inspector.getByText('platform', { exact: true }).first()).toBeVisible();
  await inspector.screenshot({ path: 'screenshots/abac-iam-tab.png' });
});
