/**
 * PutObject (S3 API reference) with S3's integrity checks: `x-amz-content-sha256` against the body,
 * `Content-MD5`, and the additional checksums ("Checking object integrity", S3 User Guide) sent as an
 * `x-amz-checksum-*` header or an aws-chunked trailer. An upload without any checksum gets the
 * CRC64NVME that S3 computes by default. The ETag is the quoted MD5 of the body.
 */
import { createDict, getOwn, setOwn } from '../../core/dict';
import { s3IdHeaders } from '../../protocol/rest-xml';
import { decodeAwsChunked } from './aws-chunked';
import { fromBase64, toBase64 } from './bytes';
import { objectArn, requireAllowed, type S3Call } from './call';
import {
  CHECKSUM_ALGORITHMS,
  CHECKSUM_LENGTH,
  type ChecksumAlgorithm,
  checksumDisplayName,
  checksumHeader,
  computeChecksum,
  parseChecksumAlgorithm,
} from './checksums';
import { s3Errors } from './errors';
import { etagOf, md5, toHex } from './md5';
import type { S3Object } from './state';

/** Representation headers S3 stores with the object and returns on GET/HEAD. */
export const STORED_HEADERS = ['cache-control', 'content-disposition', 'content-language', 'expires'];

const MAX_KEY_BYTES = 1024;

function isAwsChunked(headers: Headers): boolean {
  return (headers.get('content-encoding') ?? '').split(',').some((e) => e.trim() === 'aws-chunked');
}

/** The body as stored, and the checksum values the client sent (header or trailer). */
function readPayload(call: S3Call): { data: Uint8Array; sent: Partial<Record<ChecksumAlgorithm, string>> } {
  const sent: Partial<Record<ChecksumAlgorithm, string>> = {};
  for (const algorithm of CHECKSUM_ALGORITHMS) {
    const value = call.headers.get(checksumHeader(algorithm));
    if (value !== null) sent[algorithm] = value;
  }
  if (!isAwsChunked(call.headers)) return { data: call.body, sent };
  const decoded = decodeAwsChunked(call.body);
  const declared = call.headers.get('x-amz-decoded-content-length');
  if (declared !== null && Number(declared) !== decoded.data.length) {
    throw s3Errors.incompleteBody();
  }
  for (const algorithm of CHECKSUM_ALGORITHMS) {
    const value = getOwn(decoded.trailers, checksumHeader(algorithm));
    if (value !== undefined) sent[algorithm] = value;
  }
  return { data: decoded.data, sent };
}

async function verifyContentSha256(call: S3Call, data: Uint8Array): Promise<void> {
  const claimed = call.headers.get('x-amz-content-sha256');
  if (!claimed || !/^[0-9a-f]{64}$/i.test(claimed)) return; // UNSIGNED-PAYLOAD, STREAMING-… and absent are not hashes
  const actual = toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', data as BufferSource)));
  if (actual !== claimed.toLowerCase()) throw s3Errors.contentSha256Mismatch(claimed, actual);
}

function verifyContentMd5(call: S3Call, data: Uint8Array): void {
  const header = call.headers.get('content-md5');
  if (header === null) return;
  const digest = fromBase64(header);
  if (digest?.length !== 16) throw s3Errors.invalidDigest();
  if (toBase64(md5(data)) !== header)
    throw s3Errors.badDigest('The Content-MD5 you specified did not match what we received.');
}

