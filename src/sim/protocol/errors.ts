/**
 * The errors the protocol front ends raise themselves, before any service code runs (an unknown
 * operation, a body that does not parse), and each protocol's internal failure: what a thrown value
 * that is not an AwsError (a bug in the simulation) is answered as. Statuses and faults are the wire's;
 * the internal failures are each service model's server fault (`InternalErrorException` in the Cognito
 * models, `InternalServerError` in SSM's, S3's `InternalError`, STS's Query `InternalFailure`).
 */
import { errorFactory } from '../core/errors';

export const PROTOCOL_ERRORS = {
  UnknownOperationException: { status: 400, fault: 'Sender' },
  SerializationException: { status: 400, fault: 'Sender' },
  MissingAction: { status: 400, fault: 'Sender' },
  InvalidAction: { status: 400, fault: 'Sender' },
  InvalidParameterValue: { status: 400, fault: 'Sender' },
  InternalErrorException: { status: 500, fault: 'Receiver' },
  InternalServerError: { status: 500, fault: 'Receiver' },
  InternalFailure: { status: 500, fault: 'Receiver' },
  InternalError: { status: 500, fault: 'Receiver' },
  /** API Gateway's DEFAULT_5XX gateway response for a failed integration: `{"message": "Internal server error"}`. */
  InternalServerErrorException: { status: 500, fault: 'Receiver' },
} as const;
export type ProtocolErrorCode = keyof typeof PROTOCOL_ERRORS;

const protocolError = errorFactory(PROTOCOL_ERRORS);

export const protocolErrors = {
  /** JSON 1.1: a target this service does not have (404 when the method is not POST). */
  unknownOperation: (status?: 404) => protocolError('UnknownOperationException', '', { status }),
  serialization: (message: string, status?: 413) =>
    protocolError('SerializationException', message, { status }),
  missingAction: () => protocolError('MissingAction', 'Missing Action'),
  invalidAction: (message: string) => protocolError('InvalidAction', message),
  invalidParameterValue: (message: string) => protocolError('InvalidParameterValue', message),
  /** The internal failure of a JSON 1.1 or REST-JSON service, under the code its model gives it. */
  internal: (code: 'InternalErrorException' | 'InternalServerError' | 'InternalFailure') =>
    protocolError(code, 'An internal error occurred.'),
  s3Internal: () => protocolError('InternalError', 'We encountered an internal error. Please try again.'),
  /** Plain JSON endpoints (hosted-domain OAuth, the simulated IdPs) and API Gateway's default 5XX reply. */
  internalServerError: (code: 'InternalFailure' | 'InternalServerErrorException') =>
    protocolError(code, 'Internal server error'),
};
