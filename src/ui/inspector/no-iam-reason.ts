import type { TraceEntry } from '../../player/create-player';
import type { ScenarioStep } from '../../scenarios/types';
import { awsErrorCode } from '../player/StepList';

/**
 * Error codes a service gives a request it could not authenticate: the signature, the keys, the
 * session token or the clock. A service answers these before it asks IAM anything.
 */
const AUTHENTICATION_ERRORS = new Set([
  'SignatureDoesNotMatch',
  'InvalidSignatureException',
  'IncompleteSignature',
  'IncompleteSignatureException',
  'AuthorizationHeaderMalformed',
  'AuthorizationQueryParametersError',
  'MissingAuthenticationToken',
  'MissingAuthenticationTokenException',
  'InvalidAccessKeyId',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidToken',
  'RequestExpired',
  'RequestTimeTooSkewed',
]);

/** Public Cognito operations: called without AWS credentials, so no IAM policy decides them. */
const COGNITO_SERVICES = new Set(['userPool', 'identityPool']);

/** STS operations AWS documents as needing no permission ("No permissions are required…"). */
const STS_WITHOUT_PERMISSION: Record<string, string> = {
  GetCallerIdentity:
    'STS asks IAM nothing for GetCallerIdentity: any valid credentials may call it, even ones whose policies deny everything.',
  GetSessionToken:
    'STS asks IAM nothing for GetSessionToken: an IAM user’s own long-term keys may always call it. IAM decides later, when the session keys are used, by the user’s own policies.',
};

/**
 * Why the IAM tab is empty for this step, said for the step that ran: a request refused at its
 * signature, an operation no policy decides, or a call that never reached AWS. One sentence that said
 * "public Cognito APIs are not authorised by IAM" for every such step was false for GetSessionToken,
 * the identity providers, API Gateway, AppSync and refused S3 requests.
 */
export function noIamReason(step: ScenarioStep | undefined, entry: TraceEntry | undefined): string {
  if (!step || !entry) return 'No step has run yet, so nothing was evaluated.';
  if (step.offWire || entry.outcome === 'off-wire')
    return 'This step happens at the identity provider, outside AWS: no AWS service is called, so IAM is not involved.';
  if (!entry.request) return 'Nothing was sent in this step, so nothing was evaluated.';
  const code = entry.outcome === 'aws-error' ? awsErrorCode(entry) : undefined;
  if (code && AUTHENTICATION_ERRORS.has(code))
    return `The service refused the request (${code}) before any policy was evaluated: it checks who is calling first (the signature, the keys, the session token, the time) and asks IAM only about requests that pass.`;
  if (step.to === 'sts') {
    const reason = Object.hasOwn(STS_WITHOUT_PERMISSION, step.operation)
      ? STS_WITHOUT_PERMISSION[step.operation]
      : undefined;
    if (reason) return reason;
  }
  if (COGNITO_SERVICES.has(step.to) && !step.operation.startsWith('Admin'))
    return `${step.operation} is a public Cognito API: it is called without AWS credentials, and the ${step.to === 'userPool' ? 'user pool' : 'identity pool'} checks the password, token or pool settings itself. IAM is not asked.`;
  if (step.to === 'apiGateway')
    return 'This API Gateway method does not use IAM authorization: its Cognito authorizer checks the JWT (signature, issuer, expiry) itself. IAM is asked only for methods with AWS_IAM authorization.';
  if (step.to === 'appsync')
    return 'AppSync authorised this request with its own mode (an API key or a user pool token), not with IAM: IAM is asked only for requests signed in the AWS_IAM mode.';
  if (step.to === 'google' || step.to === 'saml')
    return 'This step talks to the identity provider, outside AWS: IAM is not involved.';
  return 'No IAM policy was evaluated in this step.';
}
