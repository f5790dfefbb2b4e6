/**
 * The wire protocols the simulated services speak, each with the one way it renders an error: a
 * registry keyed by protocol, as botocore keys its parsers (`PROTOCOL_PARSERS`). Every route names its
 * protocol (`ServiceRoute.protocol`); handlers throw, and `serve` (wire-protocol.ts, called by
 * `cloud.ts`) records every failure once and renders it in the route's own shape. Anything that is not
 * an `AwsError` is a bug in the simulation: it becomes the protocol's internal-failure error (status
 * 500), recorded with its stack.
 *
 * - `json-1.1` (Cognito user and identity pools, SSM): `{"__type", "message"}` plus `x-amzn-ErrorType`.
 * - `query` (STS): `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>`.
 * - `rest-xml` (S3): `<Error><Code/><Message/>…<RequestId/><HostId/></Error>`; no body for HEAD.
 * - `rest-json` (Cognito Sync): `{"message"}` plus `x-amzn-ErrorType`.
 * - `api-gateway` (execute-api stages): a gateway response, `{"message"}` plus `x-amzn-ErrorType` and
 *   `x-amz-apigw-id`.
 * - `appsync-graphql` (AppSync's /graphql): a request-level refusal, `{"errors":[{"errorType","message"}]}`.
 * - `plain-json`: endpoints outside the AWS SDK protocols (hosted-domain OAuth, the simulated IdPs)
 *   answer their own OAuth, SAML and HTML errors; an unexpected failure there is a JSON 500.
 */
import { protocolErrors } from './errors';
import { json11Protocol } from './json-1-1';
import { queryProtocol } from './query';
import { renderS3Error } from './rest-xml';
import type { ProtocolName, WireProtocol } from './wire-protocol';

export const restXmlProtocol: WireProtocol = {
  name: 'rest-xml',
  internalError: () => protocolErrors.s3Internal(),
  // The HostId (`x-amz-id-2`) was drawn before dispatch, so an error reply carries the same pair of ids.
  render: (error, { ctx, method }) =>
    renderS3Error(error, { requestId: ctx.requestId, hostId: ctx.extendedRequestId ?? '' }, method),
};

export const restJsonProtocol: WireProtocol = {
  name: 'rest-json',
  internalError: () => protocolErrors.internal('InternalErrorException'),
  render: (error, { ctx }) =>
    new Response(JSON.stringify({ message: error.message }), {
      status: error.statusCode,
      headers: {
        'content-type': 'application/json',
        'x-amzn-requestid': ctx.requestId,
        'x-amzn-errortype': `${error.code}:`,
      },
    }),
};

/**
 * API Gateway's gateway responses (Developer Guide, "Gateway response types"): the body is
 * `{"message": …}`, or the error's `extra` members when the response writes others (an IAM
 * authorisation failure writes `Message` with a capital M).
 */
export const apiGatewayProtocol: WireProtocol = {
  name: 'api-gateway',
  internalError: () => protocolErrors.internalServerError('InternalServerErrorException'),
  render: (error, { ctx }) => {
    const body = Object.keys(error.extra).length > 0 ? error.extra : { message: error.message };
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-amzn-requestid': ctx.requestId,
      'x-amz-apigw-id': ctx.extendedRequestId ?? '',
      'x-amzn-errortype': error.code,
    };
    return new Response(JSON.stringify(body), { status: error.statusCode, headers });
  },
};

/**
 * AppSync's request-level refusals (bad credentials, a body that is not a GraphQL request). Field
 * errors are not rendered here: they are entries of a 200 answer's `errors` (services/appsync/execute.ts).
 */
export const appsyncGraphqlProtocol: WireProtocol = {
  name: 'appsync-graphql',
  // AppSync's answer to its own internal failure has not been observed; the entry is shaped like its refusals.
  internalError: () => protocolErrors.internalServerError('InternalFailure'),
  render: (error, { ctx }) =>
    new Response(JSON.stringify({ errors: [{ errorType: error.code, message: error.message }] }), {
      status: error.statusCode,
      headers: {
        'content-type': 'application/json; charset=UTF-8',
        'x-amzn-requestid': ctx.requestId,
        'x-amzn-errortype': error.code,
      },
    }),
};

export const plainJsonProtocol: WireProtocol = {
  name: 'plain-json',
  internalError: () => protocolErrors.internalServerError('InternalFailure'),
  render: (error, { ctx }) =>
    new Response(JSON.stringify({ message: error.message }), {
      status: error.statusCode,
      headers: { 'content-type': 'application/json', 'x-amzn-requestid': ctx.requestId },
    }),
};

/**
 * Every protocol by name. JSON 1.1 and Query take the service's own internal-error code and XML
 * namespace, so routes build theirs with `json11Protocol(code)` / `queryProtocol(namespace)`; the
 * entries here carry the defaults.
 */
export const PROTOCOLS: Record<ProtocolName, WireProtocol> = {
  'json-1.1': json11Protocol(),
  query: queryProtocol('https://sts.amazonaws.com/doc/2011-06-15/'),
  'rest-xml': restXmlProtocol,
  'rest-json': restJsonProtocol,
  'api-gateway': apiGatewayProtocol,
  'appsync-graphql': appsyncGraphqlProtocol,
  'plain-json': plainJsonProtocol,
};
