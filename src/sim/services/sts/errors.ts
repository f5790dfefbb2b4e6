/**
 * STS's errors as the STS API reference names them ("Common Errors" and each action's Errors
 * section). Messages are AWS's where they are known from responses (see the reference, 5.6 and 5.8).
 */
import { AwsError } from '../../core/errors';

export const stsErrors = {
  validation: (message: string) => new AwsError('ValidationError', message, { status: 400 }),
  accessDenied: (message: string) => new AwsError('AccessDenied', message, { status: 403 }),
  notAuthorized: (callerArn: string, action: string, resource: string) =>
    new AwsError(
      'AccessDenied',
      `User: ${callerArn} is not authorized to perform: ${action} on resource: ${resource}`,
      { status: 403 },
    ),
  malformedPolicy: (message: string) => new AwsError('MalformedPolicyDocument', message, { status: 400 }),
  packedPolicyTooLarge: (percent: number) =>
    new AwsError(
      'PackedPolicyTooLarge',
      `Packed policy consumes ${percent}% of allotted space, please use smaller policy.`,
      { status: 400 },
    ),
  /** The STS API reference's own wording for InvalidIdentityToken. */
  invalidIdentityToken: (
    message = 'The web identity token that was passed could not be validated by AWS. Get a new identity token from the identity provider and then retry the request.',
  ) => new AwsError('InvalidIdentityToken', message, { status: 400 }),
  expiredTokenException: (message: string) => new AwsError('ExpiredTokenException', message, { status: 400 }),
  idpRejectedClaim: (message: string) => new AwsError('IDPRejectedClaim', message, { status: 403 }),
  /** Wrong or stale TOTP code (obs: aws-cli and aws-vault issue reports). */
  mfaBadCode: () =>
    new AwsError('AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code.', {
      status: 403,
    }),
  /** A serial number that is not an MFA device of the caller (obs; AWS writes two spaces after the first sentence). */
  mfaUnknownDevice: () =>
    new AwsError(
      'AccessDenied',
      'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.',
      { status: 403 },
    ),
  mfaIncomplete: () =>
    new AwsError(
      'AccessDenied',
      'MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.',
      { status: 403 },
    ),
  sessionCredentials: (operation: string) =>
    new AwsError('AccessDenied', `Cannot call ${operation} with session credentials`, { status: 403 }),
};

/** AWS's message for a missing required member: `Value null at 'roleSessionName' …`. */
export function missingParameter(field: string): AwsError {
  return stsErrors.validation(
    `1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`,
  );
}
