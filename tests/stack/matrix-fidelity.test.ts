/**
 * The access matrix against the imported cloud itself: a cell must say what a real signed request
 * to the simulator answers, because both are meant to be the same IAM evaluation with the same
 * request context (principal tags, time keys, MFA keys, token issue time).
 */
import { describe, expect, it } from 'vitest';
import { signRequest } from '../../src/sim/signer';
import { type ImportedStack, importStack } from '../../src/stack/index';
import { stsRequest } from '../../src/wire/aws-requests';
import { s3Status as bucketStatus, type Creds, credentialsFromXml, poolRole } from './helpers';

const NOW = Date.UTC(2026, 5, 1, 12, 0, 0);
const BUCKET = 'fidelity-bucket';
const OBJ = `arn:aws:s3:::${BUCKET}/*`;

const load = (resources: Record<string, unknown>) =>
  importStack(JSON.stringify({ Resources: resources }), { cloud: { now: () => NOW } });

function cell(r: ImportedStack, callerLabel: string, action: string) {
  const caller = r.matrix.callers.find((c) => c.label === callerLabel);
  if (!caller)
    throw new Error(`no caller ${callerLabel}: ${r.matrix.callers.map((c) => c.label).join(' | ')}`);
  const column = r.matrix.actions.find((a) => a.action === action && a.resource.includes(BUCKET));
  if (!column) throw new Error(`no column ${action}`);
  const found = r.matrix.cells.find((c) => c.caller === caller.id && c.action === column.id);
  if (!found) throw new Error('no cell');
  return found;
}

const s3Status = (r: ImportedStack, creds: Creds, method: 'GET' | 'PUT' | 'DELETE') =>
  bucketStatus(r, BUCKET, creds, method, NOW);

const userKey = (r: ImportedStack, name: string): Creds => {
  const key = r.state.iam.users[name]?.accessKeys[0];
  return { accessKeyId: key?.accessKeyId ?? '', secretAccessKey: key?.secretAccessKey ?? '' };
};

const bucket = { Type: 'AWS::S3::Bucket', Properties: { BucketName: BUCKET } };
const statement = (Action: string, Condition?: unknown, Effect = 'Allow') => ({
  Effect,
  Action,
  Resource: OBJ,
  ...(Condition ? { Condition } : {}),
});

describe('the matrix builds each caller’s request context as the engine does', () => {
  it('an IAM user: principal tags, aws:CurrentTime, and no aws:MultiFactorAuthPresent for long-term keys', async () => {
    const r = await load({
      Files: bucket,
      Alice: {
        Type: 'AWS::IAM::User',
        Properties: {
          UserName: 'alice',
          Tags: [{ Key: 'team', Value: 'x' }],
          Policies: [
            {
              PolicyName: 'p',
              PolicyDocument: {
                Version: '2012-10-17',
                Statement: [
                  statement('s3:PutObject', { StringEquals: { 'aws:PrincipalTag/team': 'x' } }),
                  statement('s3:GetObject', {
                    DateGreaterThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' },
                  }),
                  statement('s3:DeleteObject'),
                  // Long-term keys carry no aws:MultiFactorAuthPresent, so Bool … false does not match them.
                  statement('s3:DeleteObject', { Bool: { 'aws:MultiFactorAuthPresent': 'false' } }, 'Deny'),
                ],
              },
            },
          ],
        },
      },
    });
    const alice = userKey(r, 'alice');
    const real = {
      put: await s3Status(r, alice, 'PUT'),
      get: await s3Status(r, alice, 'GET'),
      del: await s3Status(r, alice, 'DELETE'),
    };
    expect(real).toEqual({ put: 200, get: 200, del: 204 });
    const shown = {
      put: cell(r, 'IAM user alice', 's3:PutObject').decision,
      get: cell(r, 'IAM user alice', 's3:GetObject').decision,
      del: cell(r, 'IAM user alice', 's3:DeleteObject').decision,
    };
    expect(shown).toEqual({ put: 'allow', get: 'allow', del: 'allow' });
  });

  it('a role session: the role’s tags as principal tags, aws:TokenIssueTime and MFA false', async () => {
    const r = await load({
      Files: bucket,
      Bob: {
        Type: 'AWS::IAM::User',
        Properties: {
          UserName: 'bob',
          Policies: [
            {
              PolicyName: 'assume',
              PolicyDocument: {
                Version: '2012-10-17',
                Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }],
              },
            },
          ],
        },
      },
      Worker: {
        Type: 'AWS::IAM::Role',
        Properties: {
          RoleName: 'worker',
          Tags: [{ Key: 'env', Value: 'prod' }],
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { AWS: 'arn:aws:iam::123456789012:root' },
                Action: 'sts:AssumeRole',
              },
            ],
          },
          Policies: [
            {
              PolicyName: 'p',
              PolicyDocument: {
                Version: '2012-10-17',
                Statement: [
                  statement('s3:PutObject', { StringEquals: { 'aws:PrincipalTag/env': 'prod' } }),
                  statement('s3:GetObject', { Null: { 'aws:TokenIssueTime': 'false' } }),
                  statement('s3:DeleteObject'),
                  statement('s3:DeleteObject', { Bool: { 'aws:MultiFactorAuthPresent': 'false' } }, 'Deny'),
                ],
              },
            },
          ],
        },
      },
    });
    const assume = await signRequest(
      stsRequest('us-east-1', 'AssumeRole', {
        RoleArn: 'arn:aws:iam::123456789012:role/worker',
        RoleSessionName: 'matrix-check',
      }),
      userKey(r, 'bob'),
      { service: 'sts', region: 'us-east-1', now: NOW },
    );
    const xml = await (await r.cloud.fetch(assume)).text();
    const session = credentialsFromXml(xml);
    const real = {
      put: await s3Status(r, session, 'PUT'),
      get: await s3Status(r, session, 'GET'),
      del: await s3Status(r, session, 'DELETE'),
    };
    expect(real).toEqual({ put: 200, get: 200, del: 403 });
    const label = 'IAM user bob → role worker';
    expect({
      put: cell(r, label, 's3:PutObject').decision,
      get: cell(r, label, 's3:GetObject').decision,
      del: cell(r, label, 's3:DeleteObject').decision,
    }).toEqual({ put: 'allow', get: 'allow', del: 'deny' });
  });
});

