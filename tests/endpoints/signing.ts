import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { FixtureCredentials } from './fixtures';

/** Signs a request the way the SDK's own signer does, with the simulation's clock. */
export async function signedRequest(
  url: string,
  opts: {
    service: string;
    credentials: FixtureCredentials;
    at: number;
    method?: string;
    headers?: Record<string, string>;
    region?: string;
  },
): Promise<Request> {
  const u = new URL(url);
  const signer = new SignatureV4({
    service: opts.service,
    region: opts.region ?? 'us-east-1',
    credentials: opts.credentials,
    sha256: Sha256,
    uriEscapePath: opts.service !== 's3',
  });
  const query: Record<string, string> = {};
  u.searchParams.forEach((v, k) => {
    query[k] = v;
  });
  const request = new HttpRequest({
    method: opts.method ?? 'GET',
    protocol: u.protocol,
    hostname: u.hostname,
    path: u.pathname,
    query,
    headers: { host: u.hostname, ...(opts.headers ?? {}) },
  });
  const signed = await signer.sign(request, { signingDate: new Date(opts.at) });
  const headers = new Headers();
  for (const [k, v] of Object.entries(signed.headers)) if (k.toLowerCase() !== 'host') headers.set(k, v);
  return new Request(url, { method: signed.method, headers });
}

/** A presigned S3 URL (query-string SigV4 with UNSIGNED-PAYLOAD), as getSignedUrl builds it. */
export async function presignS3(
  url: string,
  credentials: FixtureCredentials,
  at: number,
  expiresIn: number,
): Promise<string> {
  const u = new URL(url);
  const signer = new SignatureV4({
    service: 's3',
    region: 'us-east-1',
    credentials,
    sha256: Sha256,
    uriEscapePath: false,
    applyChecksum: false,
  });
  const presigned = await signer.presign(
    // Like @aws-sdk/s3-request-presigner: the payload is declared unsigned through this (unsigned) header.
    new HttpRequest({
      method: 'GET',
      protocol: u.protocol,
      hostname: u.hostname,
      path: u.pathname,
      headers: { host: u.hostname, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
      query: {},
    }),
    { signingDate: new Date(at), expiresIn, unsignableHeaders: new Set(['x-amz-content-sha256']) },
  );
  const query = Object.entries(presigned.query ?? {})
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return `${u.origin}${u.pathname}?${query}`;
}
