/**
 * What GetSessionToken and GetFederationToken credentials may never call, whatever their policies
 * allow (IAM User Guide "Comparing the AWS STS API operations"; reference 5.2).
 */
import { AwsError } from '../core/errors';
import type { Caller } from './caller';

/** Why `action` (e.g. `iam:ListUsers`, `sts:GetSessionToken`) is refused for this caller, or undefined. */
export function apiRestrictionFor(caller: Caller, action: string): string | undefined {
  const r = caller.apiRestrictions;
  if (!r) return undefined;
  const service = action.split(':')[0]?.toLowerCase();
  if (service === 'iam' && !r.iamAllowed) {
    return r.source === 'GetFederationToken'
      ? 'Credentials from GetFederationToken cannot call IAM APIs.'
      : 'Credentials from GetSessionToken cannot call IAM APIs unless MFA information was included in the request.';
  }
  if (service === 'sts' && !r.stsActions.some((a) => a.toLowerCase() === action.toLowerCase())) {
    return `Credentials from ${r.source} can only call ${r.stsActions.join(' and ')} in STS.`;
  }
  return undefined;
}

/** Throws AccessDenied (403) when the credentials' origin forbids the action outright. */
export function assertApiAllowed(caller: Caller, action: string): void {
  const reason = apiRestrictionFor(caller, action);
  if (reason)
    throw new AwsError(
      'AccessDenied',
      `User: ${caller.arn} is not authorized to perform: ${action}. ${reason}`,
      403,
    );
}
