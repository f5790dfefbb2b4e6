/**
 * AWS's AccessDenied wording (IAM User Guide, "Troubleshoot access denied error messages"):
 * `User: <arn> is not authorized to perform: <action> on resource: <arn> because no <type> allows
 * the <action> action` for an implicit deny, `… with an explicit deny in a <type>` for an explicit
 * one. When several layers deny, AWS names only one; so do we (the one the evaluator reports).
 */
import type { EvaluationResult, PolicyLayer } from './types';

/** The policy-type phrase AWS uses in AccessDenied messages. */
export function layerPhrase(layer: PolicyLayer): string {
  switch (layer) {
    case 'identity':
      return 'identity-based policy';
    case 'resource':
    case 'trust':
      return 'resource-based policy';
    case 'boundary':
      return 'permissions boundary';
    case 'session':
      return 'session policy';
  }
}

const article = (phrase: string): string => (/^[aeiou]/i.test(phrase) ? `an ${phrase}` : `a ${phrase}`);

export interface AccessDeniedOptions {
  /** S3 puts the resource ARN in double quotes; most other services do not. Default true. */
  quoteResource?: boolean;
}

/**
 * The message a service puts in its AccessDenied error for a denied evaluation.
 * @example
 * accessDeniedMessage('arn:aws:sts::111122223333:assumed-role/AtlasGuestRole/CognitoIdentityCredentials',
 *   'ssm:GetParameter', 'arn:aws:ssm:us-east-1:111122223333:parameter/atlas/public/greeting', result)
 * // → 'User: arn:aws:sts::…/CognitoIdentityCredentials is not authorized to perform: ssm:GetParameter on resource:
 * //    "arn:aws:ssm:…" because no session policy allows the ssm:GetParameter action'
 */
export function accessDeniedMessage(
  callerArn: string,
  action: string,
  resource: string,
  result: EvaluationResult,
  options: AccessDeniedOptions = {},
): string {
  const quote = options.quoteResource ?? true;
  const on = resource && resource !== '*' ? ` on resource: ${quote ? `"${resource}"` : resource}` : '';
  const head = `User: ${callerArn} is not authorized to perform: ${action}${on}`;
  if (result.decision === 'ExplicitDeny' && result.deniedBy) {
    return `${head} with an explicit deny in ${article(layerPhrase(result.deniedBy.layer))}`;
  }
  if (result.decision === 'ImplicitDeny' && result.missingAllowIn) {
    return `${head} because no ${layerPhrase(result.missingAllowIn)} allows the ${action} action`;
  }
  return head;
}
