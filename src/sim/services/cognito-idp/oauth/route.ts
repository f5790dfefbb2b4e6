/**
 * The user pool's hosted domain https://<prefix>.auth.<region>.amazoncognito.com and its OAuth 2.0 /
 * federation endpoints (docs/aws-reference.md §3.1). Managed-login pages for COGNITO users are not simulated:
 * /login only offers the federated providers.
 */
import { getOwn } from '../../../core/dict';
import type { RequestContext, ServiceRoute } from '../../../core/service';
import { plainJsonProtocol } from '../../../protocol/registry';
import { escapeHtml, htmlResponse } from '../../idp-google/html';
import type { PoolRecord } from '../state';
import { authorize } from './authorize';
import { googleIdpResponse, samlIdpResponse } from './idp-response';
import { logout } from './logout';
import { poolForHost } from './pool-domain';
import { revoke } from './revoke';
import { token } from './token';
import { userInfo } from './userinfo';
import { oauthState } from './state';

function loginPage(url: URL, pool: PoolRecord, ctx: RequestContext): Response {
  const providers = Object.keys(getOwn(oauthState(ctx.world).identityProviders, pool.id) ?? {});
  const links = providers
    .map((name) => {
      const target = new URL('/oauth2/authorize', url.origin);
      target.search = url.search;
      target.searchParams.set('identity_provider', name);
      return `<li><a href="${escapeHtml(target.href)}">Continue with ${escapeHtml(name)}</a></li>`;
    })
    .join('');
  return htmlResponse(
    200,
    'Signin',
    `<h1>Sign in</h1><ul>${links}</ul><p>Username and password sign-in on this page is not simulated.</p>`,
  );
}

async function handle(request: Request, ctx: RequestContext): Promise<Response> {
  const url = new URL(request.url);
  const pool = poolForHost(ctx.world, url.hostname);
  if (!pool) return new Response('Not found', { status: 404 });
  switch (url.pathname) {
    case '/oauth2/authorize':
      return authorize(url, pool, ctx);
    case '/login':
      return loginPage(url, pool, ctx);
    case '/oauth2/idpresponse':
      return googleIdpResponse(url, pool, ctx);
    case '/saml2/idpresponse':
      return samlIdpResponse(request, pool, ctx);
    case '/oauth2/token':
      return token(request, pool, ctx);
    case '/oauth2/userInfo':
      return userInfo(request, pool, ctx);
    case '/oauth2/revoke':
      return revoke(request, pool, ctx);
    case '/logout':
      return logout(url, pool, ctx);
    case '/error':
      return htmlResponse(
        400,
        'Error',
        `<h1>An error was encountered with the requested page.</h1><p>${escapeHtml(url.searchParams.get('error') ?? '')}</p>`,
      );
    default:
      return new Response('Not found', { status: 404 });
  }
}

export const cognitoOAuthRoute: ServiceRoute = {
  service: 'cognito-idp-oauth',
  // OAuth errors are answered in OAuth's words (redirects, `{"error"}`), by the endpoints themselves.
  protocol: plainJsonProtocol,
  matches: (url, world) => poolForHost(world, url.hostname) !== undefined,
  handle,
};
