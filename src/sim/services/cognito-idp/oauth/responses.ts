/**
 * Response shapes of the user pool's OAuth endpoints (docs/aws-reference.md §3.2–3.4): errors of the token
 * endpoint are JSON `{ "error": … }` with status 400; authorize errors go back to the app's
 * redirect_uri once that URI is known to be registered, otherwise to the domain's /error page.
 */
export const OAUTH_JSON_HEADERS = {
  'content-type': 'application/json;charset=UTF-8',
  'cache-control': 'no-cache, no-store, max-age=0, must-revalidate',
  pragma: 'no-cache',
};

export type OAuthTokenError =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'unsupported_token_type';

export function tokenError(
  error: OAuthTokenError,
  status = error === 'invalid_client' ? 401 : 400,
): Response {
  return new Response(JSON.stringify({ error }), { status, headers: OAUTH_JSON_HEADERS });
}

export function redirectTo(location: string): Response {
  return new Response(null, { status: 302, headers: { location } });
}

/**
 * Back to the app with `?error=…` (plus `state` when the app sent one). An implicit grant's errors go in
 * the fragment, as its tokens do (RFC 6749 §4.2.2.1; obs: a 2017 report of Cognito's implicit flow,
 * amazon-archives/amazon-cognito-auth-js#48, shows `#error_description=…&state=…&error=…`).
 */
export function redirectError(
  redirectUri: string,
  error: string,
  description: string | undefined,
  state: string | undefined,
  inFragment = false,
): Response {
  const target = new URL(redirectUri);
  const params = inFragment ? new URLSearchParams() : target.searchParams;
  if (description) params.set('error_description', description);
  if (state !== undefined) params.set('state', state);
  params.set('error', error);
  if (inFragment) target.hash = params.toString();
  return redirectTo(target.href);
}

/** The hosted domain's own error page, for requests that cannot be sent back to any app. */
export function domainError(origin: string, error: string, clientId?: string): Response {
  const target = new URL('/error', origin);
  target.searchParams.set('error', error);
  if (clientId) target.searchParams.set('client_id', clientId);
  return redirectTo(target.href);
}
