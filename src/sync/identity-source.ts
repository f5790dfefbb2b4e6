import type { AwsCredentials, IdentitySource } from './types';

/**
 * Gets a device its Cognito identity and credentials from an identity pool, the enhanced flow
 * (docs/aws-reference.md §4.4): `GetId`, then `GetCredentialsForIdentity`, both unsigned AWS JSON 1.1 calls
 * through the device's fetch. The id is remembered; credentials are reused until 5 minutes before
 * they expire. Passing `logins` (e.g. a user pool ID token) makes it an authenticated identity.
 */
export interface CognitoIdentitySourceOptions {
  fetch: (request: Request) => Promise<Response>;
  region: string;
  identityPoolId: string;
  now: () => number;
  /** Provider name → token, e.g. `cognito-idp.<region>.amazonaws.com/<poolId>` → ID token. */
  logins?: () => Record<string, string> | undefined;
  /** A previously obtained identity id (kept on the device). */
  identityId?: string;
}

export function cognitoIdentitySource(options: CognitoIdentitySourceOptions): IdentitySource {
  let identityId = options.identityId;
  let cached:
    | { credentials: AwsCredentials; expiresAt: number; authenticated: boolean; identityId: string }
    | undefined;
  const call = async (operation: string, body: unknown) => {
    const response = await options.fetch(
      new Request(`https://cognito-identity.${options.region}.amazonaws.com/`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': `AWSCognitoIdentityService.${operation}`,
        },
        body: JSON.stringify(body),
      }),
    );
    const out = (await response.json()) as Record<string, unknown>;
    if (!response.ok)
      throw new Error(`${String(out.__type ?? response.status)}: ${String(out.message ?? '')}`);
    return out;
  };
  return async () => {
    const logins = options.logins?.();
    const authenticated = logins !== undefined && Object.keys(logins).length > 0;
    if (cached && cached.authenticated === authenticated && cached.expiresAt - 5 * 60_000 > options.now())
      return cached;
    if (!identityId || (authenticated && !cached?.authenticated)) {
      identityId = String(
        (
          await call('GetId', {
            IdentityPoolId: options.identityPoolId,
            ...(authenticated ? { Logins: logins } : {}),
          })
        ).IdentityId,
      );
    }
    const out = await call('GetCredentialsForIdentity', {
      IdentityId: identityId,
      ...(authenticated ? { Logins: logins } : {}),
    });
    const c = out.Credentials as {
      AccessKeyId: string;
      SecretKey: string;
      SessionToken: string;
      Expiration: number;
    };
    identityId = String(out.IdentityId ?? identityId);
    cached = {
      identityId,
      authenticated,
      credentials: { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretKey, sessionToken: c.SessionToken },
      expiresAt: c.Expiration * 1000,
    };
    return cached;
  };
}
