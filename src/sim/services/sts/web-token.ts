/**
 * Validates a web identity token for AssumeRoleWithWebIdentity the way STS does: it must be a JWT
 * from an issuer STS trusts, signed by that issuer's key and unexpired. Google and Cognito Identity
 * are built in: "If you are using an OIDC identity provider from Google, Facebook, or Amazon Cognito,
 * you don't need to create a separate IAM identity provider" (IAM API reference,
 * CreateOpenIDConnectProvider); the role's trust policy (its `aud` condition) is then what ties the
 * token to your app. When the account has registered an IAM OIDC provider for the issuer anyway, the
 * token must also be addressed to one of that provider's client ids, as for any IAM OIDC provider (unv
 * for a built-in issuer). Failures map to InvalidIdentityToken / ExpiredTokenException (STS API reference, docs/aws-reference.md §5.8).
 */
import { decodeJwt, errors as joseErrors, type JWTPayload, jwtVerify } from 'jose';
import { getOidcProvider } from '../../iam/state';
import type { ContextKeys } from '../../iam/types';
import type { World } from '../../world';
import { stsErrors } from './errors';

export interface VerifiedWebToken {
  /**
   * `accounts.google.com` or `cognito-identity.amazonaws.com`: what STS returns as `Provider`. The API
   * reference says "the value of the iss field", but real responses quoted in public write-ups show
   * these bare host names for Google and Cognito tokens, while a generic IAM OIDC provider (EKS, GitHub)
   * comes back as its provider ARN, `arn:aws:iam::<acct>:oidc-provider/<host>` (obs; the simulation
   * accepts only the first two issuers).
   */
  provider: string;
  /** IAM OIDC provider ARN, when the account has one for the issuer. */
  providerArn?: string;
  subject: string;
  audience: string;
  claims: JWTPayload;
  /** Condition keys for the trust policy and the session (docs/aws-reference.md §4.10, §6.8). */
  context: ContextKeys;
}

const NOT_A_JWT =
  'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)';

export async function verifyWebIdentityToken(world: World, token: string): Promise<VerifiedWebToken> {
  let unverified: JWTPayload;
  try {
    unverified = decodeJwt(token);
  } catch {
    throw stsErrors.invalidIdentityToken(NOT_A_JWT);
  }
  const iss = typeof unverified.iss === 'string' ? unverified.iss : '';
  const host = iss.replace(/^https:\/\//, '');
  const isCognito =
    host === 'cognito-identity.amazonaws.com' || /^cognito-identity\.[a-z0-9-]+\.amazonaws\.com$/.test(host);
  const isGoogle = host === 'accounts.google.com';
  const oidc = getOidcProvider(world, host);
  // The simulation knows the keys of these two built-in issuers only; any other issuer would need an
  // IAM OIDC provider and its own keys, which the simulated account never has.
  if (!isCognito && !isGoogle) {
    throw stsErrors.invalidIdentityToken(`No OpenIDConnect provider found in your account for ${iss}`);
  }
  const key = isCognito ? world.keys.cognitoIdentity : world.keys.google;
  let claims: JWTPayload;
  try {
    ({ payload: claims } = await jwtVerify(token, key.publicKey, {
      algorithms: [key.alg],
      currentDate: new Date(world.now()),
    }));
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) {
      const exp = Number(unverified.exp);
      throw stsErrors.expiredTokenException(
        `Token expired: current date/time ${Math.floor(world.now() / 1000)} must be before the expiration date/time ${exp}`,
      );
    }
    if (error instanceof joseErrors.JWSInvalid || error instanceof joseErrors.JWTInvalid) {
      throw stsErrors.invalidIdentityToken(NOT_A_JWT);
    }
    throw stsErrors.invalidIdentityToken();
  }
  const audiences = Array.isArray(claims.aud) ? claims.aud : claims.aud ? [claims.aud] : [];
  const subject = typeof claims.sub === 'string' ? claims.sub : '';
  if (!subject) throw stsErrors.invalidIdentityToken();

  if (isGoogle) {
    // Google puts the OAuth client in `azp` and `aud`; IAM's accounts.google.com:aud is the client id.
    const azp = typeof claims.azp === 'string' ? claims.azp : undefined;
    const audience = azp ?? audiences[0] ?? '';
    if (oidc && !oidc.clientIds.some((id) => audiences.includes(id) || id === azp)) {
      throw stsErrors.invalidIdentityToken('Incorrect token audience');
    }
    return {
      provider: 'accounts.google.com',
      providerArn: oidc?.arn,
      subject,
      audience,
      claims,
      context: {
        'accounts.google.com:aud': audience,
        'accounts.google.com:oaud': audiences[0],
        'accounts.google.com:sub': subject,
        'aws:FederatedProvider': 'accounts.google.com',
      },
    };
  }
  // Cognito Identity: STS checks no audience list; the trust policy's aud condition is the only guard.
  const amr = Array.isArray(claims.amr) ? claims.amr.map(String) : [];
  const audience = audiences[0] ?? '';
  return {
    provider: 'cognito-identity.amazonaws.com',
    providerArn: oidc?.arn,
    subject,
    audience,
    claims,
    context: {
      'cognito-identity.amazonaws.com:aud': audience,
      'cognito-identity.amazonaws.com:sub': subject,
      'cognito-identity.amazonaws.com:amr': amr,
      'aws:FederatedProvider': 'cognito-identity.amazonaws.com',
    },
  };
}
