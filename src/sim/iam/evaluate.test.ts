// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${...} here is IAM policy-variable syntax, not a JS template
import { describe, expect, it } from 'vitest';
import { accessDeniedMessage, evaluate } from './evaluate';
import type { AuthorizationRequest, NamedPolicy, PolicyStatement, RequestPrincipal } from './types';

const ACCT = '111122223333';
const OTHER = '444455556666';
const USER_ARN = `arn:aws:iam::${ACCT}:user/alice`;
const ROLE_ARN = `arn:aws:iam::${ACCT}:role/AppRole`;
const SESSION_ARN = `arn:aws:sts::${ACCT}:assumed-role/AppRole/s1`;
const OBJECT = 'arn:aws:s3:::demo-bucket/public/a.txt';

const userPrincipal: RequestPrincipal = {
  type: 'AWS',
  identifiers: [USER_ARN, `arn:aws:iam::${ACCT}:root`, ACCT],
  accountId: ACCT,
};
const sessionPrincipal: RequestPrincipal = {
  type: 'AWS',
  identifiers: [SESSION_ARN, ROLE_ARN, `arn:aws:iam::${ACCT}:root`, ACCT],
  accountId: ACCT,
};

const policy = (name: string, ...Statement: PolicyStatement[]): NamedPolicy => ({
  name,
  document: { Version: '2012-10-17', Statement },
});
const allow = (
  Action: string | string[],
  Resource: string | string[] = '*',
  extra: Partial<PolicyStatement> = {},
): PolicyStatement => ({
  Effect: 'Allow',
  Action,
  Resource,
  ...extra,
});
const deny = (
  Action: string | string[],
  Resource: string | string[] = '*',
  extra: Partial<PolicyStatement> = {},
): PolicyStatement => ({
  Effect: 'Deny',
  Action,
  Resource,
  ...extra,
});

function request(overrides: Partial<AuthorizationRequest>): AuthorizationRequest {
  return {
    action: 's3:GetObject',
    resource: OBJECT,
    principal: userPrincipal,
    resourceAccountId: ACCT,
    context: {},
    identityPolicies: [],
    ...overrides,
  };
}

