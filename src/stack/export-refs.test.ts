// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${…} here is Fn::Sub syntax
import { describe, expect, it } from 'vitest';
import { logicalId, RefTable } from './export-refs';

describe('RefTable', () => {
  const table = new RefTable();
  table.add('123456789012', { Ref: 'AWS::AccountId' });
  table.add('arn:aws:iam::123456789012:role/app', { 'Fn::GetAtt': ['RoleApp', 'Arn'] });
  table.add('us-east-1:0000', { Ref: 'IdentityPool' });

  it('turns an exact id into Ref or Fn::GetAtt', () => {
    expect(table.apply('arn:aws:iam::123456789012:role/app')).toEqual({ 'Fn::GetAtt': ['RoleApp', 'Arn'] });
  });
  it('turns a string that contains ids into Fn::Sub, escaping policy variables', () => {
    expect(
      table.apply('arn:aws:s3:::b/${cognito-identity.amazonaws.com:sub}/us-east-1:0000/123456789012'),
    ).toEqual({
      'Fn::Sub': 'arn:aws:s3:::b/${!cognito-identity.amazonaws.com:sub}/${IdentityPool}/${AWS::AccountId}',
    });
  });
  it('never makes a resource refer to itself', () => {
    expect(table.apply({ Name: 'arn:aws:iam::123456789012:role/app' }, 'RoleApp')).toEqual({
      Name: { 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:role/app' },
    });
  });
});

describe('logicalId', () => {
  it('is alphanumeric and unique', () => {
    const taken = new Set<string>();
    expect(logicalId('Role', 'atlas-guest_role', taken)).toBe('RoleAtlasGuestRole');
    expect(logicalId('Role', 'atlas guest role', taken)).toBe('RoleAtlasGuestRole2');
  });
});
