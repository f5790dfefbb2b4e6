import { errorFactory } from '../../core/errors';

/**
 * The user pool API's error codes (the @aws-sdk/client-cognito-identity-provider model's error
 * shapes) with the status each is sent with. Over AWS JSON 1.1 the user pool API answers every client
 * error with 400, whatever the model's `httpError` says (NotAuthorizedException 403,
 * ResourceNotFoundException and UserNotFoundException 404, UnauthorizedException 401): the
 * status on the wire is what the table records (docs/aws-reference.md §2.4).
 */
const sender = { status: 400, fault: 'Sender' } as const;
export const COGNITO_IDP_ERRORS = {
  AliasExistsException: sender,
  CodeMismatchException: sender,
  EnableSoftwareTokenMFAException: sender,
  ExpiredCodeException: sender,
  InvalidParameterException: sender,
  InvalidPasswordException: sender,
  LimitExceededException: sender,
  NotAuthorizedException: sender,
  PasswordResetRequiredException: sender,
  ResourceNotFoundException: sender,
  SerializationException: sender,
  UnauthorizedException: sender,
  UnsupportedOperationException: sender,
  UnsupportedTokenTypeException: sender,
  UnsupportedUserStateException: sender,
  UserLambdaValidationException: sender,
  UserNotConfirmedException: sender,
  UserNotFoundException: sender,
  UsernameExistsException: sender,
  InternalErrorException: { status: 500, fault: 'Receiver' },
} as const;
export type CognitoIdpErrorCode = keyof typeof COGNITO_IDP_ERRORS;

/**
 * Named constructors for the user pool API's errors, with the messages observed on the wire
 * (docs/aws-reference.md §2.4).
 */
const e = errorFactory(COGNITO_IDP_ERRORS);

export const idpErrors = {
  invalidParameter: (message: string) => e('InvalidParameterException', message),
  resourceNotFound: (message: string) => e('ResourceNotFoundException', message),
  serialization: (message: string) => e('SerializationException', message),
  incorrectCredentials: () => e('NotAuthorizedException', 'Incorrect username or password.'),
  userDisabled: () => e('NotAuthorizedException', 'User is disabled.'),
  passwordAttemptsExceeded: () => e('NotAuthorizedException', 'Password attempts exceeded'),
  notAuthorized: (message: string) => e('NotAuthorizedException', message),
  userNotFound: () => e('UserNotFoundException', 'User does not exist.'),
  userNotConfirmed: () => e('UserNotConfirmedException', 'User is not confirmed.'),
  /** Sign-in by a user in RESET_REQUIRED (after AdminResetUserPassword); wording observed in app code. */
  passwordResetRequired: () => e('PasswordResetRequiredException', 'Password reset required for the user'),
  /** ForgotPassword / AdminResetUserPassword for a FORCE_CHANGE_PASSWORD user (observed, many app handlers). */
  resetNotAllowed: () => e('NotAuthorizedException', 'User password cannot be reset in the current state.'),
  usernameExists: () => e('UsernameExistsException', 'User already exists'),
  /** SignUp in a pool where only administrators create users (observed: pmill/aws-cognito #37). */
  signUpNotPermitted: () => e('NotAuthorizedException', 'SignUp is not permitted for this user pool'),
  /** An email or phone number another user signs in with (username-attributes.ts). */
  usernameAttributeTaken: (message: string) => e('UsernameExistsException', message),
  /** An attribute update to an email or phone number another user signs in with (username-attributes.ts). */
  aliasExists: (message: string) => e('AliasExistsException', message),
  invalidPassword: (reason: string) =>
    e('InvalidPasswordException', `Password did not conform with policy: ${reason}`),
  codeMismatch: () => e('CodeMismatchException', 'Invalid verification code provided, please try again.'),
  expiredCode: () => e('ExpiredCodeException', 'Invalid code provided, please request a code again.'),
  accessTokenExpired: () => e('NotAuthorizedException', 'Access Token has expired'),
  accessTokenRevoked: () => e('NotAuthorizedException', 'Access Token has been revoked'),
  invalidAccessToken: () => e('NotAuthorizedException', 'Invalid Access Token'),
  invalidRefreshToken: () => e('NotAuthorizedException', 'Invalid Refresh Token.'),
  refreshTokenRevoked: () => e('NotAuthorizedException', 'Refresh Token has been revoked'),
  refreshTokenExpired: () => e('NotAuthorizedException', 'Refresh Token has expired'),
  flowNotEnabled: (flow: string) =>
    e('InvalidParameterException', `${flow} flow not enabled for this client`),
  unsupportedTokenType: () => e('UnsupportedTokenTypeException', 'Unsupported token type'),
  unsupportedOperation: (message: string) => e('UnsupportedOperationException', message),
  /** A challenge Session that is unknown, altered or already used (observed in Amplify issue threads). */
  invalidSession: () => e('NotAuthorizedException', 'Invalid session for the user.'),
  /** A challenge answered after AuthSessionValidity ran out (message as reported by Amplify users). */
  sessionExpired: () => e('NotAuthorizedException', 'Invalid session for the user, session is expired.'),
  /** ForgotPassword / ConfirmForgotPassword for an unknown user with LEGACY existence errors (observed). */
  usernameClientNotFound: () => e('UserNotFoundException', 'Username/client id combination not found.'),
  /** ForgotPassword for a user with no verified email or phone (observed, amazon-cognito-identity-js #678). */
  noVerifiedRecovery: () =>
    e(
      'InvalidParameterException',
      'Cannot reset password for the user as there is no registered/verified email or phone_number',
    ),
  /** Too many reset requests or wrong reset codes in the hour (observed, amplify-js #8013). */
  attemptLimitExceeded: () =>
    e('LimitExceededException', 'Attempt limit exceeded, please try after some time.'),
  /** A confidential client's SecretHash / SECRET_HASH that is wrong, or a missing top-level SecretHash. */
  secretHashMismatch: (clientId: string) =>
    e('NotAuthorizedException', `Unable to verify secret hash for client ${clientId}`),
  /** A confidential client's AuthParameters or ChallengeResponses without SECRET_HASH (observed). */
  secretHashMissing: (clientId: string) =>
    e(
      'NotAuthorizedException',
      `Client ${clientId} is configured with secret but SECRET_HASH was not received`,
    ),
  /** A Lambda trigger that threw: "<Trigger> failed with error <message>." (observed). */
  lambdaValidation: (trigger: string, message: string) =>
    e('UserLambdaValidationException', `${trigger} failed with error ${message}.`),
  unauthorizedClient: () => e('UnauthorizedException', 'Client is not authorized to revoke this token'),
  /** AdminCreateUser for a taken username (unv: the wording developers report; SignUp's differs). */
  usernameExistsAdmin: () => e('UsernameExistsException', 'User account already exists'),
  unsupportedUserState: (message: string) => e('UnsupportedUserStateException', message),
  /** VerifySoftwareToken with a wrong first code (observed wording). */
  enableSoftwareTokenFailed: () =>
    e('EnableSoftwareTokenMFAException', 'Code mismatch and fail enable Software Token MFA'),
  /** A wrong TOTP code answering SOFTWARE_TOKEN_MFA (observed wording). */
  totpCodeMismatch: () => e('CodeMismatchException', 'Invalid code or auth state for the user.'),
  /** The copy of the request body an operation needs is missing: a bug in the simulation, not the caller. */
  requestBodyGone: () => e('InternalErrorException', 'The request body is gone.'),
} as const;
