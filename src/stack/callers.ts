import {
  AWS_MANAGED_POLICIES,
  type AuthorizationRequest,
  cognitoGuestSessionPolicies,
  evaluate,
  type IamRole,
  type IamUser,
  type NamedPolicy,
} from '../sim/index';
import type { StackState } from './build-context';

/**
 * Every kind of caller a world can produce, as the engine would see its requests: principal,
 * identity policies, boundary, session policies and the context keys its session carries
 * (mirroring the engine's credential store). Identity-pool callers get a stand-in identity id so
 * that `${cognito-identity.amazonaws.com:sub}` resolves; "identity A" is the caller, "identity B"
 * someone else.
 */
export interface CallerSpec {
  id: string;
  label: string;
  /** Why this caller exists (which pool, mapping rule, trust statement …). */
  origin: string;
  principal: AuthorizationRequest['principal'];
  identityPolicies: NamedPolicy[];
  permissionsBoundary?: NamedPolicy;
  sessionPolicies: NamedPolicy[];
  context: AuthorizationRequest['context'];
  /** Set when the caller cannot get credentials at all (the role's trust policy refuses): every cell is then a deny. */
  blocked?: string;
  /** The identity id standing in for this caller (`<region>:<uuid>`), if it is an identity-pool caller. */
  identityId?: string;
  roleArn?: string;
}

export const IDENTITY_A = '11111111-1111-4111-8111-111111111111';
export const IDENTITY_B = '22222222-2222-4222-8222-222222222222';
const COGNITO = 'cognito-identity.amazonaws.com';

export interface WorldView {
  state: StackState;
  accountId: string;
  region: string;
}

function managed(view: WorldView, arn: string) {
  return (
    (Object.hasOwn(view.state.iam.policies, arn) ? view.state.iam.policies[arn] : undefined) ??
    (Object.hasOwn(AWS_MANAGED_POLICIES, arn) ? AWS_MANAGED_POLICIES[arn] : undefined)
  );
}

export function policiesOf(view: WorldView, entity: IamRole | IamUser): NamedPolicy[] {
  const out: NamedPolicy[] = entity.inlinePolicies.map((p) => ({
    name: `inline:${p.name}`,
    document: p.document,
  }));
  for (const arn of entity.attachedPolicyArns) {
    const p = managed(view, arn);
    if (p) out.push({ name: p.policyName, arn: p.arn, document: p.document });
  }
  return out;
}

function boundaryOf(view: WorldView, entity: IamRole | IamUser): NamedPolicy | undefined {
  const p = entity.permissionsBoundaryArn ? managed(view, entity.permissionsBoundaryArn) : undefined;
  return p ? { name: p.policyName, arn: p.arn, document: p.document } : undefined;
}

const roleByArn = (view: WorldView, arn: string) =>
  Object.values(view.state.iam.roles).find((r) => r.arn === arn);
const accountIds = (acct: string) => [`arn:aws:iam::${acct}:root`, acct];

/** The trust-policy check STS makes for AssumeRoleWithWebIdentity with a Cognito identity token. */
export function trustRequest(
  view: WorldView,
  role: IamRole,
  poolId: string,
  amr: string[],
  sub: string,
): AuthorizationRequest {
  return {
    action: 'sts:AssumeRoleWithWebIdentity',
    resource: role.arn,
    principal: { type: 'Federated', identifiers: [COGNITO] },
    resourceAccountId: view.accountId,
    context: {
      [`${COGNITO}:aud`]: poolId,
      [`${COGNITO}:sub`]: sub,
      [`${COGNITO}:amr`]: amr,
      'aws:FederatedProvider': COGNITO,
    },
    identityPolicies: [],
    resourcePolicy: {
      name: `trust policy of ${role.roleName}`,
      arn: role.arn,
      document: role.trustPolicy,
      layer: 'trust',
    },
  };
}

