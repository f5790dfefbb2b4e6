import { deleteOwn, getOwn } from '../../core/dict';
import type { World } from '../../world';
import { userByAlias } from './alias-attributes';
import { idpErrors } from './errors';
import type { AppClientRecord, PoolRecord, UserRecord } from './state';
import { userByUsernameAttribute, usernameAttributeOf } from './username-attributes';
import { usernameKey } from './username-key';

/** Lookups shared by the operations: pools, app clients and users, failing as AWS fails. */

export function poolById(world: World, poolId: string): PoolRecord | undefined {
  return getOwn(world.state.cognitoIdp.pools, poolId);
}

export function requirePool(world: World, poolId: string): PoolRecord {
  const pool = poolById(world, poolId);
  if (!pool) throw idpErrors.resourceNotFound(`User pool ${poolId} does not exist.`);
  return pool;
}

/** Public operations name only a ClientId; the pool is the one that owns it. */
export function poolAndClient(world: World, clientId: string): { pool: PoolRecord; client: AppClientRecord } {
  for (const pool of Object.values(world.state.cognitoIdp.pools)) {
    const client = getOwn(pool.clients, clientId);
    if (client) return { pool, client };
  }
  throw idpErrors.resourceNotFound(`User pool client ${clientId} does not exist.`);
}

export { usernameKey } from './username-key';

export function findUser(pool: PoolRecord, username: string): UserRecord | undefined {
  const direct = getOwn(pool.users, usernameKey(pool, username));
  if (direct) return direct;
  // In a pool with username attributes the user is named by their email address or phone number.
  const attribute = usernameAttributeOf(pool, username);
  if (attribute) return userByUsernameAttribute(pool, attribute, username);
  // In a pool with aliases, by a verified email or phone number, or a confirmed user's preferred_username.
  const aliased = userByAlias(pool, username);
  if (aliased) return aliased;
  // Users may also sign in with their immutable sub as the username (doc: "Username" accepts an alias or sub).
  return Object.values(pool.users).find((u) => u.sub === username);
}

/** Takes `user` out of the pool's directory, under whichever key it is stored. */
export function removeUser(pool: PoolRecord, user: UserRecord): void {
  const key = Object.keys(pool.users).find((k) => getOwn(pool.users, k) === user);
  if (key !== undefined) deleteOwn(pool.users, key);
}

export function userBySub(pool: PoolRecord, sub: string): UserRecord | undefined {
  return Object.values(pool.users).find((u) => u.sub === sub);
}

export function issuerOf(world: World, poolId: string): string {
  return `https://cognito-idp.${world.region}.amazonaws.com/${poolId}`;
}
