/**
 * A matrix caller as the engine sees its signed requests: principal, policies, boundary, session
 * policies and request context. This mirrors the engine's credential store and authenticate step
 * (src/sim/auth/credential-store.ts `userCaller` / `sessionCaller`, src/sim/auth/authenticate.ts),
 * which the stack may not import (only src/sim/index.ts is public, and it does not export them);
 * tests/stack/matrix-fidelity.test.ts compares its cells with real signed requests to keep them in step.
 * - Long-term keys carry no aws:MultiFactorAuthPresent and no aws:TokenIssueTime (IAM User Guide,
 *   global condition keys; re:Post "mfa-iam-user-aws-cli": "The MultiFactorAuthPresent key isn't present
 *   in requests made with long-term credentials").
 * - A user's own Tags are its aws:PrincipalTag/* keys; a role session's are the role's Tags (IAM User
 *   Guide, "Controlling access to and for IAM users and roles using tags"; no session tags here).
 * - Every request carries aws:CurrentTime and aws:EpochTime.
 */
import type { IamRole, IamUser, NamedPolicy } from '../sim/index';
import { boundaryOf, policiesOf } from './entity-policies';
import type { WorldView } from './world-view';

export interface EngineCaller {
  principal: { type: 'AWS'; identifiers: string[]; accountId: string };
  identityPolicies: NamedPolicy[];
  permissionsBoundary?: NamedPolicy;
  sessionPolicies: NamedPolicy[];
  context: Record<string, string | string[]>;
}

/** The clock the matrix answers at: the view's, else the wall clock (importStack's own default). */
export const viewNow = (view: WorldView): number => view.now ?? Date.now();

const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const accountIds = (acct: string) => [`arn:aws:iam::${acct}:root`, acct];

function principalTags(tags: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(tags ?? {})) out[`aws:PrincipalTag/${k}`] = v;
  return out;
}

/** Keys `authenticate` adds to every verified request (aws:SecureTransport is set per column). */
function requestKeys(view: WorldView): Record<string, string> {
  const now = viewNow(view);
  return { 'aws:CurrentTime': isoSeconds(now), 'aws:EpochTime': String(Math.floor(now / 1000)) };
}

/** An IAM user signing with a long-term access key. */
export function engineUserCaller(view: WorldView, user: IamUser): EngineCaller {
  return {
    principal: {
      type: 'AWS',
      identifiers: [user.arn, ...accountIds(view.accountId)],
      accountId: view.accountId,
    },
    identityPolicies: policiesOf(view, user),
    ...(boundaryOf(view, user) ? { permissionsBoundary: boundaryOf(view, user) } : {}),
    sessionPolicies: [],
    context: {
      'aws:username': user.userName,
      'aws:userid': user.userId,
      'aws:PrincipalArn': user.arn,
      'aws:PrincipalType': 'User',
      'aws:PrincipalAccount': view.accountId,
      ...principalTags(user.tags),
      ...requestKeys(view),
    },
  };
}

export interface RoleSessionInput {
  role: IamRole;
  sessionName: string;
  sessionPolicies: NamedPolicy[];
  /** Keys the session's token put in (web identity: `cognito-identity.amazonaws.com:*`, `aws:FederatedProvider`). */
  context: Record<string, string | string[]>;
}

/** A role session as STS mints it now: no MFA, no session tags, issued at the view's instant. */
export function engineRoleSessionCaller(view: WorldView, input: RoleSessionInput): EngineCaller {
  const { role } = input;
  const arn = `arn:aws:sts::${view.accountId}:assumed-role/${role.roleName}/${input.sessionName}`;
  return {
    principal: {
      type: 'AWS',
      identifiers: [arn, role.arn, ...accountIds(view.accountId)],
      accountId: view.accountId,
    },
    identityPolicies: policiesOf(view, role),
    ...(boundaryOf(view, role) ? { permissionsBoundary: boundaryOf(view, role) } : {}),
    sessionPolicies: input.sessionPolicies,
    context: {
      ...input.context,
      'aws:userid': `${role.roleId}:${input.sessionName}`,
      'aws:PrincipalAccount': view.accountId,
      'aws:TokenIssueTime': isoSeconds(viewNow(view)),
      'aws:MultiFactorAuthPresent': 'false',
      'aws:PrincipalArn': role.arn,
      'aws:PrincipalType': 'AssumedRole',
      ...principalTags(role.tags),
      ...requestKeys(view),
    },
  };
}
