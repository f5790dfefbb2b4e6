// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${…} here is Fn::Sub syntax
/**
 * What a deployment leaves out and what it refuses for it: a resource whose Condition is false is not
 * created, so a created resource or an output naming it is refused ("Unresolved resource dependencies
 * [X] in the … block of the template": serverless/serverless#4535 for the Resources block,
 * awslabs/aws-api-gateway-developer-portal#216 for the Outputs block, where an output given the same
 * Condition deploys). Outputs are resolved as a deployment resolves them, so one naming nothing is
 * refused too.
 */
import { describe, expect, it } from 'vitest';
import { importStack } from '../../src/stack/index';
import { importRefusal } from './helpers';

const CONDITIONS = { Never: { 'Fn::Equals': ['a', 'b'] }, Always: { 'Fn::Equals': ['a', 'a'] } };
const bucket = (name: string, extra: Record<string, unknown> = {}) => ({
  Type: 'AWS::S3::Bucket',
  Properties: { BucketName: name },
  ...extra,
});
const template = (resources: Record<string, unknown>, outputs?: Record<string, unknown>) =>
  JSON.stringify({ Conditions: CONDITIONS, Resources: resources, ...(outputs ? { Outputs: outputs } : {}) });

describe('outputs', () => {
  it('an output naming nothing is refused in the Outputs block', async () => {
    const e = await importRefusal(template({ B: bucket('acme-b') }, { Out: { Value: { Ref: 'Nope' } } }));
    expect(e.message).toBe(
      'Outputs.Out.Value.Ref: Template format error: Unresolved resource dependencies [Nope] in the Outputs block of the template',
    );
  });

  it('an export name naming nothing through ${…} is refused in the Outputs block', async () => {
    const e = await importRefusal(
      template(
        { B: bucket('acme-b') },
        { Out: { Value: { Ref: 'B' }, Export: { Name: { 'Fn::Sub': '${AWS::StackName}-${Nope}' } } } },
      ),
    );
    expect(e.message).toMatch(
      /^Outputs\.Out\.Export\.Name.*: Template format error: Unresolved resource dependencies \[Nope\] in the Outputs block of the template$/,
    );
  });

  it('an output naming a resource its condition leaves out is refused, and deploys given that condition', async () => {
    const resources = { B: bucket('acme-b', { Condition: 'Never' }) };
    const value = { 'Fn::GetAtt': ['B', 'Arn'] };
    const e = await importRefusal(template(resources, { Arn: { Value: value } }));
    expect(e.message).toBe(
      'Outputs.Arn.Value.Fn::GetAtt: Template format error: Unresolved resource dependencies [B] in the Outputs block of the template',
    );
    const stack = await importStack(template(resources, { Arn: { Condition: 'Never', Value: value } }));
    expect(stack.notCreated).toEqual(['B']);
  });

  it('a good output changes nothing and adds no note: its resources are noted once, where they stand', async () => {
    const resources = {
      B: bucket('acme-b'),
      Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
    };
    const without = await importStack(template(resources));
    const withOutputs = await importStack(
      template(resources, {
        Name: { Value: { Ref: 'B' }, Export: { Name: { 'Fn::Sub': '${AWS::StackName}-bucket' } } },
        Vpc: { Value: { Ref: 'Vpc' } },
        Later: { Condition: 'Always', Value: { 'Fn::GetAtt': ['B', 'Arn'] } },
      }),
    );
    expect(withOutputs.unsupported).toEqual(without.unsupported);
    expect(withOutputs.unsupported.some((u) => u.path.startsWith('Outputs'))).toBe(false);
    expect(withOutputs.resources.map((r) => r.logical)).toEqual(without.resources.map((r) => r.logical));
  });
});

describe('resources a condition leaves out', () => {
  it('a created resource naming one is refused in the Resources block', async () => {
    const e = await importRefusal(
      template({
        Gone: bucket('acme-gone', { Condition: 'Never' }),
        Kept: bucket('acme-kept', { Properties: { BucketName: { 'Fn::Sub': '${Gone}-copy' } } }),
      }),
    );
    expect(e.message).toMatch(
      /^Resources\.Kept\.Properties\.BucketName.*: Template format error: Unresolved resource dependencies \[Gone\] in the Resources block of the template$/,
    );
  });

  it('named only in the branch of Fn::If its condition does not take, it is fine', async () => {
    const stack = await importStack(
      template({
        Gone: bucket('acme-gone', { Condition: 'Never' }),
        Kept: bucket('acme-kept', {
          Properties: { BucketName: { 'Fn::If': ['Never', { Ref: 'Gone' }, 'acme-kept'] } },
        }),
      }),
    );
    expect(stack.notCreated).toEqual(['Gone']);
    expect(stack.resources.map((r) => r.logical)).toEqual(['Kept']);
  });
});

/**
 * An output's shape, as CloudFormation checks it: a Value (aws-samples/aws-iot-chat-example#1), that
 * evaluates to a string (cfn-lint#485, org-formation/org-formation-cli#15), and an export's Name of
 * letters, digits, colons and hyphens (aws-samples/startup-kit-templates#45).
 */
describe('output shape', () => {
  const MALFORMED =
    'Template format error: Output Name is malformed. The Name field of every Export member must be specified and consist only of alphanumeric characters, colons, or hyphens.';

  it.each([
    ['without a Value', { Description: 'the bucket' }],
    ['written as plain text', 'acme-b'],
  ])('an output %s is refused', async (_, output) => {
    const e = await importRefusal(template({ B: bucket('acme-b') }, { Out: output }));
    expect(e.message).toBe(
      'Outputs.Out: Template format error: Every Outputs member must contain a Value object',
    );
  });

  it.each([
    ['List', { 'Fn::Split': [',', 'a,b'] }],
    ['List', ['a', 'b']],
    ['Map', { Bucket: { Ref: 'B' } }],
  ])('a Value that evaluates to a %s is refused', async (shape, value) => {
    const e = await importRefusal(template({ B: bucket('acme-b') }, { Out: { Value: value } }));
    expect(e.message).toBe(
      `Outputs.Out.Value: Template format error: The Value field of every Outputs member must evaluate to a String and not a ${shape}.`,
    );
  });

  it.each([
    ['with no Name', {}],
    ['named with an underscore', { Name: 'acme_bucket' }],
    ['whose name is built with an underscore', { Name: { 'Fn::Join': ['_', ['acme', { Ref: 'B' }]] } }],
  ])('an export %s is refused', async (_, exported) => {
    const e = await importRefusal(
      template({ B: bucket('acme-b') }, { Out: { Value: 'x', Export: exported } }),
    );
    expect(e.message).toBe(`Outputs.Out.Export: ${MALFORMED}`);
  });

  it('an export named from a parameter still to be given is not judged on its placeholder', async () => {
    const text = JSON.stringify({
      Parameters: { Env: { Type: 'String' } },
      Resources: { B: bucket('acme-b') },
      Outputs: { Out: { Value: { Ref: 'B' }, Export: { Name: { 'Fn::Sub': '${Env}:bucket' } } } },
    });
    const stack = await importStack(text);
    expect(stack.needs.map((n) => n.name)).toEqual(['Env']);
    const given = await importStack(text, { parameters: { Env: 'prod' } });
    expect(given.resources.map((r) => r.logical)).toEqual(['B']);
    await expect(importStack(text, { parameters: { Env: 'prod_1' } })).rejects.toThrow(MALFORMED);
  });
});
