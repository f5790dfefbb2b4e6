/**
 * S3's REST-XML protocol: the verb, path and query name the operation; replies are XML documents in
 * the `http://s3.amazonaws.com/doc/2006-03-01/` namespace or bare headers. This module holds the one
 * renderer of an S3 error (used by the `rest-xml` protocol at dispatch): `<Error><Code/><Message/>[<Key/>|<BucketName/>…]<RequestId/><HostId/></Error>`
 * with the request's `x-amz-request-id` and `x-amz-id-2` (S3 API reference, "Error responses").
 * A HEAD request's error has no body: clients only see the status.
 */
import type { AwsError } from '../core/errors';
import { type XmlNode, toXml, xmlDocument } from './xml';

export const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

/** The pair of ids every S3 reply carries: `x-amz-request-id` and `x-amz-id-2` (the HostId). */
export interface S3RequestIds {
  requestId: string;
  hostId: string;
}

export function s3IdHeaders(ids: S3RequestIds): Record<string, string> {
  return { 'x-amz-request-id': ids.requestId, 'x-amz-id-2': ids.hostId };
}

/** A successful XML reply such as `ListBucketResult`. */
export function s3XmlResponse(root: string, body: XmlNode, ids: S3RequestIds, status = 200): Response {
  return new Response(xmlDocument(root, S3_NAMESPACE, body), {
    status,
    headers: { 'content-type': 'application/xml', ...s3IdHeaders(ids) },
  });
}

/** The S3 error document (no namespace on `<Error>`, as S3 writes it). */
export function s3ErrorXml(error: AwsError, ids: S3RequestIds): string {
  const node: XmlNode = { Code: error.code, Message: error.message };
  for (const [name, value] of Object.entries(error.extra)) node[name] = value;
  node.RequestId = ids.requestId;
  node.HostId = ids.hostId;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${toXml(node)}</Error>`;
}

export function renderS3Error(error: AwsError, ids: S3RequestIds, method: string): Response {
  const headers: Record<string, string> = s3IdHeaders(ids);
  if (method === 'HEAD') return new Response(null, { status: error.statusCode, headers });
  headers['content-type'] = 'application/xml';
  return new Response(s3ErrorXml(error, ids), { status: error.statusCode, headers });
}
