/**
 * The developer (SigV4-signed) side of the identity pools API: the request must verify as SigV4
 * for service `cognito-identity`, and the caller's IAM policies must allow the action on the pool.
 * The JSON 1.1 adapter reads the body, so the route keeps an unread copy for the signature check.
 */
import { authorizeSignedCall } from '../../auth/authorize-signed-call';
import type { Caller } from '../../auth/caller';
import { parseSignature } from '../../auth/parse-signature';
import { IdentityErrors } from './errors';
import type { RequestContext } from '../../core/service';
import { identityPoolArn } from './openid-token';

const unreadCopies = new WeakMap<RequestContext, Request>();

/**
 * Cloning tees the body stream, which costs more than the rest of an unsigned GetId. An unsigned
 * request (no Authorization header, no X-Amz-Algorithm query) is kept as is: the signature check
 * reads only its headers and URL to refuse it, never its body.
 */
export function keepUnreadCopy(ctx: RequestContext, request: Request): void {
  if (request.method !== 'POST') return;
  unreadCopies.set(ctx, parseSignature(request).kind === 'none' ? request : request.clone());
}

/** Verifies the signature and asks IAM; throws the service's error when either says no. */
export async function authorizeDeveloperCall(
  ctx: RequestContext,
  operation: string,
  poolId?: string,
): Promise<Caller> {
  const request = unreadCopies.get(ctx);
  if (!request) throw IdentityErrors.requestBodyGone();
  return authorizeSignedCall(ctx, request, {
    service: 'cognito-identity',
    action: `cognito-identity:${operation}`,
    resource: poolId ? identityPoolArn(ctx.world, poolId) : '*',
  });
}
