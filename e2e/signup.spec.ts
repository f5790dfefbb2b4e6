import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, test } from '@playwright/test';

/**
 * The "Sign up" view, as a person uses it: sign up, read the code in the simulated inbox, confirm,
 * sign in, see and edit the profile, verify a changed email, sign out everywhere. Every answer is the
 * engine's own; the errors carry AWS's codes and messages.
 */

const PASSWORD = 'Correct-Horse-9';

function watch(page: Page) {
  const problems: string[] = [];
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
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

const inbox = (page: Page) => page.getByRole('region', { name: 'Simulated inbox' });
const messages = (page: Page) => inbox(page).getByRole('list', { name: 'Messages, newest first' });

/** The code in the newest message, read off the page as a person would. */
async function newestCode(page: Page): Promise<string> {
  const text = (await messages(page).getByRole('listitem').first().textContent()) ?? '';
  const code = /Code\s*(\d{6})/.exec(text)?.[1];
  expect(code, text).toBeDefined();
  return code as string;
}

async function signUp(page: Page, user: { username: string; email: string; name: string; password: string }) {
  await page.getByLabel('Username', { exact: true }).fill(user.username);
  await page.getByLabel('Email', { exact: true }).fill(user.email);
  await page.getByLabel('Name', { exact: true }).fill(user.name);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('main').getByRole('button', { name: 'Sign up', exact: true }).click();
}

async function confirmAndSignIn(page: Page, username: string, password: string) {
  await page.getByLabel('Confirmation code').fill(await newestCode(page));
  await page.getByRole('button', { name: 'Confirm', exact: true }).click();
  await expect(page.getByText('ConfirmSignUp → 200 OK')).toBeVisible();
  await page.getByLabel('Sign-in username').fill(username);
  await page.getByLabel('Sign-in password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('table', { name: /Your profile/ })).toBeVisible();
}

const profileValue = (page: Page, name: string): Locator =>
  page
    .getByRole('table', { name: /Your profile/ })
    .getByRole('row', { name: new RegExp(`^${name.replace(':', '\\:')}\\b`) })
    .getByRole('cell');

test('sign up, confirm with the code from the inbox, sign in, change and verify the email, sign out', async ({
  page,
}) => {
  const problems = watch(page);
  await open(page);
  await expect(inbox(page)).toContainText('No messages yet');
  await signUp(page, {
    username: 'maria',
    email: 'maria@example.com',
    name: 'Maria Silva',
    password: PASSWORD,
  });
  await expect(page.getByText('SignUp → 200 OK')).toBeVisible();
  await expect(page.getByText(/UNCONFIRMED \(UserConfirmed: false\)/)).toBeVisible();

  const first = messages(page).getByRole('listitem').first();
  await expect(first).toContainText('maria@example.com');
  await expect(first).toContainText('Confirm your sign-up');
  await expect(first).toContainText(/Sent\s*2026-01-15 \d\d:\d\d:\d\d UTC/);

  // The wire: the request as sent, with the password masked until revealed.
  await page.getByText('Request and response of SignUp').click();
  const wire = page.locator('details', { hasText: 'Request and response of SignUp' });
  await expect(wire).toContainText('x-amz-target: AWSCognitoIdentityProviderService.SignUp');
  await expect(wire).not.toContainText(PASSWORD);
  await expect(wire).toContainText('"UserSub"');
  await page.getByLabel(/Reveal passwords and tokens/).check();
  await expect(wire).toContainText(PASSWORD);
  await page.getByLabel(/Reveal passwords and tokens/).uncheck();

  await confirmAndSignIn(page, 'maria', PASSWORD);
  await expect(page.getByText('The password never appears in any token.')).toBeVisible();
  await expect(profileValue(page, 'sub')).toHaveText(/^[0-9a-f-]{36}$/);
  await expect(profileValue(page, 'email')).toHaveText('maria@example.com');
  await expect(profileValue(page, 'email_verified')).toHaveText('true');
  await expect(profileValue(page, 'name')).toHaveText('Maria Silva');

  // A new email is unverified at once, and a code goes to the new address.
  await page.getByLabel('New email').fill('maria@new.example');
  await page.getByLabel('Department (custom:department)').fill('platform');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('UpdateUserAttributes → 200 OK')).toBeVisible();
  await expect(page.getByText(/email_verified flips to false/)).toBeVisible();
  await expect(profileValue(page, 'email')).toHaveText('maria@new.example');
  await expect(profileValue(page, 'email_verified')).toHaveText('false');
  await expect(profileValue(page, 'custom:department')).toHaveText('platform');
  await expect(messages(page).getByRole('listitem').first()).toContainText('maria@new.example');
  await expect(messages(page).getByRole('listitem').first()).toContainText('Verify your new email address');

  await page.getByLabel('Email verification code').fill(await newestCode(page));
  await page.getByRole('button', { name: 'Verify email' }).click();
  await expect(page.getByText('VerifyUserAttribute → 200 OK')).toBeVisible();
  await expect(profileValue(page, 'email_verified')).toHaveText('true');

  // Sign out everywhere: the old access token stops working at Cognito's own APIs. From the keyboard:
  // GlobalSignOut is then done for good, and the focus moves on to the old token's button.
  await page.getByRole('button', { name: 'GlobalSignOut' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('GlobalSignOut → 200 OK')).toBeVisible();
  const oldToken = page.getByRole('button', { name: 'Call GetUser with the old access token' });
  await expect(oldToken).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'NotAuthorizedException' })).toContainText(
    'Access Token has been revoked',
  );
  expect(problems).toEqual([]);
});

