/**
 * The wire protocols the simulated services speak, each with the one way it renders an error: a
 * registry keyed by protocol, as botocore keys its parsers (`PROTOCOL_PARSERS`). Every route names its
 * protocol (`ServiceRoute.protocol`), and every failure goes through `answerFailure`: it is recorded in
 * the trace once and rendered in the route's own shape. Anything that is not an `AwsError` is a bug in
 * the simulation: it becomes the protocol's internal-failure error (status 500), recorded with its stack.
 *
 * - `json-1.1` (Cognito user and identity pools, SSM): `{"__type", "message"}` plus `x-amzn-ErrorType`.
 * - `query` (STS): `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>`.
 * - `rest-xml` (S3): `<Error><Code/><Message/>…<RequestId/><HostId/></Error>`; no body for HEAD.
 * - `rest-json` (Cognito Sync): `{"message"}` plus `x-amzn-ErrorType`.
 * - `plain-json`: endpoints outside the AWS SDK protocols (hosted-domain OAuth, the simulated IdPs,
 *   API Gateway stages, AppSync) answer their own errors; an unexpected failure there is a JSON 500.
 */
import { AwsError } from '../core/errors';
import { json11Protocol } from './json-1-1';
import { queryProtocol } from './query';
import { renderS3Error } from './rest-xml';
import type { ProtocolName, WireProtocol } from './wire-protocol';

export const restXmlProtocol: WireProtocol = {
  name: 'rest-xml',
  internalError: () =>
    new AwsError('InternalError', 'We encountered an internal error. Please try again.', {
      status: 500,
      fault: 'Receiver',
    }),
  render: (error, { ctx, method, s3Ids, extraHeaders }) =>
    renderS3Error(error, s3Ids ?? { requestId: ctx.requestId, hostId: '' }, method, extraHeaders),
};

export const restJsonProtocol: WireProtocol = {
  name: 'rest-json',
  internalError: () => new AwsError('InternalErrorException', 'An internal error occurred.', { status: 500, fault: 'Receiver' }),
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

export const plainJsonProtocol: WireProtocol = {
  name: 'plain-json',
  internalError: () => new AwsError('InternalFailure', 'Internal server error', { status: 500, fault: 'Receiver' }),
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
  'plain-json': plainJsonProtocol,
};
