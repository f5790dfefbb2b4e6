/**
 * The `Principal` / `NotPrincipal` element of resource-based and trust policies (IAM User Guide,
 * "AWS JSON policy elements: Principal"). Values are exact (no wildcards except `"*"` on its own).
 * An AWS account may be named by its id or by `arn:aws:iam::<acct>:root`; both mean the account,
 * which delegates the decision to the account's own identity-based policies. A role ARN matches
 * the role's sessions; an assumed-role session ARN matches that one session.
 */
import { asList } from './match';
import type { PolicyStatement, RequestPrincipal } from './types';

/**
 * How specifically a resource policy named the caller. This decides the same-account rule of
 * IAM "Policy evaluation logic" (docs/aws-reference.md §6.2): naming a user, a role session or a federated-user
 * session (or `*`) grants on its own; naming a role is still limited by the role's permissions
 * boundary and session policies; naming the account only delegates to identity-based policies.
 */
export type PrincipalGrant =
  | 'any'
  | 'session'
  | 'federated-user'
  | 'user'
  | 'role'
  | 'account'
  | 'federated'
  | 'service';

/** Strongest first: the grant that needs the fewest other layers to agree. */
export const GRANT_STRENGTH: readonly PrincipalGrant[] = [
  'any',
  'session',
  'federated-user',
  'user',
  'federated',
  'service',
  'role',
  'account',
];

function classifyAws(value: string): PrincipalGrant {
  if (value === '*') return 'any';
  if (/^\d{12}$/.test(value) || /^arn:aws[\w-]*:iam::\d{12}:root$/.test(value)) return 'account';
  if (value.includes(':assumed-role/')) return 'session';
  if (value.includes(':federated-user/')) return 'federated-user';
  if (value.includes(':role/')) return 'role';
  return 'user';
}

function accountOf(value: string): string | undefined {
  if (/^\d{12}$/.test(value)) return value;
  return /^arn:aws[\w-]*:iam::(\d{12}):root$/.exec(value)?.[1];
}

function matchesAwsValue(value: string, principal: RequestPrincipal): boolean {
  if (value === '*') return true;
  if (principal.type !== 'AWS') return false;
  const account = accountOf(value);
  if (account)
    return principal.accountId === account || principal.identifiers.some((id) => accountOf(id) === account);
  return principal.identifiers.includes(value);
}

/** Which entries of a Principal element name this caller, and how (undefined: not named). */
export function principalGrant(
  element: PolicyStatement['Principal'],
  principal: RequestPrincipal,
): PrincipalGrant | undefined {
  if (element === undefined) return undefined;
  if (element === '*') return 'any';
  const found: PrincipalGrant[] = [];
  for (const [type, raw] of Object.entries(element)) {
    for (const value of asList(raw)) {
      if (type === 'AWS') {
        if (matchesAwsValue(value, principal)) found.push(classifyAws(value));
      } else if (type === 'Federated' && principal.type === 'Federated') {
        if (principal.identifiers.includes(value)) found.push('federated');
      } else if (type === 'Service' && principal.type === 'Service') {
        if (principal.identifiers.some((id) => id.toLowerCase() === value.toLowerCase()))
          found.push('service');
      }
    }
  }
  return GRANT_STRENGTH.find((g) => found.includes(g));
}

/**
 * Whether a NotPrincipal element leaves the caller out. AWS checks a caller level by level: the account,
 * then the user, or for a role session the account, the role and then the session (IAM User Guide,
 * "AWS JSON policy elements: NotPrincipal": "AWS verifies the account first, then the user... the account,
 * then the role, and then the assumed-role user"). So a caller is left out only when every level is
 * listed: naming a user without its account, or a role without its sessions, leaves the caller covered.
 * Federated and service callers are left out when one of their identifiers is listed.
 */
function excludedByNotPrincipal(element: PolicyStatement['NotPrincipal'], principal: RequestPrincipal) {
  if (element === undefined) return false;
  if (element === '*') return true;
  if (principal.type !== 'AWS') return principalGrant(element, principal) !== undefined;
  const listed = Object.entries(element)
    .filter(([type]) => type === 'AWS')
    .flatMap(([, raw]) => asList(raw));
  if (listed.includes('*')) return true;
  const account = principal.accountId;
  const accountListed = listed.some((value) => account !== undefined && accountOf(value) === account);
  const levels = principal.identifiers.filter((id) => accountOf(id) === undefined);
  return accountListed && levels.every((id) => listed.includes(id));
}

/** Whether a statement's Principal / NotPrincipal element covers the caller, and how strongly. */
export function statementPrincipal(
  statement: PolicyStatement,
  principal: RequestPrincipal,
): { matched: boolean; grant?: PrincipalGrant } {
  if (statement.Principal !== undefined) {
    const grant = principalGrant(statement.Principal, principal);
    return { matched: grant !== undefined, grant };
  }
  if (statement.NotPrincipal !== undefined) {
    // Everyone the element does not leave out is covered, anonymous callers included. With Allow that
    // grants to all of them as `"*"` would (the guide's older wording: "allows all principals except the
    // one named... you might grant access to anonymous users"; today it calls Allow unsupported).
    if (excludedByNotPrincipal(statement.NotPrincipal, principal)) return { matched: false };
    return { matched: true, grant: 'any' };
  }
  return { matched: false };
}
