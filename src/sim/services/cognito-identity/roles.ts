/**
 * Which role the enhanced flow assumes (docs/aws-reference.md §4.8): the unauthenticated role for guests; for
 * signed-in users the provider's RoleMapping if there is one (Token: `cognito:roles` /
 * `cognito:preferred_role` / CustomRoleArn; Rules: first matching rule of up to 25), falling back
 * to AmbiguousRoleResolution; otherwise the authenticated role. Every decision is emitted as a
 * trace event saying which rule chose the role.
 */
import { getOwn } from '../../core/dict';
import type { RequestContext } from '../../core/service';
import { IdentityErrors } from './errors';
import type { VerifiedLogin } from './logins';
import type { IdentityPoolConfig, MappingRule, RoleMapping } from './state';

export interface RoleChoice {
  roleArn: string;
  /** One sentence for the inspector. */
  reason: string;
}

export function chooseRole(
  ctx: RequestContext,
  pool: IdentityPoolConfig,
  input: { authenticated: boolean; logins: VerifiedLogin[]; customRoleArn?: string },
): RoleChoice {
  const choice = decide(pool, input);
  if ('deny' in choice) {
    ctx.emit('role.selection', `No role: ${choice.deny}`, { decision: 'Deny', reason: choice.deny });
    throw choice.error;
  }
  ctx.emit('role.selection', `Role ${choice.roleArn}: ${choice.reason}`, {
    roleArn: choice.roleArn,
    reason: choice.reason,
  });
  return choice;
}

type Decision = RoleChoice | { deny: string; error: Error };

function decide(
  pool: IdentityPoolConfig,
  input: { authenticated: boolean; logins: VerifiedLogin[]; customRoleArn?: string },
): Decision {
  const noRole = (why: string): Decision => ({ deny: why, error: IdentityErrors.badPoolConfiguration() });
  if (!input.authenticated) {
    const arn = pool.Roles.unauthenticated;
    return arn
      ? { roleArn: arn, reason: 'guest identity: the pool’s unauthenticated role' }
      : noRole('the pool has no unauthenticated role');
  }
  for (const login of input.logins) {
    const mapping = getOwn(pool.RoleMappings, login.mappingKey);
    if (mapping) return applyMapping(pool, login, mapping, input.customRoleArn);
  }
  const saml = input.logins.find((l) => l.samlRoles && l.samlRoles.length > 0);
  if (saml?.samlRoles) return samlAssertionRole(pool, saml.samlRoles, input.customRoleArn);
  const fallback = pool.Roles.authenticated;
  if (input.customRoleArn && input.customRoleArn !== fallback) {
    // Without a mapping the only role on offer is the authenticated role (unv: AWS's exact behaviour).
    return noRole(`CustomRoleArn ${input.customRoleArn} is not a role this pool can choose`);
  }
  return fallback
    ? { roleArn: fallback, reason: 'no role mapping for the provider: the pool’s authenticated role' }
    : noRole('the pool has no authenticated role');
}

/**
 * A SAML login without a RoleMapping: the assertion's Role attribute lists the roles the user may
 * take and CustomRoleArn chooses among them (identity pools guide, "Customizing your user role with
 * SAML"; GetCredentialsForIdentity API reference, CustomRoleArn: "the role to be assumed when multiple
 * roles were received in the token from the identity provider"). The chosen role must trust
 * cognito-identity.amazonaws.com for this pool: Cognito still assumes it with its own OpenID token.
 * Two points AWS does not document, followed here as the closest reading (unv): a CustomRoleArn the
 * assertion does not list is refused like one missing from cognito:roles, and several roles with no
 * CustomRoleArn fall back to the pool's authenticated role.
 */
