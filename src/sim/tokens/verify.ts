import { getOwn, hasOwn } from '../core/dict';
import { compactVerify, decodeProtectedHeader } from 'jose';
import type { World } from '../world';
import type { UserPoolTokenUse } from './user-pool-jwt';

/**
 * Offline verification of user pool ID and access tokens, as any relying party does it with the pool's
 * JWKS (docs/aws-reference.md §1.8, the checks of aws-jwt-verify): signature by `kid`, `exp` against the injected
 * clock (expired once now ≥ exp, as jose and aws-jwt-verify count it), `iss`, `token_use`, and `aud`
 * (ID token) or `client_id` (access token).
 *
 * Revocation is NOT checked here, on purpose: GlobalSignOut and RevokeToken make only Cognito's own
 * APIs refuse a token; an offline verifier (API Gateway, AppSync, your backend) keeps accepting it
 * until `exp` (docs/aws-reference.md §1.9). Cognito's own APIs add `isRevoked` on top.
 *
 * Failures are returned, not thrown, as a closed set of reasons; each caller maps them to its own
 * AWS message (identity pools: "Invalid login token. …"; API Gateway: 401 Unauthorized; Cognito:
 * "Access Token has expired" …). `verifyUserPoolTokenOrThrow` throws `UserPoolTokenError` instead.
 *
 * @example
 * const r = await verifyUserPoolToken(world, idToken, { tokenUse: 'id', clientId: demo.userPool.clientId });
 * if (!r.ok && r.reason === 'expired') …  // r.exp, r.now give "Token expired: <exp> >= <now>"-style details
 */
export const UserPoolTokenFailure = {
  /** Not three base64url parts of JSON. */
  Malformed: 'malformed',
  /** No key with this `kid` in any user pool JWKS of this cloud. */
  UnknownKid: 'unknown-kid',
  /** The RS256 signature does not verify (altered token, foreign key). */
  BadSignature: 'bad-signature',
  Expired: 'expired',
  /** `iss` is not a user pool of this cloud, or not the expected pool. */
  WrongIssuer: 'wrong-issuer',
  /** A claim the expected token kind must have is absent (`aud` for ID tokens, `client_id` for access tokens). */
  MissingClaim: 'missing-claim',
  WrongTokenUse: 'wrong-token-use',
  /** `aud` / `client_id` is not one of the accepted app clients. */
  WrongClient: 'wrong-client',
} as const;
export type UserPoolTokenFailure = (typeof UserPoolTokenFailure)[keyof typeof UserPoolTokenFailure];

export type UserPoolClaims = Record<string, unknown> & {
  sub: string;
  iss: string;
  token_use: UserPoolTokenUse;
  exp: number;
  iat: number;
  auth_time: number;
};

export interface VerifyOptions {
  /** Required token kind; omit to accept both (AppSync and API Gateway accept either). */
  tokenUse?: UserPoolTokenUse;
  /** Accepted app client ids (ID token `aud`, access token `client_id`); omit to accept any. */
  clientId?: string | string[];
  /** Expected pool; omit to accept any pool of this cloud (the pool is read from `iss`). */
  poolId?: string;
}

export type VerifyResult =
  | { ok: true; claims: UserPoolClaims; header: { kid: string; alg: string }; poolId: string }
  | {
      ok: false;
      reason: UserPoolTokenFailure;
      message: string;
      /** Claims, when the signature verified (useful for messages like "Token expired: exp >= now"). */
      claims?: Record<string, unknown>;
      /** For `expired`: the token's exp and the clock, epoch seconds. */
      exp?: number;
      now?: number;
      /** For `missing-claim`. */
      claim?: string;
    };

export class UserPoolTokenError extends Error {
  readonly reason: UserPoolTokenFailure;
  readonly detail: Extract<VerifyResult, { ok: false }>;
  constructor(detail: Extract<VerifyResult, { ok: false }>) {
    super(detail.message);
    this.name = 'UserPoolTokenError';
    this.reason = detail.reason;
    this.detail = detail;
  }
}

const fail = (
  reason: UserPoolTokenFailure,
  message: string,
  more: Partial<Extract<VerifyResult, { ok: false }>> = {},
): VerifyResult => ({
  ok: false,
  reason,
  message,
  ...more,
});

