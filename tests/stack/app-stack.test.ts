/**
 * A template of our own with one of each resource type: the world it builds, its matrix and
 * findings, and the imported cloud driven with the real SDK v3 clients (guest, signed-in user,
 * IAM user assuming a role), each request agreeing with the matrix cell that predicted it.
 */
import { readFileSync } from 'node:fs';
import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetOpenIdTokenCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ImportedStack, importStack } from '../../src/stack/index';
import { createCloudHandler, createTestClock } from '../support/cloud-handler';

const clock = createTestClock();
let r: ImportedStack;
const text = readFileSync('tests/fixtures/stack/app-stack.yaml', 'utf8');

beforeAll(async () => {
  r = await importStack(text, { cloud: { now: clock.now } });
});

type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
const config = (credentials?: Creds) => ({
  region: 'us-east-1',
  requestHandler: createCloudHandler(r.cloud),
  credentials: credentials ?? { accessKeyId: 'AKIDUNSIGNEDPLACEHOLDER', secretAccessKey: 'unused' },
  maxAttempts: 1,
  systemClockOffset: clock.now() - Date.now(),
});
const creds = (
  c:
    | { AccessKeyId?: string; SecretKey?: string; SecretAccessKey?: string; SessionToken?: string }
    | undefined,
): Creds => ({
  accessKeyId: c?.AccessKeyId ?? '',
  secretAccessKey: c?.SecretKey ?? c?.SecretAccessKey ?? '',
  sessionToken: c?.SessionToken,
});
const status = (p: Promise<unknown>) =>
  p.then(
    () => 200,
    (e: { $metadata?: { httpStatusCode?: number } }) => e.$metadata?.httpStatusCode ?? 0,
  );
const identityPoolId = () => Object.keys(r.state.cognitoIdentity.pools)[0] as string;
const userPoolId = () => Object.keys(r.state.cognitoIdp.pools)[0] as string;

