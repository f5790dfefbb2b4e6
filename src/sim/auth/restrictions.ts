/**
 * What GetSessionToken and GetFederationToken credentials may never call, whatever their policies
 * allow (IAM User Guide "Comparing the AWS STS API operations"; docs/aws-reference.md §5.2).
 */
import { authErrors } from './errors';
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

/**
 * Throws AccessDenied (403) when the credentials' origin forbids the action outright, in the form IAM
 * uses for every refusal: `User: <arn> is not authorized to perform: <action> on resource: <arn>`,
 * with nothing after it (AWS does not say why; the reason goes to the trace instead).
 */
export function assertApiAllowed(
  caller: Caller,
  action: string,
  resource: string,
  explain?: (reason: string) => void,
): void {
  const reason = apiRestrictionFor(caller, action);
  if (!reason) return;
  explain?.(reason);
  throw authErrors.notAuthorized(caller.arn, action, resource);
}
