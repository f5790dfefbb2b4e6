import { isRevoked, UserPoolTokenFailure, verifyUserPoolToken } from '../../tokens/verify';
import type { World } from '../../world';
import { idpErrors } from './errors';
import { API_SCOPE } from './issue-tokens';
import { findUser, requirePool } from './pool-lookup';
import type { PoolRecord, UserRecord } from './state';

/**
 * How Cognito's own token-authorized APIs (GetUser, UpdateUserAttributes, GlobalSignOut …) judge the
 * `AccessToken` body field: an offline check plus what only the pool knows (revocation, the user's
 * current state). Messages are the observed ones (docs/aws-reference.md §2.4).
 */
export async function authorizeAccessToken(
  world: World,
  token: string,
): Promise<{ pool: PoolRecord; user: UserRecord; claims: Record<string, unknown> }> {
  const result = await verifyUserPoolToken(world, token, { tokenUse: 'access' });
  if (!result.ok) {
    if (result.reason === UserPoolTokenFailure.Expired) throw idpErrors.accessTokenExpired();
    throw idpErrors.invalidAccessToken();
  }
  if (isRevoked(world, result.claims)) throw idpErrors.accessTokenRevoked();
  const scopes = String(result.claims.scope ?? '').split(' ');
  if (!scopes.includes(API_SCOPE))
    throw idpErrors.notAuthorized('Access Token does not have required scopes');
  const pool = requirePool(world, result.poolId);
  const user = findUser(pool, String(result.claims.username));
  if (!user || user.sub !== result.claims.sub) throw idpErrors.userNotFound();
  if (!user.enabled) throw idpErrors.userDisabled();
  return { pool, user, claims: result.claims };
}
