/** Input shapes and lookups of the Admin* operations (service model: UserPoolIdType, UsernameType). */
import { getOwn } from '../../core/dict';
import type { World } from '../../world';
import { idpErrors } from './errors';
import { USERNAME, v } from './input';
import { findUser, requirePool } from './pool-lookup';
import type { AppClientRecord, GroupRecord, PoolRecord, UserRecord } from './state';

const USER_POOL_ID = {
  min: 1,
  max: 55,
  pattern: /^[\w-]+_[0-9a-zA-Z]+$/,
  patternText: '[\\w-]+_[0-9a-zA-Z]+',
};

export const userPoolIdInput = (input: Record<string, unknown>) =>
  v.string(input, 'UserPoolId', USER_POOL_ID);
export const usernameInput = (input: Record<string, unknown>) => v.string(input, 'Username', USERNAME);

export const requireAdminPool = (world: World, poolId: string): PoolRecord => requirePool(world, poolId);

export function requireAdminClient(pool: PoolRecord, clientId: string): AppClientRecord {
  const client = getOwn(pool.clients, clientId);
  if (!client) throw idpErrors.resourceNotFound(`User pool client ${clientId} does not exist.`);
  return client;
}

/** Admin operations name the user directly, so a missing user is always reported (doc: existence errors cover sign-in only). */
export function requireAdminUser(pool: PoolRecord, username: string): UserRecord {
  const user = findUser(pool, username);
  if (!user) throw idpErrors.userNotFound();
  return user;
}

/** The pool's group `groupName` (names are case-sensitive). A missing one is ResourceNotFoundException
 * "Group not found." (unv: the wording developers report for AdminAddUserToGroup). */
export function requireAdminGroup(pool: PoolRecord, groupName: string): GroupRecord {
  const group = getOwn(pool.groups, groupName);
  if (!group) throw idpErrors.resourceNotFound('Group not found.');
  return group;
}
