import { describe, expect, it } from 'vitest';
import type { TraceEntry } from '../../player/create-player';
import { adminBackendScenario } from '../../scenarios/admin-api';
import { SCENARIOS } from '../../scenarios/catalog';
import { enhancedFlow, googleViaUserPool, guestFlow } from '../../scenarios/flows';
import { buildGraph, labelLinesFor } from './build-graph';
import { boxesOverlap, labelSize, pointAlong, roundedPath } from './layout';
import { nodeBox, routeProblems } from './route-problems';

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
  it('changes a box only when the packet arrives: the service on arrival, the app when the answer lands', () => {
    const entries = [
      entry(0, 'sign-in', 'success', { idToken: 'x' }),
      entry(1, 'get-id', 'success', { idToken: 'x', identityId: 'us-east-1:1' }),
      entry(2, 'get-credentials', 'success', {
        idToken: 'x',
        credentials: {
          accessKeyId: 'ASIA',
          secretAccessKey: 's',
          sessionToken: 't',
          expiration: T0 + 3_600_000,
        },
      }),
    ];
    const at = (arrival: 'sending' | 'answering' | 'landed') => {
      const { nodes } = buildGraph({ scenario: enhancedFlow, entries, position: 3, clock: T0, arrival });
      const find = (id: string) => nodes.find((n) => n.id === id)?.data;
      return { app: find('app')?.status, pool: find('identityPool')?.status };
    };
    expect(at('sending')).toEqual({ app: 'signed-in', pool: 'idle' });
    expect(at('answering')).toEqual({ app: 'signed-in', pool: 'ok' });
    expect(at('landed')).toEqual({ app: 'credentials', pool: 'ok' });
  });

  it('shows each box holding only its own values where the scenario keeps them apart (Admin API)', () => {
    const role = {
      accessKeyId: 'ASIAROLE',
      secretAccessKey: 's',
      sessionToken: 't',
      expiration: T0 + 3_600_000,
    };
    const tokens = { idToken: 'id', accessToken: 'access', refreshToken: 'refresh' };
    const entries = [
      entry(0, 'backend-assume-role', 'success', { credentials: role }),
      entry(1, 'browser-admin-get-user', 'aws-error', { credentials: role }),
      entry(2, 'admin-create-user', 'success', { credentials: role }),
      entry(3, 'invited-user-sign-in', 'success', { credentials: role }),
      entry(4, 'answer-new-password', 'success', { credentials: role, ...tokens }),
      entry(5, 'admin-disable-user', 'success', { credentials: role, ...tokens }),
    ];
    const box = (position: number, actor: string) =>
      buildGraph({
        scenario: adminBackendScenario,
        entries: entries.slice(0, position),
        position,
        clock: T0,
      }).nodes.find((n) => n.id === actor)?.data;
    expect(box(1, 'developer')).toMatchObject({ status: 'credentials', label: 'Backend' });
    // The browser app never had the backend's role credentials: after the challenge it holds nothing,
    // after the new password only the user's tokens.
    expect(box(4, 'app')?.status).toBe('idle');
    expect(box(5, 'app')).toMatchObject({ status: 'signed-in', statusText: 'signed in (holding tokens)' });
    expect(box(6, 'developer')?.status).toBe('credentials');
  });

  it('labels the packet with what it carries, from the step and the request sent', () => {
    const entries = [entry(0, 'sign-in', 'success', { idToken: 'x' })];
    const { edges } = buildGraph({ scenario: enhancedFlow, entries, position: 1, clock: T0 });
    expect(edges.find((e) => e.id === 'app->userPool')?.data?.packet).toMatchObject({
      outWords: 'username + password',
      backWords: 'ID, access, refresh tokens',
    });
    const guest = buildGraph({
      scenario: guestFlow,
      entries: [
        { ...entry(0, 'get-id', 'success'), request: { method: 'POST', url: '', headers: [], body: '{}' } },
      ],
      position: 1,
      clock: T0,
    });
    expect(guest.edges.find((e) => e.id === 'app->identityPool')?.data?.packet).toMatchObject({
      outWords: 'pool id (no token)',
      backWords: 'identity id',
    });
  });

  it('draws the boxes the scenario uses before anything runs, with every step pending and numbered', () => {
    const { nodes, edges } = buildGraph({ scenario: enhancedFlow, entries: [], position: 0, clock: T0 });
    // Unused boxes are left out: they pushed the real path off the first screen at 1280×720 (issue 12).
    expect(nodes.map((n) => n.id)).toEqual(['app', 'userPool', 'identityPool', 'sts', 'iam', 's3']);
    expect(edges.every((e) => e.data?.state === 'pending')).toBe(true);
    expect(edges.find((e) => e.id === 'app->userPool')?.data?.label).toBe('1 InitiateAuth · 1.5 JWTs back');
    expect(edges.find((e) => e.id === 'app->userPool')?.data?.labelLines).toEqual([
      '1 InitiateAuth',
      '1.5 JWTs back',
    ]);
    expect(edges.find((e) => e.id === 'app->identityPool')?.data?.label).toBe(
      '2 GetId · 2 GetCredentialsForIdentity',
    );
    expect(edges.find((e) => e.id === 'app->identityPool')?.data?.labelLines).toEqual([
      '2 GetId',
      'GetCredentialsForIdentity',
    ]);
    expect(nodes.every((n) => n.data.inScenario)).toBe(true);
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
    expect(active?.data?.packet).toMatchObject({ out: 'identityId', back: 'credentials' });
    expect(edges.find((e) => e.id === 'app->userPool')?.data?.state).toBe('done');
    expect(nodes.find((n) => n.id === 'app')?.data).toMatchObject({
      status: 'credentials',
      statusText: 'holding AWS credentials (59 min left)',
      badge: 'credentials',
    });
    expect(nodes.find((n) => n.id === 'identityPool')?.data).toMatchObject({ active: true, status: 'ok' });
  });

  it('marks expired credentials and a refused call', () => {
    const credentials = { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 's', expiration: T0 };
    const entries = [
      entry(0, 'get-id', 'success'),
      entry(1, 'get-credentials', 'success', { credentials }),
      entry(2, 's3-read-public', 'success', { credentials }),
      entry(3, 's3-write-own', 'success', { credentials }),
      entry(4, 's3-write-other', 'aws-error', { credentials }),
    ];
    const { nodes, edges } = buildGraph({ scenario: guestFlow, entries, position: 5, clock: T0 + 1 });
    expect(nodes.find((n) => n.id === 'app')?.data.status).toBe('expired');
    expect(nodes.find((n) => n.id === 's3')?.data).toMatchObject({
      status: 'denied',
      statusText: 'refused (403)',
    });
    const s3 = edges.find((e) => e.id === 'app->s3');
    expect(s3?.data?.state).toBe('failed');
    expect(s3?.data?.packet).toMatchObject({ out: 'signedRequest', back: 'denied' });
  });

  it('has no user pool edge for a guest: step 1 is skipped', () => {
    const { edges } = buildGraph({ scenario: guestFlow, entries: [], position: 0, clock: T0 });
    expect(edges.some((e) => e.target === 'userPool')).toBe(false);
    expect(edges.find((e) => e.id === 'app->identityPool')?.data?.label).toBe(
      '2.5 GetId · 2.5 GetCredentialsForIdentity',
    );
  });
});

