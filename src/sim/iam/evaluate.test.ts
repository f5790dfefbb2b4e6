// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${...} here is IAM policy-variable syntax, not a JS template
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import {
  ACCT,
  OTHER,
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
import type { AuthorizationRequest, PolicyStatement, RequestPrincipal } from './types';

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

  it('NotPrincipal with Deny leaves a caller out only when every level is listed: account, role, session', () => {
    const all = [policy('All', allow('*'))];
    const decide = (listed: string[], principal?: RequestPrincipal) =>
      evaluate(
        request({
          resourcePolicy: policy(
            'bucket policy',
            deny('s3:*', 'arn:aws:s3:::demo-bucket/*', { NotPrincipal: { AWS: listed } }),
          ),
          identityPolicies: all,
          ...(principal ? { principal } : {}),
        }),
      ).decision;
    const root = `arn:aws:iam::${ACCT}:root`;
    // The user alone, without its account: the account level is still denied, so the user is too.
    expect(decide([USER_ARN])).toBe('ExplicitDeny');
    expect(decide([USER_ARN, root])).toBe('Allow');
    expect(decide([USER_ARN, ACCT])).toBe('Allow');
    // A role session: naming the role (and the account) does not leave its sessions out.
    expect(decide([ROLE_ARN, root], sessionPrincipal)).toBe('ExplicitDeny');
    expect(decide([SESSION_ARN, root], sessionPrincipal)).toBe('ExplicitDeny');
    expect(decide([SESSION_ARN, ROLE_ARN, root], sessionPrincipal)).toBe('Allow');
    // Another account's principal is denied whatever this account lists.
    expect(
      decide([USER_ARN, root], {
        type: 'AWS',
        identifiers: [`arn:aws:iam::${OTHER}:user/x`, `arn:aws:iam::${OTHER}:root`, OTHER],
        accountId: OTHER,
      }),
    ).toBe('ExplicitDeny');
  });

  it('NotPrincipal with Allow covers everyone it does not leave out, anonymous callers included', () => {
    const resourcePolicy = policy(
      'bucket policy',
      allow('s3:GetObject', OBJECT, { NotPrincipal: { AWS: `arn:aws:iam::${OTHER}:root` } }),
    );
    const anonymous: RequestPrincipal = { type: 'Anonymous', identifiers: [] };
    expect(evaluate(request({ resourcePolicy, principal: anonymous })).decision).toBe('Allow');
    // A same-account user with no identity policy of its own: the grant names it as `"*"` would.
    expect(evaluate(request({ resourcePolicy, identityPolicies: [] })).decision).toBe('Allow');
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
