import { expect, type Page, test } from '@playwright/test';

/**
 * The "Sign up" view's newer lessons, as a person uses them: a forgotten password reset through the
 * simulated inbox, and Lambda triggers chosen in the panel whose AWS events show beside each call.
 */

const PASSWORD = 'Correct-Horse-9';
const NEW_PASSWORD = 'Battery-Staple-7!';

function watch(page: Page) {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

async function open(page: Page) {
  await page.goto('/?view=signup');
  await expect(page.getByRole('heading', { name: /^Sign up: a user pool user/ })).toBeVisible();
  await expect(page.getByText('Starting the simulated user pool…')).toHaveCount(0, { timeout: 30_000 });
}

const newest = (page: Page) =>
  page
    .getByRole('region', { name: 'Simulated inbox' })
    .getByRole('list', { name: 'Messages, newest first' })
    .getByRole('listitem')
    .first();

async function newestCode(page: Page): Promise<string> {
  const text = (await newest(page).textContent()) ?? '';
  const code = /Code\s*(\d{6})/.exec(text)?.[1];
  expect(code, text).toBeDefined();
  return code as string;
}

async function signUp(page: Page, username: string) {
  await page.getByLabel('Username', { exact: true }).fill(username);
  await page.getByLabel('Email', { exact: true }).fill(`${username}@example.com`);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('main').getByRole('button', { name: 'Sign up', exact: true }).click();
}

async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel('Sign-in username').fill(username);
  await page.getByLabel('Sign-in password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

test('a forgotten password: a reset code in the inbox, a new password that signs in', async ({ page }) => {
  const problems = watch(page);
  await open(page);
  await signUp(page, 'lena');
  await page.getByLabel('Confirmation code').fill(await newestCode(page));
  await page.getByRole('button', { name: 'Confirm', exact: true }).click();
  await expect(page.getByText('ConfirmSignUp → 200 OK')).toBeVisible();

  const forgot = page.getByRole('form', { name: 'Forgot your password?' });
  await expect(forgot.getByLabel('Reset username')).toHaveValue('lena');
  await forgot.getByRole('button', { name: 'Send a reset code' }).click();
  await expect(page.getByText('ForgotPassword → 200 OK')).toBeVisible();
  await expect(newest(page)).toContainText('Reset your password (valid one hour)');
  // A reload keeps the lab where it was: the code sent, its boxes open, the mail in the inbox.
  await page.reload();
  await expect(forgot.getByLabel('Reset code')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('ForgotPassword → 200 OK')).toBeVisible();
  await expect(newest(page)).toContainText('Reset your password (valid one hour)');

  // A wrong code first: AWS's own error.
  await forgot.getByLabel('Reset code').fill('000001');
  await forgot.getByLabel('New password').fill(NEW_PASSWORD);
  await forgot.getByRole('button', { name: 'Set the new password' }).click();
  await expect(forgot.getByRole('alert')).toContainText(
    'Invalid verification code provided, please try again.',
  );

  await forgot.getByLabel('Reset code').fill(await newestCode(page));
  await forgot.getByRole('button', { name: 'Set the new password' }).click();
  await expect(page.getByText('ConfirmForgotPassword → 200 OK')).toBeVisible();

  await signIn(page, 'lena', PASSWORD);
  await expect(page.getByRole('alert').filter({ hasText: 'Incorrect username or password.' })).toBeVisible();
  await signIn(page, 'lena', NEW_PASSWORD);
  await expect(page.getByRole('table', { name: /Your profile/ })).toBeVisible();
  expect(problems).toEqual([]);
});

test('Lambda triggers: a pre sign-up that throws, one that auto-confirms, and claims added before signing', async ({
  page,
}) => {
  const problems = watch(page);
  await open(page);
  const triggers = page.getByRole('region', { name: 'Lambda triggers of the pool' });

  await triggers.getByLabel('Pre sign-up').selectOption({ label: 'Throw (refuse the sign-up)' });
  await signUp(page, 'nina');
  await expect(page.getByRole('alert').filter({ hasText: 'UserLambdaValidationException' })).toContainText(
    'PreSignUp failed with error Sign-ups are closed today.',
  );
  await expect(
    page.getByText('Lambda PreSignUp (PreSignUp_SignUp) threw “Sign-ups are closed today”'),
  ).toBeVisible();

  await triggers
    .getByLabel('Pre sign-up')
    .selectOption({ label: 'Auto-confirm the user and verify the email' });
  await triggers.getByLabel('Pre token generation').selectOption({ index: 2 });
  await signUp(page, 'nina');
  await expect(page.getByText('SignUp → 200 OK')).toBeVisible();
  await expect(page.getByText(/CONFIRMED at once \(UserConfirmed: true\)/)).toBeVisible();
  const lambda = page.getByText('Lambda PreSignUp (PreSignUp_SignUp)', { exact: true });
  await lambda.click();
  const details = page.locator('details', { has: lambda });
  await expect(details).toContainText('"triggerSource": "PreSignUp_SignUp"');
  await expect(details).toContainText('"autoConfirmUser": true');

  await signIn(page, 'nina', PASSWORD);
  await expect(page.getByRole('table', { name: /Your profile/ })).toBeVisible();
  const pre = page.getByText('Lambda PreTokenGeneration (TokenGeneration_Authentication)');
  await pre.click();
  const preDetails = page.locator('details', { has: pre });
  await expect(preDetails).toContainText('"version": "2"');
  await expect(preDetails).toContainText('"scopesToAdd"');
  await page.screenshot({ path: 'screenshots/signup-desktop-6-lambda.png', fullPage: true });
  expect(problems).toEqual([]);
});
