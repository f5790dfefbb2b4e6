// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${...} in policy text is IAM policy-variable syntax
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestClock } from '../../../tests/support/cloud-handler';
import { accessDeniedMessage, evaluate } from '../iam/evaluate';
import { cognitoGuestSessionPolicies } from '../iam/managed/cognito-guest';
import { totpCode } from '../iam/mfa';
import {
  findAccessKey,
  getOidcProvider,
  getRole,
  getSamlProvider,
  getUser,
  type IamRole,
  permissionsBoundaryFor,
  policiesForRole,
  trustPolicyFor,
} from '../iam/state';
import type { AuthorizationRequest, RequestPrincipal } from '../iam/types';
import { type Cloud, createCloud } from '../index';
import type { World } from '../world';
import { demoBucketPolicy } from './s3';

let cloud: Cloud;
let world: World;
const clock = createTestClock();

beforeAll(async () => {
  cloud = await createCloud({ now: clock.now });
  const snap = cloud.snapshot();
  // The IAM helpers read only world.state / accountId / region.
  world = {
    state: JSON.parse(snap.state),
    accountId: cloud.demo.accountId,
    region: cloud.demo.region,
  } as unknown as World;
});

const role = (name: string): IamRole => {
  const found = getRole(world, `arn:aws:iam::${world.accountId}:role/${name}`);
  if (!found) throw new Error(`no role ${name}`);
  return found;
};

function sessionOf(roleName: string, sessionName: string): RequestPrincipal {
  const r = role(roleName);
  return {
    type: 'AWS',
    identifiers: [
      `arn:aws:sts::${world.accountId}:assumed-role/${roleName}/${sessionName}`,
      r.arn,
      `arn:aws:iam::${world.accountId}:root`,
      world.accountId,
    ],
    accountId: world.accountId,
  };
}

