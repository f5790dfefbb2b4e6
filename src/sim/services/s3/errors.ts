/**
 * S3's error codes (S3 API reference, "Error responses" list; statuses as that list and the
 * @aws-sdk/client-s3 model give them), with named constructors that add the extra elements S3 puts in
 * the `<Error>` document (`Key`, `BucketName`, `ArgumentName` …).
 */
import { errorFactory } from '../../core/errors';

export const S3_ERRORS = {
  AccessDenied: { status: 403, fault: 'Sender' },
  AuthorizationHeaderMalformed: { status: 400, fault: 'Sender' },
  AuthorizationQueryParametersError: { status: 400, fault: 'Sender' },
  BadDigest: { status: 400, fault: 'Sender' },
  ExpiredToken: { status: 400, fault: 'Sender' },
  IncompleteBody: { status: 400, fault: 'Sender' },
  InvalidArgument: { status: 400, fault: 'Sender' },
  InvalidDigest: { status: 400, fault: 'Sender' },
  InvalidRange: { status: 416, fault: 'Sender' },
  InvalidRequest: { status: 400, fault: 'Sender' },
  InvalidToken: { status: 400, fault: 'Sender' },
  KeyTooLongError: { status: 400, fault: 'Sender' },
  MetadataTooLarge: { status: 400, fault: 'Sender' },
  MethodNotAllowed: { status: 405, fault: 'Sender' },
  NoSuchBucket: { status: 404, fault: 'Sender' },
  NoSuchKey: { status: 404, fault: 'Sender' },
  NotImplemented: { status: 501, fault: 'Receiver' },
  PermanentRedirect: { status: 301, fault: 'Sender' },
  SignatureDoesNotMatch: { status: 403, fault: 'Sender' },
  XAmzContentSHA256Mismatch: { status: 400, fault: 'Sender' },
} as const;
export type S3ErrorCode = keyof typeof S3_ERRORS;

const s3Error = errorFactory(S3_ERRORS);

export const s3Errors = {
  accessDenied: (message = 'Access Denied') => s3Error('AccessDenied', message),
  noSuchBucket: (bucket: string) =>
    s3Error('NoSuchBucket', 'The specified bucket does not exist', { extra: { BucketName: bucket } }),
  noSuchKey: (key: string) =>
    s3Error('NoSuchKey', 'The specified key does not exist.', { extra: { Key: key } }),
  invalidArgument: (message: string, name: string, value: string) =>
    s3Error('InvalidArgument', message, { extra: { ArgumentName: name, ArgumentValue: value } }),
  invalidRequest: (message: string) => s3Error('InvalidRequest', message),
  badDigest: (message: string) => s3Error('BadDigest', message),
  invalidDigest: () => s3Error('InvalidDigest', 'The Content-MD5 you specified was invalid.'),
  contentSha256Mismatch: (clientHash: string, computed: string) =>
    s3Error(
      'XAmzContentSHA256Mismatch',
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
      {
        extra: { ClientComputedContentSHA256: clientHash, S3ComputedContentSHA256: computed },
      },
    ),
  methodNotAllowed: (method: string, resourceType: 'OBJECT' | 'BUCKET' | 'SERVICE') =>
    s3Error('MethodNotAllowed', 'The specified method is not allowed against this resource.', {
      extra: { Method: method, ResourceType: resourceType },
    }),
  /** Not an S3 message: the simulation says plainly that it does not model this operation. */
  notImplemented: () =>
    s3Error(
      'NotImplemented',
      'Identity Atlas simulates only GetObject, PutObject, DeleteObject, HeadObject and ListObjectsV2.',
    ),
  incompleteBody: () =>
    s3Error(
      'IncompleteBody',
      'You did not provide the number of bytes specified by the Content-Length HTTP header.',
    ),
  /** An aws-chunked body that ends before its final chunk. */
  bodyTerminated: () => s3Error('IncompleteBody', 'The request body terminated unexpectedly'),
  keyTooLong: () => s3Error('KeyTooLongError', 'Your key is too long'),
  /** Over 2 KB of user metadata (observed wording and elements: minio-py#1265, versity/versitygw#2086). */
  metadataTooLarge: (size: number, max: number) =>
    s3Error('MetadataTooLarge', 'Your metadata headers exceed the maximum allowed metadata size.', {
      extra: { Size: String(size), MaxSizeAllowed: String(max) },
    }),
  /** A Range outside the object; `ActualObjectSize` is the object's length. */
  invalidRange: (rangeRequested: string, size: number) =>
    s3Error('InvalidRange', 'The requested range is not satisfiable', {
      extra: { RangeRequested: rangeRequested, ActualObjectSize: String(size) },
    }),
  /** The bucket lives in another Region; `x-amz-bucket-region` names the Region that answered. */
  permanentRedirect: (bucket: string, endpoint: string, region: string) =>
    s3Error(
      'PermanentRedirect',
      'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
      { extra: { Endpoint: endpoint, Bucket: bucket }, headers: { 'x-amz-bucket-region': region } },
    ),
};
