import { createDict, parseState } from '../../core/dict';
import type { Caller } from '../../auth/caller';
import type { RequestContext, ServiceHandler } from '../../core/service';
import { createValidator } from '../../core/validate';
import { accessDeniedMessage } from '../../iam/messages';
import type { AuthorizationRequest, EvaluationResult } from '../../iam/types';
import { syncErrors } from './errors';
import {
  deleteDataset,
  describeDataset,
  describeIdentityPoolUsage,
  describeIdentityUsage,
  listDatasets,
  listRecords,
  type SyncTarget,
  updateRecords,
} from './operations';
import { type ParsedSyncRequest, parseSyncRequest, syncJsonResponse } from './wire';

/**
 * Cognito Sync's front door: SigV4 → input validation → IAM (`cognito-sync:<Operation>` on the
 * dataset ARN) → "each identity sees only its own data" → the operation. The security steps are
 * injected so the route can use the shared SigV4/IAM engine and tests can stand in for it. Failures
 * are thrown and answered at dispatch in REST-JSON (protocol/registry.ts).
 */
export interface SyncSecurity {
  authenticate(request: Request, ctx: RequestContext): Promise<Caller>;
  evaluate(request: AuthorizationRequest): EvaluationResult | Promise<EvaluationResult>;
}

const v = createValidator('InvalidParameterException');
const ID_RULE = { min: 1, max: 55, pattern: /^[\w-]+:[0-9a-f-]+$/, patternText: '[\\w-]+:[0-9a-f-]+' };
const NAME_RULE = { min: 1, max: 128, pattern: /^[a-zA-Z0-9_.:-]+$/, patternText: '[a-zA-Z0-9_.:-]+' };

const COGNITO_SUB = 'cognito-identity.amazonaws.com:sub';
const COGNITO_AUD = 'cognito-identity.amazonaws.com:aud';

/** The resource ARN IAM sees (obs: ListDatasets is authorised on `…/dataset/null`, aws-sdk-java #1912). */
export function syncResourceArn(region: string, accountId: string, p: ParsedSyncRequest): string {
  const pool = `arn:aws:cognito-sync:${region}:${accountId}:identitypool/${p.identityPoolId}`;
  if (p.identityId === undefined) return pool;
  return `${pool}/identity/${p.identityId}/dataset/${p.datasetName ?? 'null'}`;
}

export function createSyncHandler(security: SyncSecurity): ServiceHandler {
  return async (request, ctx) => {
    const caller = await security.authenticate(request, ctx);
    const parsed = parseSyncRequest(request);
    ctx.emit('request', `CognitoSync.${parsed.operation}`, { operation: parsed.operation });
    validate(parsed);
    const body = parsed.operation === 'UpdateRecords' ? await readJson(request) : {};
    const { world } = ctx;
    const resource = syncResourceArn(world.region, world.accountId, parsed);
    const action = `cognito-sync:${parsed.operation}`;
    const now = world.now();
    const result = await security.evaluate({
      action,
      resource,
      principal: caller.principal,
      resourceAccountId: world.accountId,
      context: {
        ...caller.context,
        'aws:SecureTransport': 'true',
        'aws:CurrentTime': new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        'aws:EpochTime': String(Math.floor(now / 1000)),
        'aws:RequestedRegion': world.region,
      },
      identityPolicies: caller.identityPolicies,
      permissionsBoundary: caller.permissionsBoundary,
      sessionPolicies: caller.sessionPolicies,
    });
    ctx.emit('iam.decision', `${action} → ${result.decision}`, { action, resource, result });
    if (result.decision !== 'Allow') {
      throw syncErrors.accessDenied(
        accessDeniedMessage(caller.arn, action, resource, result, { quoteResource: false }),
      );
    }
    checkOwnership(caller, parsed);
    const target: SyncTarget = {
      identityPoolId: parsed.identityPoolId,
      identityId: parsed.identityId ?? '',
      datasetName: parsed.datasetName,
      actor: sub(caller) ?? caller.accountId,
    };
    return syncJsonResponse(run(parsed, target, body, ctx), ctx.requestId);
  };
}

function run(
  p: ParsedSyncRequest,
  t: SyncTarget,
  body: Record<string, unknown>,
  ctx: RequestContext,
): unknown {
  const { world } = ctx;
  switch (p.operation) {
    case 'ListDatasets':
      return listDatasets(world, t, p.query);
    case 'DescribeDataset':
      return describeDataset(world, t);
    case 'DeleteDataset':
      return deleteDataset(world, t, ctx);
    case 'ListRecords':
      return listRecords(world, t, p.query, ctx);
    case 'UpdateRecords':
      return updateRecords(world, t, body, ctx);
    case 'DescribeIdentityUsage':
      return describeIdentityUsage(world, t);
    case 'DescribeIdentityPoolUsage':
      return describeIdentityPoolUsage(world, p.identityPoolId);
  }
}

function validate(p: ParsedSyncRequest) {
  v.string({ v: p.identityPoolId }, 'v', ID_RULE, 'identityPoolId');
  if (p.identityId !== undefined) v.string({ v: p.identityId }, 'v', ID_RULE, 'identityId');
  if (p.datasetName !== undefined) v.string({ v: p.datasetName }, 'v', NAME_RULE, 'datasetName');
}

const sub = (caller: Caller): string | undefined => {
  const value = caller.context[COGNITO_SUB];
  return typeof value === 'string' ? value : undefined;
};

/**
 * "With Amazon Cognito Sync, each identity has access only to its own data" (API reference): a caller
 * holding Cognito identity credentials may only name its own identity and pool. Developer
 * credentials (no cognito sub) may name any identity; IAM alone decides for them.
 */
function checkOwnership(caller: Caller, p: ParsedSyncRequest) {
  const identity = sub(caller);
  if (identity === undefined) return;
  const aud = caller.context[COGNITO_AUD];
  // DescribeIdentityPoolUsage "can only be called with developer credentials".
  if (p.identityId === undefined) throw syncErrors.wrongIdentity();
  if (identity !== p.identityId || (typeof aud === 'string' && aud !== p.identityPoolId))
    throw syncErrors.wrongIdentity();
}

async function readJson(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.trim() === '') return createDict();
  try {
    const value: unknown = parseState(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through to the same error as a non-object body
  }
  throw syncErrors.invalidParameter('The request body is not a valid JSON object.');
}
