/**
 * GET/POST /oauth2/userInfo (docs/aws-reference.md §3.4): the user's attributes for a Bearer access token
 * that carries the `openid` scope. Tokens from the InitiateAuth API (scope aws.cognito.signin.user.admin
 * only) are refused.
 *
 * Refusals are the two documented ones (doc: Developer Guide userinfo-endpoint.html, "Example negative
 * responses"): 400 with WWW-Authenticate `error="invalid_request", …` when the request has no Bearer
 * token, 401 with WWW-Authenticate `error="invalid_token", …` for a token that is expired, revoked,
 * malformed or otherwise invalid. The header values are the documented ones verbatim: no `Bearer`
 * scheme before `error=` (RFC 6750 would put one there; the doc, like the pre-errata OIDC Core example,
 * does not). The doc shows no body for either refusal, so none is sent (unv).
 */
import type { RequestContext } from '../../../core/service';
import { isRevoked, verifyUserPoolToken } from '../../../tokens/verify';
import { userBySub } from '../pool-lookup';
import type { PoolRecord } from '../state';
import { OAUTH_JSON_HEADERS } from './responses';

export const USERINFO_INVALID_REQUEST =
  'error="invalid_request", error_description="Bad OAuth2 request at UserInfo Endpoint"';
export const USERINFO_INVALID_TOKEN =
  'error="invalid_token", error_description="Access token is expired, disabled, or deleted, or the user has globally signed out."';

const refuse = (status: 400 | 401, wwwAuthenticate: string) =>
  new Response(null, { status, headers: { 'www-authenticate': wwwAuthenticate } });

export async function userInfo(request: Request, pool: PoolRecord, ctx: RequestContext): Promise<Response> {
  const header = request.headers.get('authorization') ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
  // No token at all is the request's fault (invalid_request: "missing a required parameter"); an empty
  // token after `Bearer` counts as missing (unv).
  if (!token) return refuse(400, USERINFO_INVALID_REQUEST);
  const verified = await verifyUserPoolToken(ctx.world, token, { tokenUse: 'access', poolId: pool.id });
  if (!verified.ok || isRevoked(ctx.world, verified.claims)) return refuse(401, USERINFO_INVALID_TOKEN);
  // Without `openid` the token is refused (doc). Its exact answer is unv: one report quotes "Access token
  // does not contain openid scope" (obs: simov/grant issue 189) without status or header; the documented
  // invalid_token answer stands in for it.
  const scopes = String(verified.claims.scope ?? '').split(' ');
  if (!scopes.includes('openid')) return refuse(401, USERINFO_INVALID_TOKEN);
  const user = userBySub(pool, verified.claims.sub);
  // A disabled or deleted user: "Access token is expired, disabled, or deleted" (doc).
  if (!user?.enabled) return refuse(401, USERINFO_INVALID_TOKEN);
  const body: Record<string, string> = { ...user.attributes, username: user.username };
  return new Response(JSON.stringify(body), { status: 200, headers: OAUTH_JSON_HEADERS });
}
