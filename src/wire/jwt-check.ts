import {
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  type JSONWebKeySet,
  jwtVerify,
} from 'jose';

/**
 * Decodes any JWT and checks its signature and expiry against the issuer's JWKS, fetched from the
 * simulated cloud at the issuer's real address. Verification uses its own cloud (same seed, same
 * published demo keys) so that looking at a token never changes the scenario's random stream.
 */

export interface DecodedJwt {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  signature: string;
}

export type DecodeResult = { ok: true; jwt: DecodedJwt } | { ok: false; message: string };

export function decodeAnyJwt(input: string): DecodeResult {
  const token = input.trim();
  if (!token)
    return {
      ok: false,
      message: 'Paste a token: three base64url parts separated by dots (header.payload.signature).',
    };
  const parts = token.split('.');
  if (parts.length !== 3) {
    return {
      ok: false,
      message: `A JWT has 3 parts separated by dots; this has ${parts.length}. (An encrypted JWE has 5 and cannot be read without the key.)`,
    };
  }
  try {
    return {
      ok: true,
      jwt: {
        header: decodeProtectedHeader(token) as Record<string, unknown>,
        claims: decodeJwt(token) as Record<string, unknown>,
        signature: parts[2] ?? '',
      },
    };
  } catch (error) {
    return {
      ok: false,
      message: `Not a readable JWT: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/** Where each issuer publishes its keys (Cognito user pools, Cognito identity, Google). */
export function jwksUrlFor(issuer: string): string | undefined {
  if (/^https:\/\/cognito-idp\.[a-z0-9-]+\.amazonaws\.com\/[\w-]+$/.test(issuer))
    return `${issuer}/.well-known/jwks.json`;
  if (/^https:\/\/cognito-identity(\.[a-z0-9-]+)?\.amazonaws\.com$/.test(issuer))
    return `${issuer}/.well-known/jwks_uri`;
  if (issuer === 'https://accounts.google.com' || issuer === 'accounts.google.com')
    return 'https://www.googleapis.com/oauth2/v3/certs';
  return undefined;
}

export interface VerifyOutcome {
  signature: 'valid' | 'invalid' | 'unknown';
  expiry: 'valid' | 'expired' | 'not-yet-valid' | 'unknown';
  message: string;
}

export async function verifyAgainstJwks(
  token: string,
  now: number,
  fetchJwks: (url: string) => Promise<Response>,
): Promise<VerifyOutcome> {
  const decoded = decodeAnyJwt(token);
  if (!decoded.ok) return { signature: 'unknown', expiry: 'unknown', message: decoded.message };
  const iss = typeof decoded.jwt.claims.iss === 'string' ? decoded.jwt.claims.iss : '';
  const url = jwksUrlFor(iss);
  if (!url)
    return {
      signature: 'unknown',
      expiry: 'unknown',
      message: `No known JWKS for issuer "${iss || '(none)'}".`,
    };
  let jwks: JSONWebKeySet;
  try {
    const response = await fetchJwks(url);
    if (!response.ok)
      return {
        signature: 'unknown',
        expiry: 'unknown',
        message: `The JWKS at ${url} answered ${response.status}.`,
      };
    jwks = (await response.json()) as JSONWebKeySet;
  } catch (error) {
    return {
      signature: 'unknown',
      expiry: 'unknown',
      message: `Could not fetch the JWKS at ${url}: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const keys = createLocalJWKSet(jwks);
  const alg = String(decoded.jwt.header.alg ?? '');
  try {
    // The algorithm is pinned to what the key set holds, never taken from the token alone (alg: none).
    await jwtVerify(token, keys, { currentDate: new Date(now), algorithms: ['RS256', 'RS512'] });
    return {
      signature: 'valid',
      expiry: 'valid',
      message: `Signature verified with a ${alg} key from ${url}; not expired at the simulation time.`,
    };
  } catch (error) {
    if (error instanceof errors.JWTExpired)
      return {
        signature: 'valid',
        expiry: 'expired',
        message: `Signature is valid, but the token expired (exp is before the simulation time).`,
      };
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'nbf')
      return {
        signature: 'valid',
        expiry: 'not-yet-valid',
        message: 'Signature is valid, but the token is not valid yet (nbf).',
      };
    if (error instanceof errors.JWSSignatureVerificationFailed)
      return {
        signature: 'invalid',
        expiry: 'unknown',
        message: 'Signature does NOT match: the header or payload was changed, or another key signed it.',
      };
    return {
      signature: 'invalid',
      expiry: 'unknown',
      message: `Rejected: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
