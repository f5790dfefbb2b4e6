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
import {
  buildSessionTags,
  mergePrincipalTags,
  principalTagContext,
  queryTags,
  requestTagContext,
  tagUnits,
} from './session-tags';

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
  // Session tags, not transitive: the credentials can never assume a role (IAM "Passing session tags
  // using GetFederationToken"). Same limits as AssumeRole's, and they share the packed size.
  const passed = queryTags(input).pairs;
  const tags = buildSessionTags(passed, []);
  const session = sessionPolicies(world, {
    policy: input.Policy,
    policyArns: listPolicyArns(input),
    tagUnits: tagUnits(passed),
  });
  const arn = `arn:aws:sts::${world.accountId}:federated-user/${name}`;
  const decide = (action: string) =>
    authorize(ctx, {
      action,
      resource: arn,
      resourceAccountId: world.accountId,
      principal: caller.principal,
      context: { ...caller.context, ...requestTagContext(passed) },
      identityPolicies: caller.identityPolicies,
      permissionsBoundary: caller.permissionsBoundary,
    });
  if (decide('sts:GetFederationToken').decision !== 'Allow')
    throw stsErrors.notAuthorized(caller.arn, 'sts:GetFederationToken', arn);
  // Passing tags needs the permissions-only sts:TagSession too (IAM "Permissions required to add session
  // tags"). The resource AWS names in this refusal is unv; the federated user is the one tagged.
  if (passed.length > 0 && decide('sts:TagSession').decision !== 'Allow')
    throw stsErrors.notAuthorized(caller.arn, 'sts:TagSession', arn);
  const user = getUser(world, caller.arn);
  const hasTags = Object.keys(tags.tags).length > 0;
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
    // "The session's principal tags include the user's tags and the passed session tags" (doc), a passed
    // tag overriding the user's tag with the same key. The user's tags are read once, here.
    context: principalTagContext(mergePrincipalTags(user?.tags ?? {}, tags.tags)),
    ...(hasTags ? { sessionTags: tags } : {}),
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
