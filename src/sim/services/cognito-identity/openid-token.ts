/**
 * The Cognito Identity OpenID token (docs/aws-reference.md §4.6): what GetOpenIdToken and
 * GetOpenIdTokenForDeveloperIdentity return, and what the enhanced flow hands to STS internally.
 * Unlike user pool tokens it is RS512 with `typ: "JWS"` and a `<region>-<n>` kid, issued by
 * https://cognito-identity.amazonaws.com; `sub` is the identity id and `aud` the identity pool id.
 */
import { decodeProtectedHeader, errors, importJWK, jwtVerify, SignJWT } from 'jose';
import { epochSeconds } from '../../core/time';
import type { World } from '../../world';

export const COGNITO_IDENTITY_ISSUER = 'https://cognito-identity.amazonaws.com';
export const IDENTITY_POOL_ARN_CLAIM = 'https://cognito-identity.amazonaws.com/identity-pool-arn';
/** GetOpenIdToken: 10 minutes (doc; exp - iat = 600 observed). */
export const OPENID_TOKEN_SECONDS = 600;
/** GetOpenIdTokenForDeveloperIdentity default TokenDuration: 15 minutes (doc). */
export const DEVELOPER_TOKEN_DEFAULT_SECONDS = 900;

/** The claim STS reads session tags from (IAM User Guide, session tags with AssumeRoleWithWebIdentity). */
export const SESSION_TAGS_CLAIM = 'https://aws.amazon.com/tags';

export interface CognitoOpenIdClaims {
  [SESSION_TAGS_CLAIM]?: { principal_tags: Record<string, string[]> };
  sub: string;
  aud: string;
  amr: string[];
  iss: string;
  exp: number;
  iat: number;
  [IDENTITY_POOL_ARN_CLAIM]: string;
}

export const identityPoolArn = (world: World, poolId: string): string =>
  `arn:aws:cognito-identity:${world.region}:${world.accountId}:identitypool/${poolId}`;

/** Signs an OpenID token for `identityId` in `poolId` with the given `amr`, valid `seconds`. */
export async function mintCognitoOpenIdToken(
  world: World,
  input: {
    identityId: string;
    poolId: string;
    amr: string[];
    seconds: number;
    /** Attributes for access control: carried as the session-tags claim STS reads (principal-tags.ts). */
    principalTags?: Record<string, string>;
  },
): Promise<{ token: string; claims: CognitoOpenIdClaims }> {
  const iat = epochSeconds(world.now());
  const key = world.keys.cognitoIdentity;
  // Claim order as observed on AWS: sub, aud, amr, iss, then the pool ARN, exp, iat.
  const claims: CognitoOpenIdClaims = {
    sub: input.identityId,
    aud: input.poolId,
    amr: input.amr,
    iss: COGNITO_IDENTITY_ISSUER,
    [IDENTITY_POOL_ARN_CLAIM]: identityPoolArn(world, input.poolId),
    exp: iat + input.seconds,
    iat,
  };
  const tagKeys = Object.keys(input.principalTags ?? {});
  if (tagKeys.length > 0) {
    // One value per tag, as a one-element array (IAM "Passing session tags using AssumeRoleWithWebIdentity").
    const principal_tags = Object.fromEntries(tagKeys.map((k) => [k, [input.principalTags?.[k] ?? '']]));
    claims[SESSION_TAGS_CLAIM] = { principal_tags };
  }
  const token = await new SignJWT({ ...claims })
    .setProtectedHeader({ kid: key.kid, typ: 'JWS', alg: 'RS512' })
    .sign(key.privateKey);
  return { token, claims };
}

export type OpenIdTokenProblem = 'malformed' | 'signature' | 'expired' | 'issuer';

export type OpenIdTokenCheck =
  | { ok: true; claims: CognitoOpenIdClaims; header: { kid?: string; alg?: string; typ?: string } }
  | { ok: false; problem: OpenIdTokenProblem; detail: string; exp?: number };

/**
 * Verifies a Cognito Identity OpenID token against this cloud's key and clock (signature, alg RS512,
 * issuer, expiry). It does not judge `aud` or `amr`: that is the trust policy's job (STS) or the
 * identity pool's (Logins `cognito-identity.amazonaws.com`).
 */
export async function verifyCognitoOpenIdToken(world: World, token: string): Promise<OpenIdTokenCheck> {
  let header: { kid?: string; alg?: string; typ?: string };
  try {
    header = decodeProtectedHeader(token) as typeof header;
  } catch {
    return { ok: false, problem: 'malformed', detail: 'The token is not a JWS in compact form.' };
  }
  const key = world.keys.cognitoIdentity;
  if (header.kid !== key.kid || header.alg !== 'RS512') {
    return {
      ok: false,
      problem: 'signature',
      detail: `No key ${String(header.kid)} for alg ${String(header.alg)}.`,
    };
  }
  try {
    const publicKey = await importJWK({ ...key.publicJwk }, 'RS512');
    const { payload } = await jwtVerify(token, publicKey, {
      algorithms: ['RS512'],
      currentDate: new Date(world.now()),
      clockTolerance: 0,
    });
    if (payload.iss !== COGNITO_IDENTITY_ISSUER) {
      return { ok: false, problem: 'issuer', detail: `iss is ${String(payload.iss)}` };
    }
    return { ok: true, claims: payload as unknown as CognitoOpenIdClaims, header };
  } catch (error) {
    if (error instanceof errors.JWTExpired) {
      return { ok: false, problem: 'expired', detail: error.message, exp: Number(error.payload.exp) };
    }
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      return { ok: false, problem: 'signature', detail: error.message };
    }
    return {
      ok: false,
      problem: 'malformed',
      detail: error instanceof Error ? error.message : String(error),
    };
  }
}

/** The JWKS served at https://cognito-identity.amazonaws.com/.well-known/jwks_uri. */
export function cognitoIdentityJwks(world: World): { keys: Record<string, unknown>[] } {
  const { kty, n, e, kid, alg, use } = world.keys.cognitoIdentity.publicJwk;
  return { keys: [{ kty, alg, use, kid, n, e }] };
}

/** OpenID discovery document of the Cognito Identity issuer. */
export function cognitoIdentityDiscovery(): Record<string, unknown> {
  return {
    issuer: COGNITO_IDENTITY_ISSUER,
    jwks_uri: `${COGNITO_IDENTITY_ISSUER}/.well-known/jwks_uri`,
    authorization_endpoint: 'https://cognito-identity.amazonaws.com/authorize',
    response_types_supported: ['code', 'token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS512'],
    claims_supported: ['sub', 'aud', 'amr', 'iss', 'exp', 'iat'],
  };
}