function poolCaller(
  view: WorldView,
  id: string,
  label: string,
  origin: string,
  poolId: string,
  roleArn: string,
  amr: string[],
  guestScope: boolean,
): CallerSpec | undefined {
  const role = roleByArn(view, roleArn);
  const identityId = `${poolId.split(':')[0]}:${IDENTITY_A}`;
  const session = `arn:aws:sts::${view.accountId}:assumed-role/${role?.roleName ?? roleArn.split('/').pop()}/CognitoIdentityCredentials`;
  const spec: CallerSpec = {
    id,
    label,
    origin,
    principal: {
      type: 'AWS',
      identifiers: [session, roleArn, ...accountIds(view.accountId)],
      accountId: view.accountId,
    },
    identityPolicies: role ? policiesOf(view, role) : [],
    ...(role && boundaryOf(view, role) ? { permissionsBoundary: boundaryOf(view, role) } : {}),
    sessionPolicies: guestScope ? cognitoGuestSessionPolicies() : [],
    context: {
      'aws:PrincipalArn': roleArn,
      'aws:PrincipalType': 'AssumedRole',
      'aws:PrincipalAccount': view.accountId,
      'aws:userid': `${role?.roleId ?? 'AROA'}:CognitoIdentityCredentials`,
      'aws:MultiFactorAuthPresent': 'false',
      'aws:FederatedProvider': COGNITO,
      [`${COGNITO}:aud`]: poolId,
      [`${COGNITO}:sub`]: identityId,
      [`${COGNITO}:amr`]: amr,
    },
    identityId,
    roleArn,
  };
  if (!role) spec.blocked = `role ${roleArn} is not in this stack`;
  else {
    const trust = evaluate(trustRequest(view, role, poolId, amr, identityId));
    if (trust.decision !== 'Allow')
      spec.blocked = `the trust policy of ${role.roleName} refuses the identity pool: ${trust.reason}`;
  }
  return spec;
}

function identityPoolCallers(view: WorldView): CallerSpec[] {
  const out: CallerSpec[] = [];
  for (const pool of Object.values(view.state.cognitoIdentity.pools)) {
    const name = pool.IdentityPoolName;
    const add = (c: CallerSpec | undefined) => c && out.push(c);
    const guest = pool.Roles.unauthenticated;
    if (pool.AllowUnauthenticatedIdentities && guest) {
      add(
        poolCaller(
          view,
          `guest:${pool.IdentityPoolId}`,
          `Guest of ${name}`,
          'enhanced flow: the guest role with Cognito’s scope-down session policy',
          pool.IdentityPoolId,
          guest,
          ['unauthenticated'],
          true,
        ),
      );
      if (pool.AllowClassicFlow)
        add(
          poolCaller(
            view,
            `guest-classic:${pool.IdentityPoolId}`,
            `Guest of ${name} (classic flow)`,
            'basic (classic) flow: AssumeRoleWithWebIdentity with no scope-down',
            pool.IdentityPoolId,
            guest,
            ['unauthenticated'],
            false,
          ),
        );
    }
    const authRole = pool.Roles.authenticated;
    const providers = [
      ...pool.CognitoIdentityProviders.map((p) => p.ProviderName),
      ...Object.keys(pool.SupportedLoginProviders),
    ];
    const amr = ['authenticated', providers[0] ?? 'cognito-idp'];
    if (authRole)
      add(
        poolCaller(
          view,
          `auth:${pool.IdentityPoolId}`,
          `Signed-in user of ${name}`,
          'the default authenticated role',
          pool.IdentityPoolId,
          authRole,
          amr,
          false,
        ),
      );
    for (const [provider, mapping] of Object.entries(pool.RoleMappings)) {
      const providerAmr = ['authenticated', provider.split(':')[0] ?? provider];
      if (mapping.Type === 'Rules') {
        (mapping.RulesConfiguration?.Rules ?? []).forEach((rule, i) => {
          add(
            poolCaller(
              view,
              `rule:${pool.IdentityPoolId}:${provider}:${i}`,
              `${name}: ${rule.Claim} ${rule.MatchType} "${rule.Value}"`,
              `role mapping rule ${i + 1} for ${provider}`,
              pool.IdentityPoolId,
              rule.RoleARN,
              providerAmr,
              false,
            ),
          );
        });
      } else {
        // Token mapping: the role in cognito:preferred_role, i.e. each user pool group's role.
        const poolId = provider.split('/')[1]?.split(':')[0] ?? '';
        const userPool = Object.hasOwn(view.state.cognitoIdp.pools, poolId)
          ? view.state.cognitoIdp.pools[poolId]
          : undefined;
        for (const group of Object.values(userPool?.groups ?? {})) {
          if (!group.roleArn) continue;
          add(
            poolCaller(
              view,
              `group:${pool.IdentityPoolId}:${poolId}:${group.groupName}`,
              `${name}: group ${group.groupName}`,
              `token role mapping (cognito:preferred_role) for members of ${group.groupName}`,
              pool.IdentityPoolId,
              group.roleArn,
              providerAmr,
              false,
            ),
          );
        }
      }
    }
  }
  return out;
}

