import type { NamedPolicy, PolicyStatement } from '../../sim/index';

/**
 * Which services an enhanced-flow guest can reach, read from the engine's own scope-down session
 * policies (the inline list Cognito passes plus the managed AmazonCognitoUnAuthedIdentitiesSessionPolicy
 * and AmazonCognitoUnauthenticatedIdentities): an action is inside the ceiling when any of them allows it.
 * Nothing is typed in here, so the list shown is the list the engine enforces. The policies come from
 * the engine module (`cognitoGuestSessionPolicies()`), loaded lazily by the caller so the first page
 * stays light.
 */
export interface GuestService {
  /** The action prefix, e.g. `s3`, `kms`. */
  service: string;
  /** `all` for `service:*`; otherwise the action patterns allowed. */
  actions: 'all' | string[];
}

function actionsOf(statement: PolicyStatement): string[] {
  if (statement.Effect !== 'Allow' || !statement.Action) return [];
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}

export function guestScopeDownServices(policies: readonly NamedPolicy[]): GuestService[] {
  const byService = new Map<string, Set<string>>();
  for (const policy of policies) {
    const statements = policy.document.Statement;
    for (const statement of Array.isArray(statements) ? statements : [statements]) {
      for (const action of actionsOf(statement)) {
        const [service, name = '*'] = action.split(':');
        if (!service) continue;
        const set = byService.get(service) ?? new Set<string>();
        set.add(name);
        byService.set(service, set);
      }
    }
  }
  return [...byService.entries()]
    .map(([service, names]) => ({
      service,
      actions: names.has('*') ? ('all' as const) : [...names].sort(),
    }))
    .sort((a, b) => a.service.localeCompare(b.service));
}

/** True when `service` (an action prefix such as `ssm`) is outside the guest ceiling. */
export function guestScopeDownBlocks(services: readonly GuestService[], service: string): boolean {
  return !services.some((s) => s.service === service);
}
