import {
  type AuthorizationRequest,
  cognitoGuestSessionPolicies,
  evaluate,
  type IamRole,
  type IamUser,
  type IdentityPoolConfig,
  type NamedPolicy,
} from '../sim/index';
import type { WorldView } from './world-view';
import { type EngineCaller, engineRoleSessionCaller, engineUserCaller } from './engine-caller';
import { managedPolicy } from './entity-policies';
import { amrForMappingKey, type PoolLogin, poolLogins } from './pool-logins';

/**
 * Every kind of caller a world can produce, as the engine would see its requests: principal,
 * identity policies, boundary, session policies and the context keys its session carries
 * (made by the engine's credential store itself: engine-caller.ts). Identity-pool callers get a stand-in identity id so
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
  /** Why `blocked`: the role's trust refuses the token, a role mapping denies, or the role is not in the stack. */
  refusal?: 'trust' | 'role-mapping' | 'missing-role';
  /**
   * Policies the caller has that the import could not load (a customer managed policy outside the
   * template, an AWS managed policy not bundled): its Allow cells can only say "it depends".
   */
  unloaded?: { arn: string; as: 'managed policy' | 'permissions boundary' }[];
  /** The identity id standing in for this caller (`<region>:<uuid>`), if it is an identity-pool caller. */
  identityId?: string;
  roleArn?: string;
}

export const IDENTITY_A = '11111111-1111-4111-8111-111111111111';
export const IDENTITY_B = '22222222-2222-4222-8222-222222222222';
const COGNITO = 'cognito-identity.amazonaws.com';

export type { WorldView } from './world-view';

export { policiesOf } from './entity-policies';

/** The policy ARNs of the entity that neither the template nor the bundled AWS managed policies define. */
function gapsOf(view: WorldView, entity: IamRole | IamUser): Pick<CallerSpec, 'unloaded'> {
  const unloaded: NonNullable<CallerSpec['unloaded']> = [];
  for (const arn of entity.attachedPolicyArns)
    if (!managedPolicy(view, arn)) unloaded.push({ arn, as: 'managed policy' });
  const boundary = entity.permissionsBoundaryArn;
  if (boundary && !managedPolicy(view, boundary))
    unloaded.push({ arn: boundary, as: 'permissions boundary' });
  return unloaded.length > 0 ? { unloaded } : {};
}

const roleByArn = (view: WorldView, arn: string) =>
  Object.values(view.state.iam.roles).find((r) => r.arn === arn);

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

interface PoolCallerInput {
  id: string;
  label: string;
  origin: string;
  poolId: string;
  roleArn: string;
  amr: string[];
  /** Enhanced-flow guests: Cognito adds its scope-down session policies (aws-facts.md §4.9). */
  guestScope: boolean;
}

function poolCaller(view: WorldView, input: PoolCallerInput): CallerSpec {
  const { poolId, roleArn, amr } = input;
  const role = roleByArn(view, roleArn);
  const identityId = `${poolId.split(':')[0]}:${IDENTITY_A}`;
  const base = { id: input.id, label: input.label, origin: input.origin, identityId, roleArn };
  if (!role) {
    return {
      ...base,
      principal: { type: 'AWS', identifiers: [roleArn], accountId: view.accountId },
      identityPolicies: [],
      sessionPolicies: [],
      context: {},
      blocked: `role ${roleArn} is not in this stack`,
      refusal: 'missing-role',
    };
  }
  // The session Cognito's AssumeRoleWithWebIdentity makes carries the token's keys
  // (src/sim/services/sts/web-token.ts): aud, sub, amr and aws:FederatedProvider.
  const caller = engineRoleSessionCaller(view, {
    role,
    sessionName: 'CognitoIdentityCredentials',
    sessionPolicies: input.guestScope ? cognitoGuestSessionPolicies() : [],
    context: {
      [`${COGNITO}:aud`]: poolId,
      [`${COGNITO}:sub`]: identityId,
      [`${COGNITO}:amr`]: amr,
      'aws:FederatedProvider': COGNITO,
    },
  });
  const spec: CallerSpec = { ...base, ...fromEngine(caller), ...gapsOf(view, role) };
  const trust = evaluate(trustRequest(view, role, poolId, amr, identityId));
  if (trust.decision !== 'Allow') {
    spec.blocked = `the trust policy of ${role.roleName} refuses the identity pool: ${trust.reason}`;
    spec.refusal = 'trust';
  }
  return spec;
}