describe('iam evaluate: layers', () => {
  const allowAll = policy('AllowAll', allow('*'));
  const denyGet = policy('DenyGet', deny('s3:GetObject', OBJECT, { Sid: 'NoGet' }));

  it.each([
    ['identity', { identityPolicies: [allowAll, denyGet] }],
    ['boundary', { identityPolicies: [allowAll], permissionsBoundary: denyGet }],
    ['session', { identityPolicies: [allowAll], sessionPolicies: [allowAll, denyGet] }],
    [
      'resource',
      {
        identityPolicies: [allowAll],
        resourcePolicy: policy(
          'bucket policy',
          deny('s3:GetObject', OBJECT, { Sid: 'NoGet', Principal: '*' }),
        ),
      },
    ],
  ] as const)('an explicit deny in the %s layer beats every allow', (layer, parts) => {
    const result = evaluate(request(parts as unknown as Partial<AuthorizationRequest>));
    expect(result.decision).toBe('ExplicitDeny');
    expect(result.deniedBy).toEqual({
      layer,
      name: layer === 'resource' ? 'bucket policy' : 'DenyGet',
      sid: 'NoGet',
      index: 0,
    });
    const denied = result.policies.find((p) => p.layer === layer && p.outcome === 'Deny');
    expect(denied?.statements[0]).toMatchObject({
      effect: 'Deny',
      actionMatched: true,
      resourceMatched: true,
      applies: true,
    });
  });

  it('denies implicitly when no identity policy allows, naming the identity layer', () => {
    const result = evaluate(request({ identityPolicies: [policy('ListOnly', allow('s3:ListBucket'))] }));
    expect(result.decision).toBe('ImplicitDeny');
    expect(result.missingAllowIn).toBe('identity');
    expect(result.policies).toEqual([
      {
        layer: 'identity',
        name: 'ListOnly',
        outcome: 'NoMatch',
        statements: [
          {
            index: 0,
            effect: 'Allow',
            actionMatched: false,
            resourceMatched: true,
            conditions: [],
            applies: false,
            resolvedResources: ['*'],
          },
        ],
      },
    ]);
  });

  it('allows when the identity policy allows and there is no boundary or session policy', () => {
    const result = evaluate(
      request({ identityPolicies: [policy('Read', allow('s3:GetObject', 'arn:aws:s3:::demo-bucket/*'))] }),
    );
    expect(result.decision).toBe('Allow');
    expect(result.reason).toContain('"Read"');
  });

  it('a permissions boundary that does not allow the action is a ceiling', () => {
    const result = evaluate(
      request({ identityPolicies: [allowAll], permissionsBoundary: policy('Boundary', allow('dynamodb:*')) }),
    );
    expect(result).toMatchObject({ decision: 'ImplicitDeny', missingAllowIn: 'boundary' });
  });

  it('session policies form one ceiling: any of them allowing is enough', () => {
    const sessions = [
      policy('inline session', allow('dynamodb:*')),
      policy('managed session', allow('s3:Get*')),
    ];
    expect(evaluate(request({ identityPolicies: [allowAll], sessionPolicies: sessions })).decision).toBe(
      'Allow',
    );
    const denied = evaluate(
      request({ action: 'ssm:GetParameter', identityPolicies: [allowAll], sessionPolicies: sessions }),
    );
    expect(denied).toMatchObject({ decision: 'ImplicitDeny', missingAllowIn: 'session' });
  });

  it('an empty session policy list is no ceiling; a session policy cannot add permissions', () => {
    expect(evaluate(request({ identityPolicies: [allowAll], sessionPolicies: [] })).decision).toBe('Allow');
    const result = evaluate(request({ identityPolicies: [], sessionPolicies: [allowAll] }));
    expect(result).toMatchObject({ decision: 'ImplicitDeny', missingAllowIn: 'identity' });
  });
});

describe('iam evaluate: resource-based policies and principals (same account, docs/aws-reference.md §6.2)', () => {
  const bucketPolicy = (Principal: PolicyStatement['Principal']) =>
    policy('bucket policy', allow('s3:GetObject', 'arn:aws:s3:::demo-bucket/*', { Principal }));
  const narrowSession = [policy('session', allow('dynamodb:*'))];
  const boundary = policy('Boundary', allow('dynamodb:*'));

  it('naming the IAM user grants on its own, without any identity policy', () => {
    const result = evaluate(request({ resourcePolicy: bucketPolicy({ AWS: USER_ARN }) }));
    expect(result.decision).toBe('Allow');
    expect(result.policies[0]?.statements[0]?.principalMatched).toBe(true);
  });

  it('naming only the account delegates to identity policies', () => {
    const result = evaluate(request({ resourcePolicy: bucketPolicy({ AWS: `arn:aws:iam::${ACCT}:root` }) }));
    expect(result).toMatchObject({ decision: 'ImplicitDeny', missingAllowIn: 'identity' });
    expect(
      evaluate(
        request({
          resourcePolicy: bucketPolicy({ AWS: ACCT }),
          identityPolicies: [policy('R', allow('s3:*'))],
        }),
      ).decision,
    ).toBe('Allow');
  });

  it('naming the role session grants on its own, even past boundary and session policies', () => {
    const result = evaluate(
      request({
        principal: sessionPrincipal,
        resourcePolicy: bucketPolicy({ AWS: SESSION_ARN }),
        permissionsBoundary: boundary,
        sessionPolicies: narrowSession,
      }),
    );
    expect(result.decision).toBe('Allow');
  });

  it('naming the role ARN skips identity policies but the session policy still limits', () => {
    const base = { principal: sessionPrincipal, resourcePolicy: bucketPolicy({ AWS: ROLE_ARN }) };
    expect(evaluate(request(base)).decision).toBe('Allow');
    expect(evaluate(request({ ...base, sessionPolicies: narrowSession }))).toMatchObject({
      decision: 'ImplicitDeny',
      missingAllowIn: 'session',
    });
    expect(evaluate(request({ ...base, permissionsBoundary: boundary }))).toMatchObject({
      decision: 'ImplicitDeny',
      missingAllowIn: 'boundary',
    });
  });

  it('a statement naming another principal does not apply', () => {
    const result = evaluate(
      request({ resourcePolicy: bucketPolicy({ AWS: `arn:aws:iam::${ACCT}:user/bob` }) }),
    );
    expect(result.decision).toBe('ImplicitDeny');
    expect(result.policies[0]?.statements[0]).toMatchObject({ principalMatched: false, applies: false });
  });

  it('NotPrincipal with Deny denies everyone except the listed principal', () => {
    const resourcePolicy = policy(
      'bucket policy',
      deny('s3:*', 'arn:aws:s3:::demo-bucket/*', { NotPrincipal: { AWS: USER_ARN } }),
    );
    const all = [policy('All', allow('*'))];
    expect(evaluate(request({ resourcePolicy, identityPolicies: all })).decision).toBe('Allow');
    expect(
      evaluate(request({ resourcePolicy, identityPolicies: all, principal: sessionPrincipal })).decision,
    ).toBe('ExplicitDeny');
  });

  it('anonymous callers are decided by the resource policy alone', () => {
    const anonymous: RequestPrincipal = { type: 'Anonymous', identifiers: [] };
    expect(evaluate(request({ principal: anonymous, resourcePolicy: bucketPolicy('*') })).decision).toBe(
      'Allow',
    );
    expect(
      evaluate(request({ principal: anonymous, resourcePolicy: bucketPolicy({ AWS: USER_ARN }) })),
    ).toMatchObject({
      decision: 'ImplicitDeny',
      missingAllowIn: 'resource',
    });
  });
});

