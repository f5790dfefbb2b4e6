import type { Caller } from '../../auth/caller';
import type { RequestContext } from '../../core/service';
import type { S3RequestIds } from '../../protocol/rest-xml';
import { accessDeniedMessage } from '../../iam/evaluate';
import { authorize } from './authorize';
import { s3Errors } from './errors';
import type { S3Bucket } from './state';

/** Everything an S3 operation needs, parsed once by the handler (operations never touch the wire). */
export interface S3Call {
  ctx: RequestContext;
  method: string;
  url: URL;
  headers: Headers;
  ids: S3RequestIds;
  /** undefined for an anonymous request. */
  caller: Caller | undefined;
  bucket: S3Bucket;
  key?: string;
  /** The request body, already read (and still aws-chunked encoded if it was sent that way). */
  body: Uint8Array;
}

export const bucketArn = (bucket: string) => `arn:aws:s3:::${bucket}`;
export const objectArn = (bucket: string, key: string) => `arn:aws:s3:::${bucket}/${key}`;

/**
 * Authorises `action` on `resource` or throws S3's AccessDenied. Since 2024 S3 explains the denial
 * for requests within the bucket owner's account ("User: … is not authorized to perform: s3:GetObject
 * on resource: \"arn:aws:s3:::b/k\" because no identity-based policy allows the s3:GetObject action");
 * anonymous and cross-account callers still get the bare "Access Denied".
 */
export function requireAllowed(
  call: S3Call,
  action: string,
  resource: string,
  serviceContext = {},
  explain = true,
): void {
  const result = authorize(call.ctx, {
    caller: call.caller,
    action,
    resource,
    resourceAccountId: call.bucket.ownerAccountId,
    resourcePolicy: call.bucket.policy
      ? { name: 'bucket policy', arn: bucketArn(call.bucket.name), document: call.bucket.policy }
      : undefined,
    serviceContext,
    url: call.url,
    userAgent: call.headers.get('user-agent'),
  });
  if (result.decision === 'Allow') return;
  const caller = call.caller;
  if (!explain || !caller || caller.accountId !== call.bucket.ownerAccountId) throw s3Errors.accessDenied();
  throw s3Errors.accessDenied(accessDeniedMessage(caller.arn, action, resource, result));
}

/** True when `action` would be allowed (used where S3 hides whether a key exists). */
export function isAllowed(call: S3Call, action: string, resource: string, serviceContext = {}): boolean {
  try {
    requireAllowed(call, action, resource, serviceContext, false);
    return true;
  } catch {
    return false;
  }
}
