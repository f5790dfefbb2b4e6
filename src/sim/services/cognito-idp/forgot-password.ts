import type { RequestContext } from '../../core/service';
import type { JsonInput } from '../../protocol/json-1-1';
import { maskDestination } from './attributes';
import { deliver, newCode } from './codes';
import { idpErrors } from './errors';
import { CLIENT_ID, CODE, PASSWORD, USERNAME, v } from './input';
import { runPostConfirmation } from './lambda-triggers';
import { checkPasswordPolicy } from './password';
import { findUser, poolAndClient } from './pool-lookup';
import { checkSecretHashField } from './secret-hash';
import { passwordForms } from './srp-verifier';
import type { ForgotPasswordRecord, PoolRecord, UserRecord } from './state';

/**
 * ForgotPassword and ConfirmForgotPassword (public, unsigned). The reset code goes to a *verified*
 * email or phone only, "is valid for one hour", and "in a given hour, we allow between 5 and 20
 * attempts for a user to request or enter a password reset code" (developer guide,
 * how-to-recover-a-user-account): the simulation uses 5 requests and 5 wrong codes an hour, then
 * LimitExceededException (Amplify's authenticator shows the sixth wrong code refused so:
 * aws-amplify/amplify-ui-android #180).
 *
 * PreventUserExistenceErrors ENABLED (developer guide, "Managing error responses"): ForgotPassword
 * answers a simulated CodeDeliveryDetails for a user who is unknown, disabled or has nothing
 * verified; ConfirmForgotPassword answers CodeMismatchException for unknown or disabled users and
 * ExpiredCodeException when no code was requested. LEGACY answers UserNotFoundException
 * "Username/client id combination not found." (observed, amplify-js #10157).
 *
 * A successful reset does not revoke the user's existing sessions: refresh tokens issued before it
 * keep working (amplify-js #6559 asks for exactly that and is open; GlobalSignOut is the answer).
 */
const HOUR_MS = 60 * 60 * 1000;
const MAX_REQUESTS = 5;
const MAX_WRONG_CODES = 5;

function counters(user: UserRecord, now: number): ForgotPasswordRecord {
  const current = user.forgotPassword;
  if (current && now - current.windowStart < HOUR_MS) return current;
  const fresh: ForgotPasswordRecord = { code: current?.code, windowStart: now, requests: 0, wrongCodes: 0 };
  user.forgotPassword = fresh;
  return fresh;
}

/** Where the reset code goes: a verified email first (the console's AccountRecoverySetting), else a verified phone. */
function recoveryTarget(user: UserRecord) {
  const { email, email_verified, phone_number, phone_number_verified } = user.attributes;
  if (email && email_verified === 'true') return { attribute: 'email', medium: 'EMAIL' as const, to: email };
  if (phone_number && phone_number_verified === 'true')
    return { attribute: 'phone_number', medium: 'SMS' as const, to: phone_number };
  return undefined;
}

/** "a simulated delivery medium … determined by the input user name format" (guide): email-looking names get an email mask. */
function simulatedDelivery(username: string) {
  const looksLikePhone = /^\+\d{6,}$/.test(username);
  return {
    CodeDeliveryDetails: looksLikePhone
      ? {
          AttributeName: 'phone_number',
          DeliveryMedium: 'SMS',
          Destination: maskDestination('SMS', username),
        }
      : { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: `${username.charAt(0)}***@e***` },
  };
}

export async function forgotPassword(input: JsonInput, ctx: RequestContext) {
  const { world } = ctx;
  const clientId = v.string(input, 'ClientId', CLIENT_ID);
  const username = v.string(input, 'Username', USERNAME);
  const { pool, client } = poolAndClient(world, clientId);
  await checkSecretHashField(client, [username], v.optionalString(input, 'SecretHash'));
  const hide = client.preventUserExistenceErrors === 'ENABLED';
  const user = findUser(pool, username);
  if (!user?.enabled) {
    ctx.emit('auth.failed', `No reset code: ${user ? 'user disabled' : 'no such user'}`, {
      reason: user ? 'disabled' : 'unknown-user',
      preventUserExistenceErrors: client.preventUserExistenceErrors,
    });
    if (hide) return simulatedDelivery(username);
    throw idpErrors.usernameClientNotFound();
  }
  // A user still holding an administrator's temporary password has no password of their own to reset.
  if (user.status === 'FORCE_CHANGE_PASSWORD') throw idpErrors.resetNotAllowed();
  const record = counters(user, world.now());
  if (record.requests >= MAX_REQUESTS) throw idpErrors.attemptLimitExceeded();
  const target = recoveryTarget(user);
  if (!target) {
    if (hide) return simulatedDelivery(username);
    throw idpErrors.noVerifiedRecovery();
  }
  record.requests++;
  return { CodeDeliveryDetails: sendResetCode(ctx, pool, user, target) };
}

