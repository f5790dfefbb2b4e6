/**
 * Stage 1 of SigV4: the canonical request (IAM User Guide "Create a signed AWS API request", step 1).
 *
 *   <Method>\n<CanonicalURI>\n<CanonicalQueryString>\n<CanonicalHeaders>\n<SignedHeaders>\n<HashedPayload>
 *
 * It works on a fetch `Request`, which in a browser cannot carry `Host` or `Content-Length` (the
 * browser adds them on the wire), so when those are signed but absent the host comes from the URL
 * and the length from the body, as the receiving server would see them.
 */
import { QUERY } from './constants';
import { EMPTY_SHA256, safeDecode, sha256Hex, uriEscape } from './encoding';

/**
 * How the path becomes the canonical URI.
 * - `normalize-and-encode` (every service but S3): remove empty, `.` and `..` segments, then
 *   URI-encode the path as sent once more ("double encoding": the path on the wire is already encoded).
 *   This is what the AWS SDK signer does with `uriEscapePath: true`.
 * - `as-sent` (S3): the path exactly as it is on the wire, encoded once, never normalised.
 * - `encode-raw`: the path is taken as unencoded text, normalised, and encoded once. This is the
 *   convention of AWS's published SigV4 test suite, whose `.req` files show raw paths.
 */
export type PathEncoding = 'normalize-and-encode' | 'as-sent' | 'encode-raw';

export interface CanonicalRequestOptions {
  /** Signing service; `s3` selects `as-sent` path encoding unless `pathEncoding` says otherwise. */
  service?: string;
  pathEncoding?: PathEncoding;
  /** Use this instead of hashing the body (`UNSIGNED-PAYLOAD`, a streaming marker, the `x-amz-content-sha256` value). */
  payloadHash?: string;
}

/** The canonical request for `request` over `signedHeaders` (lower-case names). */
export async function canonicalRequest(
  request: Request,
  signedHeaders: string[],
  options: CanonicalRequestOptions = {},
): Promise<string> {
  const url = new URL(request.url);
  const encoding = options.pathEncoding ?? (options.service === 's3' ? 'as-sent' : 'normalize-and-encode');
  const names = [...signedHeaders].map((h) => h.toLowerCase()).sort();
  const headers = await canonicalHeaders(request, names);
  const payload = options.payloadHash ?? (await payloadHash(request));
  return [
    request.method.toUpperCase(),
    canonicalUri(url.pathname, encoding),
    canonicalQueryString(url.search),
    headers,
    names.join(';'),
    payload,
  ].join('\n');
}

export function canonicalUri(path: string, encoding: PathEncoding): string {
  if (encoding === 'as-sent') return path === '' ? '/' : path;
  const raw = encoding === 'encode-raw';
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(raw ? safeDecode(segment) : segment);
  }
  const leading = path.startsWith('/') ? '/' : '';
  const trailing = segments.length > 0 && path.endsWith('/') ? '/' : '';
  const normalized = `${leading}${segments.map(uriEscape).join('/')}${trailing}`;
  return normalized === '' ? '/' : normalized;
}

/**
 * Names and values are decoded from the wire and re-encoded with RFC 3986, then sorted by name and
 * value; `X-Amz-Signature` (a presigned URL's own signature) is left out. A name without `=` gets an
 * empty value (`name=`).
 */
export function canonicalQueryString(search: string): string {
  const query = search.startsWith('?') ? search.slice(1) : search;
  const pairs: [string, string][] = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = safeDecode(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : safeDecode(part.slice(eq + 1));
    if (name === QUERY.signature) continue;
    pairs.push([uriEscape(name), uriEscape(value)]);
  }
  pairs.sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([n, v]) => `${n}=${v}`).join('&');
}

/** One `name:value\n` line per signed header: values trimmed, runs of spaces folded to one. */
export async function canonicalHeaders(request: Request, signedHeaders: string[]): Promise<string> {
  let out = '';
  for (const name of signedHeaders) {
    const value = (await headerValue(request, name)) ?? '';
    out += `${name}:${value
      .replace(/[\r\n]/g, ' ')
      .replace(/[ \t]+/g, ' ')
      .trim()}\n`;
  }
  return out;
}

/** A header as the server receives it, filling in what a browser adds itself. */
export async function headerValue(request: Request, name: string): Promise<string | undefined> {
  const direct = request.headers.get(name);
  if (direct !== null) return direct;
  if (name === 'host') return new URL(request.url).host;
  if (name === 'content-length') return String((await bodyBytes(request)).byteLength);
  return undefined;
}

/** The body's bytes, read from a clone so the handler can still read the request. */
export async function bodyBytes(request: Request): Promise<Uint8Array<ArrayBuffer>> {
  if (request.body === null) return new Uint8Array(0);
  return new Uint8Array(await request.clone().arrayBuffer());
}

/** Lower-case hex SHA-256 of the body (of the empty string when there is none). */
export async function payloadHash(request: Request): Promise<string> {
  const bytes = await bodyBytes(request);
  return bytes.byteLength === 0 ? EMPTY_SHA256 : sha256Hex(bytes);
}
