import { getOwn } from '../../core/dict';
import { userPoolJwks } from '../../tokens/jwks';
import type { World } from '../../world';
import { issuerOf } from './pool-lookup';
import type { PoolRecord } from './state';

/**
 * The pool's discovery documents on the cognito-idp host (docs/aws-reference.md §1.7):
 * `/<poolId>/.well-known/jwks.json` and `/<poolId>/.well-known/openid-configuration`. The OAuth
 * endpoints named by the latter live on the pool's hosted domain, and only exist once it has one.
 */
export function hostedDomain(world: World, pool: PoolRecord): string | undefined {
  return pool.domainPrefix
    ? `https://${pool.domainPrefix}.auth.${world.region}.amazoncognito.com`
    : undefined;
}

export function openIdConfiguration(world: World, pool: PoolRecord): Record<string, unknown> {
  const issuer = issuerOf(world, pool.id);
  const domain = hostedDomain(world, pool);
  // Member set and order as served by Cognito (obs, public discovery documents).
  return {
    ...(domain
      ? { authorization_endpoint: `${domain}/oauth2/authorize`, end_session_endpoint: `${domain}/logout` }
      : {}),
    id_token_signing_alg_values_supported: ['RS256'],
    issuer,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    response_types_supported: ['code', 'token'],
    ...(domain ? { revocation_endpoint: `${domain}/oauth2/revoke` } : {}),
    scopes_supported: ['openid', 'email', 'phone', 'profile'],
    subject_types_supported: ['public'],
    ...(domain
      ? {
          token_endpoint: `${domain}/oauth2/token`,
          token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
          userinfo_endpoint: `${domain}/oauth2/userInfo`,
        }
      : {}),
  };
}

export function wellKnownResponse(world: World, pathname: string, requestId: string): Response | undefined {
  const match = /^\/([^/]+)\/\.well-known\/(jwks\.json|openid-configuration)$/.exec(pathname);
  if (!match) return undefined;
  const [, poolId = '', doc] = match;
  const headers = {
    'content-type': 'application/json;charset=UTF-8',
    'x-amzn-requestid': requestId,
    'access-control-allow-origin': '*',
  };
  const pool = getOwn(world.state.cognitoIdp.pools, poolId);
  if (!pool) {
    // unv: the exact body for an unknown pool id.
    return new Response(JSON.stringify({ message: `User pool ${poolId} does not exist.` }), {
      status: 404,
      headers,
    });
  }
  const body = doc === 'jwks.json' ? userPoolJwks(world) : openIdConfiguration(world, pool);
  return new Response(JSON.stringify(body), { status: 200, headers });
}
