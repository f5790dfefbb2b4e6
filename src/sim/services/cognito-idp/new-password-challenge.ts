/**
 * NEW_PASSWORD_REQUIRED: a user an administrator created (AdminCreateUser, status FORCE_CHANGE_PASSWORD)
 * signs in with the temporary password and must choose their own before any token is issued
 * (Developer Guide, "Creating user accounts as administrator"; API reference RespondToAuthChallenge:
 * `NEW_PASSWORD` and `USERNAME` in ChallengeResponses, required attributes as `userAttributes.<name>`).
 * The temporary password lasts the pool's TemporaryPasswordValidityDays (default 7); after that only
 * an administrator can help: NotAuthorizedException "Temporary password has expired and must be reset
 * by an administrator." (unv: the wording developers quote for this case; no source at hand confirms it).
 */
import type { RequestContext } from '../../core/service';
import { openChallengeSession, redeemChallengeSession } from './challenge-session';
import { putChallenge } from './challenges';
import { completeSignIn } from './complete-sign-in';
import { idpErrors } from './errors';
import { checkPasswordPolicy } from './password';
import { softwareTokenChallenge } from './software-token-mfa';
import { passwordForms } from './srp-verifier';
import type { AppClientRecord, PoolRecord, UserRecord } from './state';

const DAY_MS = 24 * 3600 * 1000;

/** When an administrator-set temporary password stops working (epoch ms). */
export function temporaryPasswordExpiry(pool: PoolRecord, createdAt: number): number {
  return createdAt + pool.passwordPolicy.TemporaryPasswordValidityDays * DAY_MS;
}

/**
 * After the temporary password matched: the challenge instead of tokens, or undefined when the user
 * need not change anything. Throws once the temporary password has expired.
 */
export function newPasswordChallenge(
  pool: PoolRecord,
  client: AppClientRecord,
  user: UserRecord,
  ctx: RequestContext,
  authFlow: 'USER_PASSWORD_AUTH' | 'USER_SRP_AUTH' | 'ADMIN_USER_PASSWORD_AUTH',
) {
  if (user.status !== 'FORCE_CHANGE_PASSWORD') return undefined;
  const { world } = ctx;
  const now = world.now();
  if (user.temporaryPasswordExpiresAt !== undefined && now >= user.temporaryPasswordExpiresAt) {
    ctx.emit('auth.failed', `The temporary password of ${user.username} has expired`, {
      reason: 'temporary-password-expired',
      expiredAt: user.temporaryPasswordExpiresAt,
    });
    throw idpErrors.notAuthorized('Temporary password has expired and must be reset by an administrator.');
  }
  const session = openChallengeSession(pool, client, user, ctx, 'NEW_PASSWORD_REQUIRED', authFlow);
  ctx.emit(
    'auth.challenge',
    `NEW_PASSWORD_REQUIRED for ${user.username}: the temporary password must be replaced`,
    {
      challengeName: 'NEW_PASSWORD_REQUIRED',
    },
  );
  // userAttributes lists the user's current attributes except sub (and the verified flags) (obs).
  const shown = Object.fromEntries(
    Object.entries(user.attributes).filter(([name]) => name !== 'sub' && !name.endsWith('_verified')),
  );
  return {
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    ChallengeParameters: {
      USER_ID_FOR_SRP: user.username,
      requiredAttributes: '[]',
      userAttributes: JSON.stringify(shown),
    },
    Session: session,
  };
}

/** RespondToAuthChallenge / AdminRespondToAuthChallenge with ChallengeName NEW_PASSWORD_REQUIRED. */
export async function answerNewPasswordRequired(
  pool: PoolRecord,
  client: AppClientRecord,
  responses: Record<string, string>,
  ctx: RequestContext,
  session: string | undefined,
) {
  const { world } = ctx;
  const {
    challenge,
    user,
    answer: password,
  } = redeemChallengeSession(pool, client, responses, ctx, session, {
    challengeName: 'NEW_PASSWORD_REQUIRED',
    answerField: 'NEW_PASSWORD',
    stillApplies: (u) => u.status === 'FORCE_CHANGE_PASSWORD',
  });
  try {
    checkPasswordPolicy(pool.passwordPolicy, password);
  } catch (error) {
    // A refused password does not use up the challenge: the same Session may try again (obs, Amplify).
    putChallenge(world, session as string, challenge);
    throw error;
  }
  Object.assign(user, await passwordForms(world, pool.id, user.username, password));
  user.status = 'CONFIRMED';
  delete user.temporaryPasswordExpiresAt;
  user.lastModifiedAt = world.now();
  ctx.emit('state', `${user.username} chose a new password (FORCE_CHANGE_PASSWORD → CONFIRMED)`, {
    username: user.username,
  });
  const mfa = softwareTokenChallenge(pool, client, user, ctx, 'USER_PASSWORD_AUTH');
  if (mfa) return mfa;
  return completeSignIn(pool, client, user, ctx, `${challenge.authFlow} + NEW_PASSWORD_REQUIRED`);
}
