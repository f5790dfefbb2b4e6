/**
 * ListObjectsV2 (S3 API reference): keys in UTF-8 binary order, `prefix` filter, `delimiter`
 * rolling keys up into CommonPrefixes, `max-keys` (default and ceiling 1000) counting keys and
 * prefixes together, opaque continuation tokens, `start-after`, `encoding-type=url`.
 * Authorised as `s3:ListBucket` on the bucket ARN with the `s3:prefix`, `s3:delimiter` and
 * `s3:max-keys` condition keys (S3 User Guide, "Condition key examples").
 */
import { getOwn } from '../../core/dict';
import { s3XmlResponse } from '../../protocol/rest-xml';
import type { XmlNode } from '../../protocol/xml';
import { fromBase64, toBase64, utf8 } from './bytes';
import { bucketArn, requireAllowed, type S3Call } from './call';
import { s3Errors } from './errors';

const MAX_KEYS_CEILING = 1000;

/** S3 sorts keys by their UTF-8 bytes, which differs from JavaScript's UTF-16 order for some characters. */
export function compareKeys(a: string, b: string): number {
  const x = utf8(a);
  const y = utf8(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  }
  return x.length - y.length;
}

export interface ListInput {
  prefix: string;
  delimiter?: string;
  maxKeys: number;
  /** List keys strictly after this one. */
  after?: string;
}

export interface ListPage {
  keys: string[];
  commonPrefixes: string[];
  isTruncated: boolean;
  /** The last key or common prefix returned, from which the next page starts. */
  last?: string;
}

/** The pure listing rule over a set of keys. */
export function listKeys(allKeys: string[], input: ListInput): ListPage {
  const sorted = allKeys.filter((k) => k.startsWith(input.prefix)).sort(compareKeys);
  const keys: string[] = [];
  const commonPrefixes: string[] = [];
  let last: string | undefined;
  for (const key of sorted) {
    if (input.after !== undefined && compareKeys(key, input.after) <= 0) continue;
    // Keys under a common prefix already returned belong to it.
    if (last !== undefined && commonPrefixes.at(-1) === last && key.startsWith(last)) continue;
    let entry = key;
    let isPrefix = false;
    if (input.delimiter) {
      const at = key.indexOf(input.delimiter, input.prefix.length);
      if (at >= 0) {
        entry = key.slice(0, at + input.delimiter.length);
        isPrefix = true;
      }
    }
    // A common prefix at or before the resume point was already returned (or lies before start-after).
    if (input.after !== undefined && isPrefix && compareKeys(entry, input.after) <= 0) continue;
    if (keys.length + commonPrefixes.length >= input.maxKeys)
      return { keys, commonPrefixes, isTruncated: true, last };
    if (isPrefix) commonPrefixes.push(entry);
    else keys.push(entry);
    last = entry;
  }
  return { keys, commonPrefixes, isTruncated: false, last };
}

// Continuation tokens are opaque to clients; ours carry the position and a tag so a foreign token is refused.
const TOKEN_TAG = 'atlas-v2:';
const encodeToken = (last: string) => toBase64(utf8(TOKEN_TAG + last));
function decodeToken(token: string): string | undefined {
  const bytes = fromBase64(token);
  if (!bytes) return undefined;
  const text = new TextDecoder().decode(bytes);
  return text.startsWith(TOKEN_TAG) ? text.slice(TOKEN_TAG.length) : undefined;
}

/** encoding-type=url: S3 percent-encodes like `URLEncoder` but keeps `/` readable in practice; we encode per RFC 3986 except `/`. */
const urlEncode = (s: string) => encodeURIComponent(s).replace(/%2F/g, '/');

export function listObjectsV2(call: S3Call): Response {
  const q = call.url.searchParams;
  const prefix = q.get('prefix') ?? '';
  const delimiter = q.get('delimiter') || undefined;
  const maxKeysText = q.get('max-keys');
  const encodingType = q.get('encoding-type') ?? undefined;
  const token = q.get('continuation-token') ?? undefined;
  const startAfter = q.get('start-after') ?? undefined;
  const fetchOwner = q.get('fetch-owner') === 'true';

  let maxKeys = MAX_KEYS_CEILING;
  if (maxKeysText !== null) {
    const n = Number(maxKeysText);
    if (!/^-?\d+$/.test(maxKeysText) || !Number.isSafeInteger(n) || n < 0) {
      throw s3Errors.invalidArgument(
        'Provided max-keys not an integer or within integer range',
        'max-keys',
        maxKeysText,
      );
    }
    maxKeys = Math.min(n, MAX_KEYS_CEILING);
  }
  if (encodingType !== undefined && encodingType !== 'url') {
    throw s3Errors.invalidArgument(
      'Invalid Encoding Method specified in Request',
      'encoding-type',
      encodingType,
    );
  }

  const context: Record<string, string> = { 's3:prefix': prefix };
  if (delimiter !== undefined) context['s3:delimiter'] = delimiter;
  if (maxKeysText !== null) context['s3:max-keys'] = maxKeysText;
  requireAllowed(call, 's3:ListBucket', bucketArn(call.bucket.name), context);

  let after = startAfter;
  if (token !== undefined) {
    const position = decodeToken(token);
    if (position === undefined) {
      throw s3Errors.invalidArgument(
        'The continuation token provided is incorrect',
        'continuation-token',
        token,
      );
    }
    after = position;
  }
  const page = listKeys(Object.keys(call.bucket.objects), { prefix, delimiter, maxKeys, after });
  const enc = (s: string) => (encodingType === 'url' ? urlEncode(s) : s);
  const owner = { ID: canonicalUserId(call.bucket.ownerAccountId) };
  const contents = page.keys.map((key) => {
    const object = getOwn(call.bucket.objects, key);
    if (!object) throw new Error(`listed a missing key ${key}`);
    const entry: XmlNode = {
      Key: enc(key),
      LastModified: new Date(object.lastModified).toISOString(),
      ETag: object.etag,
      ChecksumAlgorithm: object.checksum.algorithm,
      ChecksumType: 'FULL_OBJECT',
      Size: object.size,
    };
    if (fetchOwner) entry.Owner = owner;
    entry.StorageClass = 'STANDARD';
    return entry;
  });
  const body: XmlNode = {
    Name: call.bucket.name,
    Prefix: enc(prefix),
    ContinuationToken: token,
    NextContinuationToken: page.isTruncated && page.last !== undefined ? encodeToken(page.last) : undefined,
    KeyCount: page.keys.length + page.commonPrefixes.length,
    MaxKeys: maxKeys,
    Delimiter: delimiter === undefined ? undefined : enc(delimiter),
    IsTruncated: page.isTruncated,
    Contents: contents,
    CommonPrefixes: page.commonPrefixes.map((p) => ({ Prefix: enc(p) })),
    EncodingType: encodingType,
    StartAfter: startAfter === undefined ? undefined : enc(startAfter),
  };
  return s3XmlResponse('ListBucketResult', body, call.ids);
}

/**
 * The bucket owner's canonical user id (64 hex characters). Derived from the account id so it is
 * stable without drawing randomness; it only has to look and behave like one.
 */
export function canonicalUserId(accountId: string): string {
  let out = '';
  let h = 2166136261;
  for (let i = 0; out.length < 64; i++) {
    h = Math.imul(h ^ (accountId.charCodeAt(i % accountId.length) + i), 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}
