/**
 * The one error type every simulated service throws. Handlers throw it anywhere; the dispatch
 * (`cloud.ts`) catches it once, records it in the trace and renders it in the route's protocol
 * (`protocol/registry.ts`: JSON 1.1 `__type`, Query `<ErrorResponse>`, S3 `<Error>`, REST-JSON
 * `x-amzn-ErrorType`, AppSync's `errors` array, API Gateway's gateway response). Anything else thrown
 * becomes the protocol's 500 internal failure. Each service's `errors.ts` holds its codes as an
 * `as const` table (code → HTTP status and fault) and the named constructors call sites use.
 */
export type Fault = 'Sender' | 'Receiver';

/** How an error is sent: HTTP status (default 400), fault (default Sender), protocol-specific fields. */
export interface AwsErrorOptions {
  status?: number;
  fault?: Fault;
  /** Extra protocol-specific fields (e.g. S3's `<Key>`, `<BucketName>`). Rendered by the protocol. */
  extra?: Record<string, string>;
  /** Headers the error reply carries besides the protocol's own (S3's `x-amz-bucket-region` on a redirect). */
  headers?: Record<string, string>;
  /**
   * A GraphQL field error (AppSync): the error becomes an entry of the answer's `errors` array, with
   * `data` (a conflict's server item) and `errorInfo` beside `errorType` (the code) and `message`.
   */
  graphql?: { data?: unknown; info?: unknown };
}

/** What a service's code table records for each code: the status it is sent with and its fault. */
export interface ErrorShape {
  readonly status: number;
  readonly fault: Fault;
}

export class AwsError extends Error {
  readonly code: string;
  readonly statusCode: number;
  readonly fault: Fault;
  /** Extra protocol-specific fields (e.g. S3's `<Key>`, `<BucketName>`). Rendered by the adapter. */
  readonly extra: Record<string, string>;
  /** Headers added to the error reply. */
  readonly headers: Record<string, string>;
  /** Set when the error is a GraphQL field error (AppSync); see AwsErrorOptions.graphql. */
  readonly graphql?: { data: unknown; info: unknown };
  /** A GraphQL field error's `errorType`, AppSync's name for the code (set with `graphql`). */
  readonly errorType?: string;

  /**
   * @example
   * new AwsError('NoSuchBucket', 'The specified bucket does not exist', { status: 404, extra: { BucketName: name } })
   *
   * Outside the `errors.ts` files, build errors with the service's named constructors
   * (`s3Errors.noSuchBucket(name)`); core/errors-scan.test.ts keeps it that way.
   */
  constructor(code: string, message: string, options: AwsErrorOptions = {}) {
    super(message);
    this.name = 'AwsError';
    this.code = code;
    this.statusCode = options.status ?? 400;
    this.fault = options.fault ?? 'Sender';
    this.extra = options.extra ?? {};
    this.headers = options.headers ?? {};
    if (options.graphql) {
      this.graphql = { data: options.graphql.data ?? null, info: options.graphql.info ?? null };
      this.errorType = code;
    }
  }
}

export function isAwsError(value: unknown): value is AwsError {
  return value instanceof AwsError;
}

/**
 * A constructor bound to a service's code table: the code must be one of the table's, and the status
 * and fault come from the table, so a call site names only the code and AWS's message.
 *
 * @example
 * const STS_ERRORS = { AccessDenied: { status: 403, fault: 'Sender' } } as const;
 * const stsError = errorFactory(STS_ERRORS);
 * stsError('AccessDenied', 'Cannot call GetSessionToken with session credentials');
 */
export function errorFactory<Table extends Record<string, ErrorShape>>(table: Table) {
  return (code: keyof Table & string, message: string, options: Omit<AwsErrorOptions, 'fault'> = {}) => {
    const shape = table[code] as ErrorShape;
    // A status given here overrides the table's: the same code is sent with another status by a
    // front end (JSON 1.1's UnknownOperationException is 404 for a GET, SerializationException 413 for a huge body).
    return new AwsError(code, message, {
      ...options,
      status: options.status ?? shape.status,
      fault: shape.fault,
    });
  };
}

/**
 * A shape violation, under the code the calling service uses for one (core/validate.ts: Cognito's
 * `InvalidParameterException`, STS's `ValidationError`, SSM's `ValidationException`).
 */
export function invalidInput(code: string, message: string, status = 400): AwsError {
  return new AwsError(code, message, { status });
}

/**
 * AWS's validation message style, e.g.
 * `1 validation error detected: Value at 'password' failed to satisfy constraint: Member must have length greater than or equal to 6`.
 * `value` undefined leaves the value out (sensitive members); `null` is a missing member, which AWS
 * writes unquoted: `Value null at 'x' failed to satisfy constraint: Member must not be null`
 * (obs: aws-amplify/amplify-js#6460).
 */
export function validationMessage(
  problems: { field: string; value?: string | null; constraint: string }[],
): string {
  const count = problems.length;
  const parts = problems.map((p) => {
    const value = p.value === undefined ? '' : p.value === null ? 'null ' : `'${p.value}' `;
    return `Value ${value}at '${p.field}' failed to satisfy constraint: ${p.constraint}`;
  });
  return `${count} validation error${count === 1 ? '' : 's'} detected: ${parts.join('; ')}`;
}
