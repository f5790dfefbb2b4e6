import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importStack } from './index';
import { buildPipeline } from './pipeline';

const now = () => Date.UTC(2026, 10, 26, 12, 0, 0);
const load = (path: string) => importStack(readFileSync(path, 'utf8'), { cloud: { now } });
const SAMPLES = 'tests/fixtures/cfn-samples/';
const templates = [
  ...readdirSync(SAMPLES)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .map((f) => SAMPLES + f),
  'tests/fixtures/stack/app-stack.yaml',
  'tests/fixtures/stack/federated-stack.yaml',
];

describe('buildPipeline', () => {
  it.each(templates)(
    'draws every pool, client, identity pool, role and resource the engine holds: %s',
    async (path) => {
      const r = await load(path);
      const g = buildPipeline(r);
      const ids = new Set(g.nodes.map((n) => n.id));
      const s = r.state;
      for (const pool of Object.values(s.cognitoIdp.pools)) {
        expect(ids).toContain(`user-pool:${pool.id}`);
        for (const c of Object.values(pool.clients)) expect(ids).toContain(`client:${c.clientId}`);
      }
      for (const ip of Object.values(s.cognitoIdentity.pools))
        expect(ids).toContain(`identity-pool:${ip.IdentityPoolId}`);
      for (const role of Object.values(s.iam.roles)) expect(ids).toContain(`role:${role.roleName}`);
      for (const b of Object.values(s.s3.buckets)) expect(ids).toContain(`resource:s3:${b.name}`);
      for (const a of Object.values(s.executeApi.apis)) expect(ids).toContain(`resource:execute-api:${a.id}`);
      for (const a of Object.values(s.appsync.apis)) expect(ids).toContain(`resource:appsync:${a.apiId}`);
      for (const p of Object.values(s.ssm.parameters)) expect(ids).toContain(`resource:ssm:${p.name}`);
      // Nothing invented: every box is something the engine holds (or a role ARN a pool names).
      const held = Object.values(s.iam.roles).length + Object.values(s.cognitoIdentity.pools).length;
      expect(g.nodes.length).toBeGreaterThanOrEqual(held);
      for (const e of g.edges) {
        expect(ids).toContain(e.from);
        expect(ids).toContain(e.to);
      }
      // A box from the template names its resource.
      for (const n of g.nodes.filter((x) => x.logicalId)) expect(n.path).toBe(`Resources.${n.logicalId}`);
    },
  );

  it('draws the federated stack as the template writes it', async () => {
    const r = await load('tests/fixtures/stack/federated-stack.yaml');
    const g = buildPipeline(r);
    const ip = Object.values(r.state.cognitoIdentity.pools)[0]?.IdentityPoolId;
    const pool = Object.values(r.state.cognitoIdp.pools)[0]?.id;
    const client = Object.keys(Object.values(r.state.cognitoIdp.pools)[0]?.clients ?? {})[0];
    const saml = 'arn:aws:iam::123456789012:saml-provider/CorpIdP';
    expect(g.nodes.map((n) => [n.kind, n.label, n.logicalId ?? null])).toEqual([
      ['userPool', 'reader-pool', 'ReaderPool'],
      ['client', 'reader-web', 'ReaderWeb'],
      ['provider', 'Google', 'PoolGoogle'],
      ['provider', 'CorpSaml', 'PoolSaml'],
      ['identityPool', 'reader_ids', 'ReaderIdentities'],
      ['login', 'accounts.google.com', null],
      ['login', 'CorpIdP', 'CorpIdP'],
      ['role', 'reader-auth', 'ReaderAuthRole'],
      ['role', 'reader-guest', 'ReaderGuestRole'],
      ['role', 'corp-staff', 'CorpStaffRole'],
      ['resource', 'reader-files-test', 'Files'],
      ['resource', '/reader/config', 'Config'],
      ['resource', 'reader-notes', 'Notes'],
    ]);
    expect(g.edges.map((e) => [e.from, e.to, e.label ?? null])).toEqual([
      [`user-pool:${pool}`, `client:${client}`, null],
      [`pool-idp:${pool}:Google`, `user-pool:${pool}`, null],
      [`pool-idp:${pool}:CorpSaml`, `user-pool:${pool}`, null],
      [`client:${client}`, `identity-pool:${ip}`, null],
      ['login:accounts.google.com', `identity-pool:${ip}`, null],
      [`login:${saml}`, `identity-pool:${ip}`, null],
      [`identity-pool:${ip}`, 'role:reader-auth', 'authenticated'],
      [`identity-pool:${ip}`, 'role:reader-guest', 'unauthenticated'],
      [`identity-pool:${ip}`, 'role:corp-staff', 'rule email Contains @example-corp.test'],
      ['role:reader-auth', 'resource:s3:reader-files-test', null],
      ['role:reader-guest', 'resource:s3:reader-files-test', null],
      ['role:corp-staff', 'resource:s3:reader-files-test', null],
      ['role:corp-staff', 'resource:ssm:/reader/config', null],
      ['role:corp-staff', 'resource:dynamodb:reader-notes', null],
    ]);
  });

  it('draws group roles through token mapping, and every pool of a stack with several', async () => {
    const r = await load(`${SAMPLES}cdk-integ-idp-rolemappings.json`);
    const g = buildPipeline(r);
    expect(g.nodes.filter((n) => n.kind === 'userPool')).toHaveLength(3);
    const app = await load('tests/fixtures/stack/app-stack.yaml');
    const labels = buildPipeline(app)
      .edges.map((e) => e.label)
      .filter(Boolean);
    expect(labels).toEqual(expect.arrayContaining(['group editors', 'group viewers']));
  });
});
