/**
 * GetSessionToken and GetFederationToken (signed, long-term IAM user keys only). GetSessionToken
 * keeps the user's own permissions (optionally proving MFA) and takes no session policy;
 * GetFederationToken makes a federated user whose permissions are the user's policies intersected
 * with the session policies — none at all without one (docs/aws-reference.md §5.2, §5.5).
 */
import { authenticate } from '../../auth/authenticate';
import type { Caller } from '../../auth/caller';
import type { RequestContext } from '../../core/service';
import { getUser } from '../../iam/state';
import { authorize } from './authorize';
import { stsErrors } from './errors';
import { checkMfa } from './mfa';
import { STS_OPERATIONS } from './definitions';
import {
  durationFor,
  listPolicyArns,
  type QueryInput,
  required,
  sessionName,
  sessionPolicies,
} from './params';
import { mintSession, type StsCredentials } from './session';

// Duration limits come from the STS definitions table. The root user's tighter limits (1 h) are
// listed there but not enforced: the demo world has no root access keys.

function longTermUser(caller: Caller, operation: string) {
  if (caller.source !== 'long-term' || caller.kind !== 'iam-user')
    throw stsErrors.sessionCredentials(operation);
  return caller;
}

export async function getSessionToken(
  input: QueryInput,
  ctx: RequestContext,
  request: Request,
  region: string,
): Promise<{ credentials: StsCredentials }> {
  const world = ctx.world;
  const caller = longTermUser(
    await authenticate(request, ctx, { service: 'sts', dialect: 'query', region }),
    'GetSessionToken',
  );
  const seconds = durationFor(input, STS_OPERATIONS.GetSessionToken.duration);
  const mfa = await checkMfa(world, caller, input);
  const mfaAt = mfa?.at;
  const user = getUser(world, caller.arn);
  mfa?.spend();
  const { credentials } = mintSession(world, {
    kind: 'iam-user',
    source: 'GetSessionToken',
    arn: caller.arn,
    userId: caller.userId,
    userName: user?.userName,
    userArn: caller.arn,
    sessionPolicies: [],
    context: {},
    mfaAuthenticatedAt: mfaAt,
    durationSeconds: seconds,
  });
  ctx.emit(
    'token.issued',
    `Session credentials for ${caller.arn}${mfaAt !== undefined ? ' (MFA authenticated)' : ''}`,
    {
      accessKeyId: credentials.accessKeyId,
      arn: caller.arn,
      expiration: credentials.expiration,
      mfa: mfaAt !== undefined,
    },
  );
  return { credentials };
}

export interface FederationTokenResult {
  credentials: StsCredentials;
  federatedUser: { federatedUserId: string; arn: string };
  packedPolicySize?: number;
}

export async function getFederationToken(
  input: QueryInput,
  ctx: RequestContext,
  request: Request,
  region: string,
): Promise<FederationTokenResult> {
  const world = ctx.world;
  const caller = longTermUser(
    await authenticate(request, ctx, { service: 'sts', dialect: 'query', region }),
    'GetFederationToken',
  );
  const name = sessionName(required(input, 'Name', 'name'), 'name', 32);
  const seconds = durationFor(input, STS_OPERATIONS.GetFederationToken.duration);
  const session = sessionPolicies(world, { policy: input.Policy, policyArns: listPolicyArns(input) });
  const arn = `arn:aws:sts::${world.accountId}:federated-user/${name}`;
  const decision = authorize(ctx, {
    action: 'sts:GetFederationToken',
    resource: arn,
    resourceAccountId: world.accountId,
    principal: caller.principal,
    context: caller.context,
    identityPolicies: caller.identityPolicies,
    permissionsBoundary: caller.permissionsBoundary,
  });
  if (decision.decision !== 'Allow') throw stsErrors.notAuthorized(caller.arn, 'sts:GetFederationToken', arn);
  const user = getUser(world, caller.arn);
  const federatedUserId = `${world.accountId}:${name}`;
  const { credentials } = mintSession(world, {
    kind: 'federated-user',
    source: 'GetFederationToken',
    arn,
    userId: federatedUserId,
    userName: user?.userName,
    userArn: caller.arn,
    sessionName: name,
    sessionPolicies: session.policies,
    context: {},
    durationSeconds: seconds,
  });
  ctx.emit(
    'token.issued',
    `Federated user credentials for ${arn}${session.policies.length === 0 ? ' (no session policy: no permissions)' : ''}`,
    {
      accessKeyId: credentials.accessKeyId,
      arn,
      calledBy: caller.arn,
      expiration: credentials.expiration,
    },
  );
  return { credentials, federatedUser: { federatedUserId, arn }, packedPolicySize: session.packedPolicySize };
}
