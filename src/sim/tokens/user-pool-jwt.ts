import { SignJWT } from 'jose';
import type { World } from '../world';

/**
 * Signs user pool ID and access tokens. AWS signs the two kinds with different RSA keys, so their
 * `kid`s differ even within one session (docs/aws-reference.md §1.1); the header is exactly `{kid, alg}` with no
 * `typ`. The payload already carries `iat`/`exp` computed from world.now(), so jose never reads the
 * real clock.
 */
export type UserPoolTokenUse = 'id' | 'access';

export function userPoolSigningKey(world: World, use: UserPoolTokenUse) {
  return use === 'id' ? world.keys.userPoolIdToken : world.keys.userPoolAccessToken;
}

export async function signUserPoolJwt(
  world: World,
  use: UserPoolTokenUse,
  payload: Record<string, unknown>,
): Promise<string> {
  const key = userPoolSigningKey(world, use);
  return new SignJWT(payload).setProtectedHeader({ kid: key.kid, alg: 'RS256' }).sign(key.privateKey);
}

/** OIDC `at_hash`: base64url of the left half of SHA-256 over the access token's ASCII (OIDC Core 3.1.3.6). */
export async function accessTokenHash(accessToken: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(accessToken)));
  return base64urlEncode(digest.slice(0, 16));
}

export function base64urlEncode(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function base64urlDecode(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const bin = atob(padded);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
