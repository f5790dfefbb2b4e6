/**
 * Signed-in users of an identity pool whose basic (classic) flow is open: GetOpenIdToken, then
 * AssumeRoleWithWebIdentity on any role whose trust accepts the token (aud = the pool, amr
 * "authenticated" and the login). Identity pools authentication flow, "Basic (classic)
 * authentication flow": https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flow.html
 */
import { describe, expect, it } from 'vitest';
import { type ImportedStack, importStack } from '../../src/stack/index';
import { call } from '../../src/stack/play';
import { stsRequest } from '../../src/wire/aws-requests';
import { s3Status as bucketStatus, type Creds, credentialsFromXml, poolRole } from './helpers';

const NOW = Date.UTC(2026, 5, 1, 12, 0, 0);
const BUCKET = 'classic-bucket';
const SAML_ARN = 'arn:aws:iam::123456789012:saml-provider/CorpIdP';
const load = (resources: Record<string, unknown>) =>
  importStack(JSON.stringify({ Resources: resources }), { cloud: { now: () => NOW } });

/** A role trusted by the pool `pool` (aud) with an optional amr pattern, allowed `actions` on the bucket. */
const role = (name: string, amr: string | undefined, actions: string[], pool = 'Ids') =>
  poolRole(name, amr, [{ Effect: 'Allow', Action: actions, Resource: `arn:aws:s3:::${BUCKET}/*` }], pool);

const userPool = {
  Type: 'AWS::Cognito::UserPool',
  Properties: { UserPoolName: 'people', AutoVerifiedAttributes: ['email'] },
};
const client = {
  Type: 'AWS::Cognito::UserPoolClient',
  Properties: { UserPoolId: { Ref: 'People' }, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] },
};
const provider = [{ ProviderName: { 'Fn::GetAtt': ['People', 'ProviderName'] }, ClientId: { Ref: 'App' } }];
const pool = (props: Record<string, unknown>) => ({
  Type: 'AWS::Cognito::IdentityPool',
  Properties: { IdentityPoolName: 'ids', AllowUnauthenticatedIdentities: false, ...props },
});
const attach = (extra: Record<string, unknown> = {}) => ({
  Type: 'AWS::Cognito::IdentityPoolRoleAttachment',
  Properties: {
    IdentityPoolId: { Ref: 'Ids' },
    Roles: { authenticated: { 'Fn::GetAtt': ['Auth', 'Arn'] } },
    ...extra,
  },
});

/** A user pool login, the pool's default role, and roles the basic flow may or may not reach. */
const stack = (poolProps: Record<string, unknown>, attachExtra: Record<string, unknown> = {}) => ({
  Files: { Type: 'AWS::S3::Bucket', Properties: { BucketName: BUCKET } },
  People: userPool,
  App: client,
  Ids: pool({ CognitoIdentityProviders: provider, ...poolProps }),
  Other: pool({ IdentityPoolName: 'other' }),
  Auth: role('signed-in', 'authenticated', ['s3:GetObject']),
  Open: role('open', undefined, ['s3:GetObject', 's3:PutObject']),
  GuestOnly: role('guest-only', 'unauthenticated', ['s3:DeleteObject']),
  Elsewhere: role('elsewhere', undefined, ['s3:DeleteObject'], 'Other'),
  Attach: attach(attachExtra),
});

const classicRows = (r: ImportedStack) =>
  r.matrix.callers
    .map((c) => c.label)
    .filter((l) => l.startsWith('Signed-in') && l.includes('classic'))
    .sort();

describe('signed-in users in the basic (classic) flow', () => {
  it('get a row for each role other than their own whose trust takes an authenticated token of the pool', async () => {
    const r = await load(stack({ AllowClassicFlow: true }));
    // Not signed-in (same permissions as the enhanced row), not guest-only (amr), not elsewhere (aud).
    expect(classicRows(r)).toEqual(['Signed-in user of ids (classic flow) → role open']);
  });

  it('get none when the pool leaves the basic flow off (the default)', async () => {
    const r = await load(stack({}));
    expect(classicRows(r)).toEqual([]);
  });

  it('get none when the pool has role mappings (GetOpenIdToken is refused pool-wide)', async () => {
    const r = await load(
      stack(
        { AllowClassicFlow: true },
        {
          RoleMappings: {
            people: {
              IdentityProvider: {
                'Fn::Join': [':', [{ 'Fn::GetAtt': ['People', 'ProviderName'] }, { Ref: 'App' }]],
              },
              Type: 'Token',
              AmbiguousRoleResolution: 'AuthenticatedRole',
            },
          },
        },
      ),
    );
    expect(classicRows(r)).toEqual([]);
  });

  it('get none for a SAML login, which GetOpenIdToken refuses', async () => {
    const r = await load({
      Files: { Type: 'AWS::S3::Bucket', Properties: { BucketName: BUCKET } },
      CorpIdP: {
        Type: 'AWS::IAM::SAMLProvider',
        Properties: {
          Name: 'CorpIdP',
          SamlMetadataDocument: '<EntityDescriptor entityID="https://idp.test"/>',
        },
      },
      Ids: pool({ AllowClassicFlow: true, SamlProviderARNs: [SAML_ARN] }),
      Auth: role('signed-in', 'authenticated', ['s3:GetObject']),
      Open: role('open', undefined, ['s3:PutObject']),
      Attach: attach(),
    });
    expect(classicRows(r)).toEqual([]);
  });

  it('name the login when a role’s trust takes one provider’s users and not another’s', async () => {
    const r = await load({
      ...stack({ AllowClassicFlow: true, SupportedLoginProviders: { 'accounts.google.com': 'g-client' } }),
      GoogleOnly: role('google-only', 'accounts.google.com', ['s3:PutObject']),
    });
    expect(classicRows(r)).toEqual([
      'Signed-in user of ids (classic flow) → role open',
      'Signed-in user of ids via accounts.google.com (classic flow) → role google-only',
    ]);
  });
});

