import { expect, type Page, test } from '@playwright/test';

/**
 * The "Sign up" view from the keyboard: a button pressed keeps the focus while its call runs, and an
 * error about a field goes once the reader edits that field.
 */

const PASSWORD = 'Correct-Horse-9';

async function open(page: Page) {
  await page.goto('/?view=signup');
  await expect(page.getByRole('heading', { name: /^Sign up: a user pool user/ })).toBeVisible();
  await expect(page.getByText('Starting the simulated user pool…')).toHaveCount(0, { timeout: 30_000 });
}

test('Sign up, Confirm and Sign in keep the keyboard focus while their calls run', async ({ page }) => {
  test.setTimeout(90_000);
  await open(page);
  await page.getByLabel('Username', { exact: true }).fill('kim');
  await page.getByLabel('Email', { exact: true }).fill('kim@example.com');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  const signUp = page.getByRole('main').getByRole('button', { name: 'Sign up', exact: true });
  await signUp.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '2. Confirm the code from the email' })).toBeVisible();
  await expect(signUp).toBeFocused();

  await page.getByLabel('Confirmation code').fill('000000');
  const confirm = page.getByRole('button', { name: 'Confirm', exact: true });
  await confirm.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/ConfirmSignUp → 400/)).toBeVisible();
  await expect(confirm).toBeFocused();

  await page.getByLabel('Sign-in password').fill(PASSWORD);
  const signIn = page.getByRole('button', { name: 'Sign in', exact: true });
  await signIn.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/InitiateAuth → 400/)).toBeVisible();
  await expect(signIn).toBeFocused();
});

test('an error about the username goes once the username is edited', async ({ page }) => {
  await open(page);
  await page.getByRole('main').getByRole('button', { name: 'Sign up', exact: true }).click();
  const username = page.getByLabel('Username', { exact: true });
  await expect(username).toHaveAttribute('aria-invalid', 'true');
  await expect(username).toHaveAccessibleDescription(/Value '' at 'username'/);
  await username.fill('alice2');
  await expect(username).not.toHaveAccessibleDescription(/Value '' at 'username'/);
  await expect(username).not.toHaveAttribute('aria-invalid', 'true');
});
