/**
 * AssumeRoleWithWebIdentity (unsigned): an OIDC ID token (Google) or a Cognito Identity OpenID
 * token becomes role credentials, if the role's trust policy allows the token's provider and claims.
 * `assumeRoleWithWebIdentityInternal` is also what the identity pool's enhanced flow calls with its
 * own OpenID token and the guest scope-down session policies.
 */
import type { RequestContext } from '../../core/service';
import { getRole, trustPolicyFor } from '../../iam/state';
import type { World } from '../../world';
import { authorize, roleSessionIds } from './authorize';
import { STS_OPERATIONS } from './definitions';
import { stsErrors } from './errors';
import { checkLength, sessionName, sessionPolicies } from './params';
import { mintSession, type StsCredentials } from './session';
import { buildSessionTags, requestTagContext, tagUnits } from './session-tags';
import { assertedSourceIdentity, SET_SOURCE_IDENTITY, SOURCE_IDENTITY_CLAIM } from './source-identity';
import { webTokenTags } from './web-token-tags';
import { verifyWebIdentityToken } from './web-token';

export interface WebIdentityInput {
  roleArn: string;
  webIdentityToken: string;
  roleSessionName: string;
  /** 900–43200, and at most the role's MaxSessionDuration; default 3600. */
  durationSeconds?: number;
  /** Inline session policy (JSON text). */
  policy?: string;
  /** Managed session policies. */
  policyArns?: string[];
}

export interface AssumedRoleUser {
  /** `AROA…:<session name>` */
  assumedRoleId: string;
  /** `arn:aws:sts::<acct>:assumed-role/<RoleName>/<session name>` */
  arn: string;
}

export interface AssumeRoleWithWebIdentityResult {
  credentials: StsCredentials;
  subjectFromWebIdentityToken: string;
  assumedRoleUser: AssumedRoleUser;
  packedPolicySize?: number;
  /** The token's issuer without `https://`. */
  provider: string;
  audience: string;
  /** The token's `https://aws.amazon.com/source_identity` claim, when present. */
  sourceIdentity?: string;
}

/** Role session limits from the STS definitions table (the three AssumeRole* share them). */
const WEB_IDENTITY_DURATION = STS_OPERATIONS.AssumeRoleWithWebIdentity.duration;

export function checkRoleDuration(durationSeconds: number | undefined, maxSessionDuration: number): number {
  const d = durationSeconds ?? WEB_IDENTITY_DURATION.default;
  if (d > maxSessionDuration)
    throw stsErrors.validation(
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
  return d;
}

/**
 * The whole AssumeRoleWithWebIdentity decision, without the wire: returns what the action returns
 * or throws the AwsError STS would return.
 */
export async function assumeRoleWithWebIdentityInternal(
  world: World,
  ctx: RequestContext,
  input: WebIdentityInput,
): Promise<AssumeRoleWithWebIdentityResult> {
  checkLength(input.roleArn, 'roleArn', 20, 2048);
  sessionName(input.roleSessionName, 'roleSessionName');
  checkLength(input.webIdentityToken, 'webIdentityToken', 4, 20_000);
  if (input.durationSeconds !== undefined) {
    const { min, max } = WEB_IDENTITY_DURATION;
    if (input.durationSeconds < min || input.durationSeconds > max) {
      const bound =
        input.durationSeconds < min ? `greater than or equal to ${min}` : `less than or equal to ${max}`;
      throw stsErrors.validation(
        `1 validation error detected: Value '${input.durationSeconds}' at 'durationSeconds' failed to satisfy constraint: Member must have value ${bound}`,
      );
    }
  }
  const token = await verifyWebIdentityToken(world, input.webIdentityToken);
  const passed = webTokenTags(token.claims);
  const sourceIdentity = assertedSourceIdentity(token.claims[SOURCE_IDENTITY_CLAIM]);
  const tags = buildSessionTags(passed.pairs, passed.transitive);
  const session = sessionPolicies(world, {
    policy: input.policy,
    policyArns: input.policyArns,
    tagUnits: tagUnits(passed.pairs),
  });

  const role = getRole(world, input.roleArn);
  const principal = {
    type: 'Federated' as const,
    identifiers: [token.provider, ...(token.providerArn ? [token.providerArn] : [])],
  };
  const context = {
    ...token.context,
    'sts:RoleSessionName': input.roleSessionName,
    ...(sourceIdentity !== undefined ? { 'sts:SourceIdentity': sourceIdentity } : {}),
    ...requestTagContext(passed.pairs),
  };
  const decide = (action: string) =>
    role
      ? authorize(ctx, {
          action,
          resource: role.arn,
          resourceAccountId: world.accountId,
          principal,
          context,
          identityPolicies: [],
          resourcePolicy: trustPolicyFor(role),
        })
      : undefined;
  const decision = decide('sts:AssumeRoleWithWebIdentity');
  // Tags in the token need sts:TagSession in the trust policy too (IAM "Passing session tags using
  // AssumeRoleWithWebIdentity"); STS answers with its one documented sentence for this action either way.
  // So does a source_identity claim, which needs sts:SetSourceIdentity (IAM "Monitor and control actions
  // taken with assumed roles").
  if (
    !role ||
    decision?.decision !== 'Allow' ||
    (passed.pairs.length > 0 && decide('sts:TagSession')?.decision !== 'Allow') ||
    (sourceIdentity !== undefined && decide(SET_SOURCE_IDENTITY)?.decision !== 'Allow')
  ) {
    throw stsErrors.accessDenied('Not authorized to perform sts:AssumeRoleWithWebIdentity');
  }
  const durationSeconds = checkRoleDuration(input.durationSeconds, role.maxSessionDuration);
  const ids = roleSessionIds(world.accountId, role, input.roleSessionName);
  const { credentials } = mintSession(world, {
    kind: 'assumed-role',
    source: 'AssumeRoleWithWebIdentity',
    arn: ids.arn,
    userId: ids.assumedRoleId,
    roleName: role.roleName,
    roleArn: role.arn,
    sessionName: input.roleSessionName,
    sessionPolicies: session.policies,
    context:
      sourceIdentity !== undefined
        ? { ...token.context, 'aws:SourceIdentity': sourceIdentity }
        : token.context,
    sourceIdentity,
    ...(Object.keys(tags.tags).length > 0 ? { sessionTags: tags } : {}),
    durationSeconds,
  });
  ctx.emit('token.issued', `Role credentials for ${ids.arn} (web identity from ${token.provider})`, {
    accessKeyId: credentials.accessKeyId,
    arn: ids.arn,
    provider: token.provider,
    subject: token.subject,
    expiration: credentials.expiration,
    sessionPolicies: session.policies.map((p) => p.arn ?? p.name),
    ...(passed.pairs.length > 0
      ? { sessionTags: { ...tags.tags }, transitiveTagKeys: tags.transitiveTagKeys }
      : {}),
  });
  return {
    credentials,
    subjectFromWebIdentityToken: token.subject,
    assumedRoleUser: ids,
    packedPolicySize: session.packedPolicySize,
    provider: token.provider,
    audience: token.audience,
    sourceIdentity,
  };
}
