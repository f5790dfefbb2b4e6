import type { LabCall } from '../../store/labs/user-pool-lab';

/**
 * One plain sentence per outcome of each user pool call, so every step says what just happened and
 * why. Facts: the reference's user pool sections (2.4 errors, 2.5 password policy, 1.9 revocation).
 */

const ON_SUCCESS: Record<string, string> = {
  SignUp:
    'The user now exists but is UNCONFIRMED (UserConfirmed: false): it cannot sign in until the code sent to its email is confirmed.',
  ResendConfirmationCode: 'A new code went to the same address; the inbox shows it.',
  ConfirmSignUp:
    'The user is CONFIRMED, and email_verified is now true: the code went to that address, so knowing it proves the address.',
  InitiateAuth:
    'USER_PASSWORD_AUTH sent the password to the user pool, which answered with an ID, an access and a refresh token. The password never appears in any token.',
  GetUser:
    'GetUser is authorized by the access token alone (no AWS signature). It returns the attributes, sub first: the id that never changes, the one to key your data on.',
  UpdateUserAttributes:
    'Attributes saved. A changed email is unverified at once (email_verified flips to false) and a code goes to the new address.',
  GetUserAttributeVerificationCode: 'A fresh verification code went to the current email address.',
  VerifyUserAttribute: 'The code matched: email_verified is true again for the new address.',
  ForgotPassword:
    'A reset code went to the verified email (CodeDeliveryDetails shows it masked). It is valid for one hour.',
  ConfirmForgotPassword:
    'The new password is set: it signs in, the old one no longer does. Sessions issued before the reset are not revoked.',
  ChangePassword:
    'The new password signs in from now on; the old one no longer does. Tokens already issued stay valid: this access token and the refresh token go on working (GlobalSignOut is what revokes them).',
  DeleteUser:
    'The user is gone: it can no longer sign in, and the profile cannot be restored. Its ID and access tokens still verify offline (an API Gateway authorizer, AppSync) until they expire; Cognito’s own APIs refuse them.',
  GlobalSignOut:
    'Every session of this user is revoked: Cognito’s own APIs refuse its access and refresh tokens from now on. A verifier that checks tokens offline (an API Gateway authorizer, AppSync) still accepts the ID and access tokens until they expire.',
};

const ON_ERROR: Record<string, string> = {
  InvalidPasswordException:
    'The pool’s password policy is checked by the user pool itself; this pool keeps the default: at least 8 characters, with an upper-case letter, a lower-case letter, a number and a symbol.',
  UsernameExistsException: 'Usernames are unique in a pool; this pool compares them case-insensitively.',
  CodeMismatchException: 'The code does not match the one the pool sent. Look at the inbox and try again.',
  ExpiredCodeException:
    'This code is no longer valid (used already, or past its 24 hours). Ask for a new one.',
  UserNotConfirmedException:
    'The pool refuses an unconfirmed user before it checks the password: you get UserNotConfirmedException even with a wrong password.',
  NotAuthorizedException:
    'The pool refused: wrong password, or a token that has been revoked or has expired. The message says which.',
  InvalidParameterException: 'The request broke one of the pool’s rules; the message says which.',
  UserNotFoundException: 'This app client uses LEGACY user-existence errors, so an unknown username says so.',
  LimitExceededException:
    'Too many reset requests or wrong codes for this user in the hour: Cognito rate-limits guessing the short code.',
  UserLambdaValidationException:
    'A Lambda trigger threw: Cognito stops the call and passes the function’s message on. Open the Lambda event below.',
  AliasExistsException: 'Another user already has this email as a verified sign-in alias.',
};

export function explain(call: LabCall): string {
  if (!call.error && call.operation === 'SignUp' && call.body?.UserConfirmed === true)
    return 'The pre sign-up trigger answered autoConfirmUser: true, so the user is CONFIRMED at once (UserConfirmed: true) and no code was sent.';
  if (!call.error) return ON_SUCCESS[call.operation] ?? `${call.operation} succeeded.`;
  if (call.error.code === 'InvalidParameterException' && /'password'/.test(call.error.message))
    return 'A password shorter than 6 characters is refused by the API’s input rules before the pool’s own password policy is even consulted.';
  if (call.error.code === 'UserNotFoundException' && call.operation === 'GetUser')
    return 'The access token still verifies (its signature and exp are fine), but the user it names was deleted: Cognito answers that the user does not exist.';
  if (call.error.code === 'NotAuthorizedException' && call.operation === 'GetUser')
    return 'The access token was revoked by GlobalSignOut, so Cognito’s own APIs refuse it — even though its exp has not passed.';
  return ON_ERROR[call.error.code] ?? `${call.operation} failed with ${call.error.code}.`;
}

/** What an inbox message is for, in words. */
export const PURPOSE_WORDS: Record<string, string> = {
  SIGN_UP: 'Confirm your sign-up',
  RESEND_SIGN_UP: 'Confirm your sign-up (code sent again)',
  VERIFY_ATTRIBUTE: 'Verify your new email address',
  FORGOT_PASSWORD: 'Reset your password (valid one hour)',
};

/** Which field of the view an error belongs next to. */
export type FieldKey =
  | 'username'
  | 'email'
  | 'name'
  | 'password'
  | 'confirmCode'
  | 'signIn'
  | 'profile'
  | 'verifyCode'
  | 'signOut'
  | 'forgot'
  | 'account';

export function fieldForError(operation: string, code: string, message: string): FieldKey {
  switch (operation) {
    case 'SignUp':
      if (code === 'InvalidPasswordException' || /password/i.test(message)) return 'password';
      if (code === 'UsernameExistsException' || /username/i.test(message)) return 'username';
      if (/email/i.test(message)) return 'email';
      if (/\bname\b/i.test(message)) return 'name';
      return 'username';
    case 'ConfirmSignUp':
    case 'ResendConfirmationCode':
      return 'confirmCode';
    case 'InitiateAuth':
      return 'signIn';
    case 'VerifyUserAttribute':
    case 'GetUserAttributeVerificationCode':
      return 'verifyCode';
    case 'GlobalSignOut':
      return 'signOut';
    case 'ForgotPassword':
    case 'ConfirmForgotPassword':
      return 'forgot';
    case 'ChangePassword':
    case 'DeleteUser':
      return 'account';
    default:
      return 'profile';
  }
}
