/**
 * IAM's inline policy quotas (IAM User Guide, "IAM and AWS STS quotas"): all inline policies of a user
 * together at most 2,048 characters, of a group 5,120, of a role 10,240, white space not counted.
 */
import { describe, expect, it } from 'vitest';
import { importStack } from '../../src/stack/index';
import { importRefusal } from './helpers';

/** How IAM counts a policy: compact JSON, white space left out. */
const iamPolicySize = (doc: unknown) => JSON.stringify(doc).replace(/\s/g, '').length;

/** A policy document whose size, as IAM counts it, is exactly `size` characters. */
function documentOf(size: number, padding = '') {
  const doc = (tail: string) => ({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::b/${tail}` }],
  });
  const base = iamPolicySize(doc(''));
  if (size < base) throw new Error(`a document is at least ${base} characters`);
  return doc(`${padding}${'x'.repeat(size - base)}`);
}
const inline = (size: number, name = 'p') => ({ PolicyName: name, PolicyDocument: documentOf(size) });
const trust = {
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};
const role = (name: string, policies: unknown[] = []) => ({
  Type: 'AWS::IAM::Role',
  Properties: { RoleName: name, AssumeRolePolicyDocument: trust, Policies: policies },
});
const user = (name: string, policies: unknown[] = [], groups: string[] = []) => ({
  Type: 'AWS::IAM::User',
  Properties: { UserName: name, Policies: policies, Groups: groups },
});
const group = (name: string, policies: unknown[] = []) => ({
  Type: 'AWS::IAM::Group',
  Properties: { GroupName: name, Policies: policies },
});
const policy = (size: number, targets: Record<string, string[]>) => ({
  Type: 'AWS::IAM::Policy',
  Properties: { PolicyName: 'extra', PolicyDocument: documentOf(size), ...targets },
});
const text = (resources: Record<string, unknown>) => JSON.stringify({ Resources: resources });

async function refusal(resources: Record<string, unknown>): Promise<string> {
  return (await importRefusal(text(resources))).message;
}

describe('inline policy quotas per principal', () => {
  it('a user: one inline policy of 2,048 characters imports, one of 2,049 is refused', async () => {
    await expect(importStack(text({ U: user('alice', [inline(2_048)]) }))).resolves.toBeDefined();
    expect(await refusal({ U: user('alice', [inline(2_049)]) })).toBe(
      "Resources.U.Properties.Policies[0].PolicyDocument: the inline policies of user alice come to 2049 characters; IAM allows at most 2048 for a user's inline policies together (IAM quotas, white space not counted), so this template cannot deploy",
    );
  });

  it('a user: two inline policies under the quota alone but over it together are refused at the one that goes over', async () => {
    const message = await refusal({ U: user('alice', [inline(1_200, 'a'), inline(1_200, 'b')]) });
    expect(message).toMatch(
      /^Resources\.U\.Properties\.Policies\[1\]\.PolicyDocument: the inline policies of user alice come to 2400 characters with the 1200 already embedded; IAM allows at most 2048/,
    );
  });

  it('a user: an AWS::IAM::Policy that names it counts with its own inline policies', async () => {
    const message = await refusal({
      U: user('alice', [inline(1_500)]),
      P: policy(1_000, { Users: ['alice'] }),
    });
    expect(message).toMatch(
      /^Resources\.P\.Properties\.PolicyDocument: the inline policies of user alice come to 2500 characters .* at most 2048 for a user's/,
    );
  });

  it('a user: an AWS::IAM::UserPolicy over 2,048 is refused even when the user is not in the template', async () => {
    const message = await refusal({
      R: role('r'),
      P: {
        Type: 'AWS::IAM::UserPolicy',
        Properties: { PolicyName: 'p', UserName: 'elsewhere', PolicyDocument: documentOf(3_000) },
      },
    });
    expect(message).toMatch(
      /the inline policies of user elsewhere come to 3000 characters; IAM allows at most 2048/,
    );
  });

  it('a group: 5,120 characters together import, 5,121 are refused', async () => {
    await expect(
      importStack(text({ G: group('devs', [inline(3_000, 'a'), inline(2_120, 'b')]) })),
    ).resolves.toBeDefined();
    const message = await refusal({ G: group('devs', [inline(3_000, 'a'), inline(2_121, 'b')]) });
    expect(message).toMatch(
      /^Resources\.G\.Properties\.Policies\[1\]\.PolicyDocument: the inline policies of group devs come to 5121 characters .* at most 5120 for a group's inline policies together/,
    );
  });

  it("a group: an AWS::IAM::Policy naming it counts against the group's quota", async () => {
    const message = await refusal({
      G: group('devs', [inline(3_000)]),
      P: policy(3_000, { Groups: ['devs'] }),
    });
    expect(message).toMatch(
      /^Resources\.P\.Properties\.PolicyDocument: the inline policies of group devs come to 6000/,
    );
  });

  it("a group's policies do not count against its members' own quota", async () => {
    const r = await importStack(
      text({ G: group('devs', [inline(4_000)]), U: user('alice', [inline(2_000)], ['devs']) }),
    );
    expect(r.state.iam.users.alice?.inlinePolicies.map((p) => p.name).sort()).toEqual(['devs/p', 'p']);
  });

  it('a role: its Policies and an AWS::IAM::Policy naming it add up to more than 10,240', async () => {
    const message = await refusal({
      R: role('app', [inline(6_000)]),
      P: policy(6_000, { Roles: ['app'] }),
    });
    expect(message).toMatch(
      /^Resources\.P\.Properties\.PolicyDocument: the inline policies of role app come to 12000 characters with the 6000 already embedded; IAM allows at most 10240 for a role's/,
    );
  });

  it('an AWS::IAM::Policy naming a role and a user fits the role but not the user', async () => {
    const message = await refusal({
      R: role('app'),
      U: user('alice'),
      P: policy(3_000, { Roles: ['app'], Users: ['alice'] }),
    });
    expect(message).toMatch(
      /the inline policies of user alice come to 3000 characters; IAM allows at most 2048/,
    );
  });

  it('white space inside the document is not counted', async () => {
    const doc = documentOf(2_048, ' '.repeat(500));
    expect(JSON.stringify(doc).length).toBe(2_548);
    await expect(
      importStack(text({ U: user('alice', [{ PolicyName: 'p', PolicyDocument: doc }]) })),
    ).resolves.toBeDefined();
  });
});

describe('a bucket policy', () => {
  it('over 20 KB is refused as Amazon S3’s limit, not IAM’s', async () => {
    const message = await refusal({
      B: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'photos' } },
      P: {
        Type: 'AWS::S3::BucketPolicy',
        Properties: { Bucket: { Ref: 'B' }, PolicyDocument: documentOf(21_000) },
      },
    });
    expect(message).toMatch(
      /^Resources\.P\.Properties\.PolicyDocument: the policy document is \d+ characters; Amazon S3 allows a bucket policy of at most 20480 \(20 KB\)/,
    );
    expect(message).not.toContain('IAM');
  });
});