/**
 * Sends `user` a password reset code (valid one hour) to `target`, for ConfirmForgotPassword to take;
 * ForgotPassword and AdminResetUserPassword both send one.
 */
function sendResetCode(
  ctx: RequestContext,
  pool: PoolRecord,
  user: UserRecord,
  target: NonNullable<ReturnType<typeof recoveryTarget>>,
) {
  const code = newCode(ctx.world, 'FORGOT_PASSWORD');
  counters(user, ctx.world.now()).code = code;
  const details = deliver(ctx.world, pool, user, code, 'FORGOT_PASSWORD', target);
  ctx.emit('code.sent', `Password reset code sent to ${target.to}`, {
    to: target.to,
    purpose: 'FORGOT_PASSWORD',
    validForSeconds: 3600,
  });
  return details;
}

/**
 * AdminResetUserPassword's part (admin-user-lifecycle.ts has the call): the user's password stops working
 * (status RESET_REQUIRED, so sign-in answers PasswordResetRequiredException) and, where the user has a
 * verified email or phone, a reset code goes there. Without one the reference promises no message and
 * none is sent (unv: whether AWS refuses the call instead).
 */
export function resetPasswordByAdmin(ctx: RequestContext, pool: PoolRecord, user: UserRecord): void {
  // Observed for a FORCE_CHANGE_PASSWORD user (CLI output quoted in developers' notes); the same answer
  // for an UNCONFIRMED one, who has not yet proved the sign-up either, is unv.
  if (user.status === 'FORCE_CHANGE_PASSWORD' || user.status === 'UNCONFIRMED')
    throw idpErrors.resetNotAllowed();
  user.status = 'RESET_REQUIRED';
  user.lastModifiedAt = ctx.world.now();
  const target = recoveryTarget(user);
  ctx.emit('state', `Administrator reset the password of ${user.username}`, {
    poolId: pool.id,
    username: user.username,
    status: user.status,
    codeSent: target !== undefined,
  });
  if (target) sendResetCode(ctx, pool, user, target);
}

export async function confirmForgotPassword(input: JsonInput, ctx: RequestContext) {
  const { world } = ctx;
  const clientId = v.string(input, 'ClientId', CLIENT_ID);
  const username = v.string(input, 'Username', USERNAME);
  const submitted = v.string(input, 'ConfirmationCode', CODE);
  const password = v.string(input, 'Password', PASSWORD);
  const { pool, client } = poolAndClient(world, clientId);
  await checkSecretHashField(client, [username], v.optionalString(input, 'SecretHash'));
  const user = findUser(pool, username);
  if (!user?.enabled) {
    if (client.preventUserExistenceErrors === 'ENABLED') throw idpErrors.codeMismatch();
    throw idpErrors.usernameClientNotFound();
  }
  const now = world.now();
  const record = counters(user, now);
  if (record.wrongCodes >= MAX_WRONG_CODES) throw idpErrors.attemptLimitExceeded();
  const pending = record.code;
  if (!pending) throw idpErrors.expiredCode();
  if (pending.code !== submitted) {
    record.wrongCodes++;
    ctx.emit('auth.failed', `Wrong reset code for ${user.username} (${record.wrongCodes} this hour)`, {
      reason: 'wrong-code',
      wrongCodes: record.wrongCodes,
    });
    throw idpErrors.codeMismatch();
  }
  if (now >= pending.expiresAt) throw idpErrors.expiredCode();
  // The code stays usable when the new password breaks the policy, so the user can try another.
  checkPasswordPolicy(pool.passwordPolicy, password);
  Object.assign(user, await passwordForms(world, pool.id, user.username, password));
  record.code = undefined;
  user.failedAttempts = 0;
  user.lockedUntil = undefined;
  if (user.status === 'RESET_REQUIRED' || user.status === 'FORCE_CHANGE_PASSWORD') user.status = 'CONFIRMED';
  user.lastModifiedAt = now;
  ctx.emit('state', `Password of ${user.username} reset; existing sessions are not revoked`, {
    username: user.username,
    note: 'Refresh tokens issued before the reset keep working; call GlobalSignOut to end them.',
  });
  runPostConfirmation(
    ctx,
    pool,
    client,
    user,
    'PostConfirmation_ConfirmForgotPassword',
    v.optionalStringMap(input, 'ClientMetadata'),
  );
  return {};
}
