import type { RequestContext } from '../../core/service';
import { AwsError } from '../../core/errors';
import { totpStep, verifyTotp } from '../../iam/mfa';
import type { JsonInput } from '../../protocol/json-1-1';
import { authorizeAccessToken } from './access-token';
import { authSessionMs, newHandle, putChallenge, takeChallenge } from './challenges';
import { completeSignIn } from './complete-sign-in';
import { idpErrors } from './errors';
import { TOKEN, v } from './input';
import { expireQuietFailures, isLocked, recordFailure, recordSuccess } from './lockout';
import { findUser } from './pool-lookup';
import type { AppClientRecord, PoolRecord, UserRecord } from './state';

/**
 * Software token (TOTP) MFA for user pool users: AssociateSoftwareToken hands out a secret,
 * VerifySoftwareToken proves an authenticator app holds it, SetUserMFAPreference turns it on. After
 * that, both password flows stop short of tokens with a SOFTWARE_TOKEN_MFA challenge whose Session must
 * come back with the current code. TOTP as authenticator apps compute it: RFC 6238, HMAC-SHA-1, 6
 * digits, 30 s (src/sim/iam/mfa.ts), one step of drift either side, each code accepted once.
 *
 * The pool's MfaConfiguration is not modelled: every pool behaves as OPTIONAL with TOTP allowed.
 * Messages are the observed ones: EnableSoftwareTokenMFAException "Code mismatch and fail enable
 * Software Token MFA" (aws-amplify-auth-starters #15), CodeMismatchException "Invalid code or auth state
 * for the user." (amplify-js #3066, #12887), InvalidParameterException "User does not have delivery
 * config set to turn on SOFTWARE_TOKEN_MFA" (aws-sdk-js-v3 #4645).
 */

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SECRET_BYTES = 32;
const SESSION_BYTES = 144;

function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

const accessToken = (input: JsonInput) => v.string(input, 'AccessToken', TOKEN);

export async function associateSoftwareToken(input: JsonInput, ctx: RequestContext) {
  if (input.AccessToken === undefined && input.Session !== undefined)
    throw idpErrors.invalidParameter(
      'AssociateSoftwareToken with a Session (MFA_SETUP) is not supported by this simulation.',
    );
  const { user } = await authorizeAccessToken(ctx.world, accessToken(input));
  const secret = base32Encode(ctx.world.random.bytes(SECRET_BYTES));
  // A new association replaces the old secret; MFA stays off until it is verified again.
  user.softwareToken = { secret, verified: false, enabled: false, preferred: false };
  ctx.emit('state', `Software token secret issued to ${user.username}`, { username: user.username });
  return { SecretCode: secret };
}

export async function verifySoftwareToken(input: JsonInput, ctx: RequestContext) {
  const { world } = ctx;
  const { user } = await authorizeAccessToken(world, accessToken(input));
  const code = v.string(input, 'UserCode', { min: 6, max: 6, pattern: /^[0-9]+$/, patternText: '[0-9]+' });
  const name = v.optionalString(input, 'FriendlyDeviceName');
  const token = user.softwareToken;
  if (!token) throw idpErrors.invalidParameter('User has not associated a software token.');
  const step = await verifyTotp(token.secret, code, world.now());
  if (step === undefined)
    throw new AwsError(
      'EnableSoftwareTokenMFAException',
      'Code mismatch and fail enable Software Token MFA',
      { status: 400 },
    );
  token.verified = true;
  token.lastStep = step;
  if (name !== undefined) token.friendlyDeviceName = name;
  ctx.emit('state', `Software token verified for ${user.username}`, { username: user.username });
  return { Status: 'SUCCESS' };
}

