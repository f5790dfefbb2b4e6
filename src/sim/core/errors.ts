/**
 * The one error type every simulated service throws. Each protocol adapter catches it in exactly
 * one place and renders it in that protocol's shape (JSON 1.1 `__type`, Query `<ErrorResponse>`,
 * S3 `<Error>`, REST-JSON `x-amzn-ErrorType`). Anything else thrown becomes a 500 internal failure.
 */
export type Fault = 'Sender' | 'Receiver';

/** How an error is sent: HTTP status (default 400), fault (default Sender), protocol-specific fields. */
export interface AwsErrorOptions {
  status?: number;
  fault?: Fault;
  /** Extra protocol-specific fields (e.g. S3's `<Key>`, `<BucketName>`). Rendered by the protocol. */
  extra?: Record<string, string>;
}

export class AwsError extends Error {
  readonly code: string;
  readonly statusCode: number;
  readonly fault: Fault;
  /** Extra protocol-specific fields (e.g. S3's `<Key>`, `<BucketName>`). Rendered by the adapter. */
  readonly extra: Record<string, string>;

  /**
   * @example
   * new AwsError('NoSuchBucket', 'The specified bucket does not exist', { status: 404, extra: { BucketName: name } })
   *
   * The older positional form `(code, message, status, fault, extra)` is still accepted while the
   * call sites move to named constructors in each service's `errors.ts`.
   */
  constructor(code: string, message: string, options?: AwsErrorOptions | number, fault?: Fault, extra?: Record<string, string>) {
    super(message);
    const named: AwsErrorOptions = typeof options === 'object' ? options : { status: options, fault, extra };
    this.name = 'AwsError';
    this.code = code;
    this.statusCode = named.status ?? 400;
    this.fault = named.fault ?? 'Sender';
    this.extra = named.extra ?? {};
  }
}

export function isAwsError(value: unknown): value is AwsError {
  return value instanceof AwsError;
}

/**
 * AWS's validation message style, e.g.
 * `1 validation error detected: Value at 'password' failed to satisfy constraint: Member must have length greater than or equal to 6`.
 */
export function validationMessage(problems: { field: string; value?: string | null; constraint: string }[]): string {
  const count = problems.length;
  const parts = problems.map((p) =>
    p.value === undefined
      ? `Value at '${p.field}' failed to satisfy constraint: ${p.constraint}`
      : `Value '${p.value}' at '${p.field}' failed to satisfy constraint: ${p.constraint}`,
  );
  return `${count} validation error${count === 1 ? '' : 's'} detected: ${parts.join('; ')}`;
}
