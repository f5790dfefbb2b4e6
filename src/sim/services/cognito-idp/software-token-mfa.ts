import type { RequestContext } from '../../core/service';
import { totpStep, verifyTotp } from '../../iam/mfa';
import type { JsonInput } from '../../protocol/json-1-1';
import { authorizeAccessToken } from './access-token';
import { openChallengeSession, redeemChallengeSession } from './challenge-session';
import { completeSignIn } from './complete-sign-in';
import { idpErrors } from './errors';
import { TOKEN, v } from './input';
import { expireQuietFailures, isLocked, recordFailure, recordSuccess } from './lockout';
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
  if (step === undefined) throw idpErrors.enableSoftwareTokenFailed();
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
  const session = openChallengeSession(pool, client, user, ctx, 'SOFTWARE_TOKEN_MFA', authFlow);
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
  const {
    challenge,
    user,
    answer: code,
  } = redeemChallengeSession(pool, client, responses, ctx, session, {
    challengeName: 'SOFTWARE_TOKEN_MFA',
    answerField: 'SOFTWARE_TOKEN_MFA_CODE',
    stillApplies: (u) => u.softwareToken?.enabled === true,
  });
  const now = ctx.world.now();
  const token = user.softwareToken as NonNullable<UserRecord['softwareToken']>;
  expireQuietFailures(user, now);
  if (isLocked(user, now)) throw idpErrors.passwordAttemptsExceeded();
  const step = await verifyTotp(token.secret, code, now);
  // A code is good once: a step at or before the last accepted one is a replay (RFC 6238 section 5.2).
  if (step === undefined || (token.lastStep !== undefined && step <= token.lastStep)) {
    // Wrong MFA codes count toward the same lockout as wrong passwords (docs/aws-reference.md §2.4).
    recordFailure(user, now);
    ctx.emit('auth.failed', `Wrong TOTP code for ${user.username}`, {
      reason: 'wrong-mfa-code',
      step: totpStep(now),
      failedAttempts: user.failedAttempts,
    });
    throw idpErrors.totpCodeMismatch();
  }
  token.lastStep = step;
  recordSuccess(user);
  return completeSignIn(pool, client, user, ctx, `${challenge.authFlow} + SOFTWARE_TOKEN_MFA`);
}