const fromEngine = (caller: EngineCaller) => ({
  principal: caller.principal,
  identityPolicies: caller.identityPolicies,
  ...(caller.permissionsBoundary ? { permissionsBoundary: caller.permissionsBoundary } : {}),
  sessionPolicies: caller.sessionPolicies,
  context: caller.context,
});

/** Whether the trust policy of the role accepts a Cognito token with this amr for the pool. */
function trusts(view: WorldView, roleArn: string, poolId: string, amr: string[]): boolean {
  const role = roleByArn(view, roleArn);
  if (!role) return false;
  const sub = `${poolId.split(':')[0]}:${IDENTITY_A}`;
  return evaluate(trustRequest(view, role, poolId, amr, sub)).decision === 'Allow';
}

/** GetOpenIdToken needs AllowClassicFlow and is refused pool-wide with role mappings (aws-facts.md §4.5). */
const classicFlowOpen = (pool: IdentityPoolConfig) =>
  pool.AllowClassicFlow && Object.keys(pool.RoleMappings).length === 0;

function guestCallers(view: WorldView, pool: IdentityPoolConfig): CallerSpec[] {
  const out: CallerSpec[] = [];
  const name = pool.IdentityPoolName;
  const guest = pool.Roles.unauthenticated;
  if (!pool.AllowUnauthenticatedIdentities) return out;
  const poolId = pool.IdentityPoolId;
  const amr = ['unauthenticated'];
  if (guest)
    out.push(
      poolCaller(view, {
        id: `guest:${poolId}`,
        label: `Guest of ${name}`,
        origin: 'enhanced flow: the guest role with Cognito’s scope-down session policy',
        poolId,
        roleArn: guest,
        amr,
        guestScope: true,
      }),
    );
  if (!classicFlowOpen(pool)) return out;
  if (guest)
    out.push(
      poolCaller(view, {
        id: `guest-classic:${poolId}`,
        label: `Guest of ${name} (classic flow)`,
        origin: 'basic (classic) flow: AssumeRoleWithWebIdentity with no scope-down',
        poolId,
        roleArn: guest,
        amr,
        guestScope: false,
      }),
    );
  // In the basic flow the client picks the role: any role whose trust accepts the guest's token
  // (aud = pool, amr = unauthenticated) is reachable, whatever the pool's Roles say (Cognito
  // developer guide "Role trust and permissions"; aws-facts.md §4.5).
  for (const role of Object.values(view.state.iam.roles)) {
    if (role.arn === guest || !trusts(view, role.arn, poolId, amr)) continue;
    out.push(
      poolCaller(view, {
        id: `guest-classic:${role.arn}:${poolId}`,
        label: `Guest of ${name} (classic flow) → role ${role.roleName}`,
        origin: `basic (classic) flow: the guest's OpenID token is accepted by the trust policy of ${role.roleName}`,
        poolId,
        roleArn: role.arn,
        amr,
        guestScope: false,
      }),
    );
  }
  return out;
}

