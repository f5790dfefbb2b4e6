/**
 * Export then import gives the same world: the same access matrix. Ids a deployment draws afresh
 * (pool ids, client ids, API ids) differ between the two worlds, so both matrices are compared with
 * every such id replaced by the name of what it identifies.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCloud } from '../../src/sim/index';
import type { StackState } from '../../src/stack/build-context';
import { type AccessMatrix, exportStack, importStack, matrixOfCloud } from '../../src/stack/index';
import { SAMPLES } from './helpers';

const now = () => Date.parse('2026-06-01T12:00:00Z');

function idNames(state: StackState): [string, string][] {
  const pairs: [string, string][] = [];
  for (const p of Object.values(state.cognitoIdentity.pools))
    pairs.push([p.IdentityPoolId, `<identity pool ${p.IdentityPoolName}>`]);
  for (const p of Object.values(state.cognitoIdp.pools)) {
    pairs.push([p.id, `<user pool ${p.name}>`]);
    for (const c of Object.values(p.clients)) pairs.push([c.clientId, `<client ${c.clientName}>`]);
  }
  for (const a of Object.values(state.executeApi.apis)) pairs.push([a.id, `<api ${a.name}>`]);
  for (const a of Object.values(state.appsync.apis)) pairs.push([a.apiId, `<graphql ${a.name}>`]);
  return pairs.sort((a, b) => b[0].length - a[0].length);
}

/** The matrix as (caller label, action, resource) → decision, with drawn ids named. */
function normalised(matrix: AccessMatrix, state: StackState): Record<string, string> {
  const pairs = idNames(state);
  const name = (s: string) => pairs.reduce((out, [id, n]) => out.split(id).join(n), s);
  const callers = new Map(matrix.callers.map((c) => [c.id, name(c.label)]));
  const actions = new Map(matrix.actions.map((a) => [a.id, `${a.action} ${name(a.resource)}`]));
  const out: Record<string, string> = {};
  for (const cell of matrix.cells)
    out[`${callers.get(cell.caller)} | ${actions.get(cell.action)}`] = cell.decision;
  return out;
}

describe('export', () => {
  it('the demo world exports to a template that imports into the same access matrix', async () => {
    const demo = await createCloud({ now });
    const before = matrixOfCloud(demo);
    const demoState = JSON.parse(demo.snapshot().state) as StackState;
    const text = exportStack(demo);
    const template = JSON.parse(text) as { Resources: Record<string, { Type: string }> };
    const types = new Set(Object.values(template.Resources).map((r) => r.Type));
    for (const t of [
      'AWS::IAM::Role',
      'AWS::IAM::ManagedPolicy',
      'AWS::Cognito::UserPool',
      'AWS::Cognito::UserPoolClient',
      'AWS::Cognito::UserPoolGroup',
      'AWS::Cognito::IdentityPool',
      'AWS::Cognito::IdentityPoolRoleAttachment',
      'AWS::S3::Bucket',
      'AWS::S3::BucketPolicy',
      'AWS::ApiGateway::Method',
      'AWS::SSM::Parameter',
      'AWS::AppSync::GraphQLApi',
      'AWS::IAM::SAMLProvider',
    ])
      expect(types.has(t), t).toBe(true);
    // Nothing of the simulated account is left literal: ids are references, the account is AWS::AccountId.
    expect(text).not.toContain(demo.demo.accountId);
    expect(text).not.toContain(demo.demo.identityPool.id);
    const imported = await importStack(text, {
      accountId: demo.demo.accountId,
      region: demo.demo.region,
      cloud: { now },
    });
    expect(imported.matrix.callers.length).toBeGreaterThan(4);
    expect(normalised(imported.matrix, imported.state)).toEqual(normalised(before.matrix, demoState));
    // The demo's own risky role is found again after the round trip.
    expect(imported.findings.map((f) => f.code)).toContain('identity-pool-trust-missing-aud');
  });

  for (const sample of [
    'app-stack',
    'cdk-integ-idp-rolemappings',
    'retail-demo-store-auth',
    'workload-discovery-cognito',
  ]) {
    it(`${sample}: import, export, import gives the same matrix`, async () => {
      const file =
        sample === 'app-stack' ? 'tests/fixtures/stack/app-stack.yaml' : `${SAMPLES}${readdirName(sample)}`;
      const first = await importStack(readFileSync(file, 'utf8'), {
        parameters: {
          AmplifyStorageBucket: 'wd',
          AuthName: 'retail',
          PinpointAppId: 'p',
          LocationResourcePrefix: 'loc',
        },
        cloud: { now },
      });
      const second = await importStack(exportStack(first.cloud), { cloud: { now } });
      expect(normalised(second.matrix, second.state)).toEqual(normalised(first.matrix, first.state));
    });
  }
});

function readdirName(sample: string): string {
  return sample.startsWith('cdk') ? `${sample}.json` : `${sample}.yaml`;
}
