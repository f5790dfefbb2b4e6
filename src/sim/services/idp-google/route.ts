/**
 * The simulated Google: accounts.google.com (discovery, the sign-in page), www.googleapis.com
 * (JWKS) and oauth2.googleapis.com (token endpoint).
 *
 * Driving the sign-in from a script: GET the authorization URL to see the page, then POST the same
 * URL (its query string unchanged) with an urlencoded body `username=…&password=…`. Success is a
 * `302` whose Location is `redirect_uri?state=…&code=…&scope=…&authuser=0&prompt=none` (use
 * `fetch(…, { redirect: 'manual' })`); a wrong password answers `200` with the sign-in page again
 * and Google's message in it. The parameters may also be sent in the POST body instead of the query.
 */
import { getOwn } from '../../core/dict';
import type { RequestContext, ServiceRoute } from '../../core/service';
import { plainJsonProtocol } from '../../protocol/registry';
import { googleJwks, googleOpenIdConfiguration } from './discovery';
import { escapeHtml, hiddenInputs, htmlResponse, jsonResponse, readParams, redirect } from './html';
import { checkGoogleAuthorize, exchangeGoogleCode, googleSignIn, issueGoogleCode } from './oauth';

const HOSTS = new Set(['accounts.google.com', 'www.googleapis.com', 'oauth2.googleapis.com']);
const AUTH_PATH = '/o/oauth2/v2/auth';
const OAUTH_KEYS = [
  'client_id',
  'redirect_uri',
  'response_type',
  'scope',
  'state',
  'nonce',
  'prompt',
  'access_type',
  'login_hint',
];

function signInPage(params: URLSearchParams, error?: string): Response {
  const kept = [...params].filter(([k]) => OAUTH_KEYS.includes(k));
  const message = error ? `<p role="alert">${escapeHtml(error)}</p>` : '';
  return htmlResponse(
    200,
    'Sign in - Google Accounts',
    `<h1>Sign in</h1><p>to continue to the app</p>${message}<form method="POST" action="https://accounts.google.com${AUTH_PATH}">${hiddenInputs(kept)}` +
      '<label>Email or phone <input name="username" autocomplete="username"></label>' +
      '<label>Enter your password <input name="password" type="password" autocomplete="current-password"></label>' +
      '<button type="submit">Next</button></form>',
    { 'cache-control': 'no-cache, no-store, max-age=0, must-revalidate' },
  );
}

async function authorize(request: Request, url: URL, ctx: RequestContext): Promise<Response> {
  const params = await readParams(request, url);
  const check = checkGoogleAuthorize(ctx.world, params);
  if (!check.ok) {
    ctx.emit('google.authorize.rejected', `Google refused the request: ${check.error}`, {
      error: check.error,
    });
    return htmlResponse(
      check.status,
      `Error ${check.status}: ${check.error}`,
      `<h1>Access blocked: authorization error</h1><p>${escapeHtml(check.message)}</p><p>Error ${check.status}: ${check.error}</p>`,
    );
  }
  if (request.method !== 'POST') return signInPage(params);
  const result = googleSignIn(ctx.world, params.get('username') ?? '', params.get('password') ?? '');
  if (!result.ok) {
    ctx.emit('google.signin.failed', result.message, { username: params.get('username') });
    return signInPage(params, result.message);
  }
  const code = issueGoogleCode(ctx.world, result.account, params);
  const grant = getOwn(ctx.world.state.google.codes, code);
  const target = new URL(params.get('redirect_uri') ?? '');
  const state = params.get('state');
  if (state !== null) target.searchParams.set('state', state);
  target.searchParams.set('code', code);
  target.searchParams.set('scope', grant?.scope ?? 'openid');
  target.searchParams.set('authuser', '0');
  target.searchParams.set('prompt', 'none');
  ctx.emit(
    'google.signin',
    `${result.account.email} signed in to Google; code issued to ${check.client.clientId}`,
    {
      sub: result.account.sub,
      redirectUri: params.get('redirect_uri'),
    },
  );
  return redirect(target.href);
}

/**
 * `client_secret_basic`: base64 of `<id>:<secret>`, each form-urlencoded (RFC 6749 2.3.1).
 * Undefined when the header is not base64, has no colon, or carries bad percent-encoding.
 */
function basicCredentials(encoded: string): { id: string; secret: string } | undefined {
  try {
    const decoded = atob(encoded.trim());
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    const form = (text: string) => decodeURIComponent(text.replace(/\+/g, ' '));
    return { id: form(decoded.slice(0, colon)), secret: form(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

async function token(request: Request, url: URL, ctx: RequestContext): Promise<Response> {
  if (request.method !== 'POST')
    return jsonResponse(405, { error: 'invalid_request', error_description: 'Method not allowed' });
  const params = await readParams(request, url);
  let clientId = params.get('client_id') ?? '';
  let clientSecret = params.get('client_secret') ?? '';
  const basic = request.headers.get('authorization');
  if (basic?.startsWith('Basic ')) {
    const credentials = basicCredentials(basic.slice(6));
    if (!credentials) {
      // Client authentication that cannot even be read fails as client authentication (RFC 6749 5.2:
      // invalid_client, 401), in the words Google uses for a wrong secret.
      ctx.emit('token.rejected', 'Google token endpoint: unreadable Basic client credentials', {});
      return jsonResponse(
        401,
        { error: 'invalid_client', error_description: 'Unauthorized' },
        {
          'www-authenticate': 'Basic realm="oauth2.googleapis.com"',
        },
      );
    }
    clientId = credentials.id;
    clientSecret = credentials.secret;
  }
  const result = await exchangeGoogleCode(ctx.world, {
    grantType: params.get('grant_type') ?? '',
    code: params.get('code') ?? '',
    clientId,
    clientSecret,
    redirectUri: params.get('redirect_uri') ?? '',
  });
  if (!result.ok) {
    ctx.emit('token.rejected', `Google token endpoint: ${result.body.error}`, result.body);
    return jsonResponse(result.status, result.body);
  }
  ctx.emit('token.issued', 'Google issued an ID token and an access token', {
    id_token: result.body.id_token,
  });
  return jsonResponse(200, result.body, {
    'cache-control': 'no-cache, no-store, max-age=0, must-revalidate',
    pragma: 'no-cache',
  });
}

async function handle(request: Request, ctx: RequestContext): Promise<Response> {
  const url = new URL(request.url);
  const where = `${url.hostname}${url.pathname}`;
  if (where === 'accounts.google.com/.well-known/openid-configuration')
    return jsonResponse(200, googleOpenIdConfiguration());
  if (where === 'www.googleapis.com/oauth2/v3/certs')
    return jsonResponse(200, googleJwks(ctx.world), { 'cache-control': 'public, max-age=21600' });
  if (where === `accounts.google.com${AUTH_PATH}`) return authorize(request, url, ctx);
  if (where === 'oauth2.googleapis.com/token') return token(request, url, ctx);
  return htmlResponse(
    404,
    'Error 404 (Not Found)',
    '<p>404. That’s an error.</p><p>The requested URL was not found on this server.</p>',
  );
}

export const idpGoogleRoute: ServiceRoute = {
  service: 'idp-google',
  // Google's OAuth errors and pages are answered by the endpoints themselves.
  protocol: plainJsonProtocol,
  matches: (url) => HOSTS.has(url.hostname),
  handle,
};
