/**
 * POST /oauth2/revoke (docs/aws-reference.md §3.6): revokes a refresh token and every access and ID token
 * of its session, like the RevokeToken API. Errors (doc: revocation-endpoint): 400 invalid_request (no
 * token, or revocation disabled on the client), 400 unsupported_token_type (not a refresh token), 401
 * invalid_client (bad client credentials); a token it cannot use still gets 200 and revokes nothing.
 */
import { getOwn } from '../../../core/dict';
import type { RequestContext } from '../../../core/service';
import { openRefreshToken } from '../../../tokens/refresh-token';
import type { PoolRecord } from '../state';
import { tokenError } from './responses';
import { authenticateClient } from './token';

const revoked = () => new Response(null, { status: 200 });

export async function revoke(request: Request, pool: PoolRecord, ctx: RequestContext): Promise<Response> {
  // The endpoint "only supports HTTPS POST" (doc); the answer to other methods is unv.
  if (request.method !== 'POST') return tokenError('invalid_request', 405);
  const form = new URLSearchParams(await request.text());
  const auth = authenticateClient(request, form, pool);
  if (!auth.ok) return auth.response;
  const { client } = auth;
  const token = form.get('token');
  if (!token || !client.enableTokenRevocation) return tokenError('invalid_request');
  // ID and access tokens are JWS (three parts); the refresh token is a five-part JWE.
  if (token.split('.').length === 3) return tokenError('unsupported_token_type');
  const payload = await openRefreshToken(ctx.world, token);
  // An unreadable token, or one issued to another client, is an "invalid token": 200, nothing revoked
  // (doc: "HTTP 200 if the token has been revoked or if the client submitted an invalid token").
  if (!payload || payload.pool !== pool.id || payload.client_id !== client.clientId) return revoked();
  const session = getOwn(ctx.world.state.cognitoIdp.sessions, payload.origin_jti);
  if (session && session.revokedAt === undefined) {
    session.revokedAt = ctx.world.now();
    // The same revocation as the RevokeToken API: Cognito's endpoints refuse the session's tokens.
    session.revokedBy = 'RevokeToken';
  }
  ctx.emit('token.revoked', `Refresh token of session ${payload.origin_jti} revoked at /oauth2/revoke`, {
    originJti: payload.origin_jti,
    note: 'Access tokens of this session are refused by Cognito; offline verifiers accept them until exp.',
  });
  return revoked();
}
