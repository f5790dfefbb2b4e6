import type { RequestContext } from '../../core/service';
import { API_SCOPE, mintTokens, startSession } from './issue-tokens';
import type { AppClientRecord, PoolRecord, UserRecord } from './state';

/**
 * The end of a successful sign-in through the API (after the password or the SRP proof, and any
 * further challenge): a new session and its ID, access and refresh tokens. Challenge answers come back
 * in RespondToAuthChallenge's shape, AuthenticationResult plus empty ChallengeParameters.
 */
export async function completeSignIn(
  pool: PoolRecord,
  client: AppClientRecord,
  user: UserRecord,
  ctx: RequestContext,
  how: string,
) {
  const { world } = ctx;
  const session = startSession(world, pool, client, user, { scopes: [API_SCOPE], viaOAuth: false });
  const result = await mintTokens(world, pool, client, user, session, { withRefreshToken: true, emit: ctx.emit });
  ctx.emit('token.issued', `ID, access and refresh tokens for ${user.username} (${how})`, {
    originJti: session.originJti,
    authTime: session.authTime,
  });
  return { AuthenticationResult: result, ChallengeParameters: {} };
}
