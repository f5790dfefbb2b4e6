// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${…} here is Fn::Sub syntax
/**
 * Hostile values where the template names things or where text is expected: each either works as
 * CloudFormation treats it, or is refused with a StackImportError that says where (never a TypeError
 * such as "Cannot convert object to primitive value", never a JavaScript member such as "Array").
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importStack } from '../../src/stack/index';
import { importRefusal } from './helpers';

/** Every own member of Object.prototype, `prototype` and `__proto__` included. */
const NAMES = [...new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype', '__proto__'])];
/** Alphanumeric ones may be logical ids, parameter and condition names in CloudFormation. */
const ALNUM = NAMES.filter((n) => /^[A-Za-z0-9]+$/.test(n));

const trust = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};
/** A role whose RoleName is `name` (any value an intrinsic may produce), plus `extra` properties. */
const role = (name: unknown, extra: Record<string, unknown> = {}) => ({
  Type: 'AWS::IAM::Role',
  Properties: { RoleName: name, AssumeRolePolicyDocument: trust, ...extra },
});
const text = (more: Record<string, unknown>) => JSON.stringify(more);
const roleNames = async (t: string) => Object.keys((await importStack(t)).state.iam.roles);

describe('names from Object.prototype in every place a template names something', () => {
  it('as mapping names and keys, Fn::FindInMap finds exactly what the Mappings hold', async () => {
    for (const name of NAMES) {
      const mappings = JSON.parse(`{"${name}": {"${name}": {"${name}": "found-${name.length}"}}}`);
      const got = await roleNames(
        text({ Mappings: mappings, Resources: { A: role({ 'Fn::FindInMap': [name, name, name] }) } }),
      );
      expect(got, name).toEqual([`found-${name.length}`]);
      // A name the Mappings do not hold is refused, never read from a prototype.
      const e = await importRefusal(
        text({
          Mappings: { M: { K: { V: 'x' } } },
          Resources: { A: role({ 'Fn::FindInMap': ['M', 'K', name] }) },
        }),
      );
      expect(e.message, name).toContain('Resources.A.Properties.RoleName.Fn::FindInMap');
    }
  });

  it('Fn::FindInMap never reads a member of a string or a list', async () => {
    for (const [mapping, keys] of [
      [{ M: { K: 'abcdef' } }, ['M', 'K', 'length']],
      [{ M: { K: ['a', 'b'] } }, ['M', 'K', '0']],
      [{ M: ['a'] }, ['M', 'constructor', 'name']],
      [{ M: { K: { V: 'x' } } }, ['M', 'K', 'constructor']],
    ] as const) {
      const e = await importRefusal(
        text({ Mappings: mapping, Resources: { A: role({ 'Fn::FindInMap': keys }) } }),
      );
      expect(e.message).toMatch(/^Resources\.A\.Properties\.RoleName\.Fn::FindInMap: /);
    }
  });

  it('as condition, parameter and resource names: defined ones work, undefined ones are refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ALNUM), async (name) => {
        const defined = text({
          Parameters: { [name]: { Type: 'String', Default: `p${name}` } },
          Conditions: { [name]: { 'Fn::Equals': ['a', 'a'] } },
          Resources: {
            [`${name}R`]: role({ 'Fn::Sub': `\${${name}}` }, {}),
            [`${name}S`]: { ...role({ 'Fn::If': [name, 'yes', 'no'] }), Condition: name },
          },
        });
        expect((await roleNames(defined)).sort()).toEqual([`p${name}`, 'yes'].sort());
        for (const use of [
          { Ref: name },
          { 'Fn::GetAtt': [name, 'Arn'] },
          { 'Fn::Sub': `\${${name}}` },
          { 'Fn::Sub': `\${${name}.Arn}` },
          { 'Fn::If': [name, 'a', 'b'] },
        ]) {
          const e = await importRefusal(text({ Resources: { A: role(use) } }));
          expect(e.message, `${name} ${JSON.stringify(use)}`).toMatch(
            /^Resources\.A\.Properties\.RoleName\./,
          );
        }
      }),
      { numRuns: ALNUM.length * 2 },
    );
  });

  it('as tag keys, every tag is kept as written', async () => {
    const Tags = NAMES.map((n, i) => ({ Key: n, Value: `v${i}` }));
    const r = await importStack(text({ Resources: { A: role('a', { Tags }) } }));
    const tags = r.state.iam.roles.a?.tags ?? {};
    expect(Object.keys(tags).sort()).toEqual([...NAMES].sort());
    expect(Object.getOwnPropertyDescriptor(tags, '__proto__')?.value).toBe(`v${NAMES.indexOf('__proto__')}`);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});