describe('the world built from every supported resource type', () => {
  it('user pool, client, groups, domain, users and memberships', () => {
    const pool = r.state.cognitoIdp.pools[userPoolId()];
    expect(pool?.name).toBe('photo-users');
    expect(pool?.domainPrefix).toBe('photo-login');
    expect(pool?.passwordPolicy).toMatchObject({
      MinimumLength: 6,
      RequireLowercase: true,
      RequireUppercase: false,
      RequireSymbols: false,
    });
    expect(pool?.schema.map((a) => a.name)).toEqual(['email', 'custom:team']);
    const client = Object.values(pool?.clients ?? {})[0];
    expect(client).toMatchObject({
      clientName: 'photo-web',
      refreshTokenValiditySeconds: 365 * 86400,
      enableTokenRevocation: false,
      preventUserExistenceErrors: 'LEGACY',
    });
    expect(Object.keys(pool?.groups ?? {}).sort()).toEqual(['editors', 'viewers']);
    expect(pool?.users.admin?.groups).toEqual(['editors']);
    expect(pool?.users.admin?.status).toBe('FORCE_CHANGE_PASSWORD');
  });
  it('identity pool with roles and the token mapping keyed by its provider', () => {
    const ip = r.state.cognitoIdentity.pools[identityPoolId()];
    const clientId = Object.keys(r.state.cognitoIdp.pools[userPoolId()]?.clients ?? {})[0];
    expect(Object.keys(ip?.RoleMappings ?? {})).toEqual([
      `cognito-idp.us-east-1.amazonaws.com/${userPoolId()}:${clientId}`,
    ]);
    expect(ip?.Roles.unauthenticated).toBe('arn:aws:iam::123456789012:role/photo-guest');
  });
  it('IAM: managed policies attached, unknown AWS managed policy listed, user with a key, providers', () => {
    expect(r.state.iam.roles['photo-editor']?.attachedPolicyArns).toEqual([
      'arn:aws:iam::123456789012:policy/photo-own',
      'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
      'arn:aws:iam::aws:policy/AmazonMadeUpPolicy',
    ]);
    expect(
      r.unsupported.some((u) => u.what.includes('AmazonMadeUpPolicy') && u.path.includes('EditorRole')),
    ).toBe(true);
    expect(r.state.iam.roles['photo-ops']?.maxSessionDuration).toBe(7200);
    expect(r.state.iam.users.ops?.accessKeys[0]?.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(
      r.state.iam.samlProviders['arn:aws:iam::123456789012:saml-provider/CorpIdP']?.certificates,
    ).toEqual(['MIIBcert']);
    expect(
      r.state.iam.oidcProviders['arn:aws:iam::123456789012:oidc-provider/accounts.google.com']?.clientIds,
    ).toEqual(['photo-google-client']);
  });
  it('S3, SSM, API Gateway, AppSync; DynamoDB and SNS listed', () => {
    expect(r.state.s3.buckets['photo-store-test']?.policy).toBeDefined();
    expect(r.state.ssm.parameters['/photo/greeting']?.value).toBe('hello');
    const api = Object.values(r.state.executeApi.apis)[0];
    expect(api?.stages).toEqual(['v1']);
    expect(
      api?.methods.map((m) => `${m.httpMethod} ${m.resourcePath} ${m.authorizationType}`).sort(),
    ).toEqual(['GET /health NONE', 'GET /me COGNITO_USER_POOLS', 'POST /me AWS_IAM']);
    expect(Object.values(r.state.appsync.apis)[0]).toMatchObject({
      defaultAuthMode: 'AMAZON_COGNITO_USER_POOLS',
      additionalAuthModes: ['AWS_IAM'],
      userPoolId: userPoolId(),
    });
    expect(r.unsupported.some((u) => u.path === 'Resources.Table')).toBe(true);
    expect(r.unsupported.some((u) => u.path === 'Resources.Topic')).toBe(true);
  });
  // No classic-flow guest: the pool has role mappings, so GetOpenIdToken refuses every caller
  // ("Basic (classic) flow is not supported with RoleMappings", aws-facts.md §4.5).
  it('callers: guest, signed-in user, each group role, the IAM user and the role it can assume', () => {
    expect(r.matrix.callers.map((c) => c.label)).toEqual([
      'Guest of photo_ids',
      'Signed-in user of photo_ids',
      'photo_ids: group editors',
      'photo_ids: group viewers',
      'IAM user ops',
      'IAM user ops → role photo-ops',
    ]);
  });
  it('findings a reviewer would raise, each with a template path and a docs page', () => {
    expect([...new Set(r.findings.map((f) => f.code))].sort()).toEqual([
      'api-method-without-auth',
      'classic-flow-allowed',
      'client-implicit-grant',
      'client-password-auth',
      'group-precedence-tie',
      'identity-pool-trust-missing-amr',
      'mfa-off',
      'password-policy-weak',
      'prevent-user-existence-errors-legacy',
      'refresh-token-long',
      'role-mapping-ambiguous-privileged',
      's3-path-keyed-on-user-pool-sub',
      'token-revocation-off',
      'unauth-role-can-write',
    ]);
    for (const f of r.findings) {
      expect(f.path).toMatch(/^Resources\.[A-Za-z]+/);
      expect(f.docs).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    }
    expect(r.findings.find((f) => f.code === 'api-method-without-auth')?.path).toBe('Resources.HealthGet');
    const amr = r.findings.find((f) => f.code === 'identity-pool-trust-missing-amr');
    expect(amr?.proof && 'result' in amr.proof ? amr.proof.result.decision : '').toBe('Allow');
  });
});

describe('findings that depend on the details', () => {
  it('two groups of equal precedence that carry the same role are no tie: that role stays the preferred one', async () => {
    const viewers = 'GroupName: viewers, Precedence: 1, RoleArn: !GetAtt ViewerRole.Arn';
    expect(text).toContain(viewers);
    const sameRole = await importStack(
      text.replace(viewers, 'GroupName: viewers, Precedence: 1, RoleArn: !GetAtt EditorRole.Arn'),
      { cloud: { now: clock.now } },
    );
    expect(sameRole.findings.map((f) => f.code)).not.toContain('group-precedence-tie');
    expect(r.findings.find((f) => f.code === 'group-precedence-tie')?.message).toContain('different roles');
  });
  it('the basic flow allowed on a pool with role mappings is refused to every caller, not a bypass of them', () => {
    const classic = r.findings.find((f) => f.code === 'classic-flow-allowed');
    expect(classic?.message).toContain('GetOpenIdToken refuses every caller');
    expect(classic?.message).not.toContain('skipped');
  });
});

describe('the imported cloud answers the real SDK as the matrix predicts', () => {
  const cell = (caller: string, action: string, resourceIncludes: string) => {
    const c = r.matrix.callers.find((x) => x.label === caller);
    const a = r.matrix.actions.find((x) => x.action === action && x.resource.includes(resourceIncludes));
    return r.matrix.cells.find((x) => x.caller === c?.id && x.action === a?.id)?.decision;
  };

  it('a guest: may upload, may not read uploads, and the scope-down keeps SSM away although the role allows it', async () => {
    const identity = new CognitoIdentityClient(config());
    const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId: identityPoolId() }));
    const got = await identity.send(new GetCredentialsForIdentityCommand({ IdentityId }));
    const s3 = new S3Client({ ...config(creds(got.Credentials)), forcePathStyle: false });
    expect(
      await status(
        s3.send(new PutObjectCommand({ Bucket: 'photo-store-test', Key: 'uploads/cat.jpg', Body: 'meow' })),
      ),
    ).toBe(200);
    // The bucket policy denies plain HTTP; the matrix answers for HTTPS calls, as the SDK makes them.
    expect(cell('Guest of photo_ids', 's3:PutObject', 'uploads/')).toBe('allow');
    expect(
      await status(s3.send(new GetObjectCommand({ Bucket: 'photo-store-test', Key: 'uploads/cat.jpg' }))),
    ).toBe(403);
    const ssm = new SSMClient(config(creds(got.Credentials)));
    expect(await status(ssm.send(new GetParameterCommand({ Name: '/photo/greeting' })))).toBe(400);
    expect(cell('Guest of photo_ids', 'ssm:GetParameter', 'parameter/photo/')).toBe('deny');
    // The basic flow that would skip the scope-down is closed by the pool's role mappings.
    expect(await status(identity.send(new GetOpenIdTokenCommand({ IdentityId })))).toBe(400);
  });

  it('a user who signs up in the imported pool reaches its own private prefix and no one else’s', async () => {
    const pool = r.state.cognitoIdp.pools[userPoolId()];
    const clientId = Object.keys(pool?.clients ?? {})[0] as string;
    const idp = new CognitoIdentityProviderClient(config());
    await idp.send(
      new SignUpCommand({
        ClientId: clientId,
        Username: 'carol',
        Password: 'carolpass',
        UserAttributes: [{ Name: 'email', Value: 'carol@example.com' }],
      }),
    );
    const inbox = (
      JSON.parse(r.cloud.snapshot().state) as { cognitoIdp: { inbox: { username: string; code: string }[] } }
    ).cognitoIdp.inbox;
    const code = inbox.find((m) => m.username === 'carol')?.code ?? '';
    await idp.send(
      new ConfirmSignUpCommand({ ClientId: clientId, Username: 'carol', ConfirmationCode: code }),
    );
    const auth = await idp.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: 'carol', PASSWORD: 'carolpass' },
      }),
    );
    const Logins = {
      [`cognito-idp.us-east-1.amazonaws.com/${userPoolId()}`]: auth.AuthenticationResult?.IdToken ?? '',
    };
    const identity = new CognitoIdentityClient(config());
    const { IdentityId } = await identity.send(
      new GetIdCommand({ IdentityPoolId: identityPoolId(), Logins }),
    );
    const got = await identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins }));
    const s3 = new S3Client(config(creds(got.Credentials)));
    expect(
      await status(
        s3.send(
          new PutObjectCommand({
            Bucket: 'photo-store-test',
            Key: `private/${IdentityId}/me.jpg`,
            Body: 'me',
          }),
        ),
      ),
    ).toBe(200);
    expect(
      await status(
        s3.send(
          new PutObjectCommand({
            Bucket: 'photo-store-test',
            Key: 'private/us-east-1:someone-else/me.jpg',
            Body: 'x',
          }),
        ),
      ),
    ).toBe(403);
    expect(cell('Signed-in user of photo_ids', 's3:PutObject', '<identity A>')).toBe('allow');
    expect(cell('Signed-in user of photo_ids', 's3:PutObject', '<identity B>')).toBe('deny');
  });

  it('the IAM user assumes the ops role and lists the bucket', async () => {
    const key = r.state.iam.users.ops?.accessKeys[0];
    const sts = new STSClient(
      config({ accessKeyId: key?.accessKeyId ?? '', secretAccessKey: key?.secretAccessKey ?? '' }),
    );
    const assumed = await sts.send(
      new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/photo-ops', RoleSessionName: 'ops' }),
    );
    const s3 = new S3Client(config(creds(assumed.Credentials)));
    expect(await status(s3.send(new ListObjectsV2Command({ Bucket: 'photo-store-test' })))).toBe(200);
    expect(cell('IAM user ops → role photo-ops', 's3:ListBucket', 'photo-store-test')).toBe('allow');
  });
});
