/**
 * "Depends": cells whose answer the matrix cannot know are said to depend, with what they depend
 * on, rather than given a certain-sounding allow or deny.
 */
import { describe, expect, it } from 'vitest';
import { type ImportedStack, importStack } from '../../src/stack/index';

const NOW = Date.UTC(2026, 5, 1, 12, 0, 0);
const load = (resources: Record<string, unknown>) =>
  importStack(JSON.stringify({ Resources: resources }), { cloud: { now: () => NOW } });
const user = (props: Record<string, unknown>, statements: unknown[]) => ({
  Type: 'AWS::IAM::User',
  Properties: {
    UserName: 'dana',
    Policies: [{ PolicyName: 'p', PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
    ...props,
  },
});
const OBJ = 'arn:aws:s3:::depends-bucket/*';
const bucket = { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'depends-bucket' } };

function cell(r: ImportedStack, action: string, caller = 'IAM user dana') {
  const c = r.matrix.callers.find((x) => x.label === caller);
  const a = r.matrix.actions.find((x) => x.action === action);
  const found = r.matrix.cells.find((x) => x.caller === c?.id && x.action === a?.id);
  if (!found) throw new Error(`no cell ${caller} / ${action}`);
  return found;
}

describe('cells that turn on the request itself', () => {
  it('an Allow only from a source IP range depends on aws:SourceIp', async () => {
    const r = await load({
      B: bucket,
      U: user({}, [
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: OBJ,
          Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
        },
      ]),
    });
    expect(cell(r, 's3:GetObject').decision).toBe('conditional');
    expect(cell(r, 's3:GetObject').reason).toMatch(/aws:SourceIp/);
  });

  it('an explicit Deny that applies whatever the request says stays a deny', async () => {
    const r = await load({
      B: bucket,
      U: user({}, [
        {
          Effect: 'Allow',
          Action: 's3:PutObject',
          Resource: OBJ,
          Condition: { StringEquals: { 's3:x-amz-acl': 'private' } },
        },
        { Effect: 'Deny', Action: 's3:PutObject', Resource: OBJ },
      ]),
    });
    expect(cell(r, 's3:PutObject').decision).toBe('deny');
  });

  it('a key the action never carries (s3:prefix on GetObject) does not make a cell depend', async () => {
    const r = await load({
      B: bucket,
      U: user({}, [
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: OBJ,
          Condition: { StringLike: { 's3:prefix': 'home/*' } },
        },
      ]),
    });
    expect(cell(r, 's3:GetObject').decision).toBe('deny');
  });
});

describe('policies the import could not load', () => {
  it('a customer managed policy outside the template: Depends, and listed as not simulated', async () => {
    const arn = 'arn:aws:iam::123456789012:policy/outside';
    const r = await load({
      B: bucket,
      U: user({ ManagedPolicyArns: [arn] }, [{ Effect: 'Allow', Action: 's3:GetObject', Resource: OBJ }]),
    });
    expect(cell(r, 's3:GetObject').decision).toBe('conditional');
    expect(cell(r, 's3:GetObject').reason).toContain(arn);
    expect(r.unsupported.some((u) => u.path.endsWith('ManagedPolicyArns[0]') && u.what.includes(arn))).toBe(
      true,
    );
  });

  it('a permissions boundary outside the template: an Allow depends on it; listed as not simulated', async () => {
    const arn = 'arn:aws:iam::123456789012:policy/boundary';
    const r = await load({
      B: bucket,
      U: user({ PermissionsBoundary: arn }, [{ Effect: 'Allow', Action: 's3:GetObject', Resource: OBJ }]),
    });
    expect(cell(r, 's3:GetObject').decision).toBe('conditional');
    expect(r.unsupported.some((u) => u.path.endsWith('PermissionsBoundary'))).toBe(true);
  });
});

describe('KMS keys', () => {
  const KEY = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
  it('an IAM Allow on a key depends on the key policy, which is not simulated', async () => {
    const r = await load({ U: user({}, [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: KEY }]) });
    expect(cell(r, 'kms:Decrypt').decision).toBe('conditional');
    expect(cell(r, 'kms:Decrypt').reason).toMatch(/key policy/);
  });
  it('an IAM explicit Deny on a key is a deny (IAM can deny without the key policy)', async () => {
    const r = await load({
      U: user({}, [
        { Effect: 'Allow', Action: 'kms:Decrypt', Resource: KEY },
        { Effect: 'Deny', Action: 'kms:Decrypt', Resource: KEY },
      ]),
    });
    expect(cell(r, 'kms:Decrypt').decision).toBe('deny');
  });
});