describe('a list or an object where an intrinsic function needs text', () => {
  const obj = { a: 1 };
  it.each([
    ['Fn::Join delimiter', { 'Fn::Join': [obj, ['a', 'b']] }],
    ['Fn::Split source', { 'Fn::Join': ['', { 'Fn::Split': [',', obj] }] }],
    ['Fn::Split delimiter', { 'Fn::Join': ['', { 'Fn::Split': [obj, 'a,b'] }] }],
    ['Fn::Select index', { 'Fn::Select': [obj, ['a']] }],
    ['Fn::If condition', { 'Fn::If': [obj, 'a', 'b'] }],
    ['Fn::Base64', { 'Fn::Base64': obj }],
    ['Fn::GetAZs', { 'Fn::Join': [',', { 'Fn::GetAZs': obj }] }],
    ['Fn::ImportValue', { 'Fn::ImportValue': obj }],
    ['Fn::Cidr block', { 'Fn::Join': [',', { 'Fn::Cidr': [obj, 2, 8] }] }],
    ['Fn::FindInMap key', { 'Fn::FindInMap': ['M', obj, 'V'] }],
    ['Fn::FindInMap key (a list)', { 'Fn::FindInMap': ['M', ['K'], 'V'] }],
    ['Fn::Sub variable', { 'Fn::Sub': ['${X}', { X: obj }] }],
    ['Fn::Sub variable (AWS::NoValue)', { 'Fn::Sub': ['${X}', { X: { Ref: 'AWS::NoValue' } }] }],
    ['Fn::Sub of AWS::NoValue', { 'Fn::Sub': 'a${AWS::NoValue}' }],
    ['Fn::GetAtt as one string with no dot', { 'Fn::GetAtt': 'B' }],
  ])('%s is refused with where', async (_, value) => {
    const e = await importRefusal(
      text({ Mappings: { M: { K: { V: 'x' } } }, Resources: { B: role('b'), A: role(value) } }),
    );
    expect(e.message).toMatch(/^Resources\.A\.Properties\.RoleName/);
  });

  it('a parameter with no Type, or whose Default is an object, is refused as CloudFormation refuses it', async () => {
    const uses = { A: role({ 'Fn::Sub': '${P}' }) };
    const noType = await importRefusal(text({ Parameters: { P: { Default: 'x' } }, Resources: uses }));
    expect(noType.message).toBe(
      'Parameters.P: Template format error: Every Parameters object must contain a Type member.',
    );
    const objectDefault = await importRefusal(
      text({ Parameters: { P: { Type: 'String', Default: obj } }, Resources: uses }),
    );
    expect(objectDefault.message).toBe(
      'Parameters.P.Default: Template format error: Every Default member must be a string.',
    );
  });

  it('a parameter value given as a list, used in Fn::Sub, is joined with commas', async () => {
    const t = text({
      Parameters: { P: { Type: 'CommaDelimitedList', Default: 'a, b' } },
      Resources: { A: role({ 'Fn::Sub': 'x-${P}' }) },
    });
    expect(await roleNames(t)).toEqual(['x-a,b']);
  });

  it('a resource Condition that is not a name is refused with where', async () => {
    const e = await importRefusal(text({ Resources: { A: { ...role('a'), Condition: obj } } }));
    expect(e.message).toMatch(/^Resources\.A\.Condition: /);
  });

  it('a DependsOn entry that is an object is refused with where', async () => {
    const e = await importRefusal(text({ Resources: { A: { ...role('a'), DependsOn: [obj] } } }));
    expect(e.message).toMatch(/^Resources\.A\.DependsOn: /);
  });
});

describe('a list or an object where a resource property needs text', () => {
  const pool = { Type: 'AWS::Cognito::IdentityPool', Properties: { AllowUnauthenticatedIdentities: true } };
  it.each([
    [
      'Resources.T.Properties.Roles.unauthenticated',
      {
        P: pool,
        T: {
          Type: 'AWS::Cognito::IdentityPoolRoleAttachment',
          Properties: { IdentityPoolId: { Ref: 'P' }, Roles: { unauthenticated: { a: 1 } } },
        },
      },
    ],
    [
      'Resources.T.Properties.SupportedLoginProviders.accounts.google.com',
      {
        T: {
          Type: 'AWS::Cognito::IdentityPool',
          Properties: {
            AllowUnauthenticatedIdentities: true,
            SupportedLoginProviders: { 'accounts.google.com': [1] },
          },
        },
      },
    ],
    [
      'Resources.T.Properties.AttributeMapping.email',
      {
        U: { Type: 'AWS::Cognito::UserPool' },
        T: {
          Type: 'AWS::Cognito::UserPoolIdentityProvider',
          Properties: {
            UserPoolId: { Ref: 'U' },
            ProviderName: 'Google',
            ProviderType: 'Google',
            ProviderDetails: { client_id: 'x', client_secret: 'y', authorize_scopes: 'openid' },
            AttributeMapping: { email: { a: 1 } },
          },
        },
      },
    ],
    ['Resources.T.Properties.Tags[0].Value', { T: role('t', { Tags: [{ Key: 'k', Value: { a: 1 } }] }) }],
  ])('%s is refused with where', async (path, resources) => {
    const e = await importRefusal(text({ Resources: resources }));
    expect(e.message.startsWith(`${path}: `), e.message).toBe(true);
  });
});
