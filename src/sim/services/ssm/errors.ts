/**
 * SSM's error codes as this simulation raises them (the @aws-sdk/client-ssm model's shapes, plus the
 * JSON 1.1 front end's AccessDeniedException and ValidationException). Over AWS JSON 1.1 client errors
 * are 400; `InternalServerError` is the model's server fault (500).
 */
import { errorFactory } from '../../core/errors';

export const SSM_ERRORS = {
  AccessDeniedException: { status: 400, fault: 'Sender' },
  ParameterNotFound: { status: 400, fault: 'Sender' },
  ValidationException: { status: 400, fault: 'Sender' },
  InternalServerError: { status: 500, fault: 'Receiver' },
} as const;
export type SsmErrorCode = keyof typeof SSM_ERRORS;

const ssmError = errorFactory(SSM_ERRORS);

export const ssmErrors = {
  accessDenied: (message: string) => ssmError('AccessDeniedException', message),
  /** SSM's ParameterNotFound carries no message text. */
  parameterNotFound: () => ssmError('ParameterNotFound', ''),
};
