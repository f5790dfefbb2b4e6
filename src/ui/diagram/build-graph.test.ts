import { describe, expect, it } from 'vitest';
import type { TraceEntry } from '../../player/create-player';
import { enhancedFlow, guestFlow } from '../../scenarios/flows';
import { buildGraph } from './build-graph';

const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);

function entry(
  index: number,
  stepId: string,
  outcome: TraceEntry['outcome'],
  held: TraceEntry['held'] = {},
): TraceEntry {
  return {
    index,
    stepId,
    at: T0,
    outcome,
    events: [],
    held,
    response: outcome === 'aws-error' ? { status: 403, statusText: '', headers: [], body: '' } : undefined,
  };
}

describe('buildGraph', () => {
  it('draws the whole pipeline before anything runs, with every step pending and numbered', () => {
    const { nodes, edges } = buildGraph({ scenario: enhancedFlow, entries: [], position: 0, clock: T0 });
    expect(nodes.map((n) => n.id)).toEqual([
      'app',
      'userPool',
      'google',
      'saml',
      'identityPool',
      'sts',
      'iam',
      's3',
      'apiGateway',
      'sync',
      'appsync',
    ]);
    expect(edges.every((e) => e.data?.state === 'pending')).toBe(true);
    expect(edges.find((e) => e.id === 'app->userPool')?.data?.label).toBe('1 InitiateAuth · 1.5 JWTs back');
    expect(edges.find((e) => e.id === 'app->identityPool')?.data?.label).toBe(
      '2 GetId · 2 GetCredentialsForIdentity',
    );
    expect(nodes.find((n) => n.id === 'google')?.data.inScenario).toBe(false);
  });

  it('puts the packet on the active edge and shows the app holding credentials with the time left', () => {
    const credentials = {
      accessKeyId: 'ASIAEXAMPLE',
      secretAccessKey: 's',
      expiration: T0 + 59 * 60_000 + 30_000,
    };
    const entries = [
      entry(0, 'user-pool-sign-in', 'success', { idToken: 'x' }),
      entry(1, 'get-id', 'success'),
      entry(2, 'get-credentials', 'success', { credentials }),
    ];
    const { nodes, edges } = buildGraph({ scenario: enhancedFlow, entries, position: 3, clock: T0 });
    const active = edges.find((e) => e.id === 'app->identityPool');
    expect(active?.data?.state).toBe('active');
    expect(active?.data?.packet).toEqual({ out: 'identityId', back: 'credentials' });
    expect(edges.find((e) => e.id === 'app->userPool')?.data?.state).toBe('done');
    expect(nodes.find((n) => n.id === 'app')?.data).toMatchObject({
      status: 'credentials',
      statusText: 'holding AWS credentials (59 min left)',
    });
    expect(nodes.find((n) => n.id === 'identityPool')?.data).toMatchObject({ active: true, status: 'ok' });
  });

  it('marks expired credentials and a refused call', () => {
    const credentials = { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 's', expiration: T0 };
    const entries = [
      entry(0, 'get-id', 'success'),
      entry(1, 'get-credentials', 'success', { credentials }),
      entry(2, 's3-read-public', 'success', { credentials }),
      entry(3, 's3-write-other', 'aws-error', { credentials }),
    ];
    const { nodes, edges } = buildGraph({ scenario: guestFlow, entries, position: 4, clock: T0 + 1 });
    expect(nodes.find((n) => n.id === 'app')?.data.status).toBe('expired');
    expect(nodes.find((n) => n.id === 's3')?.data).toMatchObject({
      status: 'denied',
      statusText: 'refused (403)',
    });
    const s3 = edges.find((e) => e.id === 'app->s3');
    expect(s3?.data?.state).toBe('failed');
    expect(s3?.data?.packet).toEqual({ out: 'signedRequest', back: 'denied' });
  });

  it('has no user pool edge for a guest: step 1 is skipped', () => {
    const { edges } = buildGraph({ scenario: guestFlow, entries: [], position: 0, clock: T0 });
    expect(edges.some((e) => e.target === 'userPool')).toBe(false);
    expect(edges.find((e) => e.id === 'app->identityPool')?.data?.label).toBe(
      '2.5 GetId · 2.5 GetCredentialsForIdentity',
    );
  });
});
