/**
 * AssumeRoleWithSAML (unsigned): a SAML response signed by an IdP the account registered as a SAML
 * provider becomes role credentials. Checks (docs/aws-reference.md §5.7): signature against the provider's
 * certificates, time window, audience and recipient, the role/provider pair among the assertion's
 * Role attribute values, the RoleSessionName attribute and the trust policy.
 *
 * An assertion is NOT single-use here, because it is not on AWS: no AWS document says STS refuses a
 * second use, and tools rely on the opposite (Versent/saml2aws#526: "the SAML assertion can be sent to
 * AWS repeatedly"; saml2aws and similar tools keep one assertion to assume several roles). What limits
 * a stolen assertion is its NotOnOrAfter window, the audience and recipient it names, and the
 * transport that carried it.
 */
import { getOwn } from '../../core/dict';
import type { RequestContext } from '../../core/service';
import { getRole, getSamlProvider, trustPolicyFor } from '../../iam/state';
import { AWS_SAML_AUDIENCES, AWS_SAML_RECIPIENT } from '../../saml/names';
import { verifySamlResponse } from '../../saml/verify-response';
import { sha1Base64 } from './digest';
import { authorize, roleSessionIds } from './authorize';
import { stsErrors } from './errors';
import {
  checkLength,
  durationFor,
  listPolicyArns,
  type QueryInput,
  required,
  sessionPolicies,
} from './params';
import { mintSession, type StsCredentials } from './session';
import { buildSessionTags, requestTagContext, tagUnits } from './session-tags';
import {
  assertedSourceIdentity,
  SAML_SOURCE_IDENTITY_ATTRIBUTE,
  SET_SOURCE_IDENTITY,
} from './source-identity';
import { samlTags } from './web-token-tags';
import { type AssumedRoleUser, checkRoleDuration } from './web-identity';
import { STS_OPERATIONS } from './definitions';

export interface AssumeRoleWithSamlResult {
  credentials: StsCredentials;
  assumedRoleUser: AssumedRoleUser;
  packedPolicySize?: number;
  subject: string;
  subjectType?: string;
  issuer: string;
  audience?: string;
  nameQualifier: string;
  sourceIdentity?: string;
}

const NAMEID_PREFIX = 'urn:oasis:names:tc:SAML:2.0:nameid-format:';
const DENIED = 'Not authorized to perform sts:AssumeRoleWithSAML';
/** How long after its IssueInstant STS still redeems an assertion. */
export const SAML_REDEEM_WINDOW_MS = 5 * 60_000;