function samlAssertionRole(pool: IdentityPoolConfig, roles: string[], customRoleArn?: string): Decision {
  if (customRoleArn) {
    if (roles.includes(customRoleArn))
      return {
        roleArn: customRoleArn,
        reason: 'SAML: CustomRoleArn is one of the assertion’s Role attribute values',
      };
    return {
      deny: `CustomRoleArn ${customRoleArn} is not in the assertion's Role attribute`,
      error: IdentityErrors.ambiguousRoleDenied(),
    };
  }
  if (roles.length === 1 && roles[0])
    return { roleArn: roles[0], reason: 'SAML: the only role the assertion’s Role attribute offers' };
  const arn = pool.Roles.authenticated;
  return arn
    ? {
        roleArn: arn,
        reason:
          'SAML: the assertion offers several roles and no CustomRoleArn chose one; the pool’s authenticated role',
      }
    : {
        deny: 'several SAML roles, no CustomRoleArn, no authenticated role',
        error: IdentityErrors.badPoolConfiguration(),
      };
}

function ambiguous(pool: IdentityPoolConfig, mapping: RoleMapping, why: string): Decision {
  if ((mapping.AmbiguousRoleResolution ?? 'AuthenticatedRole') === 'Deny') {
    return { deny: `${why}; AmbiguousRoleResolution is Deny`, error: IdentityErrors.ambiguousRoleDenied() };
  }
  const arn = pool.Roles.authenticated;
  if (!arn)
    return {
      deny: `${why}; no authenticated role to fall back to`,
      error: IdentityErrors.badPoolConfiguration(),
    };
  return {
    roleArn: arn,
    reason: `${why}; AmbiguousRoleResolution AuthenticatedRole chose the pool’s authenticated role`,
  };
}

function applyMapping(
  pool: IdentityPoolConfig,
  login: VerifiedLogin,
  mapping: RoleMapping,
  customRoleArn?: string,
): Decision {
  if (mapping.Type === 'Token') {
    const roles = claimList(login.claims['cognito:roles']);
    const preferred = login.claims['cognito:preferred_role'];
    if (customRoleArn) {
      if (roles.includes(customRoleArn))
        return { roleArn: customRoleArn, reason: `token mapping: CustomRoleArn is in cognito:roles` };
      return {
        deny: `CustomRoleArn ${customRoleArn} is not in the token's cognito:roles`,
        error: IdentityErrors.ambiguousRoleDenied(),
      };
    }
    if (typeof preferred === 'string' && preferred) {
      return {
        roleArn: preferred,
        reason: 'token mapping: cognito:preferred_role (the group with the lowest precedence)',
      };
    }
    return ambiguous(
      pool,
      mapping,
      roles.length
        ? 'token mapping: cognito:roles but no cognito:preferred_role'
        : 'token mapping: the token has no cognito:roles',
    );
  }
  const rules = mapping.RulesConfiguration?.Rules ?? [];
  for (const [index, rule] of rules.entries()) {
    if (!ruleMatches(rule, login.claims)) continue;
    if (customRoleArn && customRoleArn !== rule.RoleARN) continue;
    return {
      roleArn: rule.RoleARN,
      reason: `rules mapping: rule ${index + 1} (${rule.Claim} ${rule.MatchType} "${rule.Value}") matched first`,
    };
  }
  return ambiguous(pool, mapping, 'rules mapping: no rule matched');
}

function claimList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return [value];
  return [];
}

/** A claim's value as a string; arrays (e.g. cognito:groups) are matched element by element by Contains. */
export function ruleMatches(rule: MappingRule, claims: Record<string, unknown>): boolean {
  // Own claims only: a rule on `constructor` or `toString` finds no claim (and so never matches).
  const raw = getOwn(claims, rule.Claim);
  // A NotEqual rule is skipped when the claim is missing (doc).
  if (raw === undefined || raw === null) return false;
  const values = Array.isArray(raw) ? raw.map(String) : [String(raw)];
  switch (rule.MatchType) {
    case 'Equals':
      return values.some((v) => v === rule.Value);
    case 'NotEqual':
      return values.every((v) => v !== rule.Value);
    case 'StartsWith':
      return values.some((v) => v.startsWith(rule.Value));
    case 'Contains':
      return values.some((v) => v.includes(rule.Value));
  }
}
