/**
 * The Admin* operations that change a user's standing, as a backend calls them with AWS credentials
 * (API reference of each): AdminConfirmSignUp, AdminResetUserPassword, AdminSetUserPassword,
 * AdminDisableUser, AdminEnableUser, AdminUserGlobalSignOut, AdminDeleteUser and AdminRemoveUserFromGroup.
 * Each is SigV4-signed and IAM-authorized on the pool ARN (admin-auth.ts) and answers `{}`.
 */
import type { RequestContext } from '../../core/service';
import type { JsonInput } from '../../protocol/json-1-1';
import { authorizeAdminCall } from './admin-auth';
import {
  requireAdminGroup,
  requireAdminPool,
  requireAdminUser,
  usernameInput,
  userPoolIdInput,
} from './admin-input';
import { GROUP_NAME, setTemporaryPassword } from './admin-operations';
import { idpErrors } from './errors';
import { resetPasswordByAdmin } from './forgot-password';
import { optionalBoolean, PASSWORD, v } from './input';
import { ADMIN_CALLER, runPostConfirmation } from './lambda-triggers';
import { checkPasswordPolicy } from './password';
import { removeUser } from './pool-lookup';
import { revokeSessionsOf } from './revoke-sessions';
import { passwordForms } from './srp-verifier';
import type { PoolRecord, UserRecord } from './state';

type Target = { poolId: string; username: string; operation: string };

/** What an Admin call names, its input checked (as every Admin operation does, before authorization). */
const adminTarget = (input: JsonInput, operation: string): Target => ({
  poolId: userPoolIdInput(input),
  username: usernameInput(input),
  operation,
});

/** The pool and user `target` names, once the caller is authorized for its operation. */
async function resolve(ctx: RequestContext, target: Target) {
  await authorizeAdminCall(ctx, target.operation, target.poolId);
  const pool = requireAdminPool(ctx.world, target.poolId);
  return { pool, user: requireAdminUser(pool, target.username) };
}

/**
 * AdminConfirmSignUp: confirms a signed-up user without a code, on the caller's IAM authority. Only an
 * UNCONFIRMED user can be confirmed; any other status is refused with the wording ConfirmSignUp uses,
 * "User cannot be confirmed. Current status is FORCE_CHANGE_PASSWORD" being the answer developers report
 * for a user the administrator created. No code proved the address, so email_verified is left as it was
 * (developers set it with AdminUpdateUserAttributes). The post confirmation trigger runs, as the API
 * reference says, with triggerSource PostConfirmation_ConfirmSignUp and no app client.
 */
export async function adminConfirmSignUp(input: JsonInput, ctx: RequestContext) {
  const target = adminTarget(input, 'AdminConfirmSignUp');
  const clientMetadata = v.optionalStringMap(input, 'ClientMetadata');
  const { pool, user } = await resolve(ctx, target);
  if (user.status !== 'UNCONFIRMED')
    throw idpErrors.notAuthorized(`User cannot be confirmed. Current status is ${user.status}`);
  user.status = 'CONFIRMED';
  user.signUpCode = undefined;
  user.lastModifiedAt = ctx.world.now();
  ctx.emit('state', `Administrator confirmed ${user.username}`, { poolId: pool.id, username: user.username });
  // As in ConfirmSignUp, a function that throws fails the call but the confirmation stands.
  runPostConfirmation(ctx, pool, ADMIN_CALLER, user, 'PostConfirmation_ConfirmSignUp', clientMetadata);
  return {};
}

/**
 * AdminResetUserPassword, "the administrative API equivalent to ForgotPassword": the user must set a new
 * password with the code it sends (ConfirmForgotPassword) before signing in again (forgot-password.ts).
 * ClientMetadata goes to the custom message trigger, which the simulation does not run.
 */
export async function adminResetUserPassword(input: JsonInput, ctx: RequestContext) {
  const target = adminTarget(input, 'AdminResetUserPassword');
  v.optionalStringMap(input, 'ClientMetadata');
  const { pool, user } = await resolve(ctx, target);
  resetPasswordByAdmin(ctx, pool, user);
  return {};
}

/**
 * AdminSetUserPassword: "Works on any user." A temporary password (Permanent false or absent) puts the
 * user in FORCE_CHANGE_PASSWORD, so the next sign-in answers NEW_PASSWORD_REQUIRED, and it expires
 * after the pool's TemporaryPasswordValidityDays; a permanent one makes the user CONFIRMED at once. The
 * password must meet the pool's policy (InvalidPasswordException). Sessions are left as they are: the
 * reference says nothing of revocation here (unv).
 */
