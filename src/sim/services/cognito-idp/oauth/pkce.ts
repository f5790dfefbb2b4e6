/** PKCE (RFC 7636) S256: BASE64URL(SHA-256(ASCII(code_verifier))) must equal the code_challenge. */
import { base64urlEncode } from '../../../tokens/user-pool-jwt';

export async function s256(verifier: string): Promise<string> {
  return base64urlEncode(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
  );
}

/** RFC 7636 4.1: 43–128 characters of [A-Z a-z 0-9 - . _ ~]. */
export const isValidVerifier = (v: string) => /^[A-Za-z0-9\-._~]{43,128}$/.test(v);
