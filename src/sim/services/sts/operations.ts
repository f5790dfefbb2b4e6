/**
 * The STS actions on the wire: Query input in, the `<XResult>` element content out, in the order
 * and with the names of the STS API reference. Expiration is ISO 8601 (docs/aws-reference.md §5.1).
 */
import { authenticate } from '../../auth/authenticate';
import type { QueryInput, QueryOperation } from '../../protocol/query';
import type { XmlNode } from '../../protocol/xml';
import { isoSeconds } from '../../core/time';
import { assumeRole } from './assume-role';
import { missingParameter } from './errors';
import { STS_OPERATIONS } from './definitions';
import { durationFor, listPolicyArns } from './params';
import { assumeRoleWithSaml } from './saml';
import type { StsCredentials } from './session';
import { getFederationToken, getSessionToken } from './user-tokens';
import { assumeRoleWithWebIdentityInternal, type AssumedRoleUser } from './web-identity';

const credentialsXml = (c: StsCredentials): XmlNode => ({
  AccessKeyId: c.accessKeyId,
  SecretAccessKey: c.secretAccessKey,
  SessionToken: c.sessionToken,
  Expiration: isoSeconds(c.expiration),
});

const roleUserXml = (u: AssumedRoleUser): XmlNode => ({ AssumedRoleId: u.assumedRoleId, Arn: u.arn });

/** STS's signing region for a host: the global endpoint signs for us-east-1. */
export function stsRegion(host: string): string {
  const m = /^sts\.([a-z0-9-]+)\.amazonaws\.com$/.exec(host);
  return m?.[1] ?? 'us-east-1';
}

const regionOf = (request: Request) => stsRegion(new URL(request.url).hostname);

export const stsOperations: Record<string, QueryOperation> = {
  async AssumeRole(input, ctx, request) {
    const r = await assumeRole(input, ctx, request, regionOf(request));
    return {
      Credentials: credentialsXml(r.credentials),
      AssumedRoleUser: roleUserXml(r.assumedRoleUser),
      PackedPolicySize: r.packedPolicySize,
      SourceIdentity: r.sourceIdentity,
    };
  },

  async AssumeRoleWithWebIdentity(input: QueryInput, ctx) {
    const r = await assumeRoleWithWebIdentityInternal(ctx.world, ctx, {
      roleArn: input.RoleArn ?? missing('roleArn'),
      roleSessionName: input.RoleSessionName ?? missing('roleSessionName'),
      webIdentityToken: input.WebIdentityToken ?? missing('webIdentityToken'),
      durationSeconds:
        input.DurationSeconds === undefined
          ? undefined
          : durationFor(input, STS_OPERATIONS.AssumeRoleWithWebIdentity.duration),
      policy: input.Policy,
      policyArns: listPolicyArns(input),
    });
    return {
      Credentials: credentialsXml(r.credentials),
      SubjectFromWebIdentityToken: r.subjectFromWebIdentityToken,
      AssumedRoleUser: roleUserXml(r.assumedRoleUser),
      PackedPolicySize: r.packedPolicySize,
      Provider: r.provider,
      Audience: r.audience,
      SourceIdentity: r.sourceIdentity,
    };
  },

  async AssumeRoleWithSAML(input, ctx) {
    const r = await assumeRoleWithSaml(input, ctx);
    return {
      Credentials: credentialsXml(r.credentials),
      AssumedRoleUser: roleUserXml(r.assumedRoleUser),
      PackedPolicySize: r.packedPolicySize,
      Subject: r.subject,
      SubjectType: r.subjectType,
      Issuer: r.issuer,
      Audience: r.audience,
      NameQualifier: r.nameQualifier,
      SourceIdentity: r.sourceIdentity,
    };
  },

  async GetSessionToken(input, ctx, request) {
    const r = await getSessionToken(input, ctx, request, regionOf(request));
    return { Credentials: credentialsXml(r.credentials) };
  },

  async GetFederationToken(input, ctx, request) {
    const r = await getFederationToken(input, ctx, request, regionOf(request));
    return {
      Credentials: credentialsXml(r.credentials),
      FederatedUser: { FederatedUserId: r.federatedUser.federatedUserId, Arn: r.federatedUser.arn },
      PackedPolicySize: r.packedPolicySize,
    };
  },

  /** Needs no permission and works even under an explicit deny (docs/aws-reference.md §5.4). */
  async GetCallerIdentity(_input, ctx, request) {
    const caller = await authenticate(request, ctx, {
      service: 'sts',
      dialect: 'query',
      region: regionOf(request),
    });
    return { UserId: caller.userId, Account: caller.accountId, Arn: caller.arn };
  },
};

function missing(field: string): never {
  throw missingParameter(field);
}