const ACCOUNT = '123456789012';
const SAML_ARN = `arn:aws:iam::${ACCOUNT}:saml-provider/CorpIdP`;
const pool = (props: Record<string, unknown>) => ({
  Type: 'AWS::Cognito::IdentityPool',
  Properties: { IdentityPoolName: 'ids', AllowUnauthenticatedIdentities: false, ...props },
});
const fidelityRole = (name: string, amr?: string) => poolRole(name, amr, [statement('s3:GetObject')]);
const samlProvider = {
  Type: 'AWS::IAM::SAMLProvider',
  Properties: { Name: 'CorpIdP', SamlMetadataDocument: '<EntityDescriptor entityID="https://idp.test"/>' },
};
const attach = (roles: Record<string, unknown>, mappings?: unknown) => ({
  Type: 'AWS::Cognito::IdentityPoolRoleAttachment',
  Properties: {
    IdentityPoolId: { Ref: 'Ids' },
    Roles: roles,
    ...(mappings ? { RoleMappings: mappings } : {}),
  },
});
/**
 * A pool whose SAML provider is mapped by one rule (dept = staff → saml-staff), with `resolution` for
 * users who match no rule; the default authenticated role is saml-users.
 */
const samlRulesStack = (resolution: 'AuthenticatedRole' | 'Deny') => ({
  Files: bucket,
  CorpIdP: samlProvider,
  Ids: pool({ SamlProviderARNs: [{ Ref: 'CorpIdP' }] }),
  Auth: fidelityRole('saml-users', SAML_ARN),
  Staff: fidelityRole('saml-staff', SAML_ARN),
  Attach: attach(
    { authenticated: { 'Fn::GetAtt': ['Auth', 'Arn'] } },
    {
      corp: {
        IdentityProvider: { Ref: 'CorpIdP' },
        Type: 'Rules',
        AmbiguousRoleResolution: resolution,
        RulesConfiguration: {
          Rules: [
            {
              Claim: 'dept',
              MatchType: 'Equals',
              Value: 'staff',
              RoleARN: { 'Fn::GetAtt': ['Staff', 'Arn'] },
            },
          ],
        },
      },
    },
  ),
});

const blockedOf = (r: ImportedStack, label: string) => {
  const caller = r.matrix.callers.find((c) => c.label === label);
  if (!caller) throw new Error(`no caller ${label}: ${r.matrix.callers.map((c) => c.label).join(' | ')}`);
  return caller.blocked;
};

