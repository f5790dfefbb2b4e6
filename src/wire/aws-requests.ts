/**
 * Builds the HTTP requests a browser app sends to AWS, by hand, the way the SDK's protocol layers do.
 * Each helper returns a plain `Request` addressed to the real AWS host; nothing here knows it will
 * reach a simulation. References: Cognito user pools and identity pools use AWS JSON 1.1
 * (`X-Amz-Target` + `application/x-amz-json-1.1`); STS uses the AWS Query protocol (form-encoded POST,
 * `Version=2011-06-15`); S3 is REST-XML; API Gateway is plain HTTPS.
 */

/** Target prefixes from the service models (`metadata.targetPrefix`). */
export const JsonTargetPrefix = {
  'cognito-idp': 'AWSCognitoIdentityProviderService',
  'cognito-identity': 'AWSCognitoIdentityService',
  ssm: 'AmazonSSM',
} as const;
export type JsonService = keyof typeof JsonTargetPrefix;

/** An unsigned (or to-be-signed) AWS JSON 1.1 call, e.g. `InitiateAuth` or `GetId`. */
export function jsonRequest(region: string, service: JsonService, operation: string, body: unknown): Request {
  return new Request(`https://${service}.${region}.amazonaws.com/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `${JsonTargetPrefix[service]}.${operation}`,
    },
    body: JSON.stringify(body),
  });
}

/** An STS Query call. STS's regional endpoint is what the SDK v3 uses by default. */
export function stsRequest(
  region: string,
  action: string,
  params: Record<string, string | number | undefined>,
): Request {
  const form = new URLSearchParams({ Action: action, Version: '2011-06-15' });
  for (const [name, value] of Object.entries(params)) if (value !== undefined) form.set(name, String(value));
  return new Request(`https://sts.${region}.amazonaws.com/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: form.toString(),
  });
}

/** Virtual-hosted-style S3 object URL, as the SDK v3 builds it for a DNS-compatible bucket. */
export function s3ObjectUrl(region: string, bucket: string, key: string): string {
  const path = key.split('/').map(encodeURIComponent).join('/');
  return `https://${bucket}.s3.${region}.amazonaws.com/${path}`;
}

/** Hex SHA-256 of a body: S3 requires it in `x-amz-content-sha256` on every SigV4 request. */
export async function sha256Hex(body: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function s3Request(
  region: string,
  bucket: string,
  key: string,
  method: 'GET' | 'PUT',
  body?: string,
): Promise<Request> {
  const payload = body ?? '';
  const headers: Record<string, string> = { 'x-amz-content-sha256': await sha256Hex(payload) };
  if (method === 'PUT') headers['content-type'] = 'text/plain';
  return new Request(s3ObjectUrl(region, bucket, key), {
    method,
    headers,
    body: method === 'PUT' ? payload : undefined,
  });
}
