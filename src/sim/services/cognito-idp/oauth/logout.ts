/**
 * GET /logout (docs/aws-reference.md §3.7): with `logout_uri`, a redirect to that URL when it is one of the
 * client's sign-out URLs (LogoutURLs); with `redirect_uri` instead, a redirect to /login carrying the
 * request's parameters (doc: logout-endpoint). Managed-login session cookies are not simulated, so there
 * is no cookie to clear. Where Cognito sends a request it refuses is unv; like an unregistered
 * redirect_uri at /oauth2/authorize, it never goes to an unregistered URL, only to the domain's /error.
 */
import { getOwn } from '../../../core/dict';
import type { RequestContext } from '../../../core/service';
import type { PoolRecord } from '../state';
import { poolOrigin } from './pool-domain';
import { domainError, redirectTo } from './responses';

export function logout(url: URL, pool: PoolRecord, ctx: RequestContext): Response {
  const origin = poolOrigin(ctx.world, pool);
  const p = url.searchParams;
  const clientId = p.get('client_id') ?? '';
  const client = getOwn(pool.clients, clientId);
  if (!client) return domainError(origin, 'invalid_request', clientId || undefined);
  const logoutUri = p.get('logout_uri');
  if (logoutUri !== null) {
    if (!client.logoutUrls.includes(logoutUri)) return domainError(origin, 'redirect_mismatch', clientId);
    ctx.emit('oauth.logout', `Signed out at the hosted domain; back to ${logoutUri}`, { clientId });
    return redirectTo(logoutUri);
  }
  const redirectUri = p.get('redirect_uri');
  // doc: "Amazon Cognito requires either logout_uri or redirect_uri in your request to /logout".
  if (redirectUri === null) return domainError(origin, 'invalid_request', clientId);
  if (!client.callbackUrls.includes(redirectUri)) return domainError(origin, 'redirect_mismatch', clientId);
  const login = new URL('/login', origin);
  login.search = url.search;
  ctx.emit('oauth.logout', 'Signed out at the hosted domain; back to the sign-in page', { clientId });
  return redirectTo(login.href);
}