/** Why a signed-in user of this login gets no role when no rule matches, or undefined if the default role applies. */
function fallback(pool: IdentityPoolConfig, login: PoolLogin): string | undefined {
  const key = login.mappingKeys.find((k) => Object.hasOwn(pool.RoleMappings, k));
  const mapping = key ? pool.RoleMappings[key] : undefined;
  if (!mapping || (mapping.AmbiguousRoleResolution ?? 'AuthenticatedRole') !== 'Deny') return undefined;
  // A user no rule (or token role) picks is refused: no credentials (aws-facts.md §4.8;
  // RoleMapping.AmbiguousRoleResolution in the Cognito Identity API reference).
  return `${login.key}: ${mapping.Type === 'Rules' ? 'no rule matches' : 'the token names no role'} and AmbiguousRoleResolution is Deny`;
}

function signedInCallers(view: WorldView, pool: IdentityPoolConfig): CallerSpec[] {
  const authRole = pool.Roles.authenticated;
  if (!authRole) return [];
  const poolId = pool.IdentityPoolId;
  const name = pool.IdentityPoolName;
  const logins = poolLogins(view, pool);
  const toDefault = logins.filter((l) => fallback(pool, l) === undefined);
  const base = { poolId, roleArn: authRole, guestScope: false };
  if (logins.length > 0 && toDefault.length === 0) {
    const refused = poolCaller(view, {
      ...base,
      id: `auth:${poolId}`,
      label: `Signed-in user of ${name}`,
      origin: 'a signed-in user whom no role mapping picks',
      amr: logins[0]?.amr ?? ['authenticated'],
    });
    refused.blocked = `every login provider is mapped with AmbiguousRoleResolution Deny, so a user no mapping picks gets no credentials (${logins.map((l) => fallback(pool, l)).join('; ')})`;
    refused.refusal = 'role-mapping';
    return [refused];
  }
  const origin = (ls: PoolLogin[]) =>
    ls.length === 0
      ? 'the default authenticated role (the pool names no login provider)'
      : `the default authenticated role, for users of ${ls.map((l) => l.key).join(', ')} whom no role mapping picks`;
  // One row when every login reaching the default role gets the same trust answer; else one per login.
  const answers = new Set(toDefault.map((l) => trusts(view, authRole, poolId, l.amr)));
  if (answers.size <= 1)
    return [
      poolCaller(view, {
        ...base,
        id: `auth:${poolId}`,
        label: `Signed-in user of ${name}`,
        origin: origin(toDefault),
        amr: toDefault[0]?.amr ?? ['authenticated'],
      }),
    ];
  return toDefault.map((l, i) =>
    poolCaller(view, {
      ...base,
      id: i === 0 ? `auth:${poolId}` : `auth:${poolId}:${l.key}`,
      label: `Signed-in user of ${name} via ${l.key}`,
      origin: origin([l]),
      amr: l.amr,
    }),
  );
}

/**
 * Signed-in users in the basic (classic) flow: GetOpenIdToken, then AssumeRoleWithWebIdentity on a role
 * of the app's choosing, so every role whose trust takes the token (aud = the pool, amr "authenticated"
 * and the login) is reachable. "Your app chooses the IAM role": Identity pools authentication flow,
 * https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flow.html (aws-facts.md §4.5).
 * The pool's authenticated role is left out: the enhanced-flow row already has the same permissions.
 */
function signedInClassicCallers(view: WorldView, pool: IdentityPoolConfig): CallerSpec[] {
  if (!classicFlowOpen(pool)) return [];
  // GetOpenIdToken refuses a SAML login ("Basic (classic) flow is not supported with SAML").
  const logins = poolLogins(view, pool).filter((l) => l.kind !== 'SAML');
  const poolId = pool.IdentityPoolId;
  const name = pool.IdentityPoolName;
  const out: CallerSpec[] = [];
  for (const role of Object.values(view.state.iam.roles)) {
    if (role.arn === pool.Roles.authenticated) continue;
    const accepted = logins.filter((l) => trusts(view, role.arn, poolId, l.amr));
    const first = accepted[0];
    if (!first) continue;
    // One row when the trust takes every login the same way; else one per login it takes.
    const rows =
      accepted.length === logins.length
        ? [{ login: first, via: '' }]
        : accepted.map((login) => ({ login, via: ` via ${login.key}` }));
    for (const { login, via } of rows)
      out.push(
        poolCaller(view, {
          id: `auth-classic:${role.arn}:${poolId}${via ? `:${login.key}` : ''}`,
          label: `Signed-in user of ${name}${via} (classic flow) → role ${role.roleName}`,
          origin: `basic (classic) flow: the signed-in user's OpenID token (amr ${login.amr.slice(0, 2).join(', ')}) is accepted by the trust policy of ${role.roleName}`,
          poolId,
          roleArn: role.arn,
          amr: login.amr,
          guestScope: false,
        }),
      );
  }
  return out;
}

