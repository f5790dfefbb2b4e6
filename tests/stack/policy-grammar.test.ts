/**
 * Policy documents IAM would refuse. "Valid values for Effect are Allow and Deny. The Effect value is
 * case sensitive" (IAM User Guide, "IAM JSON policy elements: Effect"); IAM answers a document it cannot
 * read with MalformedPolicyDocument, so a template carrying one fails to deploy. The import refuses it
 * the same way, naming the resource and the document, and never ends in a TypeError.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/sim/index';
import { importStack, StackImportError } from '../../src/stack/index';
import { decision, importRefusal } from './helpers';

const ACCOUNT = '123456789012';
const OBJECT = 'arn:aws:s3:::b/report.csv';
const text = (resources: Record<string, unknown>, more: Record<string, unknown> = {}) =>
  JSON.stringify({ Resources: resources, ...more });
const document = (...Statement: unknown[]) => ({ Version: '2012-10-17', Statement });
const user = (name: string, ...Statement: unknown[]) => ({
  Type: 'AWS::IAM::User',
  Properties: { UserName: name, Policies: [{ PolicyName: 'files', PolicyDocument: document(...Statement) }] },
});
const allowAll = { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b/*' };
const assume = { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' };
const trust = document(assume);

describe('the evaluator: Effect', () => {
  const request = (...Statement: never[]) =>
    evaluate({
      action: 's3:DeleteObject',
      resource: OBJECT,
      principal: { type: 'AWS', identifiers: [`arn:aws:iam::${ACCOUNT}:user/alice`], accountId: ACCOUNT },
      resourceAccountId: ACCOUNT,
      context: {},
      identityPolicies: [{ name: 'files', document: { Version: '2012-10-17', Statement } }],
    });

  it('a statement whose Effect is "deny" (wrong case) allows nothing', () => {
    const result = request({
      Effect: 'deny',
      Action: 's3:DeleteObject',
      Resource: 'arn:aws:s3:::b/*',
    } as never);
    expect(result.decision).toBe('ImplicitDeny');
    expect(result.policies[0]?.outcome).toBe('NoMatch');
  });
  it('nor does it deny: an Allow beside it still allows', () => {
    const result = request(
      { Effect: 'deny', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::b/*' } as never,
      allowAll as never,
    );
    expect(result.decision).toBe('Allow');
    expect(result.policies[0]?.outcome).toBe('Allow');
  });
});

describe('importing a policy IAM would refuse', () => {
  it('user alice with Effect "deny": refused, naming the resource, the document and IAM’s words', async () => {
    const e = await importRefusal(
      text({
        Alice: user('alice', { Effect: 'deny', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::b/*' }),
      }),
    );
    expect(e.message).toBe(
      'Resources.Alice.Properties.Policies[0].PolicyDocument: IAM refuses this policy with MalformedPolicyDocument: "Syntax errors in policy." (Statement[0]: Effect is "deny"; the only valid values are Allow and Deny, and they are case sensitive), so this template cannot deploy',
    );
  });

  it.each([
    ['Statement: [null, …]', document(null, allowAll), /Statement\[0\] is null, not a statement object/],
    ['Action: [1, {x: 1}]', document({ ...allowAll, Action: [1, { x: 1 }] }), /Statement\[0\]: Action/],
    ['Statement: "oops"', { Version: '2012-10-17', Statement: 'oops' }, /Statement\[0\] is "oops"/],
    [
      'Condition: {StringEquals: "x"}',
      document({ ...allowAll, Condition: { StringEquals: 'x' } }),
      /Statement\[0\]: Condition/,
    ],
  ])('%s ends in a StackImportError, never a TypeError', async (_, PolicyDocument, detail) => {
    const e = await importRefusal(
      text({
        Alice: { Type: 'AWS::IAM::User', Properties: { Policies: [{ PolicyName: 'p', PolicyDocument }] } },
      }),
    );
    expect(e.message).toMatch(/^Resources\.Alice\.Properties\.Policies\[0\]\.PolicyDocument: IAM refuses/);
    expect(e.message).toMatch(/MalformedPolicyDocument: "Syntax errors in policy\."/);
    expect(e.message).toMatch(detail);
  });

  it('every kind of imported document is checked, each with the rules of its kind', async () => {
    const bad = document({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'bucket/key' });
    const cases: [Record<string, unknown>, string, string][] = [
      [
        {
          G: {
            Type: 'AWS::IAM::Group',
            Properties: { Policies: [{ PolicyName: 'p', PolicyDocument: bad }] },
          },
        },
        'Resources.G.Properties.Policies[0].PolicyDocument',
        'Resource bucket/key must be in ARN format or "*".',
      ],
      [
        {
          R: {
            Type: 'AWS::IAM::Role',
            Properties: {
              AssumeRolePolicyDocument: trust,
              Policies: [{ PolicyName: 'p', PolicyDocument: bad }],
            },
          },
        },
        'Resources.R.Properties.Policies[0].PolicyDocument',
        'Resource bucket/key must be in ARN format or "*".',
      ],
      [
        {
          U: { Type: 'AWS::IAM::User', Properties: { UserName: 'u' } },
          P: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'p', PolicyDocument: bad, Users: ['u'] } },
        },
        'Resources.P.Properties.PolicyDocument',
        'Resource bucket/key must be in ARN format or "*".',
      ],
      [
        {
          M: {
            Type: 'AWS::IAM::ManagedPolicy',
            Properties: { PolicyDocument: document({ ...allowAll, Action: 'GetObject' }) },
          },
        },
        'Resources.M.Properties.PolicyDocument',
        'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
      ],
      [
        {
          R: {
            Type: 'AWS::IAM::Role',
            Properties: { AssumeRolePolicyDocument: document({ ...assume, Resource: '*' }) },
          },
        },
        'Resources.R.Properties.AssumeRolePolicyDocument',
        'Has prohibited field Resource',
      ],
      [
        {
          B: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'b' } },
          BP: {
            Type: 'AWS::S3::BucketPolicy',
            Properties: { Bucket: 'b', PolicyDocument: document(allowAll) },
          },
        },
        'Resources.BP.Properties.PolicyDocument',
        'Missing required field Principal',
      ],
    ];
    for (const [resources, path, words] of cases) {
      const e = await importRefusal(text(resources));
      expect(e.message.startsWith(`${path}: `), e.message).toBe(true);
      expect(e.message).toContain(`"${words}"`);
    }
  });

  it('a bucket policy is refused with S3’s code, MalformedPolicy', async () => {
    const e = await importRefusal(
      text({
        B: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'b' } },
        BP: {
          Type: 'AWS::S3::BucketPolicy',
          Properties: {
            Bucket: 'b',
            PolicyDocument: document({ ...allowAll, Effect: 'Permit', Principal: '*' }),
          },
        },
      }),
    );
    expect(e.message).toMatch(
      /^Resources\.BP\.Properties\.PolicyDocument: Amazon S3 refuses this policy with MalformedPolicy: /,
    );
  });

  it('an identity policy that names a Principal is refused as IAM does', async () => {
    const e = await importRefusal(text({ Alice: user('alice', { ...allowAll, Principal: '*' }) }));
    expect(e.message).toContain('"Policy document should not specify a principal."');
  });

  it('refuses before anything is built: the previous import and the process are untouched', async () => {
    const good = await importStack(text({ Alice: user('alice', allowAll) }));
    const before = JSON.stringify(good.state);
    const refused = await importStack(
      text({ Alice: user('alice', allowAll), Bob: user('bob', { ...allowAll, Effect: 'deny' }) }),
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(StackImportError);
    expect(JSON.stringify(good.state)).toBe(before);
    expect(decision(good, 'IAM user alice', 's3:DeleteObject', 'arn:aws:s3:::b/')).toBe('allow');
  });

  it('a value the import cannot know (a parameter with no value) is not judged: it is a need, not an error', async () => {
    const r = await importStack(
      text(
        {
          Alice: user('alice', {
            Effect: 'Deny',
            Action: { Ref: 'DeniedAction' },
            Resource: { Ref: 'DeniedArn' },
          }),
        },
        { Parameters: { DeniedArn: { Type: 'String' }, DeniedAction: { Type: 'String' } } },
      ),
    );
    expect(r.needs.map((n) => n.name).sort()).toEqual(['DeniedAction', 'DeniedArn']);
  });
});
