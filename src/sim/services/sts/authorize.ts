/**
 * Runs the IAM evaluator for an STS action and records the decision in the trace. Role assumption
 * passes the role's trust policy as the `trust` layer: it must allow the caller itself, and for IAM
 * callers the identity-based side is evaluated too (IAM User Guide "Policy evaluation logic").
 */
import type { RequestContext } from '../../core/service';
import { evaluate } from '../../iam/evaluate';
import type { AuthorizationRequest, EvaluationResult } from '../../iam/types';

export function authorize(ctx: RequestContext, request: AuthorizationRequest): EvaluationResult {
  const result = evaluate(request);
  ctx.emit('iam.decision', `${result.decision}: ${request.action} on ${request.resource}`, {
    action: request.action,
    resource: request.resource,
    principal: request.principal,
    context: request.context,
    result,
  });
  return result;
}

/** Role ARN → the session ARN and `aws:userid` of a session named `sessionName` (docs/aws-reference.md §0: no role path). */
export function roleSessionIds(
  accountId: string,
  role: { roleName: string; roleId: string },
  sessionName: string,
) {
  return {
    arn: `arn:aws:sts::${accountId}:assumed-role/${role.roleName}/${sessionName}`,
    assumedRoleId: `${role.roleId}:${sessionName}`,
  };
}
