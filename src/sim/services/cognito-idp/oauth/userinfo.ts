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
import { clientOfToken, readableAttributes } from '../client-attributes';
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
  // Within the scopes, only what the token's app client may read (ReadAttributes).
  const body = attributesForScopes(readableAttributes(clientOfToken(pool, verified.claims), user), scopes);
  body.username = user.username;
  return new Response(JSON.stringify(body), { status: 200, headers: OAUTH_JSON_HEADERS });
}

/** The `profile` scope's attributes (doc: userinfo-endpoint.html, "openid profile"); custom ones go too. */
const PROFILE_ATTRIBUTES = new Set([
  'name',
  'family_name',
  'given_name',
  'middle_name',
  'nickname',
  'preferred_username',
  'profile',
  'picture',
  'website',
  'gender',
  'birthdate',
  'zoneinfo',
  'locale',
  'updated_at',
]);

/**
 * What the token's scopes let userInfo answer (doc: userinfo-endpoint.html, "Example scopes in the access
 * token and their effect on the userInfo response"): `openid` alone, every attribute (the simulator's
 * clients read them all); with `profile`, `email` or `phone`, only their attributes, plus "basic profile
 * information", taken here to be `sub` (and, beside it, `username`, as every answer carries; unv).
 * aws.cognito.signin.user.admin changes nothing.
 */
export function attributesForScopes(
  attributes: Readonly<Record<string, string>>,
  scopes: readonly string[],
): Record<string, string> {
  const profile = scopes.includes('profile');
  const email = scopes.includes('email');
  const phone = scopes.includes('phone');
  const body: Record<string, string> = Object.create(null);
  for (const [name, value] of Object.entries(attributes)) {
    const shown =
      (!profile && !email && !phone) ||
      name === 'sub' ||
      (profile && (PROFILE_ATTRIBUTES.has(name) || name.startsWith('custom:'))) ||
      (email && (name === 'email' || name === 'email_verified')) ||
      (phone && (name === 'phone_number' || name === 'phone_number_verified'));
    if (shown) body[name] = value;
  }
  return body;
}
