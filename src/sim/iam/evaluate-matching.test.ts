// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${...} here is IAM policy-variable syntax, not a JS template
import { describe, expect, it } from 'vitest';
import { accessDeniedMessage, evaluate } from './evaluate';
import {
  USER_ARN,
  ROLE_ARN,
  SESSION_ARN,
  OBJECT,
  sessionPrincipal,
  policy,
  allow,
  deny,
  request,
} from './test-evaluate-fixtures';
import type { AuthorizationRequest, NamedPolicy, PolicyStatement } from './types';

describe('iam evaluate: Action / Resource matching', () => {
  const run = (statement: PolicyStatement, action: string, resource: string) =>
    evaluate(request({ action, resource, identityPolicies: [policy('P', statement)] })).decision;

  it.each([
    [allow('S3:getobject', OBJECT), 's3:GetObject', OBJECT, 'Allow'],
    [allow('s3:Get*', OBJECT), 's3:GetObjectAcl', OBJECT, 'Allow'],
    [allow('s3:Get?bject', OBJECT), 's3:GetObject', OBJECT, 'Allow'],
    [allow('s3:Get?bject', OBJECT), 's3:GetObjectX', OBJECT, 'ImplicitDeny'],
    [allow('iam:*Report', '*'), 'iam:GenerateCredentialReport', '*', 'Allow'],
    [allow('s3:GetObject', 'arn:aws:s3:::demo-bucket/PUBLIC/*'), 's3:GetObject', OBJECT, 'ImplicitDeny'],
    [allow('s3:GetObject', 'arn:aws:s3:::demo-bucket/public/?.txt'), 's3:GetObject', OBJECT, 'Allow'],
    [allow('s3:GetObject', 'arn:aws:s3:::demo-*/*'), 's3:GetObject', OBJECT, 'Allow'],
    [allow('sts:AssumeRole', 'arn:aws:iam::*:role/App*'), 'sts:AssumeRole', ROLE_ARN, 'Allow'],
    [allow('s3:GetObject', 'arn:aws:s3:::demo-bucket'), 's3:GetObject', OBJECT, 'ImplicitDeny'],
    [allow('s3:ListAllMyBuckets', 'arn:aws:s3:::*'), 's3:ListAllMyBuckets', '*', 'ImplicitDeny'],
    [
      { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' } as PolicyStatement,
      's3:GetObject',
      OBJECT,
      'Allow',
    ],
    [
      { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' } as PolicyStatement,
      'IAM:CreateUser',
      '*',
      'ImplicitDeny',
    ],
    [
      {
        Effect: 'Allow',
        Action: 's3:*',
        NotResource: 'arn:aws:s3:::demo-bucket/private/*',
      } as PolicyStatement,
      's3:GetObject',
      OBJECT,
      'Allow',
    ],
    [
      {
        Effect: 'Allow',
        Action: 's3:*',
        NotResource: 'arn:aws:s3:::demo-bucket/public/*',
      } as PolicyStatement,
      's3:GetObject',
      OBJECT,
      'ImplicitDeny',
    ],
  ])('%j for %s on %s → %s', (statement, action, resource, expected) => {
    expect(run(statement, action, resource)).toBe(expected);
  });

  it('NotAction with Deny denies everything but the listed actions', () => {
    const identityPolicies = [
      policy('All', allow('*')),
      policy('OnlyS3', { Effect: 'Deny', NotAction: 's3:*', Resource: '*' }),
    ];
    expect(evaluate(request({ identityPolicies })).decision).toBe('Allow');
    expect(evaluate(request({ action: 'ec2:RunInstances', resource: '*', identityPolicies })).decision).toBe(
      'ExplicitDeny',
    );
  });
});

describe('iam evaluate: policy variables', () => {
  const sub = 'us-east-1:0b5c7e1a-0000-4000-8000-000000000001';
  const privateStatement = allow(
    ['s3:GetObject', 's3:PutObject'],
    'arn:aws:s3:::demo-bucket/private/${cognito-identity.amazonaws.com:sub}/*',
  );
  const context = { 'cognito-identity.amazonaws.com:sub': sub };

  it('substitutes the identity id and shows the substituted resource in the trace', () => {
    const result = evaluate(
      request({
        action: 's3:PutObject',
        resource: `arn:aws:s3:::demo-bucket/private/${sub}/notes.txt`,
        context,
        identityPolicies: [policy('Own', privateStatement)],
      }),
    );
    expect(result.decision).toBe('Allow');
    expect(result.policies[0]?.statements[0]?.resolvedResources).toEqual([
      `arn:aws:s3:::demo-bucket/private/${sub}/*`,
    ]);
  });

  it("another identity's prefix does not match", () => {
    const other = 'us-east-1:0b5c7e1a-0000-4000-8000-000000000002';
    const result = evaluate(
      request({
        action: 's3:PutObject',
        resource: `arn:aws:s3:::demo-bucket/private/${other}/x`,
        context,
        identityPolicies: [policy('Own', privateStatement)],
      }),
    );
    expect(result).toMatchObject({ decision: 'ImplicitDeny', missingAllowIn: 'identity' });
  });

  it('a variable with no value makes the resource not match', () => {
    const result = evaluate(
      request({
        resource: 'arn:aws:s3:::demo-bucket/home//x',
        identityPolicies: [
          policy('Home', allow('s3:GetObject', 'arn:aws:s3:::demo-bucket/home/${aws:username}/*')),
        ],
      }),
    );
    expect(result.decision).toBe('ImplicitDeny');
    expect(result.policies[0]?.statements[0]?.resolvedResources).toEqual([
      'arn:aws:s3:::demo-bucket/home/${aws:username}/* (no value for aws:username)',
    ]);
  });

  it('uses the default value when the key is absent, and key names are case-insensitive', () => {
    const statement = allow(
      's3:GetObject',
      "arn:aws:s3:::demo-bucket/${aws:PrincipalTag/team, 'company-wide'}/*",
    );
    expect(
      evaluate(
        request({
          resource: 'arn:aws:s3:::demo-bucket/company-wide/a',
          identityPolicies: [policy('T', statement)],
        }),
      ).decision,
    ).toBe('Allow');
    expect(
      evaluate(
        request({
          resource: 'arn:aws:s3:::demo-bucket/red/a',
          context: { 'AWS:principaltag/TEAM': 'red' },
          identityPolicies: [policy('T', statement)],
        }),
      ).decision,
    ).toBe('Allow');
  });

  it('${*} is a literal asterisk, not a wildcard', () => {
    const statement = allow('s3:GetObject', 'arn:aws:s3:::demo-bucket/${*}/a');
    expect(
      evaluate(
        request({ resource: 'arn:aws:s3:::demo-bucket/*/a', identityPolicies: [policy('L', statement)] }),
      ).decision,
    ).toBe('Allow');
    expect(
      evaluate(
        request({ resource: 'arn:aws:s3:::demo-bucket/x/a', identityPolicies: [policy('L', statement)] }),
      ).decision,
    ).toBe('ImplicitDeny');
  });

  it('a substituted value containing * stays literal', () => {
    const statement = allow('s3:GetObject', 'arn:aws:s3:::demo-bucket/home/${aws:username}/a');
    const result = evaluate(
      request({
        resource: 'arn:aws:s3:::demo-bucket/home/bob/a',
        context: { 'aws:username': '*' },
        identityPolicies: [policy('H', statement)],
      }),
    );
    expect(result.decision).toBe('ImplicitDeny');
  });

  it('2008-10-17 (and a missing Version) treat ${...} as plain text', () => {
    for (const Version of ['2008-10-17', undefined] as const) {
      const p: NamedPolicy = {
        name: 'Old',
        document: { ...(Version ? { Version } : {}), Statement: [privateStatement] },
      };
      const literalResource = 'arn:aws:s3:::demo-bucket/private/${cognito-identity.amazonaws.com:sub}/x';
      expect(
        evaluate(
          request({ resource: `arn:aws:s3:::demo-bucket/private/${sub}/x`, context, identityPolicies: [p] }),
        ).decision,
      ).toBe('ImplicitDeny');
      expect(evaluate(request({ resource: literalResource, context, identityPolicies: [p] })).decision).toBe(
        'Allow',
      );
    }
  });

  it('substitutes variables in condition values and shows them', () => {
    const statement = allow('s3:ListBucket', 'arn:aws:s3:::demo-bucket', {
      Condition: {
        StringLike: { 's3:prefix': ['public/', 'private/${cognito-identity.amazonaws.com:sub}/*'] },
      },
    });
    const result = evaluate(
      request({
        action: 's3:ListBucket',
        resource: 'arn:aws:s3:::demo-bucket',
        context: { ...context, 's3:prefix': `private/${sub}/docs` },
        identityPolicies: [policy('List', statement)],
      }),
    );
    expect(result.decision).toBe('Allow');
    expect(result.policies[0]?.statements[0]?.conditions[0]?.expected).toEqual([
      'public/',
      `private/${sub}/*`,
    ]);
  });
});

describe('accessDeniedMessage', () => {
  const caller = SESSION_ARN;
  it.each([
    [{ identityPolicies: [] }, 'because no identity-based policy allows the s3:GetObject action'],
    [
      { identityPolicies: [policy('All', allow('*'))], sessionPolicies: [policy('S', allow('dynamodb:*'))] },
      'because no session policy allows the s3:GetObject action',
    ],
    [
      {
        identityPolicies: [policy('All', allow('*'))],
        permissionsBoundary: policy('B', allow('dynamodb:*')),
      },
      'because no permissions boundary allows the s3:GetObject action',
    ],
    [
      { identityPolicies: [policy('All', allow('*')), policy('D', deny('s3:*'))] },
      'with an explicit deny in an identity-based policy',
    ],
    [
      { identityPolicies: [policy('All', allow('*'))], sessionPolicies: [policy('D', deny('s3:*'))] },
      'with an explicit deny in a session policy',
    ],
    [
      { identityPolicies: [policy('All', allow('*'))], permissionsBoundary: policy('D', deny('s3:*')) },
      'with an explicit deny in a permissions boundary',
    ],
    [
      {
        identityPolicies: [policy('All', allow('*'))],
        resourcePolicy: policy('bucket', deny('s3:*', '*', { Principal: '*' })),
      },
      'with an explicit deny in a resource-based policy',
    ],
  ])('%#: %s', (parts, ending) => {
    const result = evaluate(
      request({ principal: sessionPrincipal, ...(parts as Partial<AuthorizationRequest>) }),
    );
    expect(accessDeniedMessage(caller, 's3:GetObject', OBJECT, result)).toBe(
      `User: ${caller} is not authorized to perform: s3:GetObject on resource: "${OBJECT}" ${ending}`,
    );
  });

  it('leaves out the resource for resource-less actions and can skip the quotes', () => {
    const result = evaluate(request({ action: 'sts:GetCallerIdentity', resource: '*' }));
    expect(accessDeniedMessage(USER_ARN, 'sts:GetCallerIdentity', '*', result)).toBe(
      `User: ${USER_ARN} is not authorized to perform: sts:GetCallerIdentity because no identity-based policy allows the sts:GetCallerIdentity action`,
    );
    expect(
      accessDeniedMessage(USER_ARN, 'ssm:GetParameter', 'arn:aws:ssm:us-east-1:1:parameter/x', result, {
        quoteResource: false,
      }),
    ).toContain('on resource: arn:aws:ssm:us-east-1:1:parameter/x because');
  });
});
