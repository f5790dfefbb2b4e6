// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${…} here is Fn::Sub syntax
/**
 * Small templates whose intrinsic functions would build values of hundreds of megabytes: each is refused
 * with the template path of the value, in bounded time, never with JavaScript's own RangeError.
 */
import { describe, expect, it } from 'vitest';
import { importStack } from '../../src/stack/index';
import { importRefusal } from './helpers';

const trust = {
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};
const role = (name: unknown) => ({
  Type: 'AWS::IAM::Role',
  Properties: { RoleName: name, AssumeRolePolicyDocument: trust },
});

/** Roles R0 … R(n-1), each named by `twice` applied to the one before: the name doubles at each step. */
function doubling(n: number, twice: (previous: string) => unknown): Record<string, unknown> {
  const resources: Record<string, unknown> = { R0: role('abcdefgh') };
  for (let i = 1; i < n; i++) resources[`R${i}`] = role(twice(`R${i - 1}`));
  return resources;
}

async function refusal(template: Record<string, unknown>): Promise<string> {
  const text = JSON.stringify(template);
  expect(text.length).toBeLessThan(60_000);
  return (await importRefusal(text)).message;
}

const CAP = 'more than 1000000 characters, more than a whole template may hold (1 MB)';

describe('values too large to be real', () => {
  it('Fn::Join of a Ref to a name that is itself such a join, doubling 30 times', async () => {
    const message = await refusal({
      Resources: doubling(30, (r) => ({ 'Fn::Join': ['', [{ Ref: r }, { Ref: r }]] })),
    });
    // R17 is the first whose name would pass the cap: 8 × 2^17 characters.
    expect(message).toBe(
      `Resources.R17.Properties.RoleName: Fn::Join builds a string of ${CAP}, so it cannot be a real value; the import stops here`,
    );
  });

  it('Fn::Sub doubling the same way', async () => {
    const message = await refusal({ Resources: doubling(30, (r) => ({ 'Fn::Sub': `\${${r}}\${${r}}` })) });
    expect(message).toMatch(
      /^Resources\.R17\.Properties\.RoleName: Fn::Sub builds a string of more than 1000000/,
    );
  });

  it('Fn::Join of a list parameter of 2,000 pieces (4 KB, the most a parameter value may be), with a 4,000-character delimiter', async () => {
    const message = await refusal({
      Parameters: { Pieces: { Type: 'CommaDelimitedList', Default: Array(2_000).fill('x').join(',') } },
      Resources: {
        R: role({ 'Fn::Join': ['y'.repeat(4_000), { Ref: 'Pieces' }] }),
      },
    });
    expect(message).toMatch(
      /^Resources\.R\.Properties\.RoleName: Fn::Join builds a string of more than 1000000/,
    );
  });

  it('a list of 1,100 copies of a 500,000-character ARN in a policy', async () => {
    const resources = doubling(17, (r) => ({ 'Fn::Join': ['', [{ Ref: r }, { Ref: r }]] }));
    resources.P = {
      Type: 'AWS::IAM::ManagedPolicy',
      Properties: {
        PolicyDocument: {
          Statement: [
            {
              Effect: 'Allow',
              Action: 'iam:GetRole',
              Resource: Array.from({ length: 1_100 }, () => ({ 'Fn::GetAtt': ['R16', 'Arn'] })),
            },
          ],
        },
      },
    };
    const message = await refusal({ Resources: resources });
    expect(message).toMatch(
      /^Resources\.P\.Properties\.PolicyDocument\.Statement\[0\]\.Resource: the list holds more than 1000000/,
    );
  });

  it('Fn::ToJsonString of such a list', async () => {
    const resources = doubling(17, (r) => ({ 'Fn::Join': ['', [{ Ref: r }, { Ref: r }]] }));
    resources.S = {
      Type: 'AWS::SSM::Parameter',
      Properties: {
        Type: 'String',
        Value: { 'Fn::ToJsonString': Array.from({ length: 1_100 }, () => ({ Ref: 'R16' })) },
      },
    };
    const message = await refusal({ Resources: resources });
    expect(message).toMatch(
      /^Resources\.S\.Properties\.Value\.Fn::ToJsonString: the list holds more than 1000000/,
    );
  });

  it('a name of half a million characters still imports: the cap is above anything a template can hold', async () => {
    const resources = doubling(17, (r) => ({ 'Fn::Join': ['', [{ Ref: r }, { Ref: r }]] }));
    const r = await importStack(JSON.stringify({ Resources: resources }));
    expect(r.state.iam.roles[`${'abcdefgh'.repeat(2 ** 16)}`]).toBeDefined();
  });
});