test('change the password (the old one stops signing in, the session stays), then delete the account', async ({
  page,
}) => {
  const problems = watch(page);
  await open(page);
  await signUp(page, { username: 'tomas', email: 'tomas@example.com', name: 'Tomas', password: PASSWORD });
  await confirmAndSignIn(page, 'tomas', PASSWORD);
  const account = page.getByRole('region', { name: /^6\. Change the password/ });
  const change = async (previous: string, proposed: string) => {
    await account.getByLabel('Current password').fill(previous);
    await account.getByLabel('New password').fill(proposed);
    await account.getByRole('button', { name: 'ChangePassword' }).click();
  };
  // A wrong current password is the pool's refusal, next to the step.
  await change('Wrong-Horse-1', 'Battery-Staple-7');
  await expect(account.getByRole('alert').filter({ hasText: 'NotAuthorizedException' })).toContainText(
    'Incorrect username or password.',
  );
  await change(PASSWORD, 'Battery-Staple-7');
  await expect(account.getByText('ChangePassword → 200 OK')).toBeVisible();
  await expect(
    account.getByText(/the old one no longer does\. Tokens already issued stay valid/),
  ).toBeVisible();
  await expect(account.getByLabel('Current password')).toHaveValue('');
  // The old password no longer signs in; the new one does.
  const signIn = async (password: string) => {
    await page.getByLabel('Sign-in password').fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  };
  await signIn(PASSWORD);
  await expect(page.getByRole('alert').filter({ hasText: 'NotAuthorizedException' }).first()).toContainText(
    'Incorrect username or password.',
  );
  await signIn('Battery-Staple-7');
  await expect(page.getByText('InitiateAuth → 200 OK')).toBeVisible();
  // Delete the account, then try its access token at Cognito's own API.
  await account.getByRole('button', { name: 'DeleteUser' }).click();
  await expect(account.getByText('DeleteUser → 200 OK')).toBeVisible();
  await account.getByRole('button', { name: 'Call GetUser with the deleted user’s access token' }).click();
  await expect(account.getByRole('alert').filter({ hasText: 'UserNotFoundException' })).toContainText(
    'User does not exist.',
  );
  await expect(account.getByText(/the user it names was deleted/)).toBeVisible();
  await signIn('Battery-Staple-7');
  await expect(page.getByText(/InitiateAuth → 400/).first()).toBeVisible();
  expect(problems).toEqual([]);
});