export async function setUserMfaPreference(input: JsonInput, ctx: RequestContext) {
  const { user } = await authorizeAccessToken(ctx.world, accessToken(input));
  const settings = input.SoftwareTokenMfaSettings as
    | { Enabled?: boolean; PreferredMfa?: boolean }
    | undefined;
  if (settings && typeof settings === 'object') {
    const token = user.softwareToken;
    if (settings.Enabled && !token?.verified)
      throw idpErrors.invalidParameter(
        'User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA',
      );
    if (token) {
      token.enabled = Boolean(settings.Enabled);
      token.preferred = Boolean(settings.Enabled && settings.PreferredMfa);
    }
  }
  return {};
}

/**
 * The SOFTWARE_TOKEN_MFA challenge that replaces the tokens when the user has TOTP MFA on, or
 * undefined. Called by both password flows once the password (or SRP proof) has been checked.
 */
export function softwareTokenChallenge(
  pool: PoolRecord,
  client: AppClientRecord,
  user: UserRecord,
  ctx: RequestContext,
  authFlow: 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH',
) {
  if (!user.softwareToken?.enabled) return undefined;
  const { world } = ctx;
  const session = newHandle(world, SESSION_BYTES);
  const now = world.now();
  putChallenge(world, session, {
    challengeName: 'SOFTWARE_TOKEN_MFA',
    poolId: pool.id,
    clientId: client.clientId,
    username: user.username,
    createdAt: now,
    expiresAt: now + authSessionMs(client),
    authFlow,
  });
  ctx.emit('auth.challenge', `SOFTWARE_TOKEN_MFA for ${user.username}: a TOTP code is needed`, {
    challengeName: 'SOFTWARE_TOKEN_MFA',
  });
  return { ChallengeName: 'SOFTWARE_TOKEN_MFA', ChallengeParameters: {}, Session: session };
}

export async function answerSoftwareTokenMfa(
  pool: PoolRecord,
  client: AppClientRecord,
  responses: Record<string, string>,
  ctx: RequestContext,
  session: string | undefined,
) {
  const { world } = ctx;
  if (!session) throw idpErrors.invalidParameter('Missing required parameter Session');
  const username = responses.USERNAME;
  if (!username) throw idpErrors.invalidParameter('Missing required parameter USERNAME');
  const code = responses.SOFTWARE_TOKEN_MFA_CODE;
  if (!code) throw idpErrors.invalidParameter('Missing required parameter SOFTWARE_TOKEN_MFA_CODE');
  const challenge = takeChallenge(world, session);
  const now = world.now();
  if (challenge?.challengeName !== 'SOFTWARE_TOKEN_MFA' || challenge.clientId !== client.clientId)
    throw idpErrors.invalidSession();
  if (now >= challenge.expiresAt) throw idpErrors.sessionExpired();
  const user = findUser(pool, username);
  if (!user || user.username !== challenge.username || !user.softwareToken?.enabled)
    throw idpErrors.invalidSession();
  if (!user.enabled) throw idpErrors.userDisabled();
  expireQuietFailures(user, now);
  if (isLocked(user, now)) throw idpErrors.passwordAttemptsExceeded();
  const step = await verifyTotp(user.softwareToken.secret, code, now);
  // A code is good once: a step at or before the last accepted one is a replay (RFC 6238 section 5.2).
  if (
    step === undefined ||
    (user.softwareToken.lastStep !== undefined && step <= user.softwareToken.lastStep)
  ) {
    // Wrong MFA codes count toward the same lockout as wrong passwords (docs/aws-reference.md §2.4).
    recordFailure(user, now);
    ctx.emit('auth.failed', `Wrong TOTP code for ${user.username}`, {
      reason: 'wrong-mfa-code',
      step: totpStep(now),
      failedAttempts: user.failedAttempts,
    });
    throw new AwsError('CodeMismatchException', 'Invalid code or auth state for the user.', { status: 400 });
  }
  user.softwareToken.lastStep = step;
  recordSuccess(user);
  return completeSignIn(pool, client, user, ctx, `${challenge.authFlow} + SOFTWARE_TOKEN_MFA`);
}
