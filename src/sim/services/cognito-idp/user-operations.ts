import { deleteOwn, getOwn, setOwn } from '../../core/dict';
import type { RequestContext } from '../../core/service';
import type { JsonInput } from '../../protocol/json-1-1';
import { authorizeAccessToken } from './access-token';
import { claimAlias } from './alias-attributes';
import { applyAttributeUpdate, VERIFIABLE, verifiable } from './attribute-update';
import { checkAttributes, parseAttributeList } from './attributes';
import { checkWritable, clientOfToken, readable } from './client-attributes';
import { checkCode, deliver, newCode } from './codes';
import { idpErrors } from './errors';
import { CODE, PASSWORD, TOKEN, v } from './input';
import { expireQuietFailures, isLocked, recordFailure } from './lockout';
import { checkPasswordPolicy, passwordMatches } from './password';
import { removeUser } from './pool-lookup';
import { revokeSessionsOf } from './revoke-sessions';
import { passwordForms } from './srp-verifier';
import type { AppClientRecord, UserRecord } from './state';

/** Token-authorized operations of a signed-in user (the access token travels in the body). */

const accessToken = (input: JsonInput) => v.string(input, 'AccessToken', TOKEN);

/** Attributes as GetUser lists them: `sub` first, then the rest in the order they were set. */
export function attributeList(user: UserRecord, client?: AppClientRecord): { Name: string; Value: string }[] {
  const rest = Object.entries(user.attributes).filter(([n]) => n !== 'sub' && readable(client, n));
  return [{ Name: 'sub', Value: user.sub }, ...rest.map(([Name, Value]) => ({ Name, Value }))];
}

export async function getUser(input: JsonInput, ctx: RequestContext) {
  const { pool, user, claims } = await authorizeAccessToken(ctx.world, accessToken(input));
  // The token's app client sees only the attributes it may read (ReadAttributes).
  return { UserAttributes: attributeList(user, clientOfToken(pool, claims)), Username: user.username };
}

export async function updateUserAttributes(input: JsonInput, ctx: RequestContext) {
  const { world } = ctx;
  const token = accessToken(input);
  const attributes = parseAttributeList(input.UserAttributes, 'UserAttributes');
  if (input.UserAttributes === undefined || input.UserAttributes === null) {
    v.fail(
      "1 validation error detected: Value null at 'userAttributes' failed to satisfy constraint: Member must not be null",
    );
  }
  const { pool, user, claims } = await authorizeAccessToken(world, token);
  checkAttributes(pool, attributes, 'update');
  checkWritable(pool, clientOfToken(pool, claims), attributes);
  const details = applyAttributeUpdate(ctx, pool, user, attributes);
  return details.length ? { CodeDeliveryDetailsList: details } : {};
}

export async function getUserAttributeVerificationCode(input: JsonInput, ctx: RequestContext) {
  const { world } = ctx;
  const token = accessToken(input);
  const name = v.string(input, 'AttributeName', { min: 1, max: 32 });
  const { pool, user } = await authorizeAccessToken(world, token);
  // An email by email, a phone number by SMS, when the pool verifies that attribute and the user has it.
  // With an update pending, the code still goes to the current value and verifies it only; the pending
  // value then needs a new UpdateUserAttributes (unv: which address AWS sends it to in that case).
  const to = verifiable(name) ? getOwn(user.attributes, name) : undefined;
  if (!verifiable(name) || !to || !pool.autoVerifiedAttributes.includes(name))
    throw idpErrors.invalidParameter(`Invalid attribute name: ${name}`);
  const target = { attribute: name, medium: VERIFIABLE[name], to };
  const code = newCode(world, 'VERIFY_ATTRIBUTE', name);
  setOwn(user.attributeCodes, name, code);
  return { CodeDeliveryDetails: deliver(world, pool, user, code, 'VERIFY_ATTRIBUTE', target) };
}

