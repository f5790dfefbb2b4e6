/**
 * The user pool API's signed side. `Admin*` operations are for a backend that holds AWS credentials:
 * the request must verify as SigV4 for service `cognito-idp`, and the caller's IAM policies must allow
 * `cognito-idp:<Operation>` on the pool's ARN `arn:aws:cognito-idp:<region>:<account>:userpool/<id>`
 * (Cognito Developer Guide, "Actions, resources, and condition keys for Amazon Cognito User Pools";
 * API reference: "Amazon Cognito evaluates IAM policies in requests for this API operation"). The
 * public operations (SignUp, InitiateAuth, GetUser with an access token …) are never signed.
 * A refusal is `AccessDeniedException` in IAM's sentence, observed with HTTP 400 on cognito-idp
 * ("400 AccessDeniedException: User: … is not authorized to perform: cognito-idp:CreateUserPool on
 * resource: * because no identity-based policy allows the cognito-idp:CreateUserPool action",
 * aws-samples/aws-ai-intelligent-document-processing#12).
 */
import { authorizeSignedCall } from '../../auth/authorize-signed-call';
import type { Caller } from '../../auth/caller';
import { parseSignature } from '../../auth/parse-signature';
import { idpErrors } from './errors';
import type { RequestContext } from '../../core/service';

/** The pool's ARN, built from the id in the request: IAM decides before the pool is looked up. */
export const userPoolArn = (region: string, accountId: string, poolId: string) =>
  `arn:aws:cognito-idp:${region}:${accountId}:userpool/${poolId}`;

const unreadCopies = new WeakMap<RequestContext, Request>();

/** Keeps a copy of the body for the signature check (the JSON adapter reads the original). */
export function keepUnreadCopy(ctx: RequestContext, request: Request): void {
  if (request.method !== 'POST') return;
  const target = request.headers.get('x-amz-target') ?? '';
  // Only the signed operations need it; cloning tees the body stream, which the public calls can skip.
  if (!/\.(Admin[A-Za-z]+|ListUsers|ListUsersInGroup|GetGroup|ListGroups)$/.test(target)) return;
  unreadCopies.set(ctx, parseSignature(request).kind === 'none' ? request : request.clone());
}

/** Verifies the signature, then asks IAM; throws Cognito's error when either says no. */
export async function authorizeAdminCall(
  ctx: RequestContext,
  operation: string,
  poolId: string,
): Promise<Caller> {
  const request = unreadCopies.get(ctx);
  if (!request)
    throw idpErrors.requestBodyGone();
  return authorizeSignedCall(ctx, request, {
    service: 'cognito-idp',
    action: `cognito-idp:${operation}`,
    resource: userPoolArn(ctx.world.region, ctx.world.accountId, poolId),
  });
}