describe('iam evaluate: cross-account needs both sides (docs/aws-reference.md §6.3)', () => {
  const foreign: RequestPrincipal = {
    type: 'AWS',
    identifiers: [`arn:aws:iam::${OTHER}:user/eve`, `arn:aws:iam::${OTHER}:root`, OTHER],
    accountId: OTHER,
  };
  const bucketPolicy = policy(
    'bucket policy',
    allow('s3:GetObject', 'arn:aws:s3:::demo-bucket/*', { Principal: { AWS: OTHER } }),
  );
  const identity = [policy('Read', allow('s3:GetObject'))];

  it.each([
    ['identity only', { identityPolicies: identity }, 'resource'],
    ['resource policy only', { resourcePolicy: bucketPolicy }, 'identity'],
  ] as const)('%s is not enough', (_label, parts, missing) => {
    expect(evaluate(request({ principal: foreign, ...parts }))).toMatchObject({
      decision: 'ImplicitDeny',
      missingAllowIn: missing,
    });
  });

  it('both together allow', () => {
    expect(
      evaluate(request({ principal: foreign, identityPolicies: identity, resourcePolicy: bucketPolicy }))
        .decision,
    ).toBe('Allow');
  });
});

describe('iam evaluate: trust policies', () => {
  const trust = (Principal: PolicyStatement['Principal'], Condition?: PolicyStatement['Condition']) => ({
    name: 'trust policy of AtlasRole',
    layer: 'trust' as const,
    document: {
      Version: '2012-10-17' as const,
      Statement: [
        {
          Effect: 'Allow' as const,
          Principal,
          Action: 'sts:AssumeRoleWithWebIdentity',
          ...(Condition ? { Condition } : {}),
        },
      ],
    },
  });
  const cognito: RequestPrincipal = { type: 'Federated', identifiers: ['cognito-identity.amazonaws.com'] };
  const condition = {
    StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:pool' },
    'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'unauthenticated' },
  };
  const base = { action: 'sts:AssumeRoleWithWebIdentity', resource: ROLE_ARN, principal: cognito };

  it('allows the pool and amr it names', () => {
    const result = evaluate(
      request({
        ...base,
        resourcePolicy: trust({ Federated: 'cognito-identity.amazonaws.com' }, condition),
        context: {
          'cognito-identity.amazonaws.com:aud': 'us-east-1:pool',
          'cognito-identity.amazonaws.com:amr': ['unauthenticated'],
        },
      }),
    );
    expect(result.decision).toBe('Allow');
    expect(result.policies[0]?.statements[0]?.conditions).toEqual([
      {
        operator: 'StringEquals',
        key: 'cognito-identity.amazonaws.com:aud',
        expected: ['us-east-1:pool'],
        actual: ['us-east-1:pool'],
        matched: true,
      },
      {
        operator: 'ForAnyValue:StringLike',
        key: 'cognito-identity.amazonaws.com:amr',
        expected: ['unauthenticated'],
        actual: ['unauthenticated'],
        matched: true,
      },
    ]);
  });

  it('refuses another pool, naming the trust layer', () => {
    const result = evaluate(
      request({
        ...base,
        resourcePolicy: trust({ Federated: 'cognito-identity.amazonaws.com' }, condition),
        context: {
          'cognito-identity.amazonaws.com:aud': 'us-east-1:other',
          'cognito-identity.amazonaws.com:amr': ['unauthenticated'],
        },
      }),
    );
    expect(result).toMatchObject({ decision: 'ImplicitDeny', missingAllowIn: 'trust' });
  });

  it('an identity policy alone never lets an IAM principal assume a role', () => {
    const result = evaluate(
      request({
        action: 'sts:AssumeRole',
        resource: ROLE_ARN,
        identityPolicies: [policy('Assume', allow('sts:AssumeRole', ROLE_ARN))],
        resourcePolicy: trust({ AWS: `arn:aws:iam::${ACCT}:user/bob` }),
      }),
    );
    expect(result).toMatchObject({ decision: 'ImplicitDeny', missingAllowIn: 'trust' });
  });
});

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

