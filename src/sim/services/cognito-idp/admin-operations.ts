/**
 * The user-management Admin* operations a backend calls with AWS credentials (API reference of each;
 * Developer Guide, "Creating user accounts as administrator"): AdminCreateUser, AdminGetUser,
 * AdminAddUserToGroup, AdminListGroupsForUser. Each is SigV4-signed and IAM-authorized on the pool ARN
 * (admin-auth.ts). Dates are epoch seconds, as JSON 1.1 writes timestamps.
 */
import { createDict, getOwn, setOwn } from '../../core/dict';
import type { RequestContext } from '../../core/service';
import { epochSeconds } from '../../core/time';
import type { JsonInput } from '../../protocol/json-1-1';
import { authorizeAdminCall } from './admin-auth';
import {
  requireAdminGroup,
  requireAdminPool,
  requireAdminUser,
  usernameInput,
  userPoolIdInput,
} from './admin-input';
import { checkAttributes, parseAttributeList } from './attributes';
import { idpErrors } from './errors';
import { PASSWORD, v } from './input';
import { temporaryPasswordExpiry } from './new-password-challenge';
import { nextTokenRequest, onePage } from './page-token';
import { checkPasswordPolicy } from './password';
import { findUser, usernameKey } from './pool-lookup';
import { passwordForms } from './srp-verifier';
import type { GroupRecord, PoolRecord, UserRecord } from './state';
import { usernameAttributeOfNewUser } from './username-attributes';

const attributeList = (user: UserRecord) =>
  Object.entries(user.attributes).map(([Name, Value]) => ({ Name, Value }));

