/**
 * AssumeRole (signed): an IAM user or role session becomes a session of another role, if the role's
 * trust policy allows it and (unless the trust policy names the caller) the caller's own policies
 * allow sts:AssumeRole on the role. Role chaining (a role session assuming a role) is capped at one
 * hour, and so is a role assumed with GetSessionToken credentials; otherwise DurationSeconds is capped
 * by the role's MaxSessionDuration (docs/aws-reference.md §5.2, §5.6).
 */
import { authenticate } from '../../auth/authenticate';
import type { Caller } from '../../auth/caller';
import { assertApiAllowed } from '../../auth/restrictions';
import type { RequestContext } from '../../core/service';
import { getRole, trustPolicyFor } from '../../iam/state';
import type { ContextKeys } from '../../iam/types';
import { authorize, roleSessionIds } from './authorize';
import { stsErrors } from './errors';
import { checkMfa } from './mfa';
import {
  checkLength,
  durationFor,
  listPolicyArns,
  patterned,
  type QueryInput,
  required,
  sessionName,
  sessionPolicies,
} from './params';
import { mintSession, type StsCredentials } from './session';
import { buildSessionTags, queryTags, requestTagContext, tagUnits, transitiveOnly } from './session-tags';
import { SET_SOURCE_IDENTITY, SOURCE_IDENTITY_MEMBER } from './source-identity';
import { type AssumedRoleUser, checkRoleDuration } from './web-identity';
import { STS_OPERATIONS } from './definitions';

export interface AssumeRoleResult {
  credentials: StsCredentials;
  assumedRoleUser: AssumedRoleUser;
  packedPolicySize?: number;
  sourceIdentity?: string;
}

const EXTERNAL_ID = { min: 2, max: 1224, pattern: /^[\w+=,.@:/-]*$/, text: '[\\w+=,.@:\\/-]*' };

/** Role chaining cap, from the STS definitions table. */
export const CHAINED_MAX_SECONDS = STS_OPERATIONS.AssumeRole.chainedMaxSeconds ?? 3600;

