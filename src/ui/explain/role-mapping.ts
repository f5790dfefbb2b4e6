import type { WorldFacts } from '../../player/world-facts';

/**
 * How an identity pool chooses a role, as its configuration says (GetIdentityPoolRoles: `Roles` and
 * `RoleMappings`), read from the scenario's world. Pure, so it is unit-tested against the engine's state.
 * The meanings follow the Cognito Developer Guide, "Role-based access control" (docs/fidelity.md).
 */
export interface RoleMappingRow {
  /** The provider the mapping is for (`cognito-idp.<region>.amazonaws.com/<pool id>:<client id>` …). */
  provider: string;
  type: 'Token' | 'Rules';
  /** What happens when no role can be chosen from the login. */
  ambiguous: string;
  rules: string[];
  meaning: string;
}

export interface PoolRoleConfig {
  poolId: string;
  poolName: string;
  authenticatedRole?: string;
  guestRole?: string;
  classicFlow: boolean;
  mappings: RoleMappingRow[];
  /** What every login without a mapping gets. */
  otherLogins: string;
}

function ambiguousText(value: string | undefined): string {
  return value === 'Deny'
    ? 'Deny: no credentials at all'
    : value === 'AuthenticatedRole'
      ? 'AuthenticatedRole: the pool’s authenticated role'
      : 'not set';
}

export function poolRoleConfig(
  world: WorldFacts | undefined,
  poolId: string | undefined,
): PoolRoleConfig | undefined {
  const pool = world?.identityPools.find((p) => p.IdentityPoolId === poolId);
  if (!pool) return undefined;
  const mappings = Object.entries(pool.RoleMappings ?? {}).map(([provider, m]): RoleMappingRow => {
    const rules = (m.RulesConfiguration?.Rules ?? []).map(
      (r, i) => `${i + 1}. if ${r.Claim} ${r.MatchType} “${r.Value}” → ${r.RoleARN}`,
    );
    return {
      provider,
      type: m.Type,
      ambiguous: ambiguousText(m.AmbiguousRoleResolution),
      rules,
      meaning:
        m.Type === 'Token'
          ? 'Type Token: the role comes from the user pool ID token itself. cognito:preferred_role (the role of the user’s group with the lowest precedence) is used; with several roles in cognito:roles a CustomRoleArn in the request may pick one of them; with none, AmbiguousRoleResolution decides.'
          : 'Type Rules: the rules are tried in order against the token’s claims and the first that matches gives the role; if none matches, AmbiguousRoleResolution decides.',
    };
  });
  return {
    poolId: pool.IdentityPoolId,
    poolName: pool.IdentityPoolName,
    authenticatedRole: pool.Roles.authenticated,
    guestRole: pool.AllowUnauthenticatedIdentities ? pool.Roles.unauthenticated : undefined,
    classicFlow: pool.AllowClassicFlow,
    mappings,
    otherLogins:
      'Any other login (a provider with no mapping) gets the authenticated role; a SAML login with no mapping gets the role its assertion names (the Role attribute, CustomRoleArn choosing among several).',
  };
}
