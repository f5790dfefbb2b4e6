import { AwsError } from '../../core/errors';

/**
 * Cognito Sync's errors, with the HTTP status its service model gives each (cognito-sync 2014-06-30).
 * Messages marked (obs) were seen in real responses quoted in public bug reports; the others are our
 * wording (unv) because AWS never published them.
 */
export const syncErrors = {
  /** (obs) "Current SyncCount for: user is: 1 not: 0" (amazon-cognito-js #31, aws-sdk-android #3515). */
  staleSyncCount: (key: string, current: number, sent: number) =>
    new AwsError(
      'ResourceConflictException',
      `Current SyncCount for: ${key} is: ${current} not: ${sent}`,
      409,
    ),
  /** (obs) widdix/complete-aws-iam-reference #65. */
  badSessionToken: () =>
    new AwsError('InvalidParameterException', 'SyncSessionToken not valid for these inputs', 400),
  /** (obs) aws-sdk-php #494: another identity's path, or credentials of the wrong kind. */
  wrongIdentity: () =>
    new AwsError(
      'NotAuthorizedException',
      'These credentials are not valid for accessing this resource',
      403,
    ),
  /** (obs) aws-sdk-java #1912: IAM denies the action; note the code is not in the service model. */
  accessDenied: (message: string) => new AwsError('AccessDeniedException', message, 403),
  datasetNotFound: (name: string) =>
    new AwsError('ResourceNotFoundException', `Dataset '${name}' not found.`, 404),
  invalidParameter: (message: string) => new AwsError('InvalidParameterException', message, 400),
  limitExceeded: (message: string) => new AwsError('LimitExceededException', message, 400),
  tooManyRequests: () => new AwsError('TooManyRequestsException', 'Rate exceeded', 429),
};

/** AWS's documented default quotas (Cognito developer guide, "Quotas"; docs/aws-reference.md §9.2). */
export const SYNC_LIMITS = {
  datasetsPerIdentity: 20,
  recordsPerDataset: 1024,
  /** Bytes of keys plus values in one dataset. */
  datasetBytes: 1_048_576,
  maxRecordKeyLength: 1024,
  maxRecordValueLength: 1_048_575,
  /** Largest page ListRecords and ListDatasets return (unv: AWS does not publish its default). */
  maxResults: 1024,
  /** Lifetime of a SyncSessionToken (unv: the token is documented to carry an expiration, not its length). */
  sessionTokenLifetimeMs: 60 * 60 * 1000,
} as const;
