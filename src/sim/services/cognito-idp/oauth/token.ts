/**
 * POST /oauth2/token (docs/aws-reference.md §3.3, §3.8): `authorization_code` (one-use code, redirect_uri
 * and client must match, PKCE S256 verifier when the authorize request had a challenge) and
 * `refresh_token` (new ID and access tokens in the same session, no new refresh token). Errors are JSON
 * `{"error": …}`: `invalid_request` for a missing parameter, `invalid_grant` for unknown, reused and
 * expired codes and bad verifiers, `unauthorized_client` for a redirect_uri other than authorize's.
 * The client_credentials grant for confidential clients is in client-credentials.ts.
 */
import { deleteOwn, getOwn } from '../../../core/dict';
import type { RequestContext } from '../../../core/service';
import { openRefreshToken } from '../../../tokens/refresh-token';
import { issueTokensForUser } from '../federation-api';
import { mintTokens } from '../issue-tokens';
import { findUser } from '../pool-lookup';
import type { AppClientRecord, PoolRecord } from '../state';
import { clientCredentialsGrant } from './client-credentials';
import { isValidVerifier, s256 } from './pkce';
import { OAUTH_JSON_HEADERS, tokenError } from './responses';
import { oauthState } from './state';

type ClientAuth = { ok: true; client: AppClientRecord } | { ok: false; response: Response };

/** Basic header (client_secret_basic) or client_id/client_secret in the body (client_secret_post). */
export function authenticateClient(request: Request, form: URLSearchParams, pool: PoolRecord): ClientAuth {
  let clientId = form.get('client_id') ?? undefined;
  let secret = form.get('client_secret') ?? undefined;
  const header = request.headers.get('authorization');
  if (header?.startsWith('Basic ')) {
    try {
      const [id, s] = atob(header.slice(6)).split(':');
      clientId = id;
      secret = s;
    } catch {
      return { ok: false, response: tokenError('invalid_client') };
    }
  }
  const client = getOwn(pool.clients, clientId);
  if (!client) return { ok: false, response: tokenError('invalid_client') };
  if (client.clientSecret !== undefined && client.clientSecret !== secret)
    return { ok: false, response: tokenError('invalid_client') };
  return { ok: true, client };
}

const json = (body: Record<string, unknown>) =>
  new Response(JSON.stringify(body), { status: 200, headers: OAUTH_JSON_HEADERS });

async function codeGrant(
  form: URLSearchParams,
  pool: PoolRecord,
  client: AppClientRecord,
  ctx: RequestContext,
): Promise<Response> {
  const codes = oauthState(ctx.world).codes;
  const code = form.get('code');
  // A missing required parameter is invalid_request (doc: token-endpoint, negative responses).
  if (!code) return tokenError('invalid_request');
  const grant = getOwn(codes, code);
  // Any attempt consumes the code, successful or not: a retry after invalid_request gets invalid_grant
  // (observed: AWS support's answer on re:Post, repost.aws/questions/QUDAAkuVB3QPKKnMLWQjSTvw).
  deleteOwn(codes, code);
  if (
    !grant ||
    grant.poolId !== pool.id ||
    grant.clientId !== client.clientId ||
    grant.expiresAt <= ctx.world.now()
  ) {
    return tokenError('invalid_grant');
  }
  const redirectUri = form.get('redirect_uri');
  if (!redirectUri) return tokenError('invalid_request');
  // Cognito answers a redirect_uri that differs from the authorize request's (even by a trailing slash)
  // with unauthorized_client, not RFC 6749's invalid_grant (obs: stackoverflow.com/q/50264679).
  if (redirectUri !== grant.redirectUri) return tokenError('unauthorized_client');
  if (grant.codeChallenge !== undefined) {
    const verifier = form.get('code_verifier');
    // "Required if … the authorization code was requested with PKCE" (doc: token-endpoint).
    if (!verifier) return tokenError('invalid_request');
    if (!isValidVerifier(verifier) || (await s256(verifier)) !== grant.codeChallenge) {
      ctx.emit('token.rejected', 'PKCE code_verifier does not match the code_challenge', {});
      return tokenError('invalid_grant');
    }
  }
  const result = await issueTokensForUser(ctx.world, {
    poolId: pool.id,
    clientId: client.clientId,
    username: grant.username,
    scopes: grant.scopes,
    nonce: grant.nonce,
    authTime: grant.authTime,
    withRefreshToken: true,
  });
  ctx.emit('token.issued', `Tokens issued to ${grant.username} through the OAuth code grant`, {
    scopes: grant.scopes,
  });
  return json({
    ...(grant.scopes.includes('openid') ? { id_token: result.IdToken } : {}),
    access_token: result.AccessToken,
    refresh_token: result.RefreshToken,
    expires_in: result.ExpiresIn,
    token_type: 'Bearer',
  });
}

async function refreshGrant(
  form: URLSearchParams,
  pool: PoolRecord,
  client: AppClientRecord,
  ctx: RequestContext,
): Promise<Response> {
  const refreshToken = form.get('refresh_token');
  // doc (token-endpoint): "grant_type is refresh_token but refresh_token is not included"
  // is invalid_request.
  if (!refreshToken) return tokenError('invalid_request');
  const payload = await openRefreshToken(ctx.world, refreshToken);
  if (!payload || payload.pool !== pool.id || payload.client_id !== client.clientId)
    return tokenError('invalid_grant');
  const session = getOwn(ctx.world.state.cognitoIdp.sessions, payload.origin_jti);
  const user = findUser(pool, payload.username);
  if (
    !session ||
    session.revokedAt !== undefined ||
    session.refreshJti !== payload.jti ||
    payload.exp * 1000 <= ctx.world.now() ||
    !user?.enabled
  ) {
    return tokenError('invalid_grant');
  }
  const result = await mintTokens(ctx.world, pool, client, user, session, {
    withRefreshToken: false,
    emit: ctx.emit,
  });
  ctx.emit('token.issued', `Tokens refreshed for ${user.username}`, {});
  return json({
    ...(session.scopes.includes('openid') ? { id_token: result.IdToken } : {}),
    access_token: result.AccessToken,
    expires_in: result.ExpiresIn,
    token_type: 'Bearer',
  });
}

export async function token(request: Request, pool: PoolRecord, ctx: RequestContext): Promise<Response> {
  if (request.method !== 'POST') return tokenError('invalid_request', 405);
  if (!(request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded'))
    return tokenError('invalid_request');
  const form = new URLSearchParams(await request.text());
  const auth = authenticateClient(request, form, pool);
  if (!auth.ok) return auth.response;
  const grantType = form.get('grant_type');
  if (grantType === 'authorization_code') return codeGrant(form, pool, auth.client, ctx);
  if (grantType === 'refresh_token') return refreshGrant(form, pool, auth.client, ctx);
  if (grantType === 'client_credentials') return clientCredentialsGrant(form, pool, auth.client, ctx);
  if (!grantType) return tokenError('invalid_request');
  return tokenError('unsupported_grant_type');
}