export async function assumeRole(
  input: QueryInput,
  ctx: RequestContext,
  request: Request,
  region: string,
): Promise<AssumeRoleResult> {
  const world = ctx.world;
  const caller = await authenticate(request, ctx, { service: 'sts', dialect: 'query', region });
  const roleArn = required(input, 'RoleArn', 'roleArn');
  checkLength(roleArn, 'roleArn', 20, 2048);
  assertApiAllowed(caller, 'sts:AssumeRole', roleArn, (reason) =>
    ctx.emit('sts.restricted', `Refused before any policy is read: ${reason}`, {
      action: 'sts:AssumeRole',
      reason,
    }),
  );
  const name = sessionName(required(input, 'RoleSessionName', 'roleSessionName'), 'roleSessionName');
  const requested = durationFor(input, STS_OPERATIONS.AssumeRole.duration);
  const externalId = input.ExternalId;
  // Lengths and patterns of the STS model's externalIdType and sourceIdentityType. The SourceIdentity
  // pattern has no ':', so a value can never carry the `aws:` prefix the documentation reserves.
  if (externalId !== undefined) patterned(externalId, 'externalId', EXTERNAL_ID);
  if (input.SourceIdentity !== undefined)
    patterned(input.SourceIdentity, 'sourceIdentity', SOURCE_IDENTITY_MEMBER);
  const inheritedSourceIdentity = caller.context['aws:SourceIdentity'] as string | undefined;
  const sourceIdentity = input.SourceIdentity ?? inheritedSourceIdentity;
  const passed = queryTags(input);
  // Role chaining: the new session inherits the caller's transitive tags (doc, "Chaining roles with session tags").
  const tags = buildSessionTags(passed.pairs, passed.transitive, transitiveOnly(caller.sessionTags));
  const session = sessionPolicies(world, {
    policy: input.Policy,
    policyArns: listPolicyArns(input),
    tagUnits: tagUnits(passed.pairs),
  });
  const mfa = await checkMfa(world, caller, input);
  const mfaAt = mfa?.at;

  const context: ContextKeys = { ...caller.context, 'sts:RoleSessionName': name };
  if (mfaAt !== undefined) {
    context['aws:MultiFactorAuthPresent'] = 'true';
    context['aws:MultiFactorAuthAge'] = '0';
  }
  if (externalId !== undefined) context['sts:ExternalId'] = externalId;
  if (sourceIdentity !== undefined) context['sts:SourceIdentity'] = sourceIdentity;
  Object.assign(context, requestTagContext(passed.pairs));

  const role = getRole(world, roleArn);
  const decide = (action: string) =>
    role
      ? authorize(ctx, {
          action,
          resource: role.arn,
          resourceAccountId: world.accountId,
          principal: caller.principal,
          context,
          identityPolicies: caller.identityPolicies,
          permissionsBoundary: caller.permissionsBoundary,
          sessionPolicies: caller.sessionPolicies,
          resourcePolicy: trustPolicyFor(role),
        })
      : undefined;
  const decision = decide('sts:AssumeRole');
  // A role that does not exist is refused exactly like one that does not trust the caller.
  if (!role || decision?.decision !== 'Allow')
    throw stsErrors.notAuthorized(caller.arn, 'sts:AssumeRole', roleArn);
  // Passing tags is a second, permission-only action that the trust policy (and, for an IAM caller,
  // its own policies) must allow; AWS names it in the refusal (obs: aws-actions/configure-aws-credentials#54).
  if (passed.pairs.length > 0 && decide('sts:TagSession')?.decision !== 'Allow')
    throw stsErrors.notAuthorized(caller.arn, 'sts:TagSession', roleArn);
  // A source identity, passed or inherited along a chain, needs sts:SetSourceIdentity on both sides (doc, IAM
  // "Permissions required to set source identity"; refusal obs: noqdev/iambic#357), and it cannot change
  // during the chain: another value is denied (doc; the wording of that refusal is unv).
  const changed = inheritedSourceIdentity !== undefined && sourceIdentity !== inheritedSourceIdentity;
  if (sourceIdentity !== undefined && (changed || decide(SET_SOURCE_IDENTITY)?.decision !== 'Allow'))
    throw stsErrors.notAuthorized(caller.arn, SET_SOURCE_IDENTITY, roleArn);

  // The one-hour cap covers role sessions assuming a role and, as reported, GetSessionToken credentials
  // assuming one (obs: mmmorris1975/aws-runas#11, coinbase/assume-role#24; same message).
  const fromSessionToken = caller.source === 'GetSessionToken';
  const chained = caller.kind === 'assumed-role' || fromSessionToken;
  if (chained && input.DurationSeconds !== undefined && requested > CHAINED_MAX_SECONDS) {
    throw stsErrors.validation(
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );
  }
  const seconds = checkRoleDuration(
    input.DurationSeconds === undefined ? undefined : requested,
    role.maxSessionDuration,
  );
  const ids = roleSessionIds(world.accountId, role, name);
  mfa?.spend();
  const { credentials } = mintSession(world, {
    kind: 'assumed-role',
    source: 'AssumeRole',
    arn: ids.arn,
    userId: ids.assumedRoleId,
    roleName: role.roleName,
    roleArn: role.arn,
    sessionName: name,
    sessionPolicies: session.policies,
    context: sourceIdentity !== undefined ? { 'aws:SourceIdentity': sourceIdentity } : {},
    mfaAuthenticatedAt: mfaAt ?? inheritedMfa(caller, world.now()),
    sourceIdentity,
    ...(Object.keys(tags.tags).length > 0 ? { sessionTags: tags } : {}),
    durationSeconds: chained ? Math.min(seconds, CHAINED_MAX_SECONDS) : seconds,
  });
  ctx.emit('token.issued', `Role credentials for ${ids.arn}${chainNote(chained, fromSessionToken)}`, {
    accessKeyId: credentials.accessKeyId,
    arn: ids.arn,
    calledBy: caller.arn,
    expiration: credentials.expiration,
    chained,
    ...(fromSessionToken ? { fromSessionToken } : {}),
    mfa: mfaAt !== undefined,
    ...(Object.keys(tags.tags).length > 0
      ? { sessionTags: { ...tags.tags }, transitiveTagKeys: tags.transitiveTagKeys }
      : {}),
  });
  return { credentials, assumedRoleUser: ids, packedPolicySize: session.packedPolicySize, sourceIdentity };
}

/** What the trace says about the one-hour cap, naming which of its two causes applied. */
function chainNote(chained: boolean, fromSessionToken: boolean): string {
  if (fromSessionToken)
    return ' (assumed with GetSessionToken credentials: at most 1 hour, as in role chaining)';
  return chained ? ' (role chaining: at most 1 hour)' : '';
}

/** MFA proved earlier (GetSessionToken with MFA) stays with the sessions made from those credentials. */
function inheritedMfa(caller: Caller, now: number): number | undefined {
  if (caller.context['aws:MultiFactorAuthPresent'] !== 'true') return undefined;
  return now - Number(caller.context['aws:MultiFactorAuthAge'] ?? 0) * 1000;
}