test("a weak password, a taken username, an early sign-in and a wrong code show AWS's own messages", async ({
  page,
}) => {
  const problems = watch(page);
  await open(page);
  await signUp(page, { username: 'weak', email: 'weak@example.com', name: 'Weak', password: 'password1' });
  const password = page.getByLabel('Password', { exact: true });
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  const error = page.locator(
    `#${await password.getAttribute('aria-describedby').then((d) => d?.split(' ').pop())}`,
  );
  await expect(error).toContainText('InvalidPasswordException: Password did not conform with policy');
  await expect(page.getByText(/SignUp → 400/)).toBeVisible();

  await password.fill(PASSWORD);
  await page.getByRole('main').getByRole('button', { name: 'Sign up', exact: true }).click();
  await expect(page.getByText('SignUp → 200 OK')).toBeVisible();
  await expect(password).not.toHaveAttribute('aria-invalid', 'true');

  // Same username again (different case: this pool's usernames are case-insensitive).
  await page.getByLabel('Username', { exact: true }).fill('WEAK');
  await page.getByRole('main').getByRole('button', { name: 'Sign up', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'UsernameExistsException' })).toContainText(
    'User already exists',
  );

  // Signing in before confirming, with a wrong password: the pool says "not confirmed" first.
  await page.getByLabel('Sign-in username').fill('weak');
  await page.getByLabel('Sign-in password').fill('Not-The-Password-1');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'UserNotConfirmedException' })).toContainText(
    'User is not confirmed.',
  );

  const code = await newestCode(page);
  await page.getByLabel('Confirmation code').fill(code === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'Confirm', exact: true }).click();
  await expect(page.getByLabel('Confirmation code')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: 'CodeMismatchException' })).toContainText(
    'Invalid verification code provided, please try again.',
  );
  await page.getByLabel('Confirmation code').fill(code);
  await page.getByRole('button', { name: 'Confirm', exact: true }).click();
  await expect(page.getByText('ConfirmSignUp → 200 OK')).toBeVisible();
  await expect(page.getByLabel('Confirmation code')).not.toHaveAttribute('aria-invalid', 'true');
  expect(problems).toEqual([]);
});

test('the view is a deep link, and Start over gives a fresh pool', async ({ page }) => {
  await open(page);
  await expect(
    page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Sign up' }),
  ).toHaveAttribute('aria-current', 'page');
  await signUp(page, { username: 'lee', email: 'lee@example.com', name: 'Lee', password: PASSWORD });
  await expect(messages(page).getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: 'Start over with a fresh pool' }).click();
  await expect(page.getByText('Starting the simulated user pool…')).toHaveCount(0, { timeout: 30_000 });
  await expect(inbox(page)).toContainText('No messages yet');
  await expect(page.getByLabel('Username', { exact: true })).toHaveValue('');
  // The same username is free again in the new pool.
  await signUp(page, { username: 'lee', email: 'lee@example.com', name: 'Lee', password: PASSWORD });
  await expect(page.getByText('SignUp → 200 OK')).toBeVisible();
});

test('a reload keeps the pool, the steps and the inbox (the view says so first); Start over and the tab end it', async ({
  page,
}) => {
  const problems = watch(page);
  await open(page);
  const note = page.getByText('This user pool lives in this tab.');
  await expect(note).toBeVisible();
  await expect(note.locator('..')).toContainText('passwords they sent included');
  // Near the start: above the first step's form, not somewhere a reader meets after signing up.
  const noteTop = (await note.boundingBox())?.y ?? Number.POSITIVE_INFINITY;
  const stepTop = (await page.getByRole('heading', { name: '1. Sign up' }).boundingBox())?.y ?? 0;
  expect(noteTop).toBeLessThan(stepTop);
  await signUp(page, { username: 'ada', email: 'ada@example.com', name: 'Ada', password: PASSWORD });
  await expect(page.getByText('SignUp → 200 OK')).toBeVisible();
  await confirmAndSignIn(page, 'ada', PASSWORD);
  await page.getByLabel('Department (custom:department)').fill('research');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(profileValue(page, 'custom:department')).toHaveText('research');
  const sub = await profileValue(page, 'sub').textContent();
  const trigger = page.getByLabel('Pre token generation');
  await trigger.selectOption({ index: 1 });
  const chosen = await trigger.inputValue();

  await page.reload();
  await expect(page.getByText('Starting the simulated user pool…')).toHaveCount(0, { timeout: 30_000 });
  // The same user, profile, answers and mail; the password boxes come back empty.
  await expect(profileValue(page, 'sub')).toHaveText(sub ?? '');
  await expect(profileValue(page, 'custom:department')).toHaveText('research');
  await expect(page.getByText('UpdateUserAttributes → 200 OK')).toBeVisible();
  await expect(messages(page).getByRole('listitem')).toHaveCount(1);
  await expect(page.getByLabel('Username', { exact: true })).toHaveValue('ada');
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Pre token generation')).toHaveValue(chosen);
  // The tokens from before the reload are this pool's: sign out with them, and the old one is refused.
  await page.getByRole('button', { name: 'GlobalSignOut' }).click();
  await expect(page.getByText('GlobalSignOut → 200 OK')).toBeVisible();
  await page.getByRole('button', { name: 'Call GetUser with the old access token' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'NotAuthorizedException' })).toContainText(
    'Access Token has been revoked',
  );
  // The name is taken in this pool, as before the reload.
  await signUp(page, { username: 'ada', email: 'ada@example.com', name: 'Ada', password: PASSWORD });
  await expect(page.getByRole('alert').filter({ hasText: 'UsernameExistsException' })).toContainText(
    'User already exists',
  );

  // Start over discards it for good: a reload after it finds a fresh pool.
  await page.getByRole('button', { name: 'Start over with a fresh pool' }).click();
  await expect(inbox(page)).toContainText('No messages yet');
  await page.reload();
  await expect(page.getByText('Starting the simulated user pool…')).toHaveCount(0, { timeout: 30_000 });
  await expect(inbox(page)).toContainText('No messages yet');
  await signUp(page, { username: 'ada', email: 'ada@example.com', name: 'Ada', password: PASSWORD });
  await expect(page.getByText('SignUp → 200 OK')).toBeVisible();

  // Another tab has its own session: it opens on a fresh pool.
  const other = await page.context().newPage();
  await open(other);
  await expect(inbox(other)).toContainText('No messages yet');
  expect(problems).toEqual([]);
});