const s3Status = (r: ImportedStack, creds: Creds, method: 'GET' | 'PUT' | 'DELETE') =>
  bucketStatus(r, BUCKET, creds, method, NOW);

/** SignUp, confirm, sign in, GetId, GetOpenIdToken: the basic flow's token for a user pool user. */
async function openIdToken(r: ImportedStack): Promise<string> {
  const region = 'us-east-1';
  const userPoolId = Object.keys(r.state.cognitoIdp.pools)[0] ?? '';
  const clientId = Object.keys(r.state.cognitoIdp.pools[userPoolId]?.clients ?? {})[0] ?? '';
  const poolId = Object.values(r.state.cognitoIdentity.pools).find(
    (p) => p.IdentityPoolName === 'ids',
  )?.IdentityPoolId;
  const creds = { Username: 'dana', Password: 'Dana-pass-1234' };
  const signUp = await call(r.cloud, region, 'cognito-idp', 'SignUp', {
    ClientId: clientId,
    ...creds,
    UserAttributes: [{ Name: 'email', Value: 'dana@example.com' }],
  });
  expect(signUp.ok, signUp.summary).toBe(true);
  const inbox = (
    JSON.parse(r.cloud.snapshot().state) as { cognitoIdp: { inbox: { username: string; code: string }[] } }
  ).cognitoIdp.inbox;
  const code = inbox.find((m) => m.username === 'dana')?.code ?? '';
  const confirm = await call(r.cloud, region, 'cognito-idp', 'ConfirmSignUp', {
    ClientId: clientId,
    Username: 'dana',
    ConfirmationCode: code,
  });
  expect(confirm.ok, confirm.summary).toBe(true);
  const auth = await call(r.cloud, region, 'cognito-idp', 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: clientId,
    AuthParameters: { USERNAME: creds.Username, PASSWORD: creds.Password },
  });
  expect(auth.ok, auth.summary).toBe(true);
  const idToken = (auth.body?.AuthenticationResult as { IdToken?: string } | undefined)?.IdToken ?? '';
  const Logins = { [`cognito-idp.${region}.amazonaws.com/${userPoolId}`]: idToken };
  const id = await call(r.cloud, region, 'cognito-identity', 'GetId', { IdentityPoolId: poolId, Logins });
  expect(id.ok, id.summary).toBe(true);
  const IdentityId = String(id.body?.IdentityId ?? '');
  const token = await call(r.cloud, region, 'cognito-identity', 'GetOpenIdToken', { IdentityId, Logins });
  expect(token.ok, token.summary).toBe(true);
  return String(token.body?.Token ?? '');
}

describe('the basic-flow rows agree with real signed requests to the imported cloud', () => {
  it('the role the token is accepted by: the matrix’s cells are what S3 answers', async () => {
    const r = await load(stack({ AllowClassicFlow: true }));
    const token = await openIdToken(r);
    const assume = await r.cloud.fetch(
      stsRequest('us-east-1', 'AssumeRoleWithWebIdentity', {
        RoleArn: 'arn:aws:iam::123456789012:role/open',
        RoleSessionName: 'classic',
        WebIdentityToken: token,
      }),
    );
    const xml = await assume.text();
    expect(assume.status, xml).toBe(200);
    const session = credentialsFromXml(xml);
    const real = {
      put: await s3Status(r, session, 'PUT'),
      get: await s3Status(r, session, 'GET'),
      del: await s3Status(r, session, 'DELETE'),
    };
    expect(real).toEqual({ put: 200, get: 200, del: 403 });
    const label = 'Signed-in user of ids (classic flow) → role open';
    const caller = r.matrix.callers.find((c) => c.label === label);
    const shown = (action: string) => {
      const column = r.matrix.actions.find((a) => a.action === action && a.resource.includes(BUCKET));
      return r.matrix.cells.find((c) => c.caller === caller?.id && c.action === column?.id)?.decision;
    };
    expect({ put: shown('s3:PutObject'), get: shown('s3:GetObject'), del: shown('s3:DeleteObject') }).toEqual(
      {
        put: 'allow',
        get: 'allow',
        del: 'deny',
      },
    );
  });

  it('a role whose trust wants guests refuses the signed-in token, and the matrix has no row for it', async () => {
    const r = await load(stack({ AllowClassicFlow: true }));
    const token = await openIdToken(r);
    const assume = await r.cloud.fetch(
      stsRequest('us-east-1', 'AssumeRoleWithWebIdentity', {
        RoleArn: 'arn:aws:iam::123456789012:role/guest-only',
        RoleSessionName: 'classic',
        WebIdentityToken: token,
      }),
    );
    expect(assume.status).toBe(403);
    expect(r.matrix.callers.some((c) => c.label.includes('→ role guest-only'))).toBe(false);
  });
});
