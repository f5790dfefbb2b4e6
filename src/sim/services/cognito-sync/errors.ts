import { errorFactory } from '../../core/errors';

/**
 * Cognito Sync's errors, with the HTTP status its service model gives each (cognito-sync 2014-06-30,
 * the @aws-sdk/client-cognito-sync model; docs/aws-reference.md §9). Messages marked (obs) were seen in
 * real responses quoted in public bug reports; the others are our wording (unv) because AWS never
 * published them.
 */
export const COGNITO_SYNC_ERRORS = {
  AlreadyStreamedException: { status: 400, fault: 'Sender' },
  ConcurrentModificationException: { status: 400, fault: 'Sender' },
  DuplicateRequestException: { status: 400, fault: 'Sender' },
  InternalErrorException: { status: 500, fault: 'Receiver' },
  InvalidConfigurationException: { status: 400, fault: 'Sender' },
  InvalidLambdaFunctionOutputException: { status: 400, fault: 'Sender' },
  InvalidParameterException: { status: 400, fault: 'Sender' },
  LambdaThrottledException: { status: 429, fault: 'Sender' },
  LimitExceededException: { status: 400, fault: 'Sender' },
  NotAuthorizedException: { status: 403, fault: 'Sender' },
  ResourceConflictException: { status: 409, fault: 'Sender' },
  ResourceNotFoundException: { status: 404, fault: 'Sender' },
  TooManyRequestsException: { status: 429, fault: 'Sender' },
  /** Not in the model: IAM's denial, as observed (aws-sdk-java #1912). */
  AccessDeniedException: { status: 403, fault: 'Sender' },
  /** Not in the model: the REST front end's answer to a method and path no operation has. */
  UnknownOperationException: { status: 404, fault: 'Sender' },
} as const;
export type CognitoSyncErrorCode = keyof typeof COGNITO_SYNC_ERRORS;

const syncError = errorFactory(COGNITO_SYNC_ERRORS);

export const syncErrors = {
  /** (obs) "Current SyncCount for: user is: 1 not: 0" (amazon-cognito-js #31, aws-sdk-android #3515). */
  staleSyncCount: (key: string, current: number, sent: number) =>
    syncError('ResourceConflictException', `Current SyncCount for: ${key} is: ${current} not: ${sent}`),
  /** (obs) widdix/complete-aws-iam-reference #65. */
  badSessionToken: () =>
    syncError('InvalidParameterException', 'SyncSessionToken not valid for these inputs'),
  /** (obs) aws-sdk-php #494: another identity's path, or credentials of the wrong kind. */
  wrongIdentity: () =>
    syncError('NotAuthorizedException', 'These credentials are not valid for accessing this resource'),
  /** (obs) aws-sdk-java #1912: IAM denies the action; note the code is not in the service model. */
  accessDenied: (message: string) => syncError('AccessDeniedException', message),
  datasetNotFound: (name: string) => syncError('ResourceNotFoundException', `Dataset '${name}' not found.`),
  invalidParameter: (message: string) => syncError('InvalidParameterException', message),
  limitExceeded: (message: string) => syncError('LimitExceededException', message),
  tooManyRequests: () => syncError('TooManyRequestsException', 'Rate exceeded'),
  unknownOperation: (message: string) => syncError('UnknownOperationException', message),
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
