import type { World } from '../../world';
import type { PoolRecord, SessionRecord, UserRecord } from './state';

/**
 * Marks every live authentication of `user` revoked: Cognito's own APIs refuse its access and refresh
 * tokens from now on (access-token.ts, initiate-auth.ts); offline verifiers do not know. The count of
 * sessions revoked is returned for the trace.
 */
export function revokeSessionsOf(
  world: World,
  pool: PoolRecord,
  user: UserRecord,
  by: NonNullable<SessionRecord['revokedBy']>,
): number {
  const now = world.now();
  let count = 0;
  for (const session of Object.values(world.state.cognitoIdp.sessions)) {
    if (session.poolId === pool.id && session.sub === user.sub && session.revokedAt === undefined) {
      session.revokedAt = now;
      session.revokedBy = by;
      count++;
    }
  }
  return count;
}
