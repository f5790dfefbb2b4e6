import { describe, expect, it } from 'vitest';
import { AwsError } from '../core/errors';
import { type PolicyKind, parsePolicyDocument } from './parse';

const stmt = (s: Record<string, unknown>) => JSON.stringify({ Version: '2012-10-17', Statement: [s] });
const ok = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' };

function refusal(text: string, kind?: PolicyKind): { code: string; message: string; status: number } {
  try {
    parsePolicyDocument(text, kind ? { kind } : {});
  } catch (e) {
    if (e instanceof AwsError) return { code: e.code, message: e.message, status: e.statusCode };
    throw e;
  }
  throw new Error('accepted');
}

describe('parsePolicyDocument', () => {
  it('returns the document for a valid identity policy', () => {
    expect(parsePolicyDocument(stmt(ok))).toEqual({ Version: '2012-10-17', Statement: [ok] });
  });

  it('accepts a single statement object, 2008-10-17 and a missing Version', () => {
    expect(parsePolicyDocument(JSON.stringify({ Statement: ok })).Statement).toEqual(ok);
    expect(parsePolicyDocument(JSON.stringify({ Version: '2008-10-17', Statement: [ok] })).Version).toBe(
      '2008-10-17',
    );
  });

  it.each([
    ['not JSON', '{"Version": "2012-10-17",', 'identity', 'Syntax errors in policy.'],
    ['a JSON array', '[]', 'identity', 'Syntax errors in policy.'],
    [
      'an unknown Version',
      JSON.stringify({ Version: '2012-10-18', Statement: [ok] }),
      'identity',
      'The policy failed legacy parsing',
    ],
    ['no Statement', JSON.stringify({ Version: '2012-10-17' }), 'identity', 'Syntax errors in policy.'],
    [
      'an unknown top-level element',
      JSON.stringify({ Version: '2012-10-17', Statment: [ok] }),
      'identity',
      'Syntax errors in policy.',
    ],
    [
      'an unknown statement element',
      stmt({ ...ok, Actions: 's3:*' }),
      'identity',
      'Syntax errors in policy.',
    ],
    ['a bad Effect', stmt({ ...ok, Effect: 'allow' }), 'identity', 'Syntax errors in policy.'],
    [
      'no Action',
      stmt({ Effect: 'Allow', Resource: '*' }),
      'identity',
      'Policy statement must contain actions.',
    ],
    [
      'both Action and NotAction',
      stmt({ ...ok, NotAction: 'iam:*' }),
      'identity',
      'Syntax errors in policy.',
    ],
    [
      'an action without a vendor',
      stmt({ ...ok, Action: 'GetObject' }),
      'identity',
      'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
    ],
    [
      'an action with two colons',
      stmt({ ...ok, Action: 's3:Get:Object' }),
      'identity',
      'Actions/Condition can contain only one colon.',
    ],
    [
      'no Resource in a permission policy',
      stmt({ Effect: 'Allow', Action: 's3:*' }),
      'identity',
      'Policy statement must contain resources.',
    ],
    [
      'no Resource in a session policy',
      stmt({ Effect: 'Allow', Action: 's3:*' }),
      'session',
      'Policy statement must contain resources.',
    ],
    [
      'a resource that is not an ARN',
      stmt({ ...ok, Resource: 'my-bucket' }),
      'identity',
      'Resource my-bucket must be in ARN format or "*".',
    ],
    [
      'a Principal in an identity policy',
      stmt({ ...ok, Principal: '*' }),
      'identity',
      'Policy document should not specify a principal.',
    ],
    [
      'a Principal in a session policy',
      stmt({ ...ok, Principal: { AWS: '*' } }),
      'session',
      'Policy document should not specify a principal.',
    ],
    [
      'a Resource in a trust policy',
      stmt({ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: '111122223333' }, Resource: '*' }),
      'trust',
      'Has prohibited field Resource',
    ],
    [
      'no Principal in a trust policy',
      stmt({ Effect: 'Allow', Action: 'sts:AssumeRole' }),
      'trust',
      'Missing required field Principal',
    ],
    ['no Principal in a bucket policy', stmt(ok), 'resource', 'Missing required field Principal'],
    [
      'an unknown principal type',
      stmt({ ...ok, Principal: { User: 'alice' } }),
      'resource',
      'Invalid principal in policy',
    ],
    [
      'an unknown condition operator',
      stmt({ ...ok, Condition: { StringEqualz: { 'aws:username': 'a' } } }),
      'identity',
      'Invalid Condition type : StringEqualz',
    ],
    [
      'IfExists on Null',
      stmt({ ...ok, Condition: { NullIfExists: { 'aws:username': 'true' } } }),
      'identity',
      'Invalid Condition type : NullIfExists',
    ],
    [
      'a bad set prefix',
      stmt({ ...ok, Condition: { 'ForSomeValues:StringLike': { 'aws:TagKeys': 'a' } } }),
      'identity',
      'Invalid Condition type : ForSomeValues:StringLike',
    ],
    [
      'a condition key without a vendor',
      stmt({ ...ok, Condition: { StringEquals: { username: 'a' } } }),
      'identity',
      'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
    ],
    [
      'an object as a condition value',
      stmt({ ...ok, Condition: { StringEquals: { 'aws:username': { a: 1 } } } }),
      'identity',
      'Syntax errors in policy.',
    ],
  ] as const)('refuses %s', (_label, text, kind, message) => {
    expect(refusal(text, kind)).toEqual({ code: 'MalformedPolicyDocument', message, status: 400 });
  });

  it('accepts every documented operator form', () => {
    const Condition = {
      StringLikeIfExists: { 's3:prefix': 'a/*' },
      'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
      'ForAllValues:StringEquals': { 'aws:TagKeys': ['a', 'b'] },
      Null: { 'aws:TokenIssueTime': 'true' },
      DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' },
      NumericLessThanEquals: { 'aws:MultiFactorAuthAge': 3600 },
      Bool: { 'aws:SecureTransport': true },
      ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/x' },
      NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8'] },
      BinaryEquals: { 'ex:key': 'QQ==' },
    };
    expect(parsePolicyDocument(stmt({ ...ok, Condition })).Statement).toEqual([{ ...ok, Condition }]);
  });

  it('takes the caller’s error code', () => {
    expect(() => parsePolicyDocument('nope', { errorCode: 'MalformedPolicy' })).toThrow(
      expect.objectContaining({ code: 'MalformedPolicy', statusCode: 400 }),
    );
  });

  it('accepts a trust policy with Federated principal and no Resource', () => {
    const trust = stmt({
      Effect: 'Allow',
      Principal: { Federated: 'cognito-identity.amazonaws.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
    });
    expect(() => parsePolicyDocument(trust, { kind: 'trust' })).not.toThrow();
  });
});