function userCaller(view: WorldView, user: IamUser): CallerSpec {
  return {
    id: `user:${user.arn}`,
    label: `IAM user ${user.userName}`,
    origin: 'long-term access keys',
    principal: {
      type: 'AWS',
      identifiers: [user.arn, ...accountIds(view.accountId)],
      accountId: view.accountId,
    },
    identityPolicies: policiesOf(view, user),
    ...(boundaryOf(view, user) ? { permissionsBoundary: boundaryOf(view, user) } : {}),
    sessionPolicies: [],
    context: {
      'aws:PrincipalArn': user.arn,
      'aws:PrincipalType': 'User',
      'aws:PrincipalAccount': view.accountId,
      'aws:userid': user.userId,
      'aws:username': user.userName,
      'aws:MultiFactorAuthPresent': 'false',
    },
  };
}

function roleSession(view: WorldView, role: IamRole, from: CallerSpec): CallerSpec {
  const session = `arn:aws:sts::${view.accountId}:assumed-role/${role.roleName}/atlas-session`;
  return {
    id: `${from.id}>${role.arn}`,
    label: `${from.label} → role ${role.roleName}`,
    origin: `sts:AssumeRole from ${from.label}`,
    principal: {
      type: 'AWS',
      identifiers: [session, role.arn, ...accountIds(view.accountId)],
      accountId: view.accountId,
    },
    identityPolicies: policiesOf(view, role),
    ...(boundaryOf(view, role) ? { permissionsBoundary: boundaryOf(view, role) } : {}),
    sessionPolicies: [],
    context: {
      'aws:PrincipalArn': role.arn,
      'aws:PrincipalType': 'AssumedRole',
      'aws:PrincipalAccount': view.accountId,
      'aws:userid': `${role.roleId}:atlas-session`,
      'aws:MultiFactorAuthPresent': 'false',
    },
    roleArn: role.arn,
  };
}

/** Whether `from` may call sts:AssumeRole on `role`: its own policies and the role's trust policy, both through the evaluator. */
function canAssume(view: WorldView, from: CallerSpec, role: IamRole): boolean {
  const result = evaluate({
    action: 'sts:AssumeRole',
    resource: role.arn,
    principal: from.principal,
    resourceAccountId: view.accountId,
    context: { ...from.context, 'aws:SecureTransport': 'true' },
    identityPolicies: from.identityPolicies,
    ...(from.permissionsBoundary ? { permissionsBoundary: from.permissionsBoundary } : {}),
    sessionPolicies: from.sessionPolicies,
    resourcePolicy: {
      name: `trust policy of ${role.roleName}`,
      arn: role.arn,
      document: role.trustPolicy,
      layer: 'trust',
    },
  });
  return result.decision === 'Allow';
}

/** All callers: identity-pool ones, IAM users, and one hop of sts:AssumeRole from any of them. */
export function listCallers(view: WorldView, max = 60): CallerSpec[] {
  const base = [
    ...identityPoolCallers(view),
    ...Object.values(view.state.iam.users).map((u) => userCaller(view, u)),
  ];
  const out = [...base];
  for (const from of base) {
    if (from.blocked) continue;
    for (const role of Object.values(view.state.iam.roles)) {
      if (role.arn === from.roleArn || out.length >= max) continue;
      if (canAssume(view, from, role)) out.push(roleSession(view, role, from));
    }
  }
  return out.slice(0, max);
}