export async function adminSetUserPassword(input: JsonInput, ctx: RequestContext) {
  const target = adminTarget(input, 'AdminSetUserPassword');
  const password = v.string(input, 'Password', PASSWORD);
  const permanent = optionalBoolean(input, 'Permanent') === true;
  const { pool, user } = await resolve(ctx, target);
  checkPasswordPolicy(pool.passwordPolicy, password);
  if (permanent) await setPermanentPassword(pool, user, password, ctx);
  else {
    await setTemporaryPassword(pool, user, password, ctx);
    user.status = 'FORCE_CHANGE_PASSWORD';
  }
  ctx.emit(
    'state',
    `Administrator set a ${permanent ? 'permanent' : 'temporary'} password for ${user.username}`,
    {
      poolId: pool.id,
      username: user.username,
      status: user.status,
      ...(permanent ? {} : { temporaryPasswordExpiresAt: user.temporaryPasswordExpiresAt }),
    },
  );
  return {};
}

async function setPermanentPassword(
  pool: PoolRecord,
  user: UserRecord,
  password: string,
  ctx: RequestContext,
) {
  Object.assign(user, await passwordForms(ctx.world, pool.id, user.username, password));
  user.status = 'CONFIRMED';
  user.temporaryPasswordExpiresAt = undefined;
  user.signUpCode = undefined;
  user.lastModifiedAt = ctx.world.now();
}

/**
 * AdminDisableUser: "Deactivates a user and revokes all access tokens for the user. A deactivated user
 * can't sign in, but still appears in the responses to GetUser and ListUsers." Sign-in then answers
 * NotAuthorizedException "User is disabled." (initiate-auth.ts). The user's sessions are revoked, so
 * their tokens stay refused after AdminEnableUser too.
 */
export async function adminDisableUser(input: JsonInput, ctx: RequestContext) {
  const { pool, user } = await resolve(ctx, adminTarget(input, 'AdminDisableUser'));
  user.enabled = false;
  user.lastModifiedAt = ctx.world.now();
  const count = revokeSessionsOf(ctx.world, pool, user, 'AdminDisableUser');
  ctx.emit('state', `Administrator disabled ${user.username}; ${count} session(s) revoked`, {
    poolId: pool.id,
    username: user.username,
    count,
    note: 'Offline verifiers (API Gateway, AppSync) keep accepting issued ID and access tokens until exp.',
  });
  return {};
}

/** AdminEnableUser: sign-in works again ("Activate sign-in for a user profile that previously had sign-in access disabled"). */
export async function adminEnableUser(input: JsonInput, ctx: RequestContext) {
  const { pool, user } = await resolve(ctx, adminTarget(input, 'AdminEnableUser'));
  user.enabled = true;
  user.lastModifiedAt = ctx.world.now();
  ctx.emit('state', `Administrator enabled ${user.username}`, { poolId: pool.id, username: user.username });
  return {};
}

/**
 * AdminUserGlobalSignOut: "Invalidates the identity, access, and refresh tokens that Amazon Cognito
 * issued to a user", as the user's own GlobalSignOut does, without the user's token.
 */
export async function adminUserGlobalSignOut(input: JsonInput, ctx: RequestContext) {
  const { pool, user } = await resolve(ctx, adminTarget(input, 'AdminUserGlobalSignOut'));
  const count = revokeSessionsOf(ctx.world, pool, user, 'AdminUserGlobalSignOut');
  ctx.emit('token.revoked', `Administrator signed ${user.username} out everywhere (${count} sessions)`, {
    count,
    note: 'Offline verifiers (API Gateway, AppSync) keep accepting the ID and access tokens until exp.',
  });
  return {};
}

/** AdminDeleteUser: the profile is gone; later calls naming it answer UserNotFoundException. */
export async function adminDeleteUser(input: JsonInput, ctx: RequestContext) {
  const { pool, user } = await resolve(ctx, adminTarget(input, 'AdminDeleteUser'));
  removeUser(pool, user);
  ctx.emit('state', `Administrator deleted ${user.username} from ${pool.id}`, {
    poolId: pool.id,
    username: user.username,
    sub: user.sub,
    note: 'Issued tokens still verify offline until exp; Cognito APIs refuse them (user does not exist).',
  });
  return {};
}

/** AdminRemoveUserFromGroup: the group's role and `cognito:groups` claim stop applying at the next token. */
export async function adminRemoveUserFromGroup(input: JsonInput, ctx: RequestContext) {
  const target = adminTarget(input, 'AdminRemoveUserFromGroup');
  const groupName = v.string(input, 'GroupName', GROUP_NAME);
  await authorizeAdminCall(ctx, target.operation, target.poolId);
  const pool = requireAdminPool(ctx.world, target.poolId);
  const group = requireAdminGroup(pool, groupName);
  const user = requireAdminUser(pool, target.username);
  user.groups = user.groups.filter((name) => name !== group.groupName);
  ctx.emit('state', `${user.username} removed from group ${group.groupName}`, {
    username: user.username,
    group: group.groupName,
  });
  return {};
}
