import { POLICY_LIMITS } from './build-context';
import { StackImportError } from './errors';

/**
 * IAM's inline policy quota is per principal, not per document (IAM User Guide, "IAM and AWS STS
 * quotas"; GetAccountSummary's UserPolicySizeQuota, GroupPolicySizeQuota and RolePolicySizeQuota are
 * "the aggregate of all inline policies embedded in" the user, group or role, white space not counted).
 * The figures (user 2,048, group 5,120, role 10,240 characters) are the IAM FAQ's ("How many policies
 * can I attach to an IAM role?"); the quotas page's published source leaves the table out.
 * A template embeds policies in one principal from several places: its own `Policies`, and each
 * AWS::IAM::Policy, RolePolicy, UserPolicy or GroupPolicy that names it. This tally adds them up in the
 * order the builders meet them and refuses the template at the document that goes over.
 */
export const InlinePrincipal = { user: 'user', group: 'group', role: 'role' } as const;
export type InlinePrincipal = (typeof InlinePrincipal)[keyof typeof InlinePrincipal];

const LIMIT: Record<InlinePrincipal, number> = {
  user: POLICY_LIMITS.userInline,
  group: POLICY_LIMITS.groupInline,
  role: POLICY_LIMITS.roleInline,
};

export interface InlinePolicyTally {
  /**
   * Counts a document of `size` characters (IAM's measure, found at `path`) against `kind` `name`;
   * throws once their total is over the quota.
   */
  add(kind: InlinePrincipal, name: string, size: number, path: string): void;
}

export function createInlinePolicyTally(): InlinePolicyTally {
  // Keyed by kind and name: a user and a role may share a name, and each has its own quota.
  const used = new Map<string, number>();
  return {
    add(kind, name, size, path) {
      const key = `${kind}:${name}`;
      const before = used.get(key) ?? 0;
      const total = before + size;
      const limit = LIMIT[kind];
      if (total > limit) {
        const sum =
          before > 0 ? `${total} characters with the ${before} already embedded` : `${total} characters`;
        throw new StackImportError(
          `${path}: the inline policies of ${kind} ${name} come to ${sum}; IAM allows at most ${limit} for a ${kind}'s inline policies together (IAM quotas, white space not counted), so this template cannot deploy`,
        );
      }
      used.set(key, total);
    },
  };
}