describe('iam evaluate: condition operators', () => {
  const run = (Condition: PolicyStatement['Condition'], context: AuthorizationRequest['context']) =>
    evaluate(request({ context, identityPolicies: [policy('C', allow('s3:GetObject', '*', { Condition }))] }))
      .decision === 'Allow';

  it.each([
    ['StringEquals exact', { StringEquals: { 'aws:username': 'alice' } }, { 'aws:username': 'alice' }, true],
    [
      'StringEquals is case-sensitive',
      { StringEquals: { 'aws:username': 'Alice' } },
      { 'aws:username': 'alice' },
      false,
    ],
    [
      'StringEqualsIgnoreCase',
      { StringEqualsIgnoreCase: { 'aws:username': 'ALICE' } },
      { 'aws:username': 'alice' },
      true,
    ],
    [
      'multiple values are OR',
      { StringEquals: { 'aws:username': ['bob', 'alice'] } },
      { 'aws:username': 'alice' },
      true,
    ],
    [
      'key names are case-insensitive',
      { StringEquals: { 'AWS:UserName': 'alice' } },
      { 'aws:username': 'alice' },
      true,
    ],
    [
      'StringNotEquals matches none',
      { StringNotEquals: { 'aws:username': ['bob', 'carol'] } },
      { 'aws:username': 'alice' },
      true,
    ],
    [
      'StringNotEquals with a listed value',
      { StringNotEquals: { 'aws:username': ['bob', 'alice'] } },
      { 'aws:username': 'alice' },
      false,
    ],
    ['StringNotEquals on a missing key is true', { StringNotEquals: { 'aws:username': 'bob' } }, {}, true],
    ['StringLike', { StringLike: { 's3:prefix': 'home/*' } }, { 's3:prefix': 'home/alice/' }, true],
    ['StringLike ?', { StringLike: { 's3:prefix': 'home/?' } }, { 's3:prefix': 'home/ab' }, false],
    ['StringNotLike', { StringNotLike: { 's3:prefix': 'private/*' } }, { 's3:prefix': 'public/a' }, true],
    ['missing key makes a positive operator false', { StringEquals: { 'aws:username': 'alice' } }, {}, false],
    ['IfExists is true on a missing key', { StringEqualsIfExists: { 'aws:username': 'alice' } }, {}, true],
    [
      'IfExists still compares a present key',
      { StringEqualsIfExists: { 'aws:username': 'alice' } },
      { 'aws:username': 'bob' },
      false,
    ],
    [
      'Bool',
      { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      { 'aws:MultiFactorAuthPresent': 'true' },
      true,
    ],
    [
      'Bool with a JSON boolean',
      { Bool: { 'aws:SecureTransport': true } },
      { 'aws:SecureTransport': 'true' },
      true,
    ],
    [
      'Bool false misses long-term keys (key absent)',
      { Bool: { 'aws:MultiFactorAuthPresent': 'false' } },
      {},
      false,
    ],
    [
      'BoolIfExists false catches long-term keys',
      { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      {},
      true,
    ],
    ['Null true: key absent', { Null: { 'aws:TokenIssueTime': 'true' } }, {}, true],
    [
      'Null true: key present',
      { Null: { 'aws:TokenIssueTime': 'true' } },
      { 'aws:TokenIssueTime': '2024-01-01T00:00:00Z' },
      false,
    ],
    [
      'Null false: key present',
      { Null: { 'aws:TokenIssueTime': 'false' } },
      { 'aws:TokenIssueTime': '2024-01-01T00:00:00Z' },
      true,
    ],
    [
      'NumericLessThan',
      { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } },
      { 'aws:MultiFactorAuthAge': '120' },
      true,
    ],
    [
      'NumericGreaterThanEquals',
      { NumericGreaterThanEquals: { 's3:max-keys': 10 } },
      { 's3:max-keys': '9' },
      false,
    ],
    [
      'NumericEquals with a non-number',
      { NumericEquals: { 's3:max-keys': '10' } },
      { 's3:max-keys': 'ten' },
      false,
    ],
    ['NumericNotEquals', { NumericNotEquals: { 's3:max-keys': '10' } }, { 's3:max-keys': '11' }, true],
    [
      'DateLessThan ISO',
      { DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } },
      { 'aws:CurrentTime': '2029-12-31T23:59:59Z' },
      true,
    ],
    [
      'DateGreaterThan epoch',
      { DateGreaterThan: { 'aws:TokenIssueTime': '1700000000' } },
      { 'aws:TokenIssueTime': '2024-01-01T00:00:00Z' },
      true,
    ],
    [
      'DateEquals date only',
      { DateEquals: { 'aws:CurrentTime': '2024-01-01' } },
      { 'aws:CurrentTime': '2024-01-01T00:00:00Z' },
      true,
    ],
    [
      'DateNotEquals',
      { DateNotEquals: { 'aws:CurrentTime': '2024-01-01T00:00:00Z' } },
      { 'aws:CurrentTime': '2024-01-02T00:00:00Z' },
      true,
    ],
    [
      'IpAddress v4',
      { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
      { 'aws:SourceIp': '203.0.113.7' },
      true,
    ],
    [
      'IpAddress outside',
      { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
      { 'aws:SourceIp': '198.51.100.7' },
      false,
    ],
    [
      'NotIpAddress',
      { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
      { 'aws:SourceIp': '198.51.100.7' },
      true,
    ],
    [
      'IpAddress v6',
      { IpAddress: { 'aws:SourceIp': '2001:db8::/32' } },
      { 'aws:SourceIp': '2001:db8:1:2::5' },
      true,
    ],
    [
      'BinaryEquals',
      { BinaryEquals: { 'ex:blob': 'QmluYXJ5VmFsdWU=' } },
      { 'ex:blob': 'QmluYXJ5VmFsdWU=' },
      true,
    ],
    [
      'ArnLike per-part wildcard',
      { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/Atlas*' } },
      { 'aws:PrincipalArn': ROLE_ARN.replace('AppRole', 'AtlasGuestRole') },
      true,
    ],
    [
      'ArnEquals takes wildcards too',
      { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:*:111122223333:topic' } },
      { 'aws:SourceArn': 'arn:aws:sns:us-east-1:111122223333:topic' },
      true,
    ],
    [
      'ArnNotLike',
      { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/Admin*' } },
      { 'aws:PrincipalArn': ROLE_ARN },
      true,
    ],
    [
      'operators are ANDed',
      { StringEquals: { 'aws:username': 'alice' }, Bool: { 'aws:SecureTransport': 'true' } },
      { 'aws:username': 'alice', 'aws:SecureTransport': 'false' },
      false,
    ],
    [
      'keys under one operator are ANDed',
      { StringEquals: { 'aws:username': 'alice', 'aws:PrincipalType': 'User' } },
      { 'aws:username': 'alice', 'aws:PrincipalType': 'User' },
      true,
    ],
    [
      'ForAnyValue: one match suffices',
      { 'ForAnyValue:StringLike': { 'ex:amr': 'authenticated' } },
      { 'ex:amr': ['authenticated', 'cognito-idp'] },
      true,
    ],
    [
      'ForAnyValue: missing key is false',
      { 'ForAnyValue:StringLike': { 'ex:amr': 'authenticated' } },
      {},
      false,
    ],
    [
      'ForAnyValue: empty set is false',
      { 'ForAnyValue:StringLike': { 'ex:amr': 'authenticated' } },
      { 'ex:amr': [] },
      false,
    ],
    [
      'ForAnyValue…IfExists: missing key still false',
      { 'ForAnyValue:StringLikeIfExists': { 'ex:amr': 'authenticated' } },
      {},
      false,
    ],
    [
      'ForAllValues: all must match',
      { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a', 'b'] } },
      { 'aws:TagKeys': ['a', 'c'] },
      false,
    ],
    [
      'ForAllValues: subset matches',
      { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a', 'b'] } },
      { 'aws:TagKeys': ['a'] },
      true,
    ],
    [
      'ForAllValues: missing key is true',
      { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a'] } },
      {},
      true,
    ],
    [
      'ForAllValues: empty set is true',
      { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a'] } },
      { 'aws:TagKeys': [] },
      true,
    ],
    [
      'ForAnyValue:StringNotEquals: one value outside',
      { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['a'] } },
      { 'aws:TagKeys': ['a', 'z'] },
      true,
    ],
    [
      'ForAllValues:StringNotLike: none may match',
      { 'ForAllValues:StringNotLike': { 'aws:TagKeys': ['Owner:*'] } },
      { 'aws:TagKeys': ['Owner:x', 'y'] },
      false,
    ],
    [
      'unknown operator never matches',
      { StringEqualz: { 'aws:username': 'alice' } },
      { 'aws:username': 'alice' },
      false,
    ],
  ] as const)('%s', (_label, condition, context, expected) => {
    expect(run(condition as PolicyStatement['Condition'], context as AuthorizationRequest['context'])).toBe(
      expected,
    );
  });

  it('the trace names the operator, key, expected and actual values', () => {
    const result = evaluate(
      request({
        context: { 'aws:SourceIp': '198.51.100.7' },
        identityPolicies: [
          policy(
            'C',
            allow('s3:GetObject', '*', { Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } } }),
          ),
        ],
      }),
    );
    expect(result.policies[0]?.statements[0]?.conditions).toEqual([
      {
        operator: 'IpAddress',
        key: 'aws:SourceIp',
        expected: ['203.0.113.0/24'],
        actual: ['198.51.100.7'],
        matched: false,
      },
    ]);
    expect(result.policies[0]?.statements[0]).toMatchObject({
      actionMatched: true,
      resourceMatched: true,
      applies: false,
    });
  });

  it('Deny + Bool false does not catch long-term keys, BoolIfExists does', () => {
    const allowAll = policy('All', allow('*'));
    const strict = policy(
      'RequireMfa',
      deny('*', '*', { Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }),
    );
    const loose = policy(
      'RequireMfa',
      deny('*', '*', { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }),
    );
    expect(evaluate(request({ identityPolicies: [allowAll, loose] })).decision).toBe('Allow');
    expect(evaluate(request({ identityPolicies: [allowAll, strict] })).decision).toBe('ExplicitDeny');
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
