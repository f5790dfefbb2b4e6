import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentials } from './types';

/**
 * Signs a device's Cognito Sync call with SigV4 (service `cognito-sync`), using AWS's own signer
 * (the one inside the AWS SDKs), so what reaches the simulated cloud is what AWS would receive.
 * The signing time is the device's injected clock.
 */
export async function signSyncRequest(
  request: { method: string; url: string; headers: Record<string, string>; body?: string },
  credentials: AwsCredentials,
  region: string,
  now: number,
): Promise<Request> {
  const url = new URL(request.url);
  const query: Record<string, string> = {};
  url.searchParams.forEach((value, key) => {
    query[key] = value;
  });
  const signer = new SignatureV4({ service: 'cognito-sync', region, credentials, sha256: Sha256 });
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: url.protocol,
      hostname: url.hostname,
      path: url.pathname,
      query,
      headers: { ...request.headers, host: url.hostname },
      body: request.body,
    },
    { signingDate: new Date(now) },
  );
  const headers = new Headers();
  for (const [name, value] of Object.entries(signed.headers)) {
    // A browser sets Host itself and refuses it from script.
    if (name.toLowerCase() !== 'host') headers.set(name, value);
  }
  return new Request(request.url, { method: request.method, headers, body: request.body });
}
