// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${…} here is Fn::Sub and IAM policy-variable syntax
/** Each intrinsic function resolves as CloudFormation's "Intrinsic function reference" describes it. */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ImportedStack, importStack } from '../../src/stack/index';

const text = readFileSync('tests/fixtures/stack/intrinsics.yaml', 'utf8');
let r: ImportedStack;
const now = () => Date.parse('2026-06-01T12:00:00Z');

beforeAll(async () => {
  r = await importStack(text, {
    parameters: { Prefix: 'shop', 'ImportValue:shared-vpc-id': 'vpc-123' },
    region: 'eu-west-1',
    accountId: '111122223333',
    cloud: { now },
  });
});

describe('intrinsic functions', () => {
  it('Ref of parameters (defaults, lists) and pseudo parameters, Fn::Join and Fn::Select', () => {
    expect(Object.keys(r.state.s3.buckets)).toEqual(['shop-beta-eu-west-1']);
  });
  it('Conditions with Fn::Equals/Not/Or/And/Condition decide which resources exist', () => {
    expect(r.notCreated).toEqual(['DevOnly']);
  });
  it('Fn::Sub (string form), Fn::FindInMap and Fn::If', () => {
    const pool = Object.values(r.state.cognitoIdp.pools)[0];
    expect(pool?.name).toBe('shop-prod-users');
    expect(pool?.passwordPolicy.MinimumLength).toBe(12);
    expect(pool?.passwordPolicy.RequireUppercase).toBe(true);
    // Fn::If chose OPTIONAL (IsProd): the finding for MFA off must not appear.
    expect(r.findings.map((f) => f.code)).not.toContain('mfa-off');
  });
  it('Fn::Split inside Fn::Select; Ref of a client is its id', () => {
    const pool = Object.values(r.state.cognitoIdp.pools)[0];
    const client = Object.values(pool?.clients ?? {})[0];
    expect(client?.clientName).toBe('web');
    expect(client?.clientId).toMatch(/^[a-z0-9]{26}$/);
  });
  it('Fn::Sub (list form with variables); Fn::GetAtt of UserPool.ProviderName; Ref of an identity pool', () => {
    const ip = Object.values(r.state.cognitoIdentity.pools)[0];
    expect(ip?.IdentityPoolName).toBe('shop_ids');
    expect(ip?.IdentityPoolId).toMatch(/^eu-west-1:[0-9a-f-]{36}$/);
    const userPoolId = Object.keys(r.state.cognitoIdp.pools)[0];
    expect(ip?.CognitoIdentityProviders[0]?.ProviderName).toBe(
      `cognito-idp.eu-west-1.amazonaws.com/${userPoolId}`,
    );
  });
  it('Fn::GetAtt list form (Role.Arn), Fn::Sub with ${Bucket.Arn} and an escaped ${!…} policy variable', () => {
    const ip = Object.values(r.state.cognitoIdentity.pools)[0];
    expect(ip?.Roles.unauthenticated).toBe('arn:aws:iam::111122223333:role/shop-guest');
    const role = r.state.iam.roles['shop-guest'];
    const statements = role?.inlinePolicies[0]?.document.Statement as { Resource: string }[];
    expect(statements[0]?.Resource).toBe('arn:aws:s3:::shop-beta-eu-west-1/public/*');
    expect(statements[1]?.Resource).toBe(
      'arn:aws:s3:::shop-beta-eu-west-1/private/${cognito-identity.amazonaws.com:sub}/*',
    );
    expect(role?.trustPolicy).toMatchObject({
      Statement: [
        { Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': ip?.IdentityPoolId } } },
      ],
    });
  });
  it('Fn::Base64 and Fn::GetAZs', () => {
    expect(r.state.iam.roles['shop-guest']?.description).toBe(btoa('guest'));
    expect(r.state.ssm.parameters['/shop/zone']?.value).toBe('eu-west-1a');
  });
  it('Fn::ImportValue takes its value from the parameters, and asks for it otherwise', async () => {
    expect(r.state.ssm.parameters['/imported']?.value).toBe('vpc-123');
    const without = await importStack(text, { parameters: { Prefix: 'shop' } });
    expect(without.needs).toEqual([
      expect.objectContaining({ name: 'ImportValue:shared-vpc-id', kind: 'import' }),
    ]);
    expect(without.state.ssm.parameters['/imported']?.value).toBe('<ImportValue:shared-vpc-id>');
  });
  it('Fn::Cidr splits an IPv4 block (8 host bits: /24 subnets)', () => {
    expect(r.state.ssm.parameters['/cidr']?.value).toBe('10.0.0.0/24');
  });
  it('the matrix follows: the guest reads public/ and only its own private/ prefix', () => {
    const guest = r.matrix.callers.find((c) => c.label === 'Guest of shop_ids');
    expect(guest).toBeDefined();
    const cell = (res: string) =>
      r.matrix.cells.find(
        (c) =>
          c.caller === guest?.id && r.matrix.actions.find((a) => a.id === c.action)?.resource.includes(res),
      )?.decision;
    expect(cell('/public/')).toBe('allow');
    expect(cell('<identity A>')).toBe('allow');
    expect(cell('<identity B>')).toBe('deny');
  });
  it('the same template in JSON long form gives the same world', async () => {
    const { parseTemplate } = await import('../../src/stack/parse');
    const { Rules: _rules, ...sections } = await parseTemplate(text);
    const json = JSON.stringify(sections);
    const again = await importStack(json, {
      parameters: { Prefix: 'shop', 'ImportValue:shared-vpc-id': 'vpc-123' },
      region: 'eu-west-1',
      accountId: '111122223333',
      cloud: { now },
    });
    expect(again.state).toEqual(r.state);
    expect(again.matrix).toEqual(r.matrix);
  });
});