function userSummary(user: UserRecord) {
  return {
    Username: user.username,
    UserCreateDate: epochSeconds(user.createdAt),
    UserLastModifiedDate: epochSeconds(user.lastModifiedAt),
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}

export async function adminGetUser(input: JsonInput, ctx: RequestContext) {
  const poolId = userPoolIdInput(input);
  const username = usernameInput(input);
  await authorizeAdminCall(ctx, 'AdminGetUser', poolId);
  const user = requireAdminUser(requireAdminPool(ctx.world, poolId), username);
  const totp = user.softwareToken?.enabled;
  return {
    Username: user.username,
    UserAttributes: attributeList(user),
    UserCreateDate: epochSeconds(user.createdAt),
    UserLastModifiedDate: epochSeconds(user.lastModifiedAt),
    Enabled: user.enabled,
    UserStatus: user.status,
    ...(totp
      ? { UserMFASettingList: ['SOFTWARE_TOKEN_MFA'], PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA' }
      : {}),
  };
}

/** A temporary password that meets the pool's policy, drawn from the cloud's generator. */
function generatedPassword(ctx: RequestContext): string {
  const r = ctx.world.random;
  return `${r.string(4, 'ABCDEFGHJKLMNPQRSTUVWXYZ')}${r.string(4, 'abcdefghijkmnopqrstuvwxyz')}${r.string(3, '23456789')}!`;
}

const MESSAGE_ACTIONS = ['RESEND', 'SUPPRESS'];

export async function adminCreateUser(input: JsonInput, ctx: RequestContext) {
  const { world } = ctx;
  const poolId = userPoolIdInput(input);
  const username = usernameInput(input);
  const attributes = parseAttributeList(input.UserAttributes, 'UserAttributes');
  const temporary = v.optionalString(input, 'TemporaryPassword', PASSWORD);
  const action = v.optionalString(input, 'MessageAction');
  if (action !== undefined && !MESSAGE_ACTIONS.includes(action))
    v.fail(
      `1 validation error detected: Value '${action}' at 'messageAction' failed to satisfy constraint: Member must satisfy enum value set: [${MESSAGE_ACTIONS.join(', ')}]`,
    );
  await authorizeAdminCall(ctx, 'AdminCreateUser', poolId);
  const pool = requireAdminPool(world, poolId);
  if (temporary !== undefined) checkPasswordPolicy(pool.passwordPolicy, temporary);
  const password = temporary ?? generatedPassword(ctx);
  const existing = findUser(pool, username);

  // RESEND: a new invitation (and temporary password) for a user who never signed in (API reference).
  if (action === 'RESEND') {
    if (!existing) throw idpErrors.userNotFound();
    if (existing.status !== 'FORCE_CHANGE_PASSWORD')
      // (unv: AWS's wording for resending to a user who already chose a password)
      throw idpErrors.unsupportedUserState(
        'Resend not possible. User is not in FORCE_CHANGE_PASSWORD state.',
      );
    await setTemporaryPassword(pool, existing, password, ctx);
    invite(ctx, pool, existing, action);
    return { User: { ...userSummary(existing), Attributes: attributeList(existing) } };
  }
  // With username attributes the Username is an email address or phone number: stored as that attribute,
  // and the username is generated (the sub).
  const signInAttribute = usernameAttributeOfNewUser(pool, username, attributes);
  checkAttributes(pool, attributes, 'admin-create');
  // (unv: the wording reported for AdminCreateUser; SignUp's is "User already exists")
  if (existing) throw idpErrors.usernameExistsAdmin();
  const now = world.now();
  const sub = world.random.uuid();
  const stored = signInAttribute ? sub : usernameKey(pool, username);
  const user: UserRecord = {
    username: stored,
    sub,
    status: 'FORCE_CHANGE_PASSWORD',
    enabled: true,
    createdAt: now,
    lastModifiedAt: now,
    attributes: createDict({ sub }),
    groups: [],
    attributeCodes: createDict(),
    failedAttempts: 0,
  };
  for (const a of attributes) setOwn(user.attributes, a.Name, a.Value);
  await setTemporaryPassword(pool, user, password, ctx);
  setOwn(pool.users, usernameKey(pool, stored), user);
  ctx.emit('state', `Administrator created ${user.username} (FORCE_CHANGE_PASSWORD)`, {
    poolId: pool.id,
    username: user.username,
    sub,
    temporaryPasswordExpiresAt: user.temporaryPasswordExpiresAt,
  });
  invite(ctx, pool, user, action);
  return { User: { ...userSummary(user), Attributes: attributeList(user) } };
}

export async function setTemporaryPassword(
  pool: PoolRecord,
  user: UserRecord,
  password: string,
  ctx: RequestContext,
) {
  const now = ctx.world.now();
  Object.assign(user, await passwordForms(ctx.world, pool.id, user.username, password));
  user.temporaryPasswordExpiresAt = temporaryPasswordExpiry(pool, now);
  user.lastModifiedAt = now;
}

/** The invitation message: not sent with SUPPRESS (the simulation records it in the trace, not the inbox). */
function invite(ctx: RequestContext, pool: PoolRecord, user: UserRecord, action: string | undefined) {
  if (action === 'SUPPRESS') {
    ctx.emit('message.suppressed', `No invitation for ${user.username}: MessageAction SUPPRESS`, {
      username: user.username,
    });
    return;
  }
  const to = user.attributes.email ?? user.attributes.phone_number;
  ctx.emit(
    'message.sent',
    `Invitation with a temporary password for ${user.username}${to ? ` to ${to}` : ''}`,
    {
      username: user.username,
      poolId: pool.id,
      validDays: pool.passwordPolicy.TemporaryPasswordValidityDays,
    },
  );
}

/** A group as GroupType, the shape AdminListGroupsForUser, GetGroup and ListGroups answer with. */
export function groupType(pool: PoolRecord, group: GroupRecord) {
  return {
    GroupName: group.groupName,
    UserPoolId: pool.id,
    ...(group.description !== undefined ? { Description: group.description } : {}),
    ...(group.roleArn !== undefined ? { RoleArn: group.roleArn } : {}),
    ...(group.precedence !== undefined ? { Precedence: group.precedence } : {}),
    LastModifiedDate: epochSeconds(group.creationDate),
    CreationDate: epochSeconds(group.creationDate),
  };
}

export const GROUP_NAME = {
  min: 1,
  max: 128,
  pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u,
  patternText: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+',
};

export async function adminAddUserToGroup(input: JsonInput, ctx: RequestContext) {
  const poolId = userPoolIdInput(input);
  const username = usernameInput(input);
  const groupName = v.string(input, 'GroupName', GROUP_NAME);
  await authorizeAdminCall(ctx, 'AdminAddUserToGroup', poolId);
  const pool = requireAdminPool(ctx.world, poolId);
  const group = requireAdminGroup(pool, groupName);
  const user = requireAdminUser(pool, username);
  if (!user.groups.includes(group.groupName)) user.groups.push(group.groupName);
  ctx.emit('state', `${user.username} added to group ${group.groupName}`, {
    username: user.username,
    group: group.groupName,
    roleArn: group.roleArn,
  });
  return {};
}

export async function adminListGroupsForUser(input: JsonInput, ctx: RequestContext) {
  const poolId = userPoolIdInput(input);
  const username = usernameInput(input);
  const { limit, start } = nextTokenRequest(input);
  await authorizeAdminCall(ctx, 'AdminListGroupsForUser', poolId);
  const pool = requireAdminPool(ctx.world, poolId);
  const user = requireAdminUser(pool, username);
  const groups = user.groups
    .map((name) => getOwn(pool.groups, name))
    .filter((g): g is GroupRecord => g !== undefined);
  const { page, next } = onePage(groups, start, limit);
  return { Groups: page.map((g) => groupType(pool, g)), ...(next ? { NextToken: next } : {}) };
}
