/**
 * The client credentials grant at /oauth2/token: machine-to-machine access with no user. A confidential
 * app client (it has a secret, checked by authenticateClient before this) whose AllowedOAuthFlows include
 * `client_credentials` gets an access token for custom scopes of the pool's resource servers, and
 * nothing else: no ID token, no refresh token (doc: token endpoint; docs/aws-reference.md §3.3).
 * The token's claims are the observed ones: `sub` is the client id, and there are no user claims
 * (docs/aws-reference.md §1.3). Not simulated: pre token generation V3_0 events for this grant.
 */
import type { RequestContext } from '../../../core/service';
import { epochSeconds } from '../../../core/time';
import { signUserPoolJwt } from '../../../tokens/user-pool-jwt';
import { issuerOf } from '../pool-lookup';
import type { AppClientRecord, PoolRecord } from '../state';
import { OAUTH_JSON_HEADERS, tokenError } from './responses';

/** Every `<identifier>/<scope name>` the pool's resource servers define. */
export function customScopes(pool: PoolRecord): Set<string> {
  const out = new Set<string>();
  for (const server of Object.values(pool.resourceServers ?? {}))
    for (const scope of server.scopes) out.add(`${server.identifier}/${scope.scopeName}`);
  return out;
}

export async function clientCredentialsGrant(
  form: URLSearchParams,
  pool: PoolRecord,
  client: AppClientRecord,
  ctx: RequestContext,
): Promise<Response> {
  // A public client cannot be allowed this grant (CreateUserPoolClient requires a secret for it).
  if (!client.allowedOAuthFlows.includes('client_credentials') || client.clientSecret === undefined)
    return tokenError('unauthorized_client');
  const defined = customScopes(pool);
  // Only custom scopes the client is allowed; none asked for means all of them (doc: authorize, `scope`).
  // A scope outside them is `invalid_scope` (obs: an AWS answer on re:Post, QUnhrxb08MRJaH7hIRtUnCKA).
  const allowed = client.allowedOAuthScopes.filter((s) => defined.has(s));
  const asked = form.get('scope');
  const scopes = asked === null ? allowed : asked.split(' ').filter(Boolean);
  if (scopes.length === 0 || scopes.some((s) => !allowed.includes(s))) return tokenError('invalid_scope');
  const iat = epochSeconds(ctx.world.now());
  // Claim order of an observed client credentials token (docs/aws-reference.md §1.3).
  const claims = {
    sub: client.clientId,
    token_use: 'access',
    scope: scopes.join(' '),
    auth_time: iat,
    iss: issuerOf(ctx.world, pool.id),
    exp: iat + client.accessTokenValiditySeconds,
    iat,
    version: 2,
    jti: ctx.world.random.uuid(),
    client_id: client.clientId,
  };
  const accessToken = await signUserPoolJwt(ctx.world, 'access', claims);
  ctx.emit('token.issued', `Access token for app client ${client.clientName} (${claims.scope})`, {
    clientId: client.clientId,
    scope: claims.scope,
  });
  return new Response(
    JSON.stringify({
      access_token: accessToken,
      expires_in: client.accessTokenValiditySeconds,
      token_type: 'Bearer',
    }),
    { status: 200, headers: OAUTH_JSON_HEADERS },
  );
}
