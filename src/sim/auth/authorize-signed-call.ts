/**
 * The check every SigV4-signed JSON 1.1 operation of a service makes before it acts: the signature is
 * verified (`authenticate`), then IAM decides the action on the resource with the caller's policies,
 * boundary and session policies, and the decision goes into the trace. A refusal is the service's
 * `AccessDeniedException` with IAM's usual sentence, HTTP 400 as JSON 1.1 services send it.
 */
import { authErrors } from './errors';
import type { RequestContext } from '../core/service';
import { accessDeniedMessage, evaluate } from '../iam/evaluate';
import { authenticate } from './authenticate';
import type { Caller } from './caller';

export async function authorizeSignedCall(
  ctx: RequestContext,
  request: Request,
  call: { service: string; action: string; resource: string },
): Promise<Caller> {
  const caller = await authenticate(request, ctx, { service: call.service, dialect: 'json' });
  const world = ctx.world;
  const { action, resource } = call;
  const result = evaluate({
    action,
    resource,
    principal: caller.principal,
    resourceAccountId: world.accountId,
    context: { ...caller.context, 'aws:RequestedRegion': world.region },
    identityPolicies: caller.identityPolicies,
    permissionsBoundary: caller.permissionsBoundary,
    sessionPolicies: caller.sessionPolicies,
  });
  ctx.emit('iam.decision', `${result.decision}: ${caller.arn} → ${action} on ${resource}`, {
    action,
    resource,
    principal: caller.arn,
    result,
  });
  if (result.decision !== 'Allow') {
    throw authErrors.accessDeniedJson(
      accessDeniedMessage(caller.arn, action, resource, result, { quoteResource: false }),
    );
  }
  return caller;
}
