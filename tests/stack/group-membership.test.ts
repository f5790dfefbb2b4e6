/**
 * AWS::IAM::UserToGroupAddition "adds AWS Identity and Access Management (IAM) users to a group"
 * (CloudFormation User Guide): a user added only that way gets the group's policies, as one listed in its
 * own Groups does.
 */
import { describe, expect, it } from 'vitest';
import { importStack } from '../../src/stack/index';
import { decision } from './helpers';

const resources = {
  Readers: {
    Type: 'AWS::IAM::Group',
    Properties: {
      GroupName: 'readers',
      Policies: [
        {
          PolicyName: 'read',
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' }],
          },
        },
      ],
    },
  },
  Bob: { Type: 'AWS::IAM::User', Properties: { UserName: 'bob' } },
  Carol: { Type: 'AWS::IAM::User', Properties: { UserName: 'carol' } },
  AddBob: {
    Type: 'AWS::IAM::UserToGroupAddition',
    Properties: { GroupName: { Ref: 'Readers' }, Users: [{ Ref: 'Bob' }] },
  },
};

describe('AWS::IAM::UserToGroupAddition', () => {
  it('a user added only through it gets the group’s policies in the matrix', async () => {
    const r = await importStack(JSON.stringify({ Resources: resources }));
    expect(decision(r, 'IAM user bob', 's3:GetObject', 'arn:aws:s3:::reports/')).toBe('allow');
    expect(decision(r, 'IAM user carol', 's3:GetObject', 'arn:aws:s3:::reports/')).toBe('deny');
  });
  it('is simulated: it is not listed as a type the simulation ignores', async () => {
    const r = await importStack(JSON.stringify({ Resources: resources }));
    expect(r.unsupported.some((u) => u.path === 'Resources.AddBob')).toBe(false);
    expect(r.resources.map((x) => x.logical)).toContain('AddBob');
  });
});
