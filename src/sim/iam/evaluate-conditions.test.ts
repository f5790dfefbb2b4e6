import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import { ROLE_ARN, policy, allow, deny, request } from './test-evaluate-fixtures';
import type { AuthorizationRequest, PolicyStatement } from './types';

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
