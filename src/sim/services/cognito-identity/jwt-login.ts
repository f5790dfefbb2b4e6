/**
 * Checks an OIDC-style login token (user pool ID token, Google ID token) the way the identity pool
 * does before it trusts it, and turns every failure into the identity pool's own message
 * (docs/aws-reference.md §4.12). The order matters for which message a learner sees: signature first, then the
 * issuer against the Logins key, then required claims, then expiry, then the audience.
 */
import { decodeProtectedHeader, errors, jwtVerify } from 'jose';
import type { AwsError } from '../../core/errors';
import { epochSeconds } from '../../core/time';
import type { SimKey } from '../../tokens/keys';
import type { World } from '../../world';
import { IdentityErrors } from './errors';

export interface JwtLoginExpectation {
  /** Keys the issuer signs with (selected by kid). */
  keys: SimKey[];
  /** Accepted `iss` values for this Logins key. */
  issuers: string[];
  /** Accepted audiences (client ids configured on the pool). */
  audiences: string[];
}

export type JwtLoginResult =
  | { ok: true; claims: Record<string, unknown> }
  | { ok: false; error: AwsError; detail: string };

export async function checkJwtLogin(
  world: World,
  token: string,
  expect: JwtLoginExpectation,
): Promise<JwtLoginResult> {
  const fail = (error: AwsError, detail: string): JwtLoginResult => ({ ok: false, error, detail });
  let kid: string | undefined;
  try {
    kid = decodeProtectedHeader(token).kid;
  } catch {
    return fail(IdentityErrors.cantVerify(), 'The token is not a JWS in compact form.');
  }
  const key = expect.keys.find((k) => k.kid === kid);
  if (!key)
    return fail(IdentityErrors.cantVerify(), `No signing key with kid ${String(kid)} for this provider.`);
  let claims: Record<string, unknown>;
  try {
    const { payload } = await jwtVerify(token, key.publicKey, {
      algorithms: [key.alg],
      currentDate: new Date(world.now()),
    });
    claims = payload as Record<string, unknown>;
  } catch (error) {
    // An expired token has a good signature; its expiry is judged below, after the issuer, with the
    // identity pool's own message.
    if (error instanceof errors.JWTExpired) claims = error.payload as Record<string, unknown>;
    else return fail(IdentityErrors.cantVerify(), error instanceof Error ? error.message : String(error));
  }
  if (typeof claims.iss !== 'string' || !expect.issuers.includes(claims.iss)) {
    return fail(
      IdentityErrors.issuerMismatch(),
      `iss ${String(claims.iss)} is not one of ${expect.issuers.join(', ')}`,
    );
  }
  // An access token has no `aud` (it carries client_id): the classic mistake of 4.3.
  if (claims.aud === undefined)
    return fail(IdentityErrors.missingClaim('aud'), 'The token has no aud claim.');
  const now = epochSeconds(world.now());
  if (typeof claims.exp !== 'number')
    return fail(IdentityErrors.missingClaim('exp'), 'The token has no exp claim.');
  if (now >= claims.exp)
    return fail(IdentityErrors.tokenExpired(claims.exp, now), `exp ${claims.exp} <= now ${now}`);
  const auds = Array.isArray(claims.aud) ? claims.aud.map(String) : [String(claims.aud)];
  if (!auds.some((a) => expect.audiences.includes(a))) {
    return fail(
      IdentityErrors.unsupportedProvider(),
      `aud ${auds.join(',')} is not a client id configured on the pool`,
    );
  }
  return { ok: true, claims };
}