describe('demo IAM entities', () => {
  it('creates the developer user with AKIA keys and a virtual MFA device', () => {
    const user = getUser(world, 'atlas-developer');
    expect(user?.arn).toBe(`arn:aws:iam::${world.accountId}:user/atlas-developer`);
    expect(user?.userId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(cloud.demo.iamUser.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(cloud.demo.iamUser.secretAccessKey).toHaveLength(40);
    expect(findAccessKey(world, cloud.demo.iamUser.accessKeyId)?.user.userName).toBe('atlas-developer');
    expect(cloud.demo.iamUser.mfaSerial).toBe(`arn:aws:iam::${world.accountId}:mfa/atlas-developer`);
  });

  it('demo.iamUser.mfaCode is the TOTP of the seed IAM holds', async () => {
    const seed = getUser(world, 'atlas-developer')?.mfaDevices[0]?.base32Seed ?? '';
    const at = clock.now();
    expect(await cloud.demo.iamUser.mfaCode(at)).toBe(await totpCode(seed, at));
    expect(await cloud.demo.iamUser.mfaCode(at)).toMatch(/^\d{6}$/);
  });

  it('names the assumable and web identity roles', () => {
    expect(cloud.demo.assumableRoleArn).toBe(`arn:aws:iam::${world.accountId}:role/AtlasDeveloperRole`);
    expect(cloud.demo.webIdentityRoleArn).toBe(`arn:aws:iam::${world.accountId}:role/AtlasWebIdentityRole`);
    expect(Object.keys(cloud.demo.iam?.roles ?? {})).toEqual([
      'AtlasAuthenticatedRole',
      'AtlasGuestRole',
      'AtlasAdminsRole',
      'AtlasReadersRole',
      'AtlasDeveloperRole',
      'AtlasMfaRole',
      'AtlasWebIdentityRole',
      'AtlasSamlRole',
      'AtlasLegacyRole',
      'AtlasClassicAuthenticatedRole',
      'AtlasClassicGuestRole',
    ]);
    expect(role('AtlasGuestRole').roleId).toMatch(/^AROA[A-Z2-7]{17}$/);
    expect(role('AtlasGuestRole').maxSessionDuration).toBe(3600);
  });

  it('registers the SAML provider with the IdP certificate, and no OIDC provider for the built-in Google and Cognito', () => {
    const saml = getSamlProvider(world, `arn:aws:iam::${world.accountId}:saml-provider/ExampleCorpIdP`);
    expect(saml?.certificates).toHaveLength(1);
    expect(saml?.certificates[0]?.length).toBeGreaterThan(100);
    expect(getOidcProvider(world, 'https://accounts.google.com')).toBeUndefined();
    expect(getOidcProvider(world, 'cognito-identity.amazonaws.com')).toBeUndefined();
  });
});

describe('demo trust policies', () => {
  const poolId = () => cloud.demo.identityPool.id;
  const webIdentity = (roleName: string, provider: string, context: AuthorizationRequest['context']) =>
    evaluate({
      action: 'sts:AssumeRoleWithWebIdentity',
      resource: role(roleName).arn,
      principal: { type: 'Federated', identifiers: [provider] },
      resourceAccountId: world.accountId,
      context,
      identityPolicies: [],
      resourcePolicy: trustPolicyFor(role(roleName)),
    });

  it.each([
    ['AtlasGuestRole', 'unauthenticated', 'Allow'],
    ['AtlasGuestRole', 'authenticated', 'ImplicitDeny'],
    ['AtlasAuthenticatedRole', 'authenticated', 'Allow'],
    ['AtlasAuthenticatedRole', 'unauthenticated', 'ImplicitDeny'],
    ['AtlasReadersRole', 'authenticated', 'Allow'],
  ])('%s with amr %s → %s', (roleName, amr, expected) => {
    const result = webIdentity(roleName, 'cognito-identity.amazonaws.com', {
      'cognito-identity.amazonaws.com:aud': poolId(),
      'cognito-identity.amazonaws.com:amr': [
        amr,
        ...(amr === 'authenticated' ? ['cognito-idp.example'] : []),
      ],
    });
    expect(result.decision).toBe(expected);
  });

  it('identity-pool roles refuse another pool; the legacy role (no aud condition) does not', () => {
    const foreign = {
      'cognito-identity.amazonaws.com:aud': 'us-east-1:00000000-0000-4000-8000-000000000000',
      'cognito-identity.amazonaws.com:amr': ['unauthenticated'],
    };
    expect(webIdentity('AtlasGuestRole', 'cognito-identity.amazonaws.com', foreign)).toMatchObject({
      decision: 'ImplicitDeny',
      missingAllowIn: 'trust',
    });
    expect(webIdentity('AtlasLegacyRole', 'cognito-identity.amazonaws.com', foreign).decision).toBe('Allow');
  });

  it('the web identity role trusts Google only for the demo client id', () => {
    const clientId = cloud.demo.google.clientId;
    expect(
      webIdentity('AtlasWebIdentityRole', 'accounts.google.com', { 'accounts.google.com:aud': clientId })
        .decision,
    ).toBe('Allow');
    expect(
      webIdentity('AtlasWebIdentityRole', 'accounts.google.com', {
        'accounts.google.com:aud': 'other.apps.googleusercontent.com',
      }).decision,
    ).toBe('ImplicitDeny');
  });

  const userPrincipal = (): RequestPrincipal => ({
    type: 'AWS',
    identifiers: [cloud.demo.iamUser.arn, `arn:aws:iam::${world.accountId}:root`, world.accountId],
    accountId: world.accountId,
  });
  const assume = (roleName: string, context: AuthorizationRequest['context']) => {
    const user = getUser(world, 'atlas-developer');
    if (!user) throw new Error('no user');
    return evaluate({
      action: 'sts:AssumeRole',
      resource: role(roleName).arn,
      principal: userPrincipal(),
      resourceAccountId: world.accountId,
      context,
      identityPolicies: [
        {
          name: 'inline:AtlasDeveloperAccess',
          document: user.inlinePolicies[0]?.document ?? { Statement: [] },
        },
      ],
      resourcePolicy: trustPolicyFor(role(roleName)),
    });
  };

  it('the developer may assume AtlasDeveloperRole with long-term keys', () => {
    expect(assume('AtlasDeveloperRole', { 'aws:username': 'atlas-developer' }).decision).toBe('Allow');
  });

  it('AtlasMfaRole needs aws:MultiFactorAuthPresent true (absent for long-term keys)', () => {
    const without = assume('AtlasMfaRole', {});
    expect(without).toMatchObject({ decision: 'ImplicitDeny', missingAllowIn: 'trust' });
    expect(without.policies[0]?.statements[0]?.conditions).toEqual([
      {
        operator: 'Bool',
        key: 'aws:MultiFactorAuthPresent',
        expected: ['true'],
        actual: undefined,
        matched: false,
      },
    ]);
    expect(assume('AtlasMfaRole', { 'aws:MultiFactorAuthPresent': 'true' }).decision).toBe('Allow');
  });

  it('the developer may not assume an identity-pool role', () => {
    expect(assume('AtlasGuestRole', {}).decision).toBe('ImplicitDeny');
  });
});

describe('demo permission policies', () => {
  const me = 'us-east-1:11111111-1111-4111-8111-111111111111';
  const someoneElse = 'us-east-1:22222222-2222-4222-8222-222222222222';
  const bucketArn = () => `arn:aws:s3:::${cloud.demo.bucket}`;
  const guestRequest = (
    action: string,
    resource: string,
    extra: Partial<AuthorizationRequest> = {},
  ): AuthorizationRequest => ({
    action,
    resource,
    principal: sessionOf('AtlasGuestRole', 'CognitoIdentityCredentials'),
    resourceAccountId: world.accountId,
    context: { 'cognito-identity.amazonaws.com:sub': me, 'aws:SecureTransport': 'true' },
    identityPolicies: policiesForRole(world, role('AtlasGuestRole')),
    resourcePolicy: { name: 'bucket policy', document: demoBucketPolicy(cloud.demo.bucket) },
    ...extra,
  });

  it('a guest can read public/', () => {
    const result = evaluate(guestRequest('s3:GetObject', `${bucketArn()}/public/hello.txt`));
    expect(result.decision).toBe('Allow');
    expect(result.reason).toContain('"ReadPublic"');
  });

  it("a guest can write its own private/ prefix but not another identity's", () => {
    expect(evaluate(guestRequest('s3:PutObject', `${bucketArn()}/private/${me}/notes.txt`)).decision).toBe(
      'Allow',
    );
    const other = evaluate(guestRequest('s3:PutObject', `${bucketArn()}/private/${someoneElse}/notes.txt`));
    expect(other.decision).toBe('ExplicitDeny');
    expect(other.deniedBy).toMatchObject({
      layer: 'resource',
      sid: 'DenyWritesOutsidePublicAndOwnPrivatePrefix',
    });
    const managed = other.policies.find((p) => p.name === 'AtlasIdentityPoolAccess');
    expect(managed?.statements[1]?.resolvedResources).toEqual([`${bucketArn()}/private/${me}/*`]);
  });

  it('a guest may list its own prefix but not the whole bucket', () => {
    expect(
      evaluate(
        guestRequest('s3:ListBucket', bucketArn(), {
          context: { 'cognito-identity.amazonaws.com:sub': me, 's3:prefix': `private/${me}/` },
        }),
      ).decision,
    ).toBe('Allow');
    expect(
      evaluate(
        guestRequest('s3:ListBucket', bucketArn(), {
          context: { 'cognito-identity.amazonaws.com:sub': me, 's3:prefix': '' },
        }),
      ).decision,
    ).toBe('ImplicitDeny');
  });

  it('an enhanced-flow guest is denied ssm:GetParameter by the scope-down session policies, a basic-flow guest is not', () => {
    const parameter = `arn:aws:ssm:${world.region}:${world.accountId}:parameter/atlas/public/greeting`;
    const basic = evaluate(guestRequest('ssm:GetParameter', parameter, { resourcePolicy: undefined }));
    expect(basic.decision).toBe('Allow');
    const enhanced = evaluate(
      guestRequest('ssm:GetParameter', parameter, {
        resourcePolicy: undefined,
        sessionPolicies: cognitoGuestSessionPolicies(),
      }),
    );
    expect(enhanced).toMatchObject({ decision: 'ImplicitDeny', missingAllowIn: 'session' });
    expect(enhanced.policies.filter((p) => p.layer === 'session').map((p) => [p.name, p.outcome])).toEqual([
      ['session policy (inline, Cognito unauthenticated scope-down)', 'NoMatch'],
      ['AmazonCognitoUnAuthedIdentitiesSessionPolicy', 'NoMatch'],
      ['AmazonCognitoUnauthenticatedIdentities', 'NoMatch'],
    ]);
    const caller = `arn:aws:sts::${world.accountId}:assumed-role/AtlasGuestRole/CognitoIdentityCredentials`;
    expect(accessDeniedMessage(caller, 'ssm:GetParameter', parameter, enhanced)).toBe(
      `User: ${caller} is not authorized to perform: ssm:GetParameter on resource: "${parameter}" because no session policy allows the ssm:GetParameter action`,
    );
    // Kinesis Data Streams and Pinpoint are on the Cognito guide's list: the inline scope-down allows them.
    for (const action of ['kinesis:PutRecord', 'mobiletargeting:PutEvents']) {
      const scoped = evaluate(
        guestRequest(action, '*', {
          resourcePolicy: undefined,
          sessionPolicies: cognitoGuestSessionPolicies(),
        }),
      );
      expect(
        scoped.policies.find((p) => p.layer === 'session' && p.name.startsWith('session policy (inline'))
          ?.outcome,
        action,
      ).toBe('Allow');
    }
    // S3 is in the scope-down list, so the enhanced-flow guest still reads public/.
    expect(
      evaluate(
        guestRequest('s3:GetObject', `${bucketArn()}/public/a`, {
          sessionPolicies: cognitoGuestSessionPolicies(),
        }),
      ).decision,
    ).toBe('Allow');
  });

  it('the developer role reads the bucket within its boundary but cannot write', () => {
    const dev = role('AtlasDeveloperRole');
    const base = {
      principal: sessionOf('AtlasDeveloperRole', 'dev'),
      resourceAccountId: world.accountId,
      context: { 'aws:SecureTransport': 'true' },
      identityPolicies: policiesForRole(world, dev),
      permissionsBoundary: permissionsBoundaryFor(world, dev),
    };
    expect(evaluate({ ...base, action: 's3:GetObject', resource: `${bucketArn()}/public/a` }).decision).toBe(
      'Allow',
    );
    expect(evaluate({ ...base, action: 's3:PutObject', resource: `${bucketArn()}/public/a` })).toMatchObject({
      decision: 'ImplicitDeny',
      missingAllowIn: 'identity',
    });
    expect(base.permissionsBoundary?.name).toBe('AtlasDeveloperBoundary');
  });
});