test.describe('a reload whose engine does not load', () => {
  // The engine's code must come from the network for this test, not from the service worker's cache.
  test.use({ serviceWorkers: 'block' });

  test('keeps the saved session, says why the pool could not start, and a reload from its button restores it', async ({
    page,
  }) => {
    await open(page);
    await signUp(page, { username: 'noor', email: 'noor@example.com', name: 'Noor', password: PASSWORD });
    await expect(page.getByText('SignUp → 200 OK')).toBeVisible();
    await confirmAndSignIn(page, 'noor', PASSWORD);
    const sub = await profileValue(page, 'sub').textContent();

    // The engine's chunks (the page's and the seed worker's) fail as on a network that drops them.
    const engine = /\/assets\/(sim|seed-worker)-[\w-]+\.js$/;
    let refused = 0;
    await page.route(engine, (route) => {
      refused += 1;
      return route.abort('internetdisconnected');
    });
    await page.reload();
    const failure = page.getByRole('alert').filter({ hasText: 'The simulated user pool could not start' });
    await expect(failure).toBeVisible({ timeout: 30_000 });
    expect(refused).toBeGreaterThan(0);
    await expect(failure).toContainText('Your saved session is still kept in this tab');
    // Nothing of the session was thrown away or overwritten by the pool that did not start.
    const kept = await page.evaluate(() => sessionStorage.getItem('identity-atlas-signup') ?? '');
    expect(kept).toContain('"operation":"InitiateAuth"');

    await page.unroute(engine);
    await failure.getByRole('button', { name: 'Reload and try again' }).click();
    await expect(page.getByText('Starting the simulated user pool…')).toHaveCount(0, { timeout: 30_000 });
    await expect(failure).toHaveCount(0);
    await expect(profileValue(page, 'sub')).toHaveText(sub ?? '');
    await expect(page.getByText('ConfirmSignUp → 200 OK')).toBeVisible();
    await expect(messages(page).getByRole('listitem')).toHaveCount(1);
  });
});

test('a saved session that is not the app’s own is ignored: a fresh pool, nothing broken', async ({
  page,
}) => {
  const problems = watch(page);
  await page.goto('/');
  for (const junk of [
    'not json',
    '{"v":1,"actions":[{"kind":"call","operation":"DeleteUserPool","body":{}}]}',
  ]) {
    await page.evaluate((value) => sessionStorage.setItem('identity-atlas-signup', value), junk);
    await open(page);
    await expect(inbox(page)).toContainText('No messages yet');
    await signUp(page, { username: 'kim', email: 'kim@example.com', name: 'Kim', password: PASSWORD });
    await expect(page.getByText('SignUp → 200 OK')).toBeVisible();
    await page.goto('/');
  }
  expect(problems).toEqual([]);
});

