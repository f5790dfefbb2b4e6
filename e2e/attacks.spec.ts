import { expect, type Page, test } from '@playwright/test';
import { progressText } from './play-helpers';

/**
 * Every "what if" and every attack, opened by deep link at the step that breaks, as a reader would
 * land on it: the inspector's narration shows the engine's refusal (status, AWS code, AWS message).
 */

interface Refused {
  scenario: string;
  step: number;
  steps: number;
  code: string;
  message: string | RegExp;
}

const WHAT_IFS: Refused[] = [
  { scenario: 'what-if-tampered-token', step: 2, steps: 2, code: '401', message: 'Unauthorized' },
  {
    scenario: 'what-if-wrong-token',
    step: 2,
    steps: 2,
    code: 'NotAuthorizedException',
    message: 'Invalid Access Token',
  },
  {
    scenario: 'what-if-expired',
    step: 4,
    steps: 4,
    code: 'ExpiredToken',
    message: 'The provided token has expired.',
  },
  {
    scenario: 'what-if-guest-ssm',
    step: 3,
    steps: 3,
    code: 'AccessDeniedException',
    message: /because no session policy allows the ssm:GetParameter action/,
  },
  {
    scenario: 'what-if-wrong-secret',
    step: 1,
    steps: 1,
    code: 'SignatureDoesNotMatch',
    message: /The request signature we calculated does not match the signature you provided/,
  },
  {
    scenario: 'what-if-basic-flow-role-mappings',
    step: 2,
    steps: 2,
    code: 'InvalidParameterException',
    message: 'Basic (classic) flow is not supported with RoleMappings, please use enhanced flow.',
  },
  {
    scenario: 'what-if-guests-disabled',
    step: 2,
    steps: 4,
    code: 'NotAuthorizedException',
    message: 'Unauthenticated access is not supported for this identity pool.',
  },
];

const ATTACKS: Refused[] = [
  {
    scenario: 'attack-other-client',
    step: 2,
    steps: 3,
    code: 'NotAuthorizedException',
    message: 'Token is not from a supported provider of this identity pool.',
  },
  {
    scenario: 'attack-alg-none',
    step: 2,
    steps: 2,
    code: 'NotAuthorizedException',
    message: "Invalid login token. Couldn't verify signed token.",
  },
  {
    scenario: 'attack-forged-sigv4',
    step: 3,
    steps: 3,
    code: 'SignatureDoesNotMatch',
    message: /The request signature we calculated does not match/,
  },
  {
    scenario: 'attack-stolen-credentials',
    step: 4,
    steps: 4,
    code: 'ExpiredToken',
    message: 'The provided token has expired.',
  },
  {
    scenario: 'attack-missing-aud',
    step: 7,
    steps: 9,
    code: 'AccessDenied',
    message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
  },
  {
    scenario: 'attack-saml-replay',
    step: 4,
    steps: 4,
    code: 'ExpiredTokenException',
    message: 'Response has expired',
  },
  {
    scenario: 'attack-saml-tampered',
    step: 2,
    steps: 2,
    code: 'InvalidIdentityToken',
    message: 'Response signature invalid',
  },
  {
    scenario: 'attack-saml-wrapped',
    step: 2,
    steps: 2,
    code: 'InvalidIdentityToken',
    message: /A Response must carry exactly one Assertion, found 2/,
  },
];

async function openAt(page: Page, scenario: string, step: number, steps: number) {
  await page.goto(`/?scenario=${scenario}&step=${step}`);
  await expect(progressText(page, step, steps)).toBeVisible({ timeout: 30_000 });
  await page.getByRole('tab', { name: 'Narration' }).click();
}

for (const c of [...WHAT_IFS, ...ATTACKS]) {
  test(`${c.scenario}: step ${c.step} ends in the engine's ${c.code}`, async ({ page }) => {
    await openAt(page, c.scenario, c.step, c.steps);
    const refusal = page.getByRole('region', { name: 'Engine refusal' });
    await expect(refusal).toContainText(c.code);
    await expect(refusal).toContainText(c.message);
    const item = page
      .getByRole('list', { name: 'Steps' })
      .getByRole('listitem')
      .nth(c.step - 1);
    await expect(item).toContainText(c.code === '401' ? '401' : c.code);
  });
}

test('guests disabled, then re-enabled: the last GetId answers again', async ({ page }) => {
  await openAt(page, 'what-if-guests-disabled', 4, 4);
  const steps = page.getByRole('list', { name: 'Steps' }).getByRole('listitem');
  await expect(steps.nth(0)).toContainText('200 OK');
  await expect(steps.nth(1)).toContainText('NotAuthorizedException');
  await expect(steps.nth(2)).toContainText('200 OK');
  await expect(steps.nth(3)).toContainText('200 OK');
  await expect(page.getByRole('region', { name: 'Engine refusal' })).toHaveCount(0);
});

test('another app client’s token: refused by the identity pool, accepted by API Gateway /me', async ({
  page,
}) => {
  await openAt(page, 'attack-other-client', 3, 3);
  await expect(page.getByRole('list', { name: 'Steps' }).getByRole('listitem').nth(2)).toContainText(
    '200 OK',
  );
  await page.getByRole('tab', { name: 'Wire' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('Hello from GET /me');
});

test('forged signature: the SigV4 tab shows the canonical request S3 hashed', async ({ page }) => {
  await openAt(page, 'attack-forged-sigv4', 3, 3);
  await page.getByRole('tab', { name: 'SigV4' }).click();
  const panel = page.getByRole('tabpanel');
  await expect(panel).toContainText(/canonical request/i);
  await expect(panel).toContainText(/GET\s+\/public\/welcome\.txt/);
  // The session token is in the canonical request; masked as in the Wire and Credentials tabs until
  // the reader reveals secrets.
  await expect(panel).toContainText(/x-amz-security-token:IQoJb3…\(\d+ chars, hidden\)/);
  await page.getByRole('checkbox', { name: /Reveal secrets/ }).check();
  await expect(panel).toContainText(/x-amz-security-token:IQoJb3[A-Za-z0-9+/=]{40,}/);
  await expect(panel).not.toContainText('chars, hidden');
});

test('stolen credentials work at once, and fail after Expiration', async ({ page }) => {
  await openAt(page, 'attack-stolen-credentials', 4, 4);
  const steps = page.getByRole('list', { name: 'Steps' }).getByRole('listitem');
  await expect(steps.nth(2)).toContainText('200 OK');
  await expect(steps.nth(3)).toContainText('ExpiredToken');
});

test('a replayed SAML assertion works while it is valid, as on AWS, and fails once it expires', async ({
  page,
}) => {
  await openAt(page, 'attack-saml-replay', 4, 4);
  const steps = page.getByRole('list', { name: 'Steps' }).getByRole('listitem');
  await expect(steps.nth(2)).toContainText('200 OK');
  await expect(steps.nth(3)).toContainText('ExpiredTokenException');
});

test('a trust policy without aud/amr: the guest reads Alice’s private file', async ({ page }) => {
  await openAt(page, 'attack-missing-aud', 9, 9);
  const steps = page.getByRole('list', { name: 'Steps' }).getByRole('listitem');
  await expect(steps.nth(7)).toContainText('200 OK');
  await expect(steps.nth(8)).toContainText('200 OK');
  await page.getByRole('tab', { name: 'Wire' }).click();
  await expect(page.getByRole('tabpanel')).toContainText('hello from Identity Atlas');
});
