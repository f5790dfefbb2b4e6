import type { AwsCredentials } from '../lib/aws-credentials';

export type { AwsCredentials } from '../lib/aws-credentials';

/**
 * Cognito identity pools answer `Credentials.SecretKey` with `Expiration` in epoch seconds (JSON 1.1);
 * STS answers `SecretAccessKey` with an ISO 8601 `Expiration` (Query/XML). Both map to one shape here.
 */
export function credentialsFromIdentityPool(json: unknown): AwsCredentials | undefined {
  const c = (json as { Credentials?: Record<string, unknown> } | undefined)?.Credentials;
  if (!c || typeof c.AccessKeyId !== 'string' || typeof c.SecretKey !== 'string') return undefined;
  return {
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretKey,
    sessionToken: typeof c.SessionToken === 'string' ? c.SessionToken : undefined,
    expiration: typeof c.Expiration === 'number' ? Math.round(c.Expiration * 1000) : undefined,
  };
}

export function credentialsFromStsXml(xml: string, read: (xml: string, tag: string) => string | undefined) {
  const accessKeyId = read(xml, 'AccessKeyId');
  const secretAccessKey = read(xml, 'SecretAccessKey');
  if (!accessKeyId || !secretAccessKey) return undefined;
  const expiration = read(xml, 'Expiration');
  const credentials: AwsCredentials = {
    accessKeyId,
    secretAccessKey,
    sessionToken: read(xml, 'SessionToken'),
    expiration: expiration ? Date.parse(expiration) : undefined,
  };
  return credentials;
}