function identityPoolCallers(view: WorldView): CallerSpec[] {
  const out: CallerSpec[] = [];
  for (const pool of Object.values(view.state.cognitoIdentity.pools)) {
    const name = pool.IdentityPoolName;
    out.push(
      ...guestCallers(view, pool),
      ...signedInCallers(view, pool),
      ...signedInClassicCallers(view, pool),
    );
    const logins = poolLogins(view, pool);
    for (const [provider, mapping] of Object.entries(pool.RoleMappings)) {
      const providerAmr = amrForMappingKey(logins, provider);
      if (mapping.Type === 'Rules') {
        (mapping.RulesConfiguration?.Rules ?? []).forEach((rule, i) => {
          out.push(
            poolCaller(view, {
              id: `rule:${pool.IdentityPoolId}:${provider}:${i}`,
              label: `${name}: ${rule.Claim} ${rule.MatchType} "${rule.Value}"`,
              origin: `role mapping rule ${i + 1} for ${provider}`,
              poolId: pool.IdentityPoolId,
              roleArn: rule.RoleARN,
              amr: providerAmr,
              guestScope: false,
            }),
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
          out.push(
            poolCaller(view, {
              id: `group:${pool.IdentityPoolId}:${poolId}:${group.groupName}`,
              label: `${name}: group ${group.groupName}`,
              origin: `token role mapping (cognito:preferred_role) for members of ${group.groupName}`,
              poolId: pool.IdentityPoolId,
              roleArn: group.roleArn,
              amr: providerAmr,
              guestScope: false,
            }),
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
    ...fromEngine(engineUserCaller(view, user)),
    ...gapsOf(view, user),
  };
}

function roleSession(view: WorldView, role: IamRole, from: CallerSpec): CallerSpec {
  const caller = engineRoleSessionCaller(view, {
    role,
    sessionName: 'atlas-session',
    sessionPolicies: [],
    context: {},
  });
  return {
    id: `${from.id}>${role.arn}`,
    label: `${from.label} → role ${role.roleName}`,
    origin: `sts:AssumeRole from ${from.label}`,
    ...fromEngine(caller),
    ...gapsOf(view, role),
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

/**
 * How many callers the matrix shows. Each row costs a cell per column; what the cap leaves out is
 * listed by label (CallerList.omitted), never dropped silently.
 */
export const CALLER_CAP = 60;

/** The callers shown, and the labels of those the cap left out. */
export interface CallerList {
  shown: CallerSpec[];
  omitted: string[];
}

/**
 * All callers: identity-pool ones, IAM users, and one hop of sts:AssumeRole from any of them. The
 * direct callers come before the hops, so a cap leaves out hops first.
 */
export function listCallers(view: WorldView, max = CALLER_CAP): CallerList {
  const base = [
    ...identityPoolCallers(view),
    ...Object.values(view.state.iam.users).map((u) => userCaller(view, u)),
  ];
  const out = [...base];
  for (const from of base) {
    if (from.blocked) continue;
    for (const role of Object.values(view.state.iam.roles)) {
      if (role.arn === from.roleArn) continue;
      if (canAssume(view, from, role)) out.push(roleSession(view, role, from));
    }
  }
  return { shown: out.slice(0, max), omitted: out.slice(max).map((c) => c.label) };
}
