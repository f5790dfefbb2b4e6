import { signRequest } from '../sim/signer';
import type { AwsCredentials } from './types';

/**
 * Signs a device's Cognito Sync call with SigV4 (signing name `cognito-sync`) using the project's
 * browser-side signer, which produces what the AWS SDK's own signer would. The signing time is the
 * device's injected clock. (A signing helper is plain code, not a call into the cloud: the device
 * still reaches the cloud only through its fetch.)
 */
export function signSyncRequest(
  request: { method: string; url: string; headers: Record<string, string>; body?: string },
  credentials: AwsCredentials,
  region: string,
  now: number,
): Promise<Request> {
  return signRequest(
    new Request(request.url, { method: request.method, headers: request.headers, body: request.body }),
    credentials,
    {
      service: 'cognito-sync',
      region,
      now,
    },
  );
}
