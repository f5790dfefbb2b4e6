/**
 * GET/POST /oauth2/userInfo (docs/aws-reference.md §3.4): the user's attributes for a Bearer access token that
 * carries the `openid` scope. Tokens from the InitiateAuth API (scope aws.cognito.signin.user.admin
 * only) are refused. Error texts are the documented WWW-Authenticate values.
 */
import type { RequestContext } from '../../../core/service';
import { isRevoked, verifyUserPoolToken } from '../../../tokens/verify';
import { userBySub } from '../pool-lookup';
import type { PoolRecord } from '../state';
import { OAUTH_JSON_HEADERS } from './responses';

const invalidToken = () =>
  new Response(
    JSON.stringify({
      error: 'invalid_token',
      error_description:
        'Access token is expired, disabled, or deleted, or the user has globally signed out.',
    }),
    {
      status: 401,
      headers: {
        ...OAUTH_JSON_HEADERS,
        'www-authenticate':
          'Bearer error="invalid_token", error_description="Access token is expired, disabled, or deleted, or the user has globally signed out."',
      },
    },
  );

const badRequest = () =>
  new Response(
    JSON.stringify({
      error: 'invalid_request',
      error_description: 'Bad OAuth2 request at UserInfo Endpoint',
    }),
    {
      status: 400,
      headers: {
        ...OAUTH_JSON_HEADERS,
        'www-authenticate':
          'error="invalid_request", error_description="Bad OAuth2 request at UserInfo Endpoint"',
      },
    },
  );

export async function userInfo(request: Request, pool: PoolRecord, ctx: RequestContext): Promise<Response> {
  const header = request.headers.get('authorization') ?? '';
  if (!header.startsWith('Bearer ')) return badRequest();
  const verified = await verifyUserPoolToken(ctx.world, header.slice(7).trim(), {
    tokenUse: 'access',
    poolId: pool.id,
  });
  if (!verified.ok || isRevoked(ctx.world, verified.claims)) return invalidToken();
  const scopes = String(verified.claims.scope ?? '').split(' ');
  if (!scopes.includes('openid')) return invalidToken();
  const user = userBySub(pool, verified.claims.sub);
  if (!user?.enabled) return invalidToken();
  const body: Record<string, string> = { ...user.attributes, username: user.username };
  return new Response(JSON.stringify(body), { status: 200, headers: OAUTH_JSON_HEADERS });
}