for (const size of [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
]) {
  test(`screenshots of the sign-up view at ${size.width}×${size.height}`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await open(page);
    await page.screenshot({ path: `screenshots/signup-${size.name}-1-start.png`, fullPage: true });
    await signUp(page, { username: 'maria', email: 'maria@example.com', name: 'Maria', password: 'short' });
    await expect(page.getByText(/InvalidPasswordException|InvalidParameterException/).first()).toBeVisible();
    await page.screenshot({ path: `screenshots/signup-${size.name}-2-weak-password.png`, fullPage: true });
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('main').getByRole('button', { name: 'Sign up', exact: true }).click();
    await expect(page.getByText('SignUp → 200 OK')).toBeVisible();
    await page.screenshot({ path: `screenshots/signup-${size.name}-3-inbox.png`, fullPage: true });
    await page.getByLabel('Confirmation code').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `screenshots/signup-${size.name}-3b-confirm.png` });
    await confirmAndSignIn(page, 'maria', PASSWORD);
    await page.getByLabel('New email').fill('maria@new.example');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(profileValue(page, 'email_verified')).toHaveText('false');
    await page.getByText('Request and response of UpdateUserAttributes').click();
    await page.screenshot({ path: `screenshots/signup-${size.name}-4-profile.png`, fullPage: true });
  });
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include('main').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation in the filled-in sign-up view, ${theme} theme`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme: theme });
    await open(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await signUp(page, { username: 'ana', email: 'ana@example.com', name: 'Ana', password: 'password1' });
    await expect(page.getByText(/SignUp → 400/)).toBeVisible();
    expect(await seriousViolations(page), 'weak password error').toEqual([]);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('main').getByRole('button', { name: 'Sign up', exact: true }).click();
    await page.getByLabel('Confirmation code').fill('000000');
    await page.getByRole('button', { name: 'Confirm', exact: true }).click();
    await expect(page.getByText(/ConfirmSignUp → 400/)).toBeVisible();
    await confirmAndSignIn(page, 'ana', PASSWORD);
    await page.getByLabel('New email').fill('ana@new.example');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(profileValue(page, 'email_verified')).toHaveText('false');
    await page.getByText('Request and response of UpdateUserAttributes').click();
    expect(await seriousViolations(page), 'profile, verify form, wire open').toEqual([]);
    await page.screenshot({ path: `screenshots/signup-desktop-5-${theme}.png`, fullPage: true });
  });
}

test('a pool whose users sign in with their email address: no username to choose, the username a UUID', async ({
  page,
}) => {
  const problems = watch(page);
  await open(page);
  const choice = page.getByRole('group', { name: 'This pool’s users sign in with' });
  await choice.getByRole('radio', { name: 'Their email address (UsernameAttributes)' }).check();
  await expect(page.getByLabel('Username', { exact: true })).toHaveCount(0);
  await expect(choice.getByText(/Cognito makes the username itself: a UUID/)).toBeVisible();
  await page.getByLabel('Email', { exact: true }).fill('zoe@example.com');
  await page.getByLabel('Name', { exact: true }).fill('Zoe');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('main').getByRole('button', { name: 'Sign up', exact: true }).click();
  await expect(page.getByText('SignUp → 200 OK')).toBeVisible();
  // The choice is the pool's, made at its creation: locked now.
  await expect(choice.getByRole('radio', { name: 'A username', exact: true })).toBeDisabled();
  await expect(choice.getByText(/start over with a fresh pool to choose again/)).toBeVisible();
  await confirmAndSignIn(page, 'zoe@example.com', PASSWORD);
  await expect(profileValue(page, 'email')).toHaveText('zoe@example.com');
  // The username is the generated UUID (the ID token's cognito:username), the same as sub.
  const sub = (await profileValue(page, 'sub').textContent()) ?? '';
  expect(sub).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
  await expect(page.getByText(/Your username, made by the pool:/)).toContainText(sub);
  // A reload runs the lab again: the same pool, made with the same choice.
  await page.reload();
  await expect(page.getByText('Starting the simulated user pool…')).toHaveCount(0, { timeout: 30_000 });
  await expect(choice.getByRole('radio', { name: 'Their email address (UsernameAttributes)' })).toBeChecked();
  await expect(page.getByText(/Your username, made by the pool:/)).toContainText(sub);
  expect(problems).toEqual([]);
});

test('a pool with an email alias: a username that looks like an address is refused, the verified address signs in', async ({
  page,
}) => {
  const problems = watch(page);
  await open(page);
  const choice = page.getByRole('group', { name: 'This pool’s users sign in with' });
  await choice.getByRole('radio', { name: /A username, or the email address once verified/ }).check();
  await signUp(page, {
    username: 'kim@example.com',
    email: 'kim@example.com',
    name: 'Kim',
    password: PASSWORD,
  });
  await expect(
    page
      .getByText('Username cannot be of email format, since user pool is configured for email alias.')
      .first(),
  ).toBeVisible();
  await page.getByLabel('Username', { exact: true }).fill('kim');
  await page.getByRole('main').getByRole('button', { name: 'Sign up', exact: true }).click();
  await expect(page.getByText('SignUp → 200 OK')).toBeVisible();
  await confirmAndSignIn(page, 'kim@example.com', PASSWORD);
  await expect(profileValue(page, 'email')).toHaveText('kim@example.com');
  expect(problems).toEqual([]);
});
