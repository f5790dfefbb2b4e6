/**
 * A key written twice in a template. CloudFormation accepts it and deploys the last value, in YAML and
 * JSON alike (observed with validate-template and get-template-summary, go-to-k/cdk-real-drift#1074);
 * the import builds the same stack and a reviewer's finding names the key and the line that counts.
 */
import { describe, expect, it } from 'vitest';
import { importStack } from '../../src/stack/index';

const duplicates = (r: Awaited<ReturnType<typeof importStack>>) =>
  r.findings.filter((f) => f.code === 'duplicate-key').map((f) => ({ path: f.path, message: f.message }));

describe('a key written twice', () => {
  it('YAML: the last value is the one built, and the finding names the key and its line', async () => {
    const yaml = [
      'Resources:',
      '  Photos:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      BucketName: first-name',
      '      BucketName: second-name',
    ].join('\n');
    const r = await importStack(yaml);
    expect(Object.keys(r.state.s3.buckets)).toEqual(['second-name']);
    const found = duplicates(r);
    expect(found.map((f) => f.path)).toEqual(['Resources.Photos.Properties.BucketName']);
    expect(found[0]?.message).toMatch(/keeps the last one \(line 6\)/);
    expect(r.findings.find((f) => f.code === 'duplicate-key')?.severity).toBe('medium');
  });

  it('JSON: the same, with the line of the value that counts', async () => {
    const json = [
      '{"Resources": {',
      '  "Photos": {"Type": "AWS::S3::Bucket", "Properties": {',
      '    "BucketName": "first-name",',
      '    "BucketName": "second-name"}}',
      '}}',
    ].join('\n');
    const r = await importStack(json);
    expect(Object.keys(r.state.s3.buckets)).toEqual(['second-name']);
    expect(duplicates(r)).toEqual([
      { path: 'Resources.Photos.Properties.BucketName', message: expect.stringMatching(/\(line 4\)/) },
    ]);
  });

  it('a logical id written twice is one resource, the last', async () => {
    const yaml = [
      'Resources:',
      '  Store:',
      '    Type: AWS::S3::Bucket',
      '    Properties: {BucketName: old-store}',
      '  Other:',
      '    Type: AWS::S3::Bucket',
      '    Properties: {BucketName: other}',
      '  Store:',
      '    Type: AWS::S3::Bucket',
      '    Properties: {BucketName: new-store}',
    ].join('\n');
    const r = await importStack(yaml);
    expect(Object.keys(r.state.s3.buckets).sort()).toEqual(['new-store', 'other']);
    expect(duplicates(r).map((f) => f.path)).toEqual(['Resources.Store']);
  });

  it('inside a list the path names the item; an alias carries its anchor’s repeat to where it is used', async () => {
    const yaml = [
      'Resources:',
      '  Dev:',
      '    Type: AWS::IAM::User',
      '    Properties:',
      '      Policies:',
      '        - PolicyName: p',
      '          PolicyDocument: &doc',
      '            Version: "2012-10-17"',
      '            Version: "2012-10-17"',
      '            Statement: [{Effect: Allow, Action: "s3:GetObject", Resource: "*"}]',
      '        - PolicyName: q',
      '          PolicyDocument: *doc',
    ].join('\n');
    const r = await importStack(yaml);
    expect(duplicates(r).map((f) => f.path)).toEqual([
      'Resources.Dev.Properties.Policies[0].PolicyDocument.Version',
      'Resources.Dev.Properties.Policies[1].PolicyDocument.Version',
    ]);
  });

  it('a template without repeats has no such finding', async () => {
    const r = await importStack('Resources:\n  Photos:\n    Type: AWS::S3::Bucket\n');
    expect(duplicates(r)).toEqual([]);
  });
});
