/**
 * API Gateway's gateway responses (docs/aws-reference.md §8.1, §8.3, §8.4; API Gateway Developer Guide,
 * "Gateway response types"): a JSON `{"message": …}` body with the `x-amzn-ErrorType` header,
 * `x-amzn-RequestId` and `x-amz-apigw-id`. An IAM authorisation failure is the exception that
 * writes `Message` with a capital M (obs).
 */
import type { RequestContext } from '../../core/service';
import { toBase64 } from '../s3/bytes';

export interface GatewayResponse {
  status: number;
  errorType: string;
  body: Record<string, string>;
}

export const gatewayResponses = {
  unauthorized: (): GatewayResponse => ({
    status: 401,
    errorType: 'UnauthorizedException',
    body: { message: 'Unauthorized' },
  }),
  missingAuthenticationToken: (): GatewayResponse => ({
    status: 403,
    errorType: 'MissingAuthenticationTokenException',
    body: { message: 'Missing Authentication Token' },
  }),
  /** A request for a stage that is not deployed. */
  forbidden: (): GatewayResponse => ({
    status: 403,
    errorType: 'ForbiddenException',
    body: { message: 'Forbidden' },
  }),
  accessDenied: (message: string): GatewayResponse => ({
    status: 403,
    errorType: 'AccessDeniedException',
    body: { Message: message },
  }),
  /** SigV4 failures, each with the message docs/aws-reference.md §7.6 gives for execute-api. */
  signature: (errorType: string, message: string): GatewayResponse => ({
    status: 403,
    errorType,
    body: { message },
  }),
};

/** `x-amz-apigw-id`: 16 base64 characters. */
export function apigwId(ctx: RequestContext): string {
  return toBase64(ctx.world.random.bytes(11));
}

export function baseHeaders(ctx: RequestContext, apigw: string): Record<string, string> {
  return { 'content-type': 'application/json', 'x-amzn-requestid': ctx.requestId, 'x-amz-apigw-id': apigw };
}

export function renderGatewayResponse(
  ctx: RequestContext,
  apigw: string,
  response: GatewayResponse,
): Response {
  ctx.emit('apigateway.response', `${response.status} ${response.errorType}`, response);
  return new Response(JSON.stringify(response.body), {
    status: response.status,
    headers: { ...baseHeaders(ctx, apigw), 'x-amzn-errortype': response.errorType },
  });
}

/**
 * Which gateway response a SigV4 failure from `authenticate` maps to, by its message (the auth
 * module renders every execute-api failure as a 403 with the text of docs/aws-reference.md §7.6). The
 * `x-amzn-ErrorType` names are (unv) in the reference.
 */
export function signatureErrorType(message: string): string {
  if (message === 'Missing Authentication Token') return 'MissingAuthenticationTokenException';
  if (message.startsWith('The security token included in the request is invalid'))
    return 'UnrecognizedClientException';
  if (message.startsWith('The security token included in the request is expired'))
    return 'ExpiredTokenException';
  if (message.startsWith('The request signature we calculated') || message.startsWith('Signature '))
    return 'InvalidSignatureException';
  return 'IncompleteSignatureException';
}
