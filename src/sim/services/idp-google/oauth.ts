/**
 * Google's OAuth 2.0 authorization-code flow, as plain functions over GoogleState. The HTTP route
 * (route.ts) and Cognito's server-to-server call to Google's token endpoint both use them.
 */
import { deleteOwn, getOwn, setOwn } from '../../core/dict';
import { epochSeconds } from '../../core/time';
import { ALPHANUMERIC } from '../../core/random';
import type { World } from '../../world';
import { signGoogleIdToken } from './id-token';
import { findGoogleAccount, type GoogleAccount, type GoogleClient } from './state';

/** Google authorization codes are short-lived and single-use (about ten minutes, unv). */
export const GOOGLE_CODE_LIFETIME_MS = 10 * 60 * 1000;
export const GOOGLE_ACCESS_TOKEN_LIFETIME_SECONDS = 3599;

/** The text Google shows under the password box. */
export const GOOGLE_WRONG_PASSWORD = 'Wrong password. Try again or click Forgot password to reset it.';
export const GOOGLE_UNKNOWN_ACCOUNT = 'Couldn’t find your Google Account';

export type GoogleSignInResult = { ok: true; account: GoogleAccount } | { ok: false; message: string };

export function googleSignIn(world: World, username: string, password: string): GoogleSignInResult {
  const account = findGoogleAccount(world.state.google, username);
  if (!account) return { ok: false, message: GOOGLE_UNKNOWN_ACCOUNT };
  if (account.password !== password) return { ok: false, message: GOOGLE_WRONG_PASSWORD };
  return { ok: true, account };
}

const SCOPE_URLS: Record<string, string> = {
  email: 'https://www.googleapis.com/auth/userinfo.email',
  profile: 'https://www.googleapis.com/auth/userinfo.profile',
};

/** Google answers with the long form of the short scopes, sorted as it writes them. */
export function grantedGoogleScope(requested: string): string {
  const parts = requested.split(/[\s+]+/).filter(Boolean);
  return [...new Set(parts.map((s) => getOwn(SCOPE_URLS, s) ?? s))].sort().join(' ');
}

export type AuthorizeCheck =
  | { ok: true; client: GoogleClient }
  | {
      ok: false;
      status: 400 | 401;
      error: 'invalid_client' | 'redirect_uri_mismatch' | 'invalid_request';
      message: string;
    };

/** The checks Google makes before it shows the sign-in page; failures are shown to the user, never redirected. */
export function checkGoogleAuthorize(world: World, params: URLSearchParams): AuthorizeCheck {
  const clientId = params.get('client_id') ?? '';
  const client = getOwn(world.state.google.clients, clientId);
  if (!client)
    return { ok: false, status: 401, error: 'invalid_client', message: 'The OAuth client was not found.' };
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!client.redirectUris.includes(redirectUri)) {
    return {
      ok: false,
      status: 400,
      error: 'redirect_uri_mismatch',
      message: `You can't sign in to this app because it doesn't comply with Google's OAuth 2.0 policy. redirect_uri=${redirectUri}`,
    };
  }
  if (params.get('response_type') !== 'code') {
    return {
      ok: false,
      status: 400,
      error: 'invalid_request',
      message: `Invalid response_type: ${params.get('response_type') ?? ''}`,
    };
  }
  return { ok: true, client };
}

export function issueGoogleCode(world: World, account: GoogleAccount, params: URLSearchParams): string {
  const code = `4/0A${world.random.string(70, `${ALPHANUMERIC}-_`)}`;
  const now = world.now();
  const nonce = params.get('nonce');
  setOwn(world.state.google.codes, code, {
    code,
    clientId: params.get('client_id') ?? '',
    redirectUri: params.get('redirect_uri') ?? '',
    sub: account.sub,
    scope: grantedGoogleScope(params.get('scope') ?? 'openid'),
    ...(nonce !== null ? { nonce } : {}),
    authTime: epochSeconds(now),
    expiresAt: now + GOOGLE_CODE_LIFETIME_MS,
  });
  return code;
}

export interface GoogleTokenRequest {
  grantType: string;
  code: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

export type GoogleTokenResult =
  | {
      ok: true;
      body: {
        access_token: string;
        expires_in: number;
        scope: string;
        token_type: 'Bearer';
        id_token: string;
      };
    }
  | { ok: false; status: number; body: { error: string; error_description: string } };

const tokenError = (status: number, error: string, error_description: string): GoogleTokenResult => ({
  ok: false,
  status,
  body: { error, error_description },
});

/** oauth2.googleapis.com/token with grant_type=authorization_code. */
export async function exchangeGoogleCode(
  world: World,
  request: GoogleTokenRequest,
): Promise<GoogleTokenResult> {
  if (request.grantType !== 'authorization_code')
    return tokenError(400, 'unsupported_grant_type', `Invalid grant_type: ${request.grantType}`);
  const state = world.state.google;
  const client = getOwn(state.clients, request.clientId);
  if (!client) return tokenError(401, 'invalid_client', 'The OAuth client was not found.');
  if (client.clientSecret !== request.clientSecret) return tokenError(401, 'invalid_client', 'Unauthorized');
  const grant = getOwn(state.codes, request.code);
  if (!grant || grant.clientId !== request.clientId || grant.expiresAt <= world.now()) {
    if (grant && grant.expiresAt <= world.now()) deleteOwn(state.codes, request.code);
    return tokenError(400, 'invalid_grant', 'Bad Request');
  }
  if (grant.redirectUri !== request.redirectUri)
    return tokenError(400, 'redirect_uri_mismatch', 'Bad Request');
  deleteOwn(state.codes, request.code); // single use
  const account = state.accounts.find((a) => a.sub === grant.sub);
  if (!account) return tokenError(400, 'invalid_grant', 'Bad Request');
  const accessToken = `ya29.a0${world.random.string(150, `${ALPHANUMERIC}-_`)}`;
  const idToken = await signGoogleIdToken(world, account, {
    clientId: client.clientId,
    nonce: grant.nonce,
    accessToken,
  });
  return {
    ok: true,
    body: {
      access_token: accessToken,
      expires_in: GOOGLE_ACCESS_TOKEN_LIFETIME_SECONDS,
      scope: grant.scope,
      token_type: 'Bearer',
      id_token: idToken,
    },
  };
}
