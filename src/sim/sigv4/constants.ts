/** SigV4 names and values (IAM User Guide "Elements of an AWS API request signature"). */
export const ALGORITHM = 'AWS4-HMAC-SHA256';
export const TERMINATOR = 'aws4_request';
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
/** S3 payload-hash values that mean "the body is signed chunk by chunk" (aws-chunked encoding). */
export const STREAMING_PAYLOADS = [
  'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
  'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
  'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
  'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD',
  'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER',
] as const;
/** Longest lifetime of a presigned URL: 7 days (S3 API reference, "Authenticating Requests: Using Query Parameters"). */
export const MAX_PRESIGN_SECONDS = 604_800;

/**
 * Headers a signer leaves out because proxies and browsers change them. The same list as the AWS
 * SDK's signer (@smithy/signature-v4 `ALWAYS_UNSIGNABLE_HEADERS`), plus `proxy-*` and `sec-*`.
 */
export const UNSIGNABLE_HEADERS = new Set([
  'authorization',
  'cache-control',
  'connection',
  'expect',
  'from',
  'keep-alive',
  'max-forwards',
  'pragma',
  'referer',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'x-amzn-trace-id',
]);

export function isSignableHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return !UNSIGNABLE_HEADERS.has(lower) && !lower.startsWith('proxy-') && !lower.startsWith('sec-');
}

export const QUERY = {
  algorithm: 'X-Amz-Algorithm',
  credential: 'X-Amz-Credential',
  date: 'X-Amz-Date',
  expires: 'X-Amz-Expires',
  signedHeaders: 'X-Amz-SignedHeaders',
  signature: 'X-Amz-Signature',
  securityToken: 'X-Amz-Security-Token',
} as const;