describe('identity-pool callers carry the amr Cognito puts in its OpenID token', () => {
  it('a SAML login’s amr names the SAML provider ARN (the Logins key)', async () => {
    const r = await load({
      Files: bucket,
      CorpIdP: samlProvider,
      Ids: pool({ SamlProviderARNs: [{ Ref: 'CorpIdP' }] }),
      Auth: fidelityRole('saml-users', SAML_ARN),
      Attach: attach({ authenticated: { 'Fn::GetAtt': ['Auth', 'Arn'] } }),
    });
    expect(blockedOf(r, 'Signed-in user of ids')).toBeUndefined();
    expect(cell(r, 'Signed-in user of ids', 's3:GetObject').decision).toBe('allow');
  });

  it('an IAM OIDC provider login’s amr names the provider host', async () => {
    const r = await load({
      Files: bucket,
      Oidc: {
        Type: 'AWS::IAM::OIDCProvider',
        Properties: {
          Url: 'https://login.example.com',
          ClientIdList: ['app'],
          ThumbprintList: ['a'.repeat(40)],
        },
      },
      Ids: pool({ OpenIdConnectProviderARNs: [{ Ref: 'Oidc' }] }),
      Auth: fidelityRole('oidc-users', 'login.example.com'),
      Attach: attach({ authenticated: { 'Fn::GetAtt': ['Auth', 'Arn'] } }),
    });
    expect(blockedOf(r, 'Signed-in user of ids')).toBeUndefined();
  });

  it('a rules mapping keyed by a SAML provider ARN gives its rows that ARN in amr', async () => {
    const r = await load(samlRulesStack('AuthenticatedRole'));
    expect(blockedOf(r, 'ids: dept Equals "staff"')).toBeUndefined();
  });
});

describe('role mappings with AmbiguousRoleResolution Deny', () => {
  it('refuses the signed-in user who matches no rule when every provider is mapped with Deny', async () => {
    const r = await load(samlRulesStack('Deny'));
    expect(blockedOf(r, 'Signed-in user of ids')).toMatch(/AmbiguousRoleResolution.*Deny/);
    expect(cell(r, 'Signed-in user of ids', 's3:GetObject').decision).toBe('deny');
    expect(blockedOf(r, 'ids: dept Equals "staff"')).toBeUndefined();
  });
});

describe('guests of a pool with the basic (classic) flow', () => {
  it('get one row per role whose trust accepts the guest token, not only the pool’s guest role', async () => {
    const r = await load({
      Files: bucket,
      Ids: pool({ AllowUnauthenticatedIdentities: true, AllowClassicFlow: true }),
      Guest: fidelityRole('guest', 'unauthenticated'),
      Auth: fidelityRole('signed-in', 'authenticated'),
      Open: fidelityRole('open', undefined),
      Attach: attach({
        authenticated: { 'Fn::GetAtt': ['Auth', 'Arn'] },
        unauthenticated: { 'Fn::GetAtt': ['Guest', 'Arn'] },
      }),
    });
    const labels = r.matrix.callers.map((c) => c.label).filter((l) => l.includes('classic'));
    expect(labels.sort()).toEqual(
      ['Guest of ids (classic flow) → role open', 'Guest of ids (classic flow)'].sort(),
    );
    expect(cell(r, 'Guest of ids (classic flow) → role open', 's3:GetObject').decision).toBe('allow');
  });
});

describe('columns a wildcard or NotAction statement implies agree with real signed requests', () => {
  it('s3:* on * and NotAction on *: the expanded cells are what S3 answers', async () => {
    const r = await load({
      Files: bucket,
      Admin: {
        Type: 'AWS::IAM::User',
        Properties: {
          UserName: 'admin',
          Policies: [
            {
              PolicyName: 'p',
              PolicyDocument: {
                Version: '2012-10-17',
                Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
              },
            },
          ],
        },
      },
      Ops: {
        Type: 'AWS::IAM::User',
        Properties: {
          UserName: 'ops',
          Policies: [
            {
              PolicyName: 'p',
              PolicyDocument: {
                Version: '2012-10-17',
                Statement: [{ Effect: 'Allow', NotAction: 's3:PutObject', Resource: '*' }],
              },
            },
          ],
        },
      },
    });
    const admin = userKey(r, 'admin');
    const ops = userKey(r, 'ops');
    const real = {
      adminPut: await s3Status(r, admin, 'PUT'),
      adminGet: await s3Status(r, admin, 'GET'),
      opsPut: await s3Status(r, ops, 'PUT'),
      opsGet: await s3Status(r, ops, 'GET'),
    };
    expect(real).toEqual({ adminPut: 200, adminGet: 200, opsPut: 403, opsGet: 200 });
    expect({
      adminPut: cell(r, 'IAM user admin', 's3:PutObject').decision,
      adminGet: cell(r, 'IAM user admin', 's3:GetObject').decision,
      opsPut: cell(r, 'IAM user ops', 's3:PutObject').decision,
      opsGet: cell(r, 'IAM user ops', 's3:GetObject').decision,
    }).toEqual({ adminPut: 'allow', adminGet: 'allow', opsPut: 'deny', opsGet: 'allow' });
  });
});
