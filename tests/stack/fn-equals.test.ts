/**
 * Fn::Equals compares two strings: CloudFormation refuses anything else with "Template error: every
 * Fn::Equals object requires a list of 2 string parameters." (cfn-lint issue #1639, a CommaDelimitedList
 * given whole; awsdocs/aws-cloudformation-user-guide PR #1177). A number or boolean written in the
 * template is compared as its text (`!Equals [!Length …, 2]` deploys: cfn-lint issue #3458).
 */
import { describe, expect, it } from 'vitest';
import { importStack } from '../../src/stack/index';
import { importRefusal } from './helpers';

const template = (parameters: string, condition: string) => `Parameters:
${parameters}
Conditions:
  Made: ${condition}
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Condition: Made
    Properties:
      BucketName: made
`;
const created = async (parameters: string, condition: string) =>
  (await importStack(template(parameters, condition))).notCreated.length === 0;

describe('Fn::Equals', () => {
  it('a String parameter defaulting to "true" equals the boolean true', async () => {
    expect(
      await created('  Enable:\n    Type: String\n    Default: "true"', '!Equals [!Ref Enable, true]'),
    ).toBe(true);
  });
  it('a Number parameter defaulting to 0 equals the number 0', async () => {
    expect(await created('  Count:\n    Type: Number\n    Default: 0', '!Equals [!Ref Count, 0]')).toBe(true);
  });
  it('a number and its text are equal; different text is not', async () => {
    expect(await created('  Count:\n    Type: Number\n    Default: 2', "!Equals ['2', 2]")).toBe(true);
    expect(await created('  Count:\n    Type: Number\n    Default: 2', '!Equals [!Ref Count, 3]')).toBe(
      false,
    );
  });
  it('a list is refused with CloudFormation’s message, not compared', async () => {
    const e = await importRefusal(
      template('  Envs:\n    Type: CommaDelimitedList\n    Default: dev,test', "!Equals [!Ref Envs, '']"),
    );
    expect(e.message).toBe(
      'Conditions.Made.Fn::Equals: Template error: every Fn::Equals object requires a list of 2 string parameters.',
    );
  });
  it('an object is refused too', async () => {
    await importRefusal(template('  X:\n    Type: String\n    Default: x', '!Equals [{a: 1}, x]'));
  });
});
