/**
 * The IAM policy evaluator every simulated service calls (IAM User Guide, "Policy evaluation
 * logic"; docs/aws-reference.md §6.1–6.3 and 5.5). Order of the decision:
 *   1. An applicable Deny statement in any policy → explicit deny.
 *   2. Trust policies must always allow the caller themselves (an identity policy alone never lets
 *      anyone assume a role).
 *   3. Same account: a resource-based policy that names the caller's user, session or federated-user
 *      session ARN (or `*`) allows on its own; naming the role ARN skips the identity policies but the
 *      role's permissions boundary and session policies must still allow; naming only the account
 *      delegates to the identity-based policies.
 *   4. Otherwise the identity-based policies must allow, then the permissions boundary (if any),
 *      then the session policies (if any: together they form the ceiling, so one of them must allow).
 *   5. Cross-account: both the caller's side (4) and the resource policy must allow.
 * Principals outside IAM (web identity, SAML, services, anonymous) are decided by the resource or
 * trust policy alone. Not modelled: SCPs, RCPs, VPC endpoint policies, ACLs, the root user.
 */
import { evaluatePolicy, type PolicyEvaluation } from './statement';
import { layerPhrase } from './messages';
import type { AuthorizationRequest, EvaluationResult, PolicyLayer, PolicyTrace } from './types';
import { contextLookup } from './variables';

export { accessDeniedMessage } from './messages';

function statementLabel(trace: PolicyTrace, index: number): string {
  const sid = trace.statements[index]?.sid;
  return sid ? `statement "${sid}"` : `statement #${index + 1}`;
}

function describePolicy(trace: PolicyTrace): string {
  return `the ${layerPhrase(trace.layer)} "${trace.name}"`;
}

function firstAllowing(evaluations: PolicyEvaluation[]): PolicyTrace | undefined {
  return evaluations.map((e) => e.trace).find((t) => t.outcome === 'Allow');
}

function allowedBy(trace: PolicyTrace): string {
  const index = trace.statements.findIndex((s) => s.applies && s.effect === 'Allow');
  return `${statementLabel(trace, index)} of ${describePolicy(trace)}`;
}

export function evaluate(request: AuthorizationRequest): EvaluationResult {
  const lookup = contextLookup(request.context);
  const resourceLayer: PolicyLayer = request.resourcePolicy?.layer ?? 'resource';
  const resource = request.resourcePolicy
    ? evaluatePolicy(request.resourcePolicy, resourceLayer, request, lookup)
    : undefined;
  const identity = request.identityPolicies.map((p) => evaluatePolicy(p, 'identity', request, lookup));
  const boundary = request.permissionsBoundary
    ? evaluatePolicy(request.permissionsBoundary, 'boundary', request, lookup)
    : undefined;
  const sessions = (request.sessionPolicies ?? []).map((p) => evaluatePolicy(p, 'session', request, lookup));
  const all = [...(resource ? [resource] : []), ...identity, ...(boundary ? [boundary] : []), ...sessions];
  const policies = all.map((e) => e.trace);
  const { action } = request;
  const target = request.resource === '*' ? '' : ` on ${request.resource}`;

  // 1. Explicit deny anywhere wins.
  for (const { trace } of all) {
    if (trace.outcome !== 'Deny') continue;
    const index = trace.statements.findIndex((s) => s.applies && s.effect === 'Deny');
    const sid = trace.statements[index]?.sid;
    return {
      decision: 'ExplicitDeny',
      reason: `Explicitly denied: ${statementLabel(trace, index)} of ${describePolicy(trace)} denies ${action}${target}, and an explicit Deny overrides every Allow.`,
      deniedBy: { layer: trace.layer, name: trace.name, index, ...(sid !== undefined ? { sid } : {}) },
      policies,
    };
  }

  const implicit = (layer: PolicyLayer, why: string): EvaluationResult => ({
    decision: 'ImplicitDeny',
    reason: `Implicitly denied: no ${layerPhrase(layer)} allows ${action}${target}${why}.`,
    missingAllowIn: layer,
    policies,
  });
  const allow = (reason: string): EvaluationResult => ({ decision: 'Allow', reason, policies });

  const grant = resource?.allowGrant;
  const resourceName = resource ? describePolicy(resource.trace) : '';

  // Web identity, SAML, service and anonymous callers have no identity-based side: the resource
  // (or trust) policy decides alone.
  if (request.principal.type !== 'AWS') {
    if (!resource || !grant)
      return implicit(resourceLayer, ` to this ${request.principal.type.toLowerCase()} principal`);
    return allow(`Allowed by ${allowedBy(resource.trace)}, which names the caller.`);
  }

  if (resourceLayer === 'trust' && !grant) {
    return implicit('trust', ': a role trust policy must allow the caller itself');
  }

  const sameAccount =
    request.resourceAccountId === undefined || request.resourceAccountId === request.principal.accountId;
  const federatedSession = request.principal.identifiers.some((id) => id.includes(':federated-user/'));
  const identityAllow = firstAllowing(identity);
  const boundaryOk = !boundary || boundary.trace.outcome === 'Allow';
  const sessionAllow = firstAllowing(sessions);
  const sessionOk = sessions.length === 0 || sessionAllow !== undefined;
  const ceilings = `${boundary ? '; the permissions boundary allows it' : ''}${sessions.length > 0 && sessionAllow ? `; ${describePolicy(sessionAllow)} allows it` : ''}`;

  if (resource && grant && sameAccount) {
    const limited = grant === 'role' || (grant === 'user' && federatedSession);
    if (grant !== 'account' && !limited) {
      return allow(
        `Allowed by ${allowedBy(resource.trace)}: in the same account, a resource-based policy that names the caller's ${grant === 'any' ? 'principal (*)' : `${grant} ARN`} grants access on its own, whatever the identity, boundary and session policies say.`,
      );
    }
    if (limited) {
      if (!boundaryOk)
        return implicit(
          'boundary',
          `; ${resourceName} names the ${grant} ARN, so the permissions boundary still applies`,
        );
      if (!sessionOk)
        return implicit(
          'session',
          `; ${resourceName} names the ${grant} ARN, not the session, so the session policies still apply`,
        );
      return allow(
        `Allowed by ${allowedBy(resource.trace)}, which names the ${grant} ARN (identity-based policies are not needed in the same account)${ceilings}.`,
      );
    }
  }

  // The caller's own side: identity-based policies, then the ceilings.
  if (!identityAllow) return implicit('identity', '');
  if (!boundaryOk) return implicit('boundary', `, although ${allowedBy(identityAllow)} does`);
  if (!sessionOk)
    return implicit(
      'session',
      `, although ${allowedBy(identityAllow)} does: the session policies are a ceiling on the session`,
    );

  if (!sameAccount) {
    if (!resource || !grant)
      return implicit(
        resourceLayer,
        `: cross-account access needs the resource account's policy to allow it as well as ${allowedBy(identityAllow)}`,
      );
    return allow(
      `Allowed across accounts: ${allowedBy(identityAllow)} and ${allowedBy(resource.trace)} both allow it${ceilings}.`,
    );
  }
  return allow(
    `Allowed by ${allowedBy(identityAllow)}${resource && grant ? ` and ${allowedBy(resource.trace)}` : ''}${ceilings}.`,
  );
}
