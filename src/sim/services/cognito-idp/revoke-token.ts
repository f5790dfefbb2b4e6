import { getOwn } from '../../core/dict';
import type { RequestContext } from '../../core/service';
import type { JsonInput } from '../../protocol/json-1-1';
import { openRefreshToken } from '../../tokens/refresh-token';
import { idpErrors } from './errors';
import { CLIENT_ID, v } from './input';
import { poolAndClient } from './pool-lookup';

/**
 * RevokeToken: revokes a refresh token and every access token minted from it (its `origin_jti`), as
 * seen by Cognito's own APIs (docs/aws-reference.md §1.9). Needs token revocation enabled on the client (on by
 * default for new clients). Exact messages of its failures are not documented (unv).
 */
export async function revokeToken(input: JsonInput, ctx: RequestContext) {
  const { world } = ctx;
  const token = v.string(input, 'Token');
  const clientId = v.string(input, 'ClientId', CLIENT_ID);
  const { pool, client } = poolAndClient(world, clientId);
  if (client.clientSecret !== undefined && input.ClientSecret !== client.clientSecret) {
    throw idpErrors.notAuthorized(
      `Client ${clientId} is configured with secret but ClientSecret was not received`,
    );
  }
  if (!client.enableTokenRevocation)
    throw idpErrors.unsupportedOperation('Token revocation is not enabled for this app client.');
  // An ID or access token (a JWS: three parts) is not what RevokeToken takes.
  if (token.split('.').length === 3) throw idpErrors.unsupportedTokenType();
  const payload = await openRefreshToken(world, token);
  if (!payload || payload.pool !== pool.id) throw idpErrors.invalidRefreshToken();
  if (payload.client_id !== client.clientId) throw idpErrors.unauthorizedClient();
  const session = getOwn(world.state.cognitoIdp.sessions, payload.origin_jti);
  if (session && session.revokedAt === undefined) {
    session.revokedAt = world.now();
    session.revokedBy = 'RevokeToken';
  }
  ctx.emit('token.revoked', `Refresh token of session ${payload.origin_jti} revoked`, {
    originJti: payload.origin_jti,
    note: 'Access tokens of this session are refused by Cognito APIs; offline verifiers accept them until exp.',
  });
  return {};
}
