import { GraphQLError } from 'graphql';

/**
 * A resolver-level failure as AppSync reports it: an entry in the response's `errors` array with
 * `errorType`, `errorInfo` and, for conflicts, the server's item in `data` (AppSync puts these at the
 * top level of the error entry, not under `extensions`).
 */
export class AppSyncFieldError extends GraphQLError {
  readonly errorType: string;
  readonly errorData: unknown;
  readonly errorInfo: unknown;
  constructor(errorType: string, message: string, data: unknown = null, info: unknown = null) {
    super(message);
    this.errorType = errorType;
    this.errorData = data;
    this.errorInfo = info;
  }
}

export const unauthorizedField = (field: string, type: string) =>
  new AppSyncFieldError('Unauthorized', `Not Authorized to access ${field} on type ${type}`);

/** HTTP-level refusal (the whole request), e.g. 401 UnauthorizedException. */
export class AppSyncRequestError extends Error {
  readonly status: number;
  readonly errorType: string;
  constructor(status: number, errorType: string, message: string) {
    super(message);
    this.status = status;
    this.errorType = errorType;
  }
}
