import { type AuthorizationRequest, type EvaluationResult, evaluate } from '../sim/index';
import { type CallerSpec, IDENTITY_B, listCallers, type WorldView } from './callers';
import { type ColumnSpec, listColumns } from './columns';

/**
 * The access matrix: every caller against every (action, resource) the policies name, each cell
 * decided by the engine's own evaluator with the same inputs a real request would carry (identity
 * policies, boundary, session policies such as the guest scope-down, the bucket policy as resource
 * policy, the session's context keys).
 */
export interface AccessMatrix {
  callers: { id: string; label: string; blocked?: string }[];
  actions: { id: string; action: string; resource: string; group: string }[];
  cells: { caller: string; action: string; decision: 'allow' | 'deny'; reason: string }[];
}

export interface MatrixModel {
  matrix: AccessMatrix;
  /** The exact request and result behind one cell (for the IAM trace). */
  explain(
    callerId: string,
    actionId: string,
  ): { request: AuthorizationRequest; result: EvaluationResult } | undefined;
}

function requestFor(view: WorldView, caller: CallerSpec, column: ColumnSpec): AuthorizationRequest {
  const self = caller.identityId ?? '';
  const other = `${view.region}:${IDENTITY_B}`;
  const fill = (s: string) => s.split('{self}').join(self).split('{other}').join(other);
  const resource = fill(column.resource);
  const bucketName = resource.startsWith('arn:aws:s3:::') ? resource.slice(13).split('/')[0] : undefined;
  const bucket =
    bucketName && Object.hasOwn(view.state.s3.buckets, bucketName)
      ? view.state.s3.buckets[bucketName]
      : undefined;
  const context: AuthorizationRequest['context'] = {
    'aws:SecureTransport': 'true',
    'aws:RequestedRegion': view.region,
    ...caller.context,
  };
  for (const [k, v] of Object.entries(column.context)) context[k] = fill(v);
  if (bucket) context['aws:ResourceAccount'] = view.accountId;
  return {
    action: column.action,
    resource,
    principal: caller.principal,
    resourceAccountId: view.accountId,
    context,
    identityPolicies: caller.identityPolicies,
    ...(caller.permissionsBoundary ? { permissionsBoundary: caller.permissionsBoundary } : {}),
    sessionPolicies: caller.sessionPolicies,
    ...(bucket?.policy
      ? {
          resourcePolicy: {
            name: `bucket policy of ${bucket.name}`,
            document: bucket.policy,
            layer: 'resource' as const,
          },
        }
      : {}),
  };
}

export function computeMatrix(view: WorldView): MatrixModel {
  const callers = listCallers(view);
  const columns = listColumns(view, callers);
  const cells: AccessMatrix['cells'] = [];
  for (const caller of callers) {
    for (const column of columns) {
      if (caller.blocked) {
        cells.push({
          caller: caller.id,
          action: column.id,
          decision: 'deny',
          reason: `No credentials: ${caller.blocked}`,
        });
        continue;
      }
      const result = evaluate(requestFor(view, caller, column));
      cells.push({
        caller: caller.id,
        action: column.id,
        decision: result.decision === 'Allow' ? 'allow' : 'deny',
        reason: result.reason,
      });
    }
  }
  const byId = new Map(callers.map((c) => [c.id, c]));
  const colById = new Map(columns.map((c) => [c.id, c]));
  return {
    matrix: {
      callers: callers.map((c) => ({
        id: c.id,
        label: c.label,
        ...(c.blocked ? { blocked: c.blocked } : {}),
      })),
      actions: columns.map((c) => ({ id: c.id, action: c.action, resource: c.label, group: c.group })),
      cells,
    },
    explain(callerId, actionId) {
      const caller = byId.get(callerId);
      const column = colById.get(actionId);
      if (!caller || !column) return undefined;
      const request = requestFor(view, caller, column);
      return { request, result: evaluate(request) };
    },
  };
}
