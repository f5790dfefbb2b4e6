/**
 * One authorisation as S3, API Gateway (AWS_IAM) and SSM make it: the caller's identity policies,
 * boundary and session policies from its credentials, the resource's policy, and the request's
 * context keys go to the shared evaluator; the decision (with its whole trace) is emitted as an
 * `iam.decision` event so the explainer can show which policy allowed or denied.
 * Reference: IAM User Guide, "Policy evaluation logic" and "Access denied error messages".
 */
import type { Caller } from '../../auth/caller';
import { isoSeconds } from '../../core/time';
import type { RequestContext } from '../../core/service';
import { evaluate } from '../../iam/evaluate';
import type {
  AuthorizationRequest,
  ContextKeys,
  EvaluationResult,
  NamedPolicy,
  RequestPrincipal,
} from '../../iam/types';

/** The principal of a request with no signature at all (S3 evaluates it against the bucket policy). */
export const ANONYMOUS_PRINCIPAL: RequestPrincipal = { type: 'Anonymous', identifiers: [] };

export interface AuthorizeInput {
  /** undefined: an anonymous (unsigned) request. */
  caller: Caller | undefined;
  action: string;
  resource: string;
  resourceAccountId: string;
  resourcePolicy?: NamedPolicy;
  /** Service-specific keys (`s3:prefix` …). */
  serviceContext?: ContextKeys;
  /** The URL the request arrived on, for `aws:SecureTransport`. */
  url: URL;
  userAgent?: string | null;
}

/** Request-wide global condition keys (IAM User Guide, "AWS global condition context keys"). */
function requestContext(ctx: RequestContext, input: AuthorizeInput): ContextKeys {
  const now = ctx.world.now();
  const keys: ContextKeys = {
    'aws:SecureTransport': input.url.protocol === 'https:' ? 'true' : 'false',
    'aws:CurrentTime': isoSeconds(now),
    'aws:EpochTime': String(Math.floor(now / 1000)),
    'aws:RequestedRegion': ctx.world.region,
    'aws:ResourceAccount': input.resourceAccountId,
  };
  if (input.userAgent) keys['aws:UserAgent'] = input.userAgent;
  if (!input.caller) {
    keys['aws:userid'] = 'anonymous';
    keys['aws:PrincipalType'] = 'Anonymous';
  }
  return keys;
}

export function buildAuthorizationRequest(ctx: RequestContext, input: AuthorizeInput): AuthorizationRequest {
  const caller = input.caller;
  return {
    action: input.action,
    resource: input.resource,
    principal: caller ? caller.principal : ANONYMOUS_PRINCIPAL,
    resourceAccountId: input.resourceAccountId,
    context: { ...requestContext(ctx, input), ...(caller?.context ?? {}), ...(input.serviceContext ?? {}) },
    identityPolicies: caller?.identityPolicies ?? [],
    resourcePolicy: input.resourcePolicy ? { ...input.resourcePolicy, layer: 'resource' } : undefined,
    permissionsBoundary: caller?.permissionsBoundary,
    sessionPolicies: caller?.sessionPolicies ?? [],
  };
}

/** Evaluates and records the decision; the caller decides how to refuse. */
export function authorize(ctx: RequestContext, input: AuthorizeInput): EvaluationResult {
  const request = buildAuthorizationRequest(ctx, input);
  const result = evaluate(request);
  const who = input.caller?.arn ?? 'anonymous';
  ctx.emit('iam.decision', `${result.decision}: ${who} → ${input.action} on ${input.resource}`, {
    action: input.action,
    resource: input.resource,
    principal: who,
    context: request.context,
    result,
  });
  return result;
}
