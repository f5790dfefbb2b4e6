/**
 * GET /logout (docs/aws-reference.md §3.7; doc: Developer Guide logout-endpoint.html). With a `logout_uri`
 * that is one of the client's sign-out URLs (LogoutURLs), a redirect there; it wins over a `redirect_uri`
 * in the same request (doc). Otherwise, with `redirect_uri`, a redirect to /login carrying the request's own
 * parameters (doc). Managed-login session cookies are not simulated, so there is no cookie to clear.
 *
 * Refusals never leave the hosted domain: the browser lands on its /error page. The doc does not say what
 * that page shows; the texts below are the ones users report (obs, each marked where used). In AWS the
 * refusal may come one hop later, from /login (obs: jenkinsci/oic-auth-plugin issue 620); the simulator
 * answers at /logout.
 */
import { getOwn } from '../../../core/dict';
import type { RequestContext } from '../../../core/service';
import type { PoolRecord } from '../state';
import { poolOrigin } from './pool-domain';
import { domainError, redirectTo } from './responses';

/** The hosted pages' text for a missing parameter (obs, see the uses below). */
export const requiredParameterMissing = (name: string) =>
  `Required String parameter '${name}' is not present`;

export function logout(url: URL, pool: PoolRecord, ctx: RequestContext): Response {
  const origin = poolOrigin(ctx.world, pool);
  const p = url.searchParams;
  const clientId = p.get('client_id') ?? '';
  // client_id is required (doc). The text is the one reported for the hosted pages without it (obs:
  // streamlit/streamlit issue 12144).
  if (!clientId) return domainError(origin, requiredParameterMissing('client_id'));
  const client = getOwn(pool.clients, clientId);
  // An unknown client: what Cognito shows is unv; like /oauth2/authorize here, invalid_request.
  if (!client) return domainError(origin, 'invalid_request', clientId);
  const logoutUri = p.get('logout_uri');
  if (logoutUri !== null && client.logoutUrls.includes(logoutUri)) {
    ctx.emit('oauth.logout', `Signed out at the hosted domain; back to ${logoutUri}`, { clientId });
    return redirectTo(logoutUri);
  }
  // A logout_uri that is not a sign-out URL is not followed: Cognito goes on as if it were absent and,
  // without redirect_uri, ends on "Required String parameter 'redirect_uri' is not present" (obs: the
  // unregistered-URL reports aws-amplify/amplify-js 2423, awslabs/aws-api-gateway-developer-portal PR 214,
  // aws-samples/cloudfront-authorization-at-edge 199; without logout_uri, streamlit/streamlit 14601).
  // One 2026 report shows "Required parameters missing" instead (obs: agentic-community/
  // mcp-gateway-registry PR 1545); which requests get which text is unv. That such a request with a
  // redirect_uri goes on to /login follows from the same reading but is unv.
  const redirectUri = p.get('redirect_uri');
  // doc: "Amazon Cognito requires either a logout_uri or a redirect_uri parameter in your request".
  if (redirectUri === null) return domainError(origin, requiredParameterMissing('redirect_uri'), clientId);
  if (!client.callbackUrls.includes(redirectUri)) return domainError(origin, 'redirect_mismatch', clientId);
  const login = new URL('/login', origin);
  login.search = url.search;
  ctx.emit('oauth.logout', 'Signed out at the hosted domain; back to the sign-in page', { clientId });
  return redirectTo(login.href);
}