/** Every scenario at its start, and at every step (the active edge's label is the longest then). */
function everyGraph() {
  const graphs: { name: string; graph: ReturnType<typeof buildGraph> }[] = [];
  for (const scenario of SCENARIOS) {
    for (let position = 0; position <= scenario.steps.length; position += 1) {
      const graph = buildGraph({ scenario, entries: [], position, clock: T0 });
      graphs.push({ name: `${scenario.id}@${position}`, graph });
    }
  }
  return graphs;
}

describe('diagram layout', () => {
  it('reads left to right: app, sign-in, identity pool, STS, services; IAM below the services', () => {
    const { nodes } = buildGraph({ scenario: googleViaUserPool, entries: [], position: 0, clock: T0 });
    const at = (id: string) => nodes.find((n) => n.id === id)?.position ?? { x: Number.NaN, y: Number.NaN };
    const columns = ['app', 'userPool', 'identityPool', 'sts', 's3'].map((id) => at(id).x);
    expect(columns).toEqual([...columns].sort((a, b) => a - b));
    expect(new Set(columns).size).toBe(5);
    expect(at('google').x).toBe(at('userPool').x);
    expect(at('iam').y).toBeGreaterThan(at('s3').y);
  });

  it('routes every edge of every scenario around the boxes it does not connect, in straight runs', () => {
    const problems: string[] = [];
    for (const { name, graph } of everyGraph()) problems.push(...routeProblems(name, graph));
    expect(problems).toEqual([]);
  });

  it('places every label clear of the boxes and of the other labels', () => {
    const problems: string[] = [];
    for (const { name, graph } of everyGraph()) {
      const labels = graph.edges.map((e) => {
        const size = labelSize(e.data?.labelLines ?? []);
        const at = e.data?.labelAt ?? { x: 0, y: 0 };
        return { id: e.id, box: { x: at.x - size.w / 2, y: at.y - size.h / 2, ...size } };
      });
      for (const label of labels) {
        if (label.box.w <= 16) continue; // an edge drawn without a label
        for (const node of graph.nodes)
          if (boxesOverlap(label.box, nodeBox(node))) problems.push(`${name} ${label.id} covers ${node.id}`);
        for (const other of labels)
          if (other !== label && boxesOverlap(label.box, other.box))
            problems.push(`${name} ${label.id} covers label ${other.id}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('folds a long list of steps on one edge into the active step and a count', () => {
    const all = ['1 InitiateAuth', '1.5 JWTs back', '4 GlobalSignOut', '5 GetUser'];
    expect(labelLinesFor(all.slice(0, 2), undefined)).toEqual(all.slice(0, 2));
    expect(labelLinesFor(['2 GetId', '2 GetCredentialsForIdentity'], undefined)).toEqual([
      '2 GetId',
      'GetCredentialsForIdentity',
    ]);
    expect(labelLinesFor(['1 POST accounts.google.com/o/oauth2/v2/auth'], undefined)).toEqual([
      '1 POST',
      'accounts.google.com/o/oaut…',
    ]);
    // An API name too long for one line is split between two of its words, never cut.
    expect(labelLinesFor(['1 GetOpenIdTokenForDeveloperIdentity'], undefined)).toEqual([
      '1 GetOpenIdTokenFor',
      'DeveloperIdentity',
    ]);
    expect(labelLinesFor(all, '4 GlobalSignOut')).toEqual(['4 GlobalSignOut', 'also 1, 1.5, 5']);
    expect(labelLinesFor(all, undefined)).toEqual(['1 InitiateAuth', 'also 1.5, 4, 5']);
  });

  it('draws rounded corners and finds points along a route for the packet', () => {
    const route = [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 100, y: 50 },
    ];
    expect(roundedPath(route)).toBe('M 0 0 L 90 0 Q 100 0 100 10 L 100 50');
    expect(pointAlong(route, 0)).toEqual({ x: 0, y: 0 });
    expect(pointAlong(route, 0.5)).toEqual({ x: 75, y: 0 });
    expect(pointAlong(route, 1)).toEqual({ x: 100, y: 50 });
  });
});
