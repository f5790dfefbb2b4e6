import { type AuthorizationRequest, type EvaluationResult, evaluate } from '../sim/index';
import { type CallerSpec, IDENTITY_B, listCallers, type WorldView } from './callers';
import { COLUMN_CAP, type ColumnSpec, listColumns } from './columns';
import type { DefinedResource } from './defined-resources';
import { evaluateBounded } from './matrix-depends';

/**
 * The access matrix: every caller against every (action, resource) the policies name, each cell
 * decided by the engine's own evaluator with the same inputs a real request would carry (identity
 * policies, boundary, session policies such as the guest scope-down, the bucket policy as resource
 * policy, the session's context keys).
 */
export interface AccessMatrix {
  callers: { id: string; label: string; blocked?: string; refusal?: CallerSpec['refusal'] }[];
  /** `derived`: no policy writes this pair; which broad statement reaches it (a wildcard, NotAction …). */
  actions: { id: string; action: string; resource: string; group: string; derived?: string }[];
  cells: { caller: string; action: string; decision: CellDecision; reason: string }[];
  /** What the caps kept and left out, so the view can say so (labels of what is not shown). */
  limits: { callers: MatrixLimit; actions: MatrixLimit };
}

/** One cap: how many are shown of how many there are, and the labels of the rest. */
export interface MatrixLimit {
  shown: number;
  total: number;
  omitted: string[];
}

/**
 * 'conditional' ("Depends"): the answer turns on something the matrix cannot know — a request-time
 * condition key, a policy the import could not load, or a KMS key policy — named in the reason.
 */
export type CellDecision = 'allow' | 'deny' | 'conditional';

/** Explain a KMS cell whose key policy is not known: IAM alone cannot grant a KMS key (see below). */
const KMS_REASON =
  'the key policy decides: an IAM policy can allow a KMS key only if the key policy allows it (directly or by enabling IAM policies), and a key policy can allow on its own';

/**
 * KMS developer guide, "Key policies in AWS KMS": "Unless the key policy explicitly allows it, you cannot
 * use IAM policies to allow access to a KMS key." The engine's evaluator takes the key policy as the
 * resource policy (naming the account delegates to IAM policies, naming the role or `*` grants), and KMS
 * adds one rule: some statement of the key policy must allow the call.
 */
const keyPolicyAllows = (r: EvaluationResult) =>
  r.decision === 'Allow' && r.policies.some((p) => p.layer === 'resource' && p.outcome === 'Allow');

/** Grants (CreateGrant) also allow a key's use; a template cannot make one, so none is counted. */
const NO_GRANTS = 'Grants, which a template cannot create, are not counted.';

export interface MatrixModel {
  matrix: AccessMatrix;
  /** The exact request and result behind one cell (for the IAM trace). */
  explain(
    callerId: string,
    actionId: string,
  ): { request: AuthorizationRequest; result: EvaluationResult } | undefined;
}

