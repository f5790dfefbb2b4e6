/**
 * S3's error codes as named constructors (S3 API reference, "Error responses" list), with the extra
 * elements S3 puts in the `<Error>` document (`Key`, `BucketName`, `ArgumentName` …).
 */
import { AwsError } from '../../core/errors';

export const s3Errors = {
  accessDenied: (message = 'Access Denied') => new AwsError('AccessDenied', message, 403),
  noSuchBucket: (bucket: string) =>
    new AwsError('NoSuchBucket', 'The specified bucket does not exist', 404, 'Sender', {
      BucketName: bucket,
    }),
  noSuchKey: (key: string) =>
    new AwsError('NoSuchKey', 'The specified key does not exist.', 404, 'Sender', { Key: key }),
  invalidArgument: (message: string, name: string, value: string) =>
    new AwsError('InvalidArgument', message, 400, 'Sender', { ArgumentName: name, ArgumentValue: value }),
  invalidRequest: (message: string) => new AwsError('InvalidRequest', message, 400),
  badDigest: (message: string) => new AwsError('BadDigest', message, 400),
  invalidDigest: () => new AwsError('InvalidDigest', 'The Content-MD5 you specified was invalid.', 400),
  contentSha256Mismatch: (clientHash: string, computed: string) =>
    new AwsError(
      'XAmzContentSHA256Mismatch',
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
      400,
      'Sender',
      {
        ClientComputedContentSHA256: clientHash,
        S3ComputedContentSHA256: computed,
      },
    ),
  methodNotAllowed: (method: string, resourceType: 'OBJECT' | 'BUCKET' | 'SERVICE') =>
    new AwsError(
      'MethodNotAllowed',
      'The specified method is not allowed against this resource.',
      405,
      'Sender',
      {
        Method: method,
        ResourceType: resourceType,
      },
    ),
  /** Not an S3 message: the simulation says plainly that it does not model this operation. */
  notImplemented: () =>
    new AwsError(
      'NotImplemented',
      'Identity Atlas simulates only GetObject, PutObject, DeleteObject, HeadObject and ListObjectsV2.',
      501,
      'Receiver',
    ),
  incompleteBody: () =>
    new AwsError(
      'IncompleteBody',
      'You did not provide the number of bytes specified by the Content-Length HTTP header.',
      400,
    ),
  keyTooLong: () => new AwsError('KeyTooLongError', 'Your key is too long', 400),
  /** Over 2 KB of user metadata (observed wording and elements: minio-py#1265, versity/versitygw#2086). */
  metadataTooLarge: (size: number, max: number) =>
    new AwsError(
      'MetadataTooLarge',
      'Your metadata headers exceed the maximum allowed metadata size.',
      400,
      'Sender',
      {
        Size: String(size),
        MaxSizeAllowed: String(max),
      },
    ),
  permanentRedirect: (bucket: string, endpoint: string) =>
    new AwsError(
      'PermanentRedirect',
      'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
      301,
      'Sender',
      { Endpoint: endpoint, Bucket: bucket },
    ),
};
