import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportStack, importStack } from '../../src/stack/index';
import { machineClients, playClientCredentials } from '../../src/stack/play-machine';

const text = readFileSync('tests/fixtures/stack/machine-client.yaml', 'utf8');
const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);
const load = (t = text) => importStack(t, { cloud: { now: () => NOW } });

describe('a resource server and a client credentials client in a template', () => {
  it('builds the resource server’s scopes (no longer a gap), and the client gets a token for its scope', async () => {
    const r = await load();
    expect(r.unsupported.map((u) => u.path)).not.toContain('Resources.ReportsApi');
    const pool = Object.values(r.state.cognitoIdp.pools)[0];
    expect(pool?.resourceServers?.['https://reports.example']).toEqual({
      identifier: 'https://reports.example',
      name: 'reports-api',
      scopes: [
        { scopeName: 'read', scopeDescription: 'Read reports' },
        { scopeName: 'write', scopeDescription: 'Write reports' },
      ],
    });
    const client = Object.values(pool?.clients ?? {})[0];
    const res = await r.cloud.fetch(
      new Request('https://reports-auth.auth.us-east-1.amazoncognito.com/oauth2/token', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${btoa(`${client?.clientId}:${client?.clientSecret}`)}`,
        },
        body: 'grant_type=client_credentials',
      }),
    );
    expect(res.status).toBe(200);
    const { access_token: token } = await res.json();
    const claims = JSON.parse(atob(token.split('.')[1]));
    expect(claims).toMatchObject({ sub: client?.clientId, scope: 'https://reports.example/read' });
  });

  it('exports the resource server, with the client made after it, and imports it back the same', async () => {
    const r = await load();
    const exported = exportStack(r.cloud);
    const template = JSON.parse(exported) as {
      Resources: Record<string, { Type: string; DependsOn?: string[] }>;
    };
    const entries = Object.entries(template.Resources);
    const server = entries.find(([, res]) => res.Type === 'AWS::Cognito::UserPoolResourceServer');
    const client = entries.find(([, res]) => res.Type === 'AWS::Cognito::UserPoolClient');
    expect(client?.[1].DependsOn).toEqual([server?.[0]]);
    const again = await load(exported);
    const servers = (state: typeof r.state) => Object.values(state.cognitoIdp.pools)[0]?.resourceServers;
    expect(servers(again.state)).toEqual(servers(r.state));
  });

  it('plays the grant: the token opens the method that wants its read scope, not the one that wants write', async () => {
    const r = await load();
    const machines = machineClients(r.state);
    expect(machines.map((m) => m.clientName)).toEqual(['nightly-batch']);
    const played = await playClientCredentials(r.cloud, 'us-east-1', machines[0] as (typeof machines)[0]);
    expect(played.calls.map((c) => [c.operation, c.ok, c.summary])).toEqual([
      [
        'POST /oauth2/token (client_credentials)',
        true,
        'access token for nightly-batch, scope https://reports.example/read; no ID or refresh token',
      ],
      [
        'GET /reports (reports-rest)',
        true,
        'HTTP 200; the method wants one of the scopes https://reports.example/read',
      ],
      [
        'POST /reports (reports-rest)',
        false,
        'HTTP 401 Unauthorized; the method wants one of the scopes https://reports.example/write',
      ],
    ]);
    expect(played.note).toBeUndefined();
  });

  it('flags a client that mixes the grant with a browser grant, or has no secret, and not the fixture', async () => {
    const codes = async (t: string) => (await load(t)).findings.map((f) => f.code);
    expect(await codes(text)).not.toContain('client-credentials-mixed-grants');
    expect(await codes(text)).not.toContain('client-credentials-without-secret');
    const mixed = text.replace(
      'AllowedOAuthFlows: [client_credentials]',
      'AllowedOAuthFlows: [client_credentials, code]',
    );
    expect(mixed).not.toBe(text);
    expect(await codes(mixed)).toContain('client-credentials-mixed-grants');
    const publicClient = text.replace('      GenerateSecret: true\n', '');
    expect(publicClient).not.toBe(text);
    expect(await codes(publicClient)).toContain('client-credentials-without-secret');
    expect(await codes(publicClient)).not.toContain('client-credentials-mixed-grants');
  });
});