export async function assumeRoleWithSaml(
  input: QueryInput,
  ctx: RequestContext,
): Promise<AssumeRoleWithSamlResult> {
  const world = ctx.world;
  const roleArn = required(input, 'RoleArn', 'roleArn');
  const principalArn = required(input, 'PrincipalArn', 'principalArn');
  const assertion = required(input, 'SAMLAssertion', 'sAMLAssertion');
  checkLength(roleArn, 'roleArn', 20, 2048);
  checkLength(principalArn, 'principalArn', 20, 2048);
  checkLength(assertion, 'sAMLAssertion', 4, 100_000);
  const requested = durationFor(input, STS_OPERATIONS.AssumeRoleWithSAML.duration);
  const provider = getSamlProvider(world, principalArn);
  if (!provider) throw stsErrors.accessDenied(DENIED);
  const region = world.region;
  const verified = await verifySamlResponse(world, assertion, {
    certificates: provider.certificates,
    audience: [...AWS_SAML_AUDIENCES],
    recipient: [
      AWS_SAML_RECIPIENT,
      `https://${region}.signin.aws.amazon.com/saml`,
      'https://signin.aws.amazon.com/static/saml',
    ],
  });
  if (!verified.ok) {
    ctx.emit('token.rejected', `SAML response refused: ${verified.message}`, {
      code: verified.code,
      message: verified.message,
    });
    // Past NotOnOrAfter (obs: Versent/saml2aws#759, ExpiredTokenException 400 "Response has expired").
    if (verified.code === 'expired') throw stsErrors.expiredTokenException('Response has expired');
    if (verified.code.startsWith('signature'))
      throw stsErrors.invalidIdentityToken('Response signature invalid');
    throw stsErrors.invalidIdentityToken(`Invalid SAML response: ${verified.message}`);
  }
  // STS also takes an assertion only within five minutes of its IssueInstant, whatever NotOnOrAfter
  // says (obs: Nike-Inc/gimme-aws-creds#251, physera/onelogin-aws-cli#64).
  if (verified.issueInstant !== undefined && world.now() > verified.issueInstant + SAML_REDEEM_WINDOW_MS) {
    ctx.emit('token.rejected', 'SAML assertion issued more than 5 minutes ago', {
      issueInstant: new Date(verified.issueInstant).toISOString(),
    });
    throw stsErrors.expiredTokenException('Token must be redeemed within 5 minutes of issuance');
  }
  const passed = samlTags(verified.attributes);
  const tags = buildSessionTags(passed.pairs, passed.transitive);
  const session = sessionPolicies(world, {
    policy: input.Policy,
    policyArns: listPolicyArns(input),
    tagUnits: tagUnits(passed.pairs),
  });
  const name = verified.sessionName;
  if (!name) throw stsErrors.invalidIdentityToken('RoleSessionName is required in AuthnResponse');
  if (!/^[a-zA-Z_0-9+=,.@-]{2,64}$/.test(name))
    throw stsErrors.invalidIdentityToken(
      'RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}',
    );
  const sourceIdentity = assertedSourceIdentity(
    getOwn(verified.attributes, SAML_SOURCE_IDENTITY_ATTRIBUTE)?.[0],
  );

  const role = getRole(world, roleArn);
  const pairListed = verified.roles.some((r) => r.roleArn === roleArn && r.providerArn === principalArn);
  const subjectType =
    verified.nameIdFormat?.startsWith(NAMEID_PREFIX) && /:(persistent|transient)$/.test(verified.nameIdFormat)
      ? verified.nameIdFormat.slice(NAMEID_PREFIX.length)
      : verified.nameIdFormat;
  const nameQualifier = await sha1Base64(`${verified.issuer}${world.accountId}/${provider.name}`);
  const context = {
    'SAML:aud': verified.recipient,
    'SAML:iss': verified.issuer,
    'SAML:sub': verified.nameId,
    'SAML:sub_type': subjectType,
    'SAML:namequalifier': nameQualifier,
    'aws:FederatedProvider': provider.arn,
  };
  const decide = (action: string) =>
    role && pairListed
      ? authorize(ctx, {
          action,
          resource: role.arn,
          resourceAccountId: world.accountId,
          principal: { type: 'Federated', identifiers: [provider.arn] },
          context: {
            ...context,
            'sts:RoleSessionName': name,
            ...(sourceIdentity !== undefined ? { 'sts:SourceIdentity': sourceIdentity } : {}),
            ...requestTagContext(passed.pairs),
          },
          identityPolicies: [],
          resourcePolicy: trustPolicyFor(role),
        })
      : undefined;
  const decision = decide('sts:AssumeRoleWithSAML');
  // PrincipalTag attributes need sts:TagSession in the trust policy as well (IAM "Passing session tags using AssumeRoleWithSAML").
  const tagsRefused =
    decision?.decision === 'Allow' &&
    passed.pairs.length > 0 &&
    decide('sts:TagSession')?.decision !== 'Allow';
  // A SourceIdentity attribute needs sts:SetSourceIdentity in the trust policy too, with the same refusal
  // (IAM "Troubleshooting SAML 2.0 federation", "Not authorized to perform sts:AssumeRoleWithSAML").
  const sourceIdentityRefused =
    decision?.decision === 'Allow' &&
    sourceIdentity !== undefined &&
    decide(SET_SOURCE_IDENTITY)?.decision !== 'Allow';
  if (!role || !pairListed || decision?.decision !== 'Allow' || tagsRefused || sourceIdentityRefused) {
    if (!pairListed)
      ctx.emit('token.rejected', `The assertion's Role attribute does not list ${roleArn},${principalArn}`, {
        roles: verified.roles,
      });
    throw stsErrors.accessDenied(DENIED);
  }

  let seconds = checkRoleDuration(
    input.DurationSeconds === undefined ? undefined : requested,
    role.maxSessionDuration,
  );
  // SessionDuration is meant for console sessions: "It cannot extend the lifetime of other credentials",
  // though it can shorten the one-hour default of an API call (IAM "Configuring SAML assertions for the
  // authentication response"; obs: venth/aws-adfs#17, Nike-Inc/gimme-aws-creds#54). SessionNotOnOrAfter
  // likewise only shortens.
  if (input.DurationSeconds === undefined && verified.sessionDuration !== undefined)
    seconds = Math.min(seconds, verified.sessionDuration);
  if (verified.sessionNotOnOrAfter !== undefined)
    seconds = Math.min(seconds, Math.floor((verified.sessionNotOnOrAfter - world.now()) / 1000));

  const ids = roleSessionIds(world.accountId, role, name);
  const { credentials } = mintSession(world, {
    kind: 'assumed-role',
    source: 'AssumeRoleWithSAML',
    arn: ids.arn,
    userId: ids.assumedRoleId,
    roleName: role.roleName,
    roleArn: role.arn,
    sessionName: name,
    sessionPolicies: session.policies,
    context: sourceIdentity !== undefined ? { ...context, 'aws:SourceIdentity': sourceIdentity } : context,
    sourceIdentity,
    ...(Object.keys(tags.tags).length > 0 ? { sessionTags: tags } : {}),
    durationSeconds: seconds,
  });
  ctx.emit('token.issued', `Role credentials for ${ids.arn} (SAML from ${verified.issuer})`, {
    accessKeyId: credentials.accessKeyId,
    arn: ids.arn,
    issuer: verified.issuer,
    subject: verified.nameId,
    expiration: credentials.expiration,
  });
  return {
    credentials,
    assumedRoleUser: ids,
    packedPolicySize: session.packedPolicySize,
    subject: verified.nameId,
    subjectType,
    issuer: verified.issuer,
    audience: verified.recipient,
    nameQualifier,
    sourceIdentity,
  };
}