/** Validates the client's additional checksum, or computes S3's default CRC64NVME. */
async function resolveChecksum(
  call: S3Call,
  data: Uint8Array,
  sent: Partial<Record<ChecksumAlgorithm, string>>,
) {
  const sdkHeader = call.headers.get('x-amz-sdk-checksum-algorithm');
  const sdkAlgorithm = sdkHeader === null ? undefined : parseChecksumAlgorithm(sdkHeader);
  if (sdkHeader !== null && !sdkAlgorithm)
    throw s3Errors.invalidRequest('Value for x-amz-sdk-checksum-algorithm header is invalid.');
  const given = Object.keys(sent) as ChecksumAlgorithm[];
  if (given.length > 1)
    throw s3Errors.invalidRequest(
      'Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.',
    );
  const algorithm = given[0];
  if (sdkAlgorithm && !algorithm) {
    throw s3Errors.invalidRequest(
      'x-amz-sdk-checksum-algorithm specified, but no corresponding x-amz-checksum-* or x-amz-trailer headers were found.',
    );
  }
  if (!algorithm) return { algorithm: 'CRC64NVME' as const, value: await computeChecksum('CRC64NVME', data) };
  const value = sent[algorithm] as string;
  const raw = fromBase64(value);
  if (raw?.length !== CHECKSUM_LENGTH[algorithm])
    throw s3Errors.invalidRequest(`Value for ${checksumHeader(algorithm)} header is invalid.`);
  const actual = await computeChecksum(algorithm, data);
  // The S3 model documents BadDigest both for a wrong value and for an algorithm header that names another algorithm.
  if (actual !== value || (sdkAlgorithm && sdkAlgorithm !== algorithm)) {
    throw s3Errors.badDigest(
      `The ${checksumDisplayName(algorithm)} you specified did not match the calculated checksum.`,
    );
  }
  return { algorithm, value };
}

/**
 * "Within the PUT request header, the user-defined metadata is limited to 2 KB in size. The size of
 * user-defined metadata is measured by taking the sum of the number of bytes in the UTF-8 encoding of
 * each key and value" (S3 User Guide, UsingMetadata.html). Header strings hold one character per byte
 * received, so their lengths are the byte counts; keys are counted without the `x-amz-meta-` prefix.
 */
const MAX_USER_METADATA_BYTES = 2048;
function checkMetadataSize(headers: Headers): void {
  let size = 0;
  headers.forEach((value, name) => {
    if (name.startsWith('x-amz-meta-')) size += name.length - 'x-amz-meta-'.length + value.length;
  });
  if (size > MAX_USER_METADATA_BYTES) throw s3Errors.metadataTooLarge(size, MAX_USER_METADATA_BYTES);
}

export async function putObject(call: S3Call, key: string): Promise<Response> {
  if (new TextEncoder().encode(key).length > MAX_KEY_BYTES) throw s3Errors.keyTooLong();
  requireAllowed(call, 's3:PutObject', objectArn(call.bucket.name, key));
  checkMetadataSize(call.headers);
  const { data, sent } = readPayload(call);
  if (!isAwsChunked(call.headers)) await verifyContentSha256(call, data);
  verifyContentMd5(call, data);
  const checksum = await resolveChecksum(call, data, sent);

  const metadata = createDict<string>();
  const headers = createDict<string>();
  call.headers.forEach((value, name) => {
    if (name.startsWith('x-amz-meta-')) setOwn(metadata, name.slice('x-amz-meta-'.length), value);
    if (STORED_HEADERS.includes(name)) setOwn(headers, name, value);
  });
  const encoding = (call.headers.get('content-encoding') ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e && e !== 'aws-chunked')
    .join(',');
  if (encoding) headers['content-encoding'] = encoding;

  const object: S3Object = {
    body: toBase64(data),
    size: data.length,
    etag: etagOf(data),
    // S3 stores binary/octet-stream when the upload names no type.
    contentType: call.headers.get('content-type') ?? 'binary/octet-stream',
    lastModified: call.ctx.world.now(),
    metadata,
    headers,
    checksum,
  };
  setOwn(call.bucket.objects, key, object);
  call.ctx.emit('state', `s3://${call.bucket.name}/${key} stored (${data.length} bytes)`, {
    bucket: call.bucket.name,
    key,
    size: data.length,
    etag: object.etag,
    checksum,
  });
  return new Response(null, {
    status: 200,
    headers: {
      ...s3IdHeaders(call.ids),
      etag: object.etag,
      'x-amz-server-side-encryption': 'AES256',
      [checksumHeader(checksum.algorithm)]: checksum.value,
      'x-amz-checksum-type': 'FULL_OBJECT',
      'content-length': '0',
    },
  });
}
