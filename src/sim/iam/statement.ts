/**
 * One policy, statement by statement: does each statement apply to this request (action, resource,
 * principal, conditions all match), and what does the policy say as a whole (Allow, Deny or nothing)?
 */
import { evaluateConditions } from './conditions';
import { actionMatches, arnMatches, asList, displayPattern } from './match';
import { GRANT_STRENGTH, type PrincipalGrant, statementPrincipal } from './principal';
import type { AuthorizationRequest, NamedPolicy, PolicyLayer, PolicyTrace, StatementTrace } from './types';
import { type ContextLookup, substitute, supportsVariables } from './variables';

export interface PolicyEvaluation {
  trace: PolicyTrace;
  /** For resource-based and trust policies: the strongest way an applicable Allow named the caller. */
  allowGrant?: PrincipalGrant;
}

function statementsOf(policy: NamedPolicy) {
  return asList(policy.document.Statement);
}

export function evaluatePolicy(
  policy: NamedPolicy,
  layer: PolicyLayer,
  request: AuthorizationRequest,
  lookup: ContextLookup,
): PolicyEvaluation {
  const variables = supportsVariables(policy.document);
  const withPrincipal = layer === 'resource' || layer === 'trust';
  const grants: PrincipalGrant[] = [];
  const statements: StatementTrace[] = statementsOf(policy).map((statement, index) => {
    const actions = statement.Action !== undefined ? asList(statement.Action) : asList(statement.NotAction);
    const anyAction = actions.some((a) => actionMatches(a, request.action));
    const actionMatched =
      statement.Action !== undefined ? anyAction : statement.NotAction !== undefined ? !anyAction : false;

    let resourceMatched = true;
    let resolvedResources: string[] | undefined;
    const used: { variable: string; value: string }[] = [];
    const resourceElement = statement.Resource ?? statement.NotResource;
    if (resourceElement !== undefined) {
      const substituted = asList(resourceElement).map((r) => ({
        raw: r,
        ...substitute(r, lookup, variables),
      }));
      const anyResource = substituted.some(
        (s) => s.value !== undefined && arnMatches(s.value, request.resource),
      );
      resourceMatched = statement.Resource !== undefined ? anyResource : !anyResource;
      for (const s of substituted) used.push(...(s.resolved ?? []));
      resolvedResources = substituted.map((s) =>
        s.value === undefined ? `${s.raw} (no value for ${s.missing.join(', ')})` : displayPattern(s.value),
      );
    }

    const principal = withPrincipal ? statementPrincipal(statement, request.principal) : undefined;
    const conditions = evaluateConditions(statement.Condition, lookup, variables);
    const applies =
      actionMatched && resourceMatched && (principal?.matched ?? true) && conditions.every((c) => c.matched);
    if (applies && statement.Effect === 'Allow' && principal?.grant) grants.push(principal.grant);

    const trace: StatementTrace = {
      index,
      effect: statement.Effect,
      actionMatched,
      resourceMatched,
      conditions,
      applies,
    };
    if (statement.Sid !== undefined) trace.sid = statement.Sid;
    if (principal) trace.principalMatched = principal.matched;
    if (resolvedResources) trace.resolvedResources = resolvedResources;
    for (const values of Object.values(statement.Condition ?? {}))
      for (const value of Object.values(values ?? {}))
        for (const v of [value].flat())
          if (typeof v === 'string') used.push(...(substitute(v, lookup, variables).resolved ?? []));
    const distinct = used.filter((u, i) => used.findIndex((o) => o.variable === u.variable) === i);
    if (distinct.length > 0) trace.variables = distinct;
    return trace;
  });

  const applicable = statements.filter((s) => s.applies);
  // "Valid values for Effect are Allow and Deny. The Effect value is case sensitive" (IAM User Guide,
  // "IAM JSON policy elements: Effect"): a statement with any other Effect neither allows nor denies.
  const outcome = applicable.some((s) => s.effect === 'Deny')
    ? 'Deny'
    : applicable.some((s) => s.effect === 'Allow')
      ? 'Allow'
      : 'NoMatch';
  const trace: PolicyTrace = { layer, name: policy.name, statements, outcome };
  if (policy.arn !== undefined) trace.arn = policy.arn;
  const allowGrant = GRANT_STRENGTH.find((g) => grants.includes(g));
  return allowGrant ? { trace, allowGrant } : { trace };
}