export async function verifyUserAttribute(input: JsonInput, ctx: RequestContext) {
  const { world } = ctx;
  const token = accessToken(input);
  const name = v.string(input, 'AttributeName', { min: 1, max: 32 });
  const code = v.string(input, 'Code', CODE);
  const { pool, user } = await authorizeAccessToken(world, token);
  const pending = getOwn(user.attributeCodes, name);
  checkCode(world, pending, code);
  // A code sent for a pending update "updates the affected attribute to its pending value" (API reference,
  // VerifyUserAttribute); any other code verifies the value the attribute has.
  const value = pending?.pendingValue;
  // A verified address becomes an alias: refused (AliasExistsException) while another user holds it.
  claimAlias(pool, user, name, value ?? getOwn(user.attributes, name), false);
  deleteOwn(user.attributeCodes, name);
  if (value !== undefined && getOwn(user.pendingAttributes, name) === value) {
    setOwn(user.attributes, name, value);
    deleteOwn(user.pendingAttributes as Record<string, string>, name);
  }
  setOwn(user.attributes, `${name}_verified`, 'true');
  user.lastModifiedAt = world.now();
  return {};
}

/** Revokes every authentication of the user: Cognito's APIs refuse their tokens from now on (docs/aws-reference.md §1.9). */
export async function globalSignOut(input: JsonInput, ctx: RequestContext) {
  const { world } = ctx;
  const { pool, user } = await authorizeAccessToken(world, accessToken(input));
  const count = revokeSessionsOf(world, pool, user, 'GlobalSignOut');
  ctx.emit('token.revoked', `Signed ${user.username} out everywhere (${count} sessions)`, {
    count,
    note: 'Offline verifiers (API Gateway, AppSync) keep accepting the ID and access tokens until exp.',
  });
  return {};
}

/**
 * ChangePassword (API reference): the signed-in user replaces their password; `{}` back. PreviousPassword
 * may be left out only by a user who has no password. A wrong one is "Incorrect username or password."
 * (obs, amplify-js #1580) and counts toward the sign-in lockout (lockout.ts; unv that both share one
 * counter); while locked the answer is LimitExceededException (obs, aws-sdk-android #627). Existing
 * tokens stay valid: the reference says nothing of revocation and users report none (amplify-js #4168).
 */
export async function changePassword(input: JsonInput, ctx: RequestContext) {
  const { world } = ctx;
  const token = accessToken(input);
  // PasswordType, as SignUp's Password is (input.ts PASSWORD).
  const previous = v.optionalString(input, 'PreviousPassword', PASSWORD);
  const proposed = v.string(input, 'ProposedPassword', PASSWORD);
  const { pool, user } = await authorizeAccessToken(world, token);
  const now = world.now();
  expireQuietFailures(user, now);
  if (isLocked(user, now)) {
    ctx.emit('auth.failed', `${user.username} is locked out: password not changed`, {
      reason: 'locked',
      failedAttempts: user.failedAttempts,
      lockedUntil: user.lockedUntil,
    });
    throw idpErrors.attemptLimitExceeded();
  }
  // The previous password is checked before the new one meets the policy (order unv).
  if (user.password && (previous === undefined || !(await passwordMatches(user.password, previous)))) {
    recordFailure(user, now);
    ctx.emit(
      'auth.failed',
      `Wrong previous password for ${user.username} (${user.failedAttempts} consecutive failures)`,
      { reason: 'wrong-password', failedAttempts: user.failedAttempts, lockedUntil: user.lockedUntil },
    );
    throw idpErrors.incorrectCredentials();
  }
  checkPasswordPolicy(pool.passwordPolicy, proposed);
  const forms = await passwordForms(world, pool.id, user.username, proposed);
  // The failure count is left as it is: only a successful sign-in resets it (lockout.ts).
  Object.assign(user, forms);
  user.lastModifiedAt = now;
  ctx.emit('state', `Password of ${user.username} changed; existing sessions are not revoked`, {
    username: user.username,
    note: 'Tokens issued before the change keep working; call GlobalSignOut to end them.',
  });
  return {};
}

/**
 * DeleteUser (API reference): "A deleted user profile can no longer be used to sign in and can't be
 * restored." Tokens already issued still verify offline until exp; Cognito's own APIs then answer as for
 * any user who does not exist (access-token.ts).
 */
export async function deleteUser(input: JsonInput, ctx: RequestContext) {
  const { world } = ctx;
  const { pool, user } = await authorizeAccessToken(world, accessToken(input));
  removeUser(pool, user);
  ctx.emit('state', `${user.username} deleted their own profile from ${pool.id}`, {
    poolId: pool.id,
    username: user.username,
    sub: user.sub,
    note: 'Issued tokens still verify offline until exp; Cognito APIs refuse them (user does not exist).',
  });
  return {};
}
