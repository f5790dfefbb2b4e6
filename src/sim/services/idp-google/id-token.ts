/**
 * Google's OpenID Connect ID tokens: RS256, header `{alg, kid, typ: "JWT"}`, claims in the order
 * Google writes them (iss, azp, aud, sub, email, email_verified, at_hash, nonce, name, picture,
 * given_name, family_name, iat, exp), lifetime one hour.
 * See developers.google.com/identity/openid-connect/openid-connect#an-id-tokens-payload.
 */
import { SignJWT } from 'jose';
import { epochSeconds } from '../../core/time';
import { accessTokenHash } from '../../tokens/user-pool-jwt';
import type { World } from '../../world';
import type { GoogleAccount } from './state';

export const GOOGLE_ISSUER = 'https://accounts.google.com';
export const GOOGLE_ID_TOKEN_LIFETIME_SECONDS = 3600;

export interface GoogleIdTokenOptions {
  clientId: string;
  nonce?: string;
  /** When issued together with an access token, Google adds at_hash. */
  accessToken?: string;
}

export async function signGoogleIdToken(
  world: World,
  account: GoogleAccount,
  options: GoogleIdTokenOptions,
): Promise<string> {
  const iat = epochSeconds(world.now());
  const claims: Record<string, unknown> = {
    iss: GOOGLE_ISSUER,
    azp: options.clientId,
    aud: options.clientId,
    sub: account.sub,
    email: account.email,
    email_verified: true,
  };
  if (options.accessToken) claims.at_hash = await accessTokenHash(options.accessToken);
  if (options.nonce !== undefined) claims.nonce = options.nonce;
  claims.name = account.name;
  if (account.picture) claims.picture = account.picture;
  claims.given_name = account.givenName;
  if (account.familyName) claims.family_name = account.familyName;
  claims.iat = iat;
  claims.exp = iat + GOOGLE_ID_TOKEN_LIFETIME_SECONDS;
  const key = world.keys.google;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
    .sign(key.privateKey);
}
