/**
 * STS's errors as the STS API reference names them ("Common Errors" and each action's Errors
 * section). Messages are AWS's where they are known from responses (see the reference, 5.6 and 5.8).
 */
import { type AwsError, errorFactory } from '../../core/errors';

/**
 * The codes on the wire (Query `<Code>`) with the status the @aws-sdk/client-sts model gives each
 * error shape (AccessDenied and ValidationError are AWS's common errors, 403 and 400).
 */
export const STS_ERRORS = {
  AccessDenied: { status: 403, fault: 'Sender' },
  ExpiredTokenException: { status: 400, fault: 'Sender' },
  IDPRejectedClaim: { status: 403, fault: 'Sender' },
  InvalidIdentityToken: { status: 400, fault: 'Sender' },
  MalformedPolicyDocument: { status: 400, fault: 'Sender' },
  PackedPolicyTooLarge: { status: 400, fault: 'Sender' },
  ValidationError: { status: 400, fault: 'Sender' },
} as const;
export type StsErrorCode = keyof typeof STS_ERRORS;

const stsError = errorFactory(STS_ERRORS);

export const stsErrors = {
  validation: (message: string) => stsError('ValidationError', message),
  accessDenied: (message: string) => stsError('AccessDenied', message),
  notAuthorized: (callerArn: string, action: string, resource: string) =>
    stsError(
      'AccessDenied',
      `User: ${callerArn} is not authorized to perform: ${action} on resource: ${resource}`,
    ),
  malformedPolicy: (message: string) => stsError('MalformedPolicyDocument', message),
  /** The two wordings AWS Knowledge Center "iam-role-aws-sts-error" quotes, for policies and for tags. */
  packedPolicyTooLarge: (percent: number) =>
    stsError(
      'PackedPolicyTooLarge',
      `Packed policy consumes ${percent}% of allotted space, please use smaller policy.`,
    ),
  packedSessionTagsTooLarge: (percent: number) =>
    stsError('PackedPolicyTooLarge', `Packed size of session tags consumes ${percent}% of allotted space.`),
  /** The STS API reference's own wording for InvalidIdentityToken. */
  invalidIdentityToken: (
    message = 'The web identity token that was passed could not be validated by AWS. Get a new identity token from the identity provider and then retry the request.',
  ) => stsError('InvalidIdentityToken', message),
  expiredTokenException: (message: string) => stsError('ExpiredTokenException', message),
  idpRejectedClaim: (message: string) => stsError('IDPRejectedClaim', message),
  /** Wrong or stale TOTP code (obs: aws-cli and aws-vault issue reports). */
  mfaBadCode: () =>
    stsError('AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code.'),
  /** A serial number that is not an MFA device of the caller (obs; AWS writes two spaces after the first sentence). */
  mfaUnknownDevice: () =>
    stsError(
      'AccessDenied',
      'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.',
    ),
  mfaIncomplete: () =>
    stsError(
      'AccessDenied',
      'MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.',
    ),
  sessionCredentials: (operation: string) =>
    stsError('AccessDenied', `Cannot call ${operation} with session credentials`),
};

/** AWS's message for a missing required member: `Value null at 'roleSessionName' …`. */
export function missingParameter(field: string): AwsError {
  return stsErrors.validation(
    `1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`,
  );
}
