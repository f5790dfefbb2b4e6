/**
 * GetObject, HeadObject and DeleteObject (S3 API reference). A missing key is NoSuchKey (404) only
 * for callers allowed `s3:ListBucket`; everyone else gets AccessDenied (403), so that a denied caller
 * cannot probe which keys exist (S3 User Guide, GetObject "Permissions").
 */
import { deleteOwn, getOwn } from '../../core/dict';
import { httpDate } from '../../core/time';
import { s3IdHeaders } from '../../protocol/rest-xml';
import { fromBase64 } from './bytes';
import { bucketArn, isAllowed, objectArn, requireAllowed, type S3Call } from './call';
import { checksumHeader } from './checksums';
import { s3Errors } from './errors';
import type { S3Object } from './state';

/** `response-*` query parameters that override the stored headers on GET (not for anonymous requests). */
const RESPONSE_OVERRIDES: Record<string, string> = {
  'response-content-type': 'content-type',
  'response-content-language': 'content-language',
  'response-expires': 'expires',
  'response-cache-control': 'cache-control',
  'response-content-disposition': 'content-disposition',
  'response-content-encoding': 'content-encoding',
};

function findObject(call: S3Call, key: string, action: string): S3Object {
  requireAllowed(call, action, objectArn(call.bucket.name, key));
  const object = getOwn(call.bucket.objects, key);
  if (object) return object;
  if (isAllowed(call, 's3:ListBucket', bucketArn(call.bucket.name))) throw s3Errors.noSuchKey(key);
  throw s3Errors.accessDenied();
}

function objectHeaders(call: S3Call, object: S3Object): Record<string, string> {
  const headers: Record<string, string> = {
    ...s3IdHeaders(call.ids),
    'last-modified': httpDate(object.lastModified),
    etag: object.etag,
    'x-amz-server-side-encryption': 'AES256',
    'accept-ranges': 'bytes',
    'content-type': object.contentType,
    ...object.headers,
  };
  for (const [name, value] of Object.entries(object.metadata)) headers[`x-amz-meta-${name}`] = value;
  // Stored checksums come back only when the client asks (ChecksumMode=ENABLED, which SDK v3 sends by default).
  if ((call.headers.get('x-amz-checksum-mode') ?? '').toUpperCase() === 'ENABLED') {
    headers[checksumHeader(object.checksum.algorithm)] = object.checksum.value;
    headers['x-amz-checksum-type'] = 'FULL_OBJECT';
  }
  return headers;
}

/** A single `bytes=` range, as [start, endInclusive], or undefined for the whole object. */
function parseRange(header: string | null, size: number): [number, number] | undefined {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined; // S3 ignores a Range it cannot parse
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) {
    throw s3Errors.invalidRange(header, size);
  }
  return [start, end];
}

export function getObject(call: S3Call, key: string): Response {
  const object = findObject(call, key, 's3:GetObject');
  const headers = objectHeaders(call, object);
  for (const [param, header] of Object.entries(RESPONSE_OVERRIDES)) {
    const value = call.url.searchParams.get(param);
    if (value === null) continue;
    if (!call.caller)
      throw s3Errors.invalidRequest(
        'Request specific response headers cannot be used for anonymous GET requests.',
      );
    headers[header] = value;
  }
  const data = fromBase64(object.body) ?? new Uint8Array();
  const range = parseRange(call.headers.get('range'), data.length);
  if (range) {
    const [start, end] = range;
    headers['content-range'] = `bytes ${start}-${end}/${data.length}`;
    headers['content-length'] = String(end - start + 1);
    // A partial body has no full-object checksum to validate against.
    for (const name of Object.keys(headers)) if (name.startsWith('x-amz-checksum-')) delete headers[name];
    return new Response(data.slice(start, end + 1) as BodyInit, { status: 206, headers });
  }
  headers['content-length'] = String(data.length);
  return new Response(data as BodyInit, { status: 200, headers });
}

export function headObject(call: S3Call, key: string): Response {
  const object = findObject(call, key, 's3:GetObject');
  const headers = objectHeaders(call, object);
  headers['content-length'] = String(object.size);
  return new Response(null, { status: 200, headers });
}

/** S3 answers 204 whether or not the key existed (without versioning nothing else is observable). */
export function deleteObject(call: S3Call, key: string): Response {
  requireAllowed(call, 's3:DeleteObject', objectArn(call.bucket.name, key));
  if (deleteOwn(call.bucket.objects, key)) {
    call.ctx.emit('state', `s3://${call.bucket.name}/${key} deleted`, { bucket: call.bucket.name, key });
  }
  return new Response(null, { status: 204, headers: s3IdHeaders(call.ids) });
}
