/** A template in the shape the CDK synthesises: hashed logical ids, Fn::Join-built ARNs, stand-alone AWS::IAM::Policy, CDK metadata. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importStack } from '../../src/stack/index';
import { decision } from './helpers';

describe('a CDK-synthesised-style template', () => {
  it('builds the guest role from its separate policy and scopes the guest to its own prefix', async () => {
    const r = await importStack(readFileSync('tests/fixtures/stack/cdk-style.json', 'utf8'));
    const guest = 'Guest of IdentityPoolE2F0A7C1';
    expect(r.matrix.callers.map((c) => c.label)).toEqual([guest]);
    expect(decision(r, guest, 's3:GetObject', '/public/')).toBe('allow');
    expect(decision(r, guest, 's3:PutObject', '<identity A>')).toBe('allow');
    expect(decision(r, guest, 's3:PutObject', '<identity B>')).toBe('deny');
    // A guest that can write (even only to its own prefix) is what a reviewer flags.
    expect(r.findings.map((f) => f.code)).toEqual(['unauth-role-can-write']);
    // CDK metadata is listed, never silently dropped; the bootstrap SSM parameter is unused by resources.
    expect(r.unsupported).toContainEqual(expect.objectContaining({ path: 'Resources.CDKMetadata' }));
    expect(r.unsupported).toContainEqual(expect.objectContaining({ path: 'Rules.CheckBootstrapVersion' }));
    const role = Object.values(r.state.iam.roles)[0];
    expect(role?.roleName).toMatch(/^my-stack-IdentityPoolUnauthenticatedRoleB3D9E4C2-[A-Z0-9]{12}$/);
    expect(role?.description).toBe('Default Unauthenticated Role for Identity Pool IdentityPoolE2F0A7C1');
  });
  it('leaves CDK metadata out in a region its condition excludes', async () => {
    const r = await importStack(readFileSync('tests/fixtures/stack/cdk-style.json', 'utf8'), {
      region: 'ap-south-1',
    });
    expect(r.notCreated).toEqual(['CDKMetadata']);
  });
});
