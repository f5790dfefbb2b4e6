/**
 * S3's front door: find the bucket and key in the URL, authenticate the signature (header or
 * presigned query) or treat the request as anonymous, then dispatch on verb and query to the
 * operation. Failures are thrown; the dispatch renders them as S3's XML error (protocol/rest-xml.ts).
 */
import { getOwn } from '../../core/dict';
import { authenticateIfSigned } from '../../auth/authenticate';
import type { RequestContext } from '../../core/service';
import type { S3RequestIds } from '../../protocol/rest-xml';
import { parseS3Address } from './addressing';
import type { S3Call } from './call';
import { s3Errors } from './errors';
import { deleteObject, getObject, headObject } from './get-object';
import { listObjectsV2 } from './list-objects';
import { putObject } from './put-object';

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
  // The HostId was drawn before dispatch (s3Route.newExtendedRequestId), so error replies carry it too.
  const ids: S3RequestIds = { requestId: ctx.requestId, hostId: ctx.extendedRequestId ?? '' };
  const method = request.method.toUpperCase();
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
    throw s3Errors.permanentRedirect(bucket.name, endpoint, ctx.world.region);
  }
  const body =
    method === 'PUT' || method === 'POST' ? new Uint8Array(await request.arrayBuffer()) : new Uint8Array();
  return dispatch({
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
}