/** The stack's key whose policy the matrix can read, when the column names one. */
function readableKey(view: WorldView, resource: string) {
  const key = definedByArn(view).get(resource);
  const policy = key?.keyPolicy;
  return key && policy && 'document' in policy
    ? { key, document: policy.document, given: policy.given }
    : undefined;
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
  const key = /^kms:/i.test(column.action) ? readableKey(view, resource) : undefined;
  // Every KMS request carries the caller's account (KMS developer guide, "kms:CallerAccount").
  if (key) context['kms:CallerAccount'] = caller.principal.accountId ?? view.accountId;
  return {
    action: column.action,
    resource,
    principal: caller.principal,
    resourceAccountId: view.accountId,
    context,
    identityPolicies: caller.identityPolicies,
    ...(caller.permissionsBoundary ? { permissionsBoundary: caller.permissionsBoundary } : {}),
    sessionPolicies: caller.sessionPolicies,
    ...(key
      ? {
          resourcePolicy: {
            name: `${key.given ? '' : 'default '}key policy of ${key.key.what}`,
            document: key.document,
            layer: 'resource' as const,
          },
        }
      : {}),
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

/** The stack's queues, topics, functions, keys and secrets by ARN, made once per view (every cell asks). */
const definedMaps = new WeakMap<WorldView, Map<string, DefinedResource>>();
function definedByArn(view: WorldView): Map<string, DefinedResource> {
  let map = definedMaps.get(view);
  if (!map) {
    map = new Map((view.defined ?? []).map((r) => [r.arn, r]));
    definedMaps.set(view, map);
  }
  return map;
}

/**
 * IAM's answer under KMS's rule: an Allow that no key policy statement shares is KMS's implicit deny
 * (so the IAM trace and the cell agree).
 */
function underKeyPolicy(result: EvaluationResult, key: string): EvaluationResult {
  if (result.decision !== 'Allow' || keyPolicyAllows(result)) return result;
  return {
    ...result,
    decision: 'ImplicitDeny',
    reason: `Implicitly denied: no statement of the key policy of ${key} allows this, not even by enabling IAM policies (naming the account), and "unless the key policy explicitly allows it, you cannot use IAM policies to allow access to a KMS key" (KMS developer guide). The IAM policies alone: ${result.reason}`,
    missingAllowIn: 'resource',
  };
}

function decideCell(
  view: WorldView,
  caller: CallerSpec,
  column: ColumnSpec,
): { decision: CellDecision; reason: string } {
  // Whatever the request carries is known: the caller's keys, the column's, and the two every call
  // brings here (TLS, as every AWS SDK calls over HTTPS, and the stack's region). A bucket policy that
  // refuses plain HTTP, the documented pattern, then leaves HTTPS calls certain instead of "Depends".
  const request = requestFor(view, caller, column);
  const kms = /^kms:/i.test(column.action);
  const key = kms ? readableKey(view, request.resource) : undefined;
  // A call straight to KMS comes through no service: kms:ViaService is absent, not unknown.
  const fixed = Object.keys(request.context);
  if (key && !('kms:ViaService' in request.context)) fixed.push('kms:ViaService');
  const bounded = evaluateBounded(request, fixed, key ? keyPolicyAllows : undefined);
  const result = key ? underKeyPolicy(bounded.result, key.key.what) : bounded.result;
  // An explicit deny that holds whatever the request brings is certain: nothing below can lift it.
  if (result.decision === 'ExplicitDeny') return { decision: 'deny', reason: result.reason };
  const allowed = result.decision === 'Allow';
  const depends = (why: string) => ({ decision: 'conditional' as const, reason: `Depends on ${why}` });
  // KMS developer guide, "Key policies in AWS KMS": "Unless the key policy explicitly allows it, you
  // cannot use IAM policies to allow access to a KMS key." https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html
  if (kms && !key) {
    const unread = definedByArn(view).get(request.resource)?.keyPolicy;
    return depends(
      unread && 'unread' in unread
        ? `${KMS_REASON}. The key policy of this key was not read: ${unread.unread}`
        : request.resource === '*' || !request.resource.includes(':key/')
          ? `${KMS_REASON}; this column stands for keys outside this stack, whose policies are not known`
          : `${KMS_REASON}; the key is not one of this stack's, so its policy is not known`,
    );
  }
  // A queue, topic or function the stack gives a resource-based policy: for a caller in this account the
  // identity policy alone can allow, but that policy can also allow on its own, or deny.
  const defined = definedByArn(view).get(request.resource);
  const guarded = defined?.policy ? defined : undefined;
  if (guarded?.policy)
    return depends(
      `the ${guarded.policy} on ${guarded.what}, which the import does not simulate (it can allow on its own, or deny). Without it: ${result.reason}`,
    );
  // A secret's value is encrypted under its KMS key: reading or writing it needs that key as well, so an
  // Allow on the secret is decided again on the key (a refusal stays one: the key cannot lift it).
  const sealed = defined?.key ? defined : undefined;
  const valueCall = /^secretsmanager:(GetSecretValue|PutSecretValue)$/i.exec(column.action)?.[1];
  if (allowed && sealed?.key && valueCall) {
    const own = sealed.keyArn ? readableKey(view, sealed.keyArn) : undefined;
    if (!own)
      return depends(
        `the key policy of ${sealed.key}, the customer managed KMS key ${sealed.what} is encrypted under: the value is decrypted (or encrypted) with it for the caller, and ${sealed.keyArn ? 'that key policy was not read' : 'that key is not one of this stack’s'}. The secret itself: ${result.reason}`,
      );
    return throughKey(view, caller, column, sealed, own.key, valueCall, result.reason);
  }
  const managed = (caller.unloaded ?? []).filter((u) => u.as === 'managed policy');
  const boundary = (caller.unloaded ?? []).find((u) => u.as === 'permissions boundary');
  // A policy not loaded could allow (or deny) anything; a boundary not loaded can only narrow an Allow.
  if (managed.length > 0)
    return depends(
      `${managed.map((u) => u.arn).join(', ')}: the caller has this managed policy, which the import could not load`,
    );
  if (boundary && allowed)
    return depends(
      `the permissions boundary ${boundary.arn}, which the import could not load (a boundary can only narrow this Allow)`,
    );
  if (bounded.dependsOn)
    return depends(
      `the request: ${bounded.dependsOn.join(', ')} (set by each request, not by the caller). When those conditions favour access: ${result.reason}`,
    );
  if (key && !allowed) return { decision: 'deny', reason: `${result.reason} ${NO_GRANTS}` };
  return { decision: allowed ? 'allow' : 'deny', reason: result.reason };
}

/**
 * A secret's value under one of the stack's keys. Secrets Manager asks KMS for a new data key when the
 * value changes (PutSecretValue: kms:GenerateDataKey) and decrypts the stored one to read it
 * (GetSecretValue: kms:Decrypt), each with the caller's own permission on the key, through the service
 * (kms:ViaService) and with the secret's ARN as encryption context (Secrets Manager User Guide, "Secret
 * encryption and decryption"; the AWSSecretsManagerClientReadOnlyAccess policy conditions on both keys).
 */
function throughKey(
  view: WorldView,
  caller: CallerSpec,
  column: ColumnSpec,
  secret: DefinedResource,
  key: DefinedResource,
  call: string,
  secretReason: string,
): { decision: CellDecision; reason: string } {
  const action = /^get/i.test(call) ? 'kms:Decrypt' : 'kms:GenerateDataKey';
  const answer = decideCell(view, caller, {
    ...column,
    action,
    resource: key.arn,
    label: key.arn,
    context: {
      'kms:ViaService': `secretsmanager.${view.region}.amazonaws.com`,
      'kms:EncryptionContext:SecretARN': secret.arn,
    },
  });
  const how = `Secrets Manager calls ${action} on ${key.what} for the caller (${secret.what} is encrypted under it)`;
  if (answer.decision === 'allow')
    return { decision: 'allow', reason: `${secretReason} ${how}, and that is allowed too: ${answer.reason}` };
  if (answer.decision === 'deny')
    return {
      decision: 'deny',
      reason: `Denied by the key: ${how}, and that is refused. ${answer.reason} The secret itself would allow it: ${secretReason}`,
    };
  return { ...answer, reason: `${answer.reason} (${how}). The secret itself: ${secretReason}` };
}

/**
 * The most cells a matrix evaluates: 60 callers × 150 columns, the old fixed caps. Measured with the
 * bench (BENCH_ONLY=stack) on a stack that fills both caps, that is already most of the 500 ms import
 * budget on a busy two-core machine, and 9,000 buttons is as much table as a phone renders smoothly.
 * Fewer callers leave room for more columns (up to COLUMN_CAP).
 */
export const CELL_BUDGET = 9000;

/** `caps` overrides CALLER_CAP and the column cap (a bench measuring their cost, a view showing all). */
export function computeMatrix(
  view: WorldView,
  caps: { callers?: number; columns?: number } = {},
): MatrixModel {
  const callerList = listCallers(view, caps.callers);
  const callers = callerList.shown;
  const columnCap =
    caps.columns ?? Math.min(COLUMN_CAP, Math.floor(CELL_BUDGET / Math.max(1, callers.length)));
  const columnList = listColumns(view, callers, columnCap);
  const columns = columnList.shown;
  const limit = (shown: number, omitted: string[]): MatrixLimit => ({
    shown,
    total: shown + omitted.length,
    omitted,
  });
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
      cells.push({ caller: caller.id, action: column.id, ...decideCell(view, caller, column) });
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
        ...(c.refusal ? { refusal: c.refusal } : {}),
      })),
      actions: columns.map((c) => ({
        id: c.id,
        action: c.action,
        resource: c.label,
        group: c.group,
        ...(c.derived ? { derived: c.derived } : {}),
      })),
      cells,
      limits: {
        callers: limit(callers.length, callerList.omitted),
        actions: limit(columns.length, columnList.omitted),
      },
    },
    explain(callerId, actionId) {
      const caller = byId.get(callerId);
      const column = colById.get(actionId);
      if (!caller || !column) return undefined;
      const request = requestFor(view, caller, column);
      const key = /^kms:/i.test(column.action) ? readableKey(view, request.resource) : undefined;
      const result = evaluate(request);
      return { request, result: key ? underKeyPolicy(result, key.key.what) : result };
    },
  };
}
