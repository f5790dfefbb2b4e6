/**
 * API Gateway's gateway responses as errors (docs/aws-reference.md §8.1, §8.3, §8.4; API Gateway
 * Developer Guide, "Gateway response types"): each is thrown and answered at dispatch by the
 * `api-gateway` protocol, a JSON `{"message": …}` body with the `x-amzn-ErrorType` header,
 * `x-amzn-RequestId` and `x-amz-apigw-id`. An IAM authorisation failure is the exception that
 * writes `Message` with a capital M (obs): its body members travel as the error's `extra`.
 */
import { errorFactory } from '../../core/errors';

export const API_GATEWAY_ERRORS = {
  /** UNAUTHORIZED: the authorizer refused the token. */
  UnauthorizedException: { status: 401, fault: 'Sender' },
  /** MISSING_AUTHENTICATION_TOKEN: no signature, or no such resource or method. */
  MissingAuthenticationTokenException: { status: 403, fault: 'Sender' },
  /** A stage that is not deployed. */
  ForbiddenException: { status: 403, fault: 'Sender' },
  /** ACCESS_DENIED: IAM denied execute-api:Invoke. */
  AccessDeniedException: { status: 403, fault: 'Sender' },
  /** The SigV4 failures of docs/aws-reference.md §7.6, all 403 at API Gateway. */
  UnrecognizedClientException: { status: 403, fault: 'Sender' },
  ExpiredTokenException: { status: 403, fault: 'Sender' },
  InvalidSignatureException: { status: 403, fault: 'Sender' },
  IncompleteSignatureException: { status: 403, fault: 'Sender' },
} as const;
export type ApiGatewayErrorCode = keyof typeof API_GATEWAY_ERRORS;

const gatewayError = errorFactory(API_GATEWAY_ERRORS);

export const gatewayErrors = {
  unauthorized: () => gatewayError('UnauthorizedException', 'Unauthorized'),
  /**
   * A Cognito authorizer's token past its `exp`: the same 401 in its own words (obs: the body
   * `{"message":"The incoming token has expired"}` in aws-amplify/amplify-js#5934, #6060, #10147).
   */
  tokenExpired: () => gatewayError('UnauthorizedException', 'The incoming token has expired'),
  missingAuthenticationToken: () =>
    gatewayError('MissingAuthenticationTokenException', 'Missing Authentication Token'),
  forbidden: () => gatewayError('ForbiddenException', 'Forbidden'),
  accessDenied: (message: string) =>
    gatewayError('AccessDeniedException', message, { extra: { Message: message } }),
  /** SigV4 failures, each with the message docs/aws-reference.md §7.6 gives for execute-api. */
  signature: (errorType: ApiGatewayErrorCode, message: string) => gatewayError(errorType, message),
};

/**
 * Which gateway response a SigV4 failure from `authenticate` maps to, by its message (the auth
 * module renders every execute-api failure as a 403 with the text of docs/aws-reference.md §7.6). The
 * `x-amzn-ErrorType` names are (unv) in the reference.
 */
export function signatureErrorType(message: string): ApiGatewayErrorCode {
  if (message === 'Missing Authentication Token') return 'MissingAuthenticationTokenException';
  if (message.startsWith('The security token included in the request is invalid'))
    return 'UnrecognizedClientException';
  if (message.startsWith('The security token included in the request is expired'))
    return 'ExpiredTokenException';
  if (message.startsWith('The request signature we calculated') || message.startsWith('Signature '))
    return 'InvalidSignatureException';
  return 'IncompleteSignatureException';
}