export async function verifyUserPoolToken(
  world: World,
  token: string,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  let header: { kid?: string; alg?: string };
  try {
    if (token.split('.').length !== 3) throw new Error('not a JWS');
    header = decodeProtectedHeader(token) as { kid?: string; alg?: string };
  } catch {
    return fail(UserPoolTokenFailure.Malformed, 'The token is not a well-formed JWT.');
  }
  const keys = [world.keys.userPoolIdToken, world.keys.userPoolAccessToken];
  const key = keys.find((k) => k.kid === header.kid);
  if (!key)
    return fail(
      UserPoolTokenFailure.UnknownKid,
      `No key with kid ${String(header.kid)} in the user pool JWKS.`,
    );
  let claims: Record<string, unknown>;
  try {
    const { payload } = await compactVerify(token, key.publicKey, { algorithms: ['RS256'] });
    claims = JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED')
      return fail(UserPoolTokenFailure.BadSignature, 'The token signature does not verify.');
    return fail(UserPoolTokenFailure.Malformed, 'The token is not a well-formed JWT.');
  }
  if (claims === null || typeof claims !== 'object' || Array.isArray(claims))
    return fail(UserPoolTokenFailure.Malformed, 'The token payload is not a JSON object.');
  const now = Math.floor(world.now() / 1000);
  const exp = claims.exp;
  if (typeof exp !== 'number')
    return fail(UserPoolTokenFailure.MissingClaim, 'Missing a required claim: exp', { claims, claim: 'exp' });
  if (now >= exp)
    return fail(UserPoolTokenFailure.Expired, `Token expired: ${exp} <= ${now}`, { claims, exp, now });
  const prefix = `https://cognito-idp.${world.region}.amazonaws.com/`;
  const iss = typeof claims.iss === 'string' ? claims.iss : '';
  const poolId = iss.startsWith(prefix) ? iss.slice(prefix.length) : '';
  if (
    !poolId ||
    !hasOwn(world.state.cognitoIdp.pools, poolId) ||
    (options.poolId !== undefined && poolId !== options.poolId)
  ) {
    return fail(UserPoolTokenFailure.WrongIssuer, `Issuer ${iss} is not the expected user pool.`, { claims });
  }
  if (options.tokenUse === 'id' && typeof claims.aud !== 'string') {
    return fail(UserPoolTokenFailure.MissingClaim, 'Missing a required claim: aud', { claims, claim: 'aud' });
  }
  if (options.tokenUse === 'access' && typeof claims.client_id !== 'string') {
    return fail(UserPoolTokenFailure.MissingClaim, 'Missing a required claim: client_id', {
      claims,
      claim: 'client_id',
    });
  }
  const use = claims.token_use;
  if ((use !== 'id' && use !== 'access') || (options.tokenUse !== undefined && use !== options.tokenUse)) {
    return fail(
      UserPoolTokenFailure.WrongTokenUse,
      `token_use is ${String(use)}, expected ${options.tokenUse ?? 'id or access'}.`,
      { claims },
    );
  }
  if (options.clientId !== undefined) {
    const accepted = Array.isArray(options.clientId) ? options.clientId : [options.clientId];
    const client = use === 'id' ? claims.aud : claims.client_id;
    if (typeof client !== 'string' || !accepted.includes(client)) {
      return fail(
        UserPoolTokenFailure.WrongClient,
        `Client ${String(client)} is not an accepted app client.`,
        { claims },
      );
    }
  }
  return { ok: true, claims: claims as UserPoolClaims, header: { kid: key.kid, alg: 'RS256' }, poolId };
}

/** Like verifyUserPoolToken, but returns the claims or throws UserPoolTokenError. */
export async function verifyUserPoolTokenOrThrow(
  world: World,
  token: string,
  options: VerifyOptions = {},
): Promise<UserPoolClaims> {
  const result = await verifyUserPoolToken(world, token, options);
  if (!result.ok) throw new UserPoolTokenError(result);
  return result.claims;
}

/**
 * Whether Cognito itself considers the token's authentication revoked (GlobalSignOut, RevokeToken).
 * Only Cognito's own APIs (GetUser, refresh …) and identity pools with ServerSideTokenCheck consult
 * this; offline verifiers cannot know and keep accepting the token until `exp`.
 */
export function isRevoked(world: World, claims: Record<string, unknown>): boolean {
  const origin = claims.origin_jti;
  if (typeof origin !== 'string') return false;
  const session = getOwn(world.state.cognitoIdp.sessions, origin);
  return session?.revokedAt !== undefined;
}
