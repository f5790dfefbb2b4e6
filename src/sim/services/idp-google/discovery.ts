/**
 * Google's OIDC discovery document and JWKS, at their real addresses. Values follow
 * https://accounts.google.com/.well-known/openid-configuration (trimmed to what the simulation serves).
 */
import type { World } from '../../world';
import { GOOGLE_ISSUER } from './id-token';

export const GOOGLE_AUTHORIZATION_ENDPOINT = 'https://accounts.google.com/o/oauth2/v2/auth';
export const GOOGLE_TOKEN_ENDPOINT = 'https://oauth2.googleapis.com/token';
export const GOOGLE_JWKS_URI = 'https://www.googleapis.com/oauth2/v3/certs';
export const GOOGLE_USERINFO_ENDPOINT = 'https://openidconnect.googleapis.com/v1/userinfo';

export function googleOpenIdConfiguration() {
  return {
    issuer: GOOGLE_ISSUER,
    authorization_endpoint: GOOGLE_AUTHORIZATION_ENDPOINT,
    token_endpoint: GOOGLE_TOKEN_ENDPOINT,
    userinfo_endpoint: GOOGLE_USERINFO_ENDPOINT,
    jwks_uri: GOOGLE_JWKS_URI,
    response_types_supported: [
      'code',
      'token',
      'id_token',
      'code token',
      'code id_token',
      'token id_token',
      'code token id_token',
      'none',
    ],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid', 'email', 'profile'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    claims_supported: [
      'aud',
      'email',
      'email_verified',
      'exp',
      'family_name',
      'given_name',
      'iat',
      'iss',
      'name',
      'picture',
      'sub',
    ],
    code_challenge_methods_supported: ['plain', 'S256'],
    grant_types_supported: [
      'authorization_code',
      'refresh_token',
      'urn:ietf:params:oauth:grant-type:device_code',
      'urn:ietf:params:oauth:grant-type:jwt-bearer',
    ],
  };
}

export function googleJwks(world: World) {
  const { kid, alg, use, n, e, kty } = world.keys.google.publicJwk;
  return { keys: [{ kid, alg, use, n, e, kty }] };
}
