/**
 * S3's front door: find the bucket and key in the URL, authenticate the signature (header or
 * presigned query) or treat the request as anonymous, then dispatch on verb and query to the
 * operation. Every AwsError becomes S3's XML error here (and only here, via protocol/rest-xml.ts).
 */
import { createDict, getOwn } from '../../core/dict';
import { authenticateIfSigned } from '../../auth/authenticate';
import { isAwsError } from '../../core/errors';
import type { RequestContext } from '../../core/service';
import { restXmlProtocol } from '../../protocol/registry';
import type { S3RequestIds } from '../../protocol/rest-xml';
import { answerFailure } from '../../protocol/wire-protocol';
import { parseS3Address } from './addressing';
import { toBase64 } from './bytes';
import type { S3Call } from './call';
import { s3Errors } from './errors';
import { deleteObject, getObject, headObject } from './get-object';
import { listObjectsV2 } from './list-objects';
import { putObject } from './put-object';

/** `x-amz-id-2`: S3's extended request id, base64 of opaque bytes. */
function newHostId(ctx: RequestContext): string {
  return toBase64(ctx.world.random.bytes(57));
}

// Bucket sub-resources (`?acl`, `?policy`, `?location` …) are operations the simulation does not model.
const OBJECT_SUBRESOURCES = [
  'acl',
  'tagging',
  'retention',
  'legal-hold',
  'attributes',
  'torrent',
  'uploads',
  'uploadId',
  'restore',
  'select',
];
const BUCKET_SUBRESOURCES = [
  'acl',
  'policy',
  'location',
  'cors',
  'lifecycle',
  'versioning',
  'tagging',
  'website',
  'uploads',
  'versions',
  'delete',
  'encryption',
  'logging',
  'notification',
  'ownershipControls',
  'publicAccessBlock',
  'policyStatus',
  'replication',
  'requestPayment',
  'accelerate',
  'analytics',
  'inventory',
  'metrics',
  'object-lock',
  'intelligent-tiering',
];

async function dispatch(call: S3Call): Promise<Response> {
  const q = call.url.searchParams;
  const { method, key } = call;
  if (key !== undefined) {
    if (OBJECT_SUBRESOURCES.some((s) => q.has(s))) throw s3Errors.notImplemented();
    if (method === 'GET') return getObject(call, key);
    if (method === 'HEAD') return headObject(call, key);
    if (method === 'PUT') {
      if (call.headers.has('x-amz-copy-source')) throw s3Errors.notImplemented();
      return putObject(call, key);
    }
    if (method === 'DELETE') return deleteObject(call, key);
    if (method === 'POST') throw s3Errors.notImplemented();
    throw s3Errors.methodNotAllowed(method, 'OBJECT');
  }
  if (BUCKET_SUBRESOURCES.some((s) => q.has(s))) throw s3Errors.notImplemented();
  if (method === 'GET' && q.get('list-type') === '2') return listObjectsV2(call);
  throw s3Errors.notImplemented();
}

export async function handleS3(request: Request, ctx: RequestContext): Promise<Response> {
  const url = new URL(request.url);
  const ids: S3RequestIds = { requestId: ctx.requestId, hostId: newHostId(ctx) };
  const method = request.method.toUpperCase();
  try {
    const address = parseS3Address(url);
    if (!address) throw s3Errors.notImplemented();
    ctx.emit('request', `S3 ${method} ${address.bucket ?? ''}/${address.key ?? ''} (${address.style})`, {
      bucket: address.bucket,
      key: address.key,
      style: address.style,
      endpoint: address.endpoint,
    });
    // A request with neither an Authorization header nor X-Amz-* query parameters is anonymous:
    // S3 evaluates it against the bucket policy as the anonymous principal.
    // The check reads the body (payload hash), so it gets a copy; a body-less GET needs none.
    const unread = request.body === null ? request : request.clone();
    const caller = await authenticateIfSigned(unread, ctx, { service: 's3', dialect: 's3' });
    if (!caller)
      ctx.emit('auth.anonymous', 'No signature: the request is evaluated as the anonymous principal', {});
    if (!address.bucket) throw s3Errors.notImplemented(); // ListBuckets is not simulated
    const bucket = getOwn(ctx.world.state.s3.buckets, address.bucket);
    if (!bucket) throw s3Errors.noSuchBucket(address.bucket);
    if (bucket.region !== address.region) {
      const endpoint =
        address.style === 'virtual-hosted'
          ? `${bucket.name}.s3.${bucket.region}.amazonaws.com`
          : `s3.${bucket.region}.amazonaws.com`;
      throw s3Errors.permanentRedirect(bucket.name, endpoint);
    }
    const body =
      method === 'PUT' || method === 'POST' ? new Uint8Array(await request.arrayBuffer()) : new Uint8Array();
    return await dispatch({
      ctx,
      method,
      url,
      headers: request.headers,
      ids,
      caller,
      bucket,
      key: address.key,
      body,
    });
  } catch (error) {
    const extraHeaders = createDict<string>();
    if (isAwsError(error) && error.code === 'PermanentRedirect') extraHeaders['x-amz-bucket-region'] = ctx.world.region;
    return answerFailure(restXmlProtocol, error, { ctx, method, s3Ids: ids, extraHeaders });
  }
}
