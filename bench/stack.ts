// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${…} here is Fn::Sub and IAM policy-variable syntax
/**
 * Stack figure: importing a 200-resource CloudFormation template (parse, resolve, build the world,
 * compute the access matrix and the findings, create the cloud) — budget 500 ms per import. The
 * template is generated: two identity pools with guest, authenticated and rule-mapped roles, a
 * user pool with clients and groups, IAM users who assume roles, buckets with policies, SSM
 * parameters and DynamoDB tables, so every part of the import has work to do.
 */
import { importStack } from '../src/stack/index';
import { type Figure, median, p95, sample } from './stats';

export const STACK_RESOURCES = 200;
const BUDGET_MS = 500;

const trust = (pool: string, amr: string) => ({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Federated: 'cognito-identity.amazonaws.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: { 'cognito-identity.amazonaws.com:aud': { Ref: pool } },
        'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': amr },
      },
    },
  ],
});

/** A template of exactly `count` resources (count ≥ 40). */
export function generatedTemplate(count = STACK_RESOURCES): string {
  const r: Record<string, unknown> = {};
  r.Users = { Type: 'AWS::Cognito::UserPool', Properties: { UserPoolName: 'bench-users' } };
  for (let i = 0; i < 4; i++)
    r[`Client${i}`] = {
      Type: 'AWS::Cognito::UserPoolClient',
      Properties: { UserPoolId: { Ref: 'Users' }, ClientName: `client-${i}` },
    };
  for (const p of ['PoolA', 'PoolB']) {
    r[p] = {
      Type: 'AWS::Cognito::IdentityPool',
      Properties: {
        IdentityPoolName: p,
        AllowUnauthenticatedIdentities: true,
        CognitoIdentityProviders: [
          { ProviderName: { 'Fn::GetAtt': ['Users', 'ProviderName'] }, ClientId: { Ref: 'Client0' } },
        ],
      },
    };
    r[`${p}Guest`] = {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: trust(p, 'unauthenticated'),
        ManagedPolicyArns: [{ Ref: 'Policy0' }],
      },
    };
    r[`${p}Auth`] = {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: trust(p, 'authenticated'),
        ManagedPolicyArns: [{ Ref: 'Policy1' }],
      },
    };
    r[`${p}Attach`] = {
      Type: 'AWS::Cognito::IdentityPoolRoleAttachment',
      Properties: {
        IdentityPoolId: { Ref: p },
        Roles: {
          authenticated: { 'Fn::GetAtt': [`${p}Auth`, 'Arn'] },
          unauthenticated: { 'Fn::GetAtt': [`${p}Guest`, 'Arn'] },
        },
        RoleMappings: {
          users: {
            IdentityProvider: {
              'Fn::Join': [':', [{ 'Fn::GetAtt': ['Users', 'ProviderName'] }, { Ref: 'Client0' }]],
            },
            Type: 'Rules',
            AmbiguousRoleResolution: 'AuthenticatedRole',
            RulesConfiguration: {
              Rules: [0, 1, 2].map((k) => ({
                Claim: 'custom:team',
                MatchType: 'Equals',
                Value: `team${k}`,
                RoleARN: { 'Fn::GetAtt': [`Team${k}`, 'Arn'] },
              })),
            },
          },
        },
      },
    };
  }
  for (let k = 0; k < 3; k++)
    r[`Team${k}`] = {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: trust('PoolA', 'authenticated'),
        ManagedPolicyArns: [{ Ref: `Policy${k + 2}` }],
      },
    };
  for (let u = 0; u < 3; u++) {
    r[`Dev${u}`] = {
      Type: 'AWS::IAM::User',
      Properties: {
        Policies: [
          {
            PolicyName: 'assume',
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [
                { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: { 'Fn::GetAtt': [`Ops${u}`, 'Arn'] } },
              ],
            },
          },
        ],
      },
    };
    r[`Ops${u}`] = {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: { 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:root' } },
              Action: 'sts:AssumeRole',
            },
          ],
        },
        ManagedPolicyArns: [{ Ref: `Policy${u + 5}` }],
      },
    };
  }
  let i = 0;
  const filler = ['Bucket', 'BucketPolicy', 'Policy', 'Parameter', 'Table'] as const;
  while (Object.keys(r).length < count) {
    const kind = filler[i % filler.length];
    const n = Math.floor(i / filler.length);
    if (kind === 'Bucket')
      r[`Bucket${n}`] = { Type: 'AWS::S3::Bucket', Properties: { BucketName: `bench-bucket-${n}` } };
    if (kind === 'BucketPolicy')
      r[`BucketPolicy${n}`] = {
        Type: 'AWS::S3::BucketPolicy',
        Properties: {
          Bucket: { Ref: `Bucket${n}` },
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Deny',
                Principal: '*',
                Action: 's3:*',
                Resource: `arn:aws:s3:::bench-bucket-${n}/*`,
                Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              },
            ],
          },
        },
      };
    if (kind === 'Policy')
      r[`Policy${n}`] = {
        Type: 'AWS::IAM::ManagedPolicy',
        Properties: {
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Action: ['s3:GetObject', 's3:PutObject'],
                Resource: `arn:aws:s3:::bench-bucket-${n}/private/\${cognito-identity.amazonaws.com:sub}/*`,
              },
              {
                Effect: 'Allow',
                Action: 's3:GetObject',
                Resource: `arn:aws:s3:::bench-bucket-${n}/public/*`,
              },
              {
                Effect: 'Allow',
                Action: ['dynamodb:GetItem', 'dynamodb:Query'],
                Resource: {
                  'Fn::Sub': `arn:aws:dynamodb:\${AWS::Region}:\${AWS::AccountId}:table/bench-table-${n}`,
                },
              },
            ],
          },
        },
      };
    if (kind === 'Parameter')
      r[`Parameter${n}`] = {
        Type: 'AWS::SSM::Parameter',
        Properties: { Name: `/bench/${n}`, Type: 'String', Value: `v${n}` },
      };
    if (kind === 'Table')
      r[`Table${n}`] = {
        Type: 'AWS::DynamoDB::Table',
        Properties: { TableName: `bench-table-${n}`, KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }] },
      };
    i++;
  }
  return JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: r });
}

export async function measureStackImport(): Promise<Figure[]> {
  const text = generatedTemplate();
  const last = await importStack(text);
  const runs = await sample(() => importStack(text), 10, 2);
  const value = median(runs);
  return [
    {
      name: `import a ${STACK_RESOURCES}-resource template + access matrix (median)`,
      value,
      unit: 'ms',
      budget: `≤ ${BUDGET_MS} ms`,
      meets: value <= BUDGET_MS,
      note: `p95 ${p95(runs).toFixed(1)} ms; ${last.matrix.callers.length} callers × ${last.matrix.actions.length} actions = ${last.matrix.cells.length} evaluations, ${last.findings.length} findings`,
    },
  ];
}
