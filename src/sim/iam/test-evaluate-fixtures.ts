/**
 * Shared fixtures of the IAM evaluator's tests (evaluate*.test.ts): one account, a user, a role session,
 * and short builders for policies and authorization requests.
 */
import type { AuthorizationRequest, NamedPolicy, PolicyStatement, RequestPrincipal } from './types';

export const ACCT = '111122223333';
export const OTHER = '444455556666';
export const USER_ARN = `arn:aws:iam::${ACCT}:user/alice`;
export const ROLE_ARN = `arn:aws:iam::${ACCT}:role/AppRole`;
export const SESSION_ARN = `arn:aws:sts::${ACCT}:assumed-role/AppRole/s1`;
export const OBJECT = 'arn:aws:s3:::demo-bucket/public/a.txt';

export const userPrincipal: RequestPrincipal = {
  type: 'AWS',
  identifiers: [USER_ARN, `arn:aws:iam::${ACCT}:root`, ACCT],
  accountId: ACCT,
};
export const sessionPrincipal: RequestPrincipal = {
  type: 'AWS',
  identifiers: [SESSION_ARN, ROLE_ARN, `arn:aws:iam::${ACCT}:root`, ACCT],
  accountId: ACCT,
};

export const policy = (name: string, ...Statement: PolicyStatement[]): NamedPolicy => ({
  name,
  document: { Version: '2012-10-17', Statement },
});
export const allow = (
  Action: string | string[],
  Resource: string | string[] = '*',
  extra: Partial<PolicyStatement> = {},
): PolicyStatement => ({
  Effect: 'Allow',
  Action,
  Resource,
  ...extra,
});
export const deny = (
  Action: string | string[],
  Resource: string | string[] = '*',
  extra: Partial<PolicyStatement> = {},
): PolicyStatement => ({
  Effect: 'Deny',
  Action,
  Resource,
  ...extra,
});

export function request(overrides: Partial<AuthorizationRequest>): AuthorizationRequest {
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
