/**
 * The browser-side signer: what the UI and the sync client use to call the simulated cloud with
 * credentials, producing the same headers (or presigned query) as the AWS SDK's own signer
 * (@smithy/signature-v4 as the SDK clients configure it) for the same input.
 */
import { amzDate } from '../core/time';
import { canonicalRequest, bodyBytes, payloadHash } from './canonical-request';
import { ALGORITHM, isSignableHeader, MAX_PRESIGN_SECONDS, QUERY, UNSIGNED_PAYLOAD } from './constants';
import { authorizationHeader, credentialScope, signature, signingKey, stringToSign } from './stages';

export interface SigningCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface SignOptions {
  /** Signing name: `sts`, `s3`, `execute-api`, `cognito-sync` … */
  service: string;
  region: string;
  /** Signing time, epoch ms (from the app's clock, never read here). */
  now: number;
  /** Presign instead: put the signature in the query string, valid this many seconds (1–604800). */
  presignExpiresIn?: number;
  /** Sign `UNSIGNED-PAYLOAD` instead of the body's hash (S3). */
  unsignedPayload?: boolean;
}

/**
 * Returns a new Request carrying a SigV4 signature.
 *
 * Header form: adds `x-amz-date`, `x-amz-security-token` (temporary credentials),
 * `x-amz-content-sha256` (the SDK adds it for every service) and `authorization`; every other
 * signable header present is signed, plus `host` taken from the URL.
 * Presigned form: every `x-amz-*` header moves into the query, then `X-Amz-Algorithm`,
 * `X-Amz-Credential`, `X-Amz-Date`, `X-Amz-Expires`, `X-Amz-SignedHeaders` and `X-Amz-Signature`.
 *
 * @example
 * const signed = await signRequest(new Request('https://sts.amazonaws.com/', { method: 'POST', body }),
 *   credentials, { service: 'sts', region: 'us-east-1', now: clock() });
 */
export async function signRequest(
  request: Request,
  credentials: SigningCredentials,
  options: SignOptions,
): Promise<Request> {
  const date = amzDate(options.now);
  const scope = credentialScope(date, options.region, options.service);
  const body = await bodyBytes(request);
  const headers = new Headers(request.headers);
  for (const generated of ['authorization', 'x-amz-date', 'date']) headers.delete(generated);
  const url = new URL(request.url);
  const presign = options.presignExpiresIn !== undefined;

  if (options.unsignedPayload && !headers.has('x-amz-content-sha256'))
    headers.set('x-amz-content-sha256', UNSIGNED_PAYLOAD);
  const hash = headers.get('x-amz-content-sha256') ?? (await payloadHash(request));

  if (presign) {
    const expires = options.presignExpiresIn as number;
    if (!(expires >= 1 && expires <= MAX_PRESIGN_SECONDS)) {
      throw new RangeError(
        'Signature version 4 presigned URLs must have an expiration date less than one week in the future',
      );
    }
    for (const [name, value] of [...headers]) {
      if (name.startsWith('x-amz-')) {
        url.searchParams.append(name, value);
        headers.delete(name);
      }
    }
    if (credentials.sessionToken) url.searchParams.set(QUERY.securityToken, credentials.sessionToken);
    url.searchParams.set(QUERY.algorithm, ALGORITHM);
    url.searchParams.set(QUERY.credential, `${credentials.accessKeyId}/${scope}`);
    url.searchParams.set(QUERY.date, date);
    url.searchParams.set(QUERY.expires, String(expires));
  } else {
    headers.set('x-amz-date', date);
    if (credentials.sessionToken) headers.set('x-amz-security-token', credentials.sessionToken);
    if (!headers.has('x-amz-content-sha256')) headers.set('x-amz-content-sha256', hash);
  }

  const signed = signedHeaderNames(headers);
  if (presign) url.searchParams.set(QUERY.signedHeaders, signed.join(';'));
  // URLSearchParams writes spaces as '+'; SigV4 reads '+' literally, so write the query in RFC 3986 form.
  url.search = [...url.searchParams].map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).join('&');

  const draft = new Request(url, {
    method: request.method,
    headers,
    body: body.byteLength ? body : undefined,
  });
  const canonical = await canonicalRequest(draft, signed, { service: options.service, payloadHash: hash });
  const toSign = await stringToSign(date, scope, canonical);
  const sig = await signature(
    await signingKey(credentials.secretAccessKey, date, options.region, options.service),
    toSign,
  );

  if (presign) {
    url.search = `${url.search.slice(1)}&${QUERY.signature}=${sig}`;
    return new Request(url, { method: request.method, headers, body: body.byteLength ? body : undefined });
  }
  // Header form: the draft already is the request to send, less its Authorization header (a
  // Request built from init has mutable headers), so no second Request is built.
  draft.headers.set('authorization', authorizationHeader(credentials.accessKeyId, scope, signed, sig));
  return draft;
}

/** `host` (from the URL when absent) plus every signable header present, lower case and sorted. */
function signedHeaderNames(headers: Headers): string[] {
  const names = new Set<string>(['host']);
  for (const [name] of headers) if (isSignableHeader(name)) names.add(name.toLowerCase());
  return [...names].sort();
}

function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
