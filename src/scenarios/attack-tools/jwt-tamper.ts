import { base64UrlDecode, base64UrlEncode } from './base64url';

/**
 * Forgeries an attacker can make without the signing key. Both keep the token well-formed so the
 * verifier, not the parser, is what refuses them.
 */

/** Rewrites one claim of the payload and keeps the original signature (which no longer matches). */
export function tamperClaim(jwt: string, claim: string, value: unknown): string {
  const [header, payload, signature] = jwt.split('.');
  const claims = JSON.parse(base64UrlDecode(payload ?? '')) as Record<string, unknown>;
  claims[claim] = value;
  return `${header}.${base64UrlEncode(JSON.stringify(claims))}.${signature}`;
}

/** The classic `alg: none` forgery: same claims, header says "no signature", empty signature. */
export function algNone(jwt: string): string {
  const [header, payload] = jwt.split('.');
  const parsed = JSON.parse(base64UrlDecode(header ?? '')) as Record<string, unknown>;
  return `${base64UrlEncode(JSON.stringify({ ...parsed, alg: 'none' }))}.${payload}.`;
}
