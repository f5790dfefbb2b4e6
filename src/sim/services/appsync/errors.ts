/**
 * AppSync's errors, all AwsErrors, of two kinds:
 * - request-level refusals (no or bad credentials, a body that is not a GraphQL request): thrown, and
 *   answered at dispatch by the `appsync-graphql` protocol as an HTTP error with
 *   `{"errors":[{"errorType","message"}]}`;
 * - field errors (`graphql` set): thrown by a resolver, they become an entry of a 200 answer's `errors`
 *   with `errorType` (the code), `errorInfo` and, for conflicts, the server's item in `data` (AppSync puts
 *   these at the top level of the entry, not under `extensions`; services/appsync/execute.ts).
 * The status of a field error is never sent: the table gives 200, the status of the answer carrying it.
 */
import { AwsError, errorFactory } from '../../core/errors';

export const APPSYNC_ERRORS = {
  UnauthorizedException: { status: 401, fault: 'Sender' },
  MalformedHttpRequestException: { status: 400, fault: 'Sender' },
  NotFoundException: { status: 404, fault: 'Sender' },
  Unauthorized: { status: 200, fault: 'Sender' },
  ConflictUnhandled: { status: 200, fault: 'Sender' },
  'DynamoDB:ConditionalCheckFailedException': { status: 200, fault: 'Sender' },
  'DynamoDB:DynamoDbException': { status: 200, fault: 'Sender' },
  'DynamoDB:UserIllegalArgumentException': { status: 200, fault: 'Sender' },
  QueryDepthLimitReached: { status: 200, fault: 'Sender' },
  ResolverExecutionLimitReached: { status: 200, fault: 'Sender' },
} as const;
export type AppSyncErrorCode = keyof typeof APPSYNC_ERRORS;

const appsyncError = errorFactory(APPSYNC_ERRORS);
const fieldError = (code: AppSyncErrorCode, message: string, data: unknown = null, info: unknown = null) =>
  appsyncError(code, message, { graphql: { data, info } });

export const appsyncErrors = {
  /** A request-level refusal of the credentials (401); `code` is the auth failure's own code when SigV4 failed. */
  unauthorized: (message: string) => appsyncError('UnauthorizedException', message),
  /**
   * A SigV4 failure, refused in the signature check's own code and words; AppSync sends the 400s of
   * that check as 401 (the other statuses as they are).
   */
  signatureRefused: (failure: AwsError) =>
    new AwsError(failure.code, failure.message, {
      status: failure.statusCode === 400 ? 401 : failure.statusCode,
    }),
  notFound: () => appsyncError('NotFoundException', 'Not Found'),
  malformedRequest: () =>
    appsyncError('MalformedHttpRequestException', 'Invalid JSON payload in POST request.'),
  unauthorizedField: (field: string, type: string) =>
    fieldError('Unauthorized', `Not Authorized to access ${field} on type ${type}`),
  conflictUnhandled: (server: unknown) =>
    fieldError('ConflictUnhandled', 'Conflict resolver rejects mutation.', server),
  /** The DynamoDB condition behind a write failed; `existing` is the item that made it fail. */
  conditionalCheckFailed: (existing: unknown) =>
    fieldError('DynamoDB:ConditionalCheckFailedException', 'The conditional request failed', existing),
  dynamoDbException: (message: string) => fieldError('DynamoDB:DynamoDbException', message),
  dynamoDbIllegalArgument: (message: string) => fieldError('DynamoDB:UserIllegalArgumentException', message),
  queryDepthLimitReached: (limit: number) =>
    fieldError('QueryDepthLimitReached', `Query depth limit of ${limit} reached.`),
  resolverExecutionLimitReached: (limit: number) =>
    fieldError('ResolverExecutionLimitReached', `Resolver execution limit of ${limit} reached.`),
};
