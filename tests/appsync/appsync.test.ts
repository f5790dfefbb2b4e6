import { describe, expect, it } from 'vitest';
import { type Cloud, createCloud, type TraceEvent } from '../../src/sim/index';
import { createTestClock } from '../support/cloud-handler';
import { CREATE, field, graphql, headerParam, idTokenFor, recorder, UPDATE } from './appsync-support';

async function setup() {
  const clock = createTestClock();
  const cloud = await createCloud({ now: clock.now });
  const app = cloud.demo.appSync;
  if (!app) throw new Error('demo has no AppSync API');
  return { clock, cloud, app };
}

describe('appsync GraphQL endpoint', () => {
  it('refuses a request with no credentials with 401 UnauthorizedException', async () => {
    const { cloud } = await setup();
    const res = await graphql(cloud, {}, '{ listItems { items { id } } }');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      errors: [{ errorType: 'UnauthorizedException', message: 'Valid authorization header not provided.' }],
    });
  });

  it('refuses an unknown API key and a malformed JWT', async () => {
    const { cloud } = await setup();
    const badKey = await graphql(
      cloud,
      { 'x-api-key': 'da2-nottherealkey' },
      '{ listItems { items { id } } }',
    );
    expect(badKey.status).toBe(401);
    expect(badKey.body.errors?.[0]?.message).toBe('You are not authorized to make this call.');
    const badJwt = await graphql(cloud, { authorization: 'not-a-jwt' }, '{ listItems { items { id } } }');
    expect(badJwt.status).toBe(401);
    expect(badJwt.body.errors?.[0]).toEqual({
      errorType: 'UnauthorizedException',
      message: 'Unable to parse JWT token.',
    });
  });

  it('lets a user pool user create an item owned by them, and an API key read but not write', async () => {
    const { cloud, app } = await setup();
    const alice = await idTokenFor(cloud, 0);
    const created = await graphql(cloud, { authorization: alice }, CREATE, { input: { text: 'Buy milk' } });
    expect(created.status).toBe(200);
    const item = created.body.data?.createItem as Record<string, unknown>;
    expect(item).toMatchObject({
      text: 'Buy milk',
      done: false,
      owner: cloud.demo.userPool.users[0]?.username,
      _version: 1,
      _deleted: false,
    });

    const read = await graphql(cloud, { 'x-api-key': app.apiKey }, '{ listItems { items { id text } } }');
    expect(read.body).toEqual({ data: { listItems: { items: [{ id: item.id, text: 'Buy milk' }] } } });

    const write = await graphql(cloud, { 'x-api-key': app.apiKey }, CREATE, { input: { text: 'sneaky' } });
    expect(write.status).toBe(200);
    expect(write.body.data).toEqual({ createItem: null });
    expect(write.body.errors?.[0]).toMatchObject({
      path: ['createItem'],
      errorType: 'Unauthorized',
      message: 'Not Authorized to access createItem on type Mutation',
    });
  });

  it('lets only the owner delete an item under user pool auth', async () => {
    const { cloud } = await setup();
    const alice = await idTokenFor(cloud, 0);
    const bob = await idTokenFor(cloud, 1);
    const created = await graphql(cloud, { authorization: alice }, CREATE, { input: { text: 'mine' } });
    const id = field<{ id: string }>(created, 'createItem').id;
    const del = `mutation D($input: DeleteItemInput!) { deleteItem(input: $input) { id _deleted _version } }`;
    const byBob = await graphql(cloud, { authorization: bob }, del, { input: { id, _version: 1 } });
    expect(byBob.body.errors?.[0]?.errorType).toBe('Unauthorized');
    const byAlice = await graphql(cloud, { authorization: alice }, del, { input: { id, _version: 1 } });
    expect(byAlice.body.data).toEqual({ deleteItem: { id, _deleted: true, _version: 2 } });
  });
});

describe('appsync conflict detection', () => {
  async function twoEditors(handler: 'OPTIMISTIC_CONCURRENCY' | 'AUTOMERGE' | 'LAMBDA') {
    const ctx = await setup();
    ctx.app.setConflictHandler(handler);
    const alice = await idTokenFor(ctx.cloud, 0);
    const bob = await idTokenFor(ctx.cloud, 1);
    const created = await graphql(ctx.cloud, { authorization: alice }, CREATE, {
      input: { text: 'Plan trip', tags: ['travel'] },
    });
    const id = field<{ id: string }>(created, 'createItem').id;
    ctx.clock.advance(1000);
    // Alice edits first (version 1 → 2); Bob then edits from the stale version 1.
    await graphql(ctx.cloud, { authorization: alice }, UPDATE, {
      input: { id, text: 'Plan trip to Lisbon', _version: 1 },
    });
    ctx.clock.advance(1000);
    const stale = await graphql(ctx.cloud, { authorization: bob }, UPDATE, {
      input: { id, text: 'Plan trip to Porto', done: true, tags: ['family'], _version: 1 },
    });
    return { ...ctx, id, stale };
  }

  it('optimistic concurrency rejects a stale version with ConflictUnhandled and the server item', async () => {
    const { stale, id } = await twoEditors('OPTIMISTIC_CONCURRENCY');
    expect(stale.body.data).toEqual({ updateItem: null });
    const error = stale.body.errors?.[0] as Record<string, unknown>;
    expect(error.errorType).toBe('ConflictUnhandled');
    expect(error.message).toBe('Conflict resolver rejects mutation.');
    expect(error.data).toMatchObject({ id, text: 'Plan trip to Lisbon', _version: 2 });
  });

  it('automerge keeps server scalars, concatenates lists and bumps the version', async () => {
    const { stale } = await twoEditors('AUTOMERGE');
    expect(stale.body.errors).toBeUndefined();
    expect(stale.body.data?.updateItem).toMatchObject({
      text: 'Plan trip to Lisbon',
      done: false,
      tags: ['travel', 'family'],
      _version: 3,
    });
  });

  it('the example Lambda handler lets the incoming fields win and unions tags', async () => {
    const { stale } = await twoEditors('LAMBDA');
    expect(stale.body.data?.updateItem).toMatchObject({
      text: 'Plan trip to Porto',
      done: true,
      tags: ['travel', 'family'],
      _version: 3,
    });
  });
});

describe('appsync delta sync', () => {
  it('returns the base table without lastSync and only later changes with a recent lastSync', async () => {
    const { cloud, clock } = await setup();
    const alice = await idTokenFor(cloud, 0);
    await graphql(cloud, { authorization: alice }, CREATE, { input: { id: 'a', text: 'first' } });
    await graphql(cloud, { authorization: alice }, CREATE, { input: { id: 'b', text: 'second' } });
    const sync = `query S($lastSync: AWSTimestamp) { syncItems(lastSync: $lastSync) { items { id text _version } startedAt } }`;
    const base = await graphql(cloud, { authorization: alice }, sync, {});
    const baseResult = base.body.data?.syncItems as { items: { id: string }[]; startedAt: number };
    expect(baseResult.items.map((i) => i.id)).toEqual(['a', 'b']);
    expect(baseResult.startedAt).toBe(clock.now());

    clock.advance(60_000);
    await graphql(cloud, { authorization: alice }, UPDATE, {
      input: { id: 'b', text: 'second, edited', _version: 1 },
    });
    const delta = await graphql(cloud, { authorization: alice }, sync, { lastSync: baseResult.startedAt });
    expect(field<{ items: unknown[] }>(delta, 'syncItems').items).toEqual([
      { id: 'b', text: 'second, edited', _version: 2 },
    ]);

    // A device away longer than the delta table keeps entries (30 minutes) gets a full base sync.
    clock.advance(31 * 60_000);
    const stale = await graphql(cloud, { authorization: alice }, sync, { lastSync: baseResult.startedAt });
    expect(field<{ items: { id: string }[] }>(stale, 'syncItems').items.map((i) => i.id)).toEqual(['a', 'b']);
  });
});

describe('appsync real-time subscriptions', () => {
  it('delivers a mutation to every subscribed device with AppSync message shapes', async () => {
    const { cloud, app } = await setup();
    const alice = await idTokenFor(cloud, 0);
    const bob = await idTokenFor(cloud, 1);
    const host = new URL(app.url).host;
    const socket = await cloud.connect(
      `${app.realtimeUrl}?header=${headerParam({ host, Authorization: bob })}&payload=e30=`,
      'graphql-ws',
    );
    const rec = recorder(socket);
    await new Promise<void>((resolve) => {
      socket.onopen = () => resolve();
      if (socket.readyState === 1) resolve();
    });
    socket.send(JSON.stringify({ type: 'connection_init' }));
    expect(await rec.until((m) => m.type === 'connection_ack')).toEqual({
      type: 'connection_ack',
      payload: { connectionTimeoutMs: 300000 },
    });
    socket.send(
      JSON.stringify({
        id: 'sub-1',
        type: 'start',
        payload: {
          data: JSON.stringify({ query: 'subscription { onCreateItem { id text owner } }', variables: {} }),
          extensions: { authorization: { host, Authorization: bob } },
        },
      }),
    );
    await rec.until((m) => m.type === 'start_ack');
    await graphql(cloud, { authorization: alice }, CREATE, {
      input: { id: 'live-1', text: 'hello from alice' },
    });
    const data = await rec.until((m) => m.type === 'data');
    expect(data).toEqual({
      id: 'sub-1',
      type: 'data',
      payload: {
        data: {
          onCreateItem: {
            id: 'live-1',
            text: 'hello from alice',
            owner: cloud.demo.userPool.users[0]?.username,
          },
        },
      },
    });
    socket.send(JSON.stringify({ id: 'sub-1', type: 'stop' }));
    expect(await rec.until((m) => m.type === 'complete')).toEqual({ type: 'complete', id: 'sub-1' });
  });

  it('answers a handshake with bad credentials with connection_error', async () => {
    const { cloud, app } = await setup();
    const host = new URL(app.url).host;
    const socket = await cloud.connect(
      `${app.realtimeUrl}?header=${headerParam({ host, Authorization: 'garbage' })}&payload=e30=`,
      'graphql-ws',
    );
    const rec = recorder(socket);
    expect(await rec.until((m) => m.type === 'connection_error')).toEqual({
      type: 'connection_error',
      payload: {
        errors: [
          {
            errorType: 'UnauthorizedException',
            message: 'You are not authorized to make this call.',
            errorCode: 401,
          },
        ],
      },
    });
  });
});

describe('appsync: where a caller is refused, and in which words', () => {
  /** A request signed for appsync with the demo IAM user's keys (its policies grant no appsync:GraphQL). */
  async function signedByIamUser(cloud: Cloud, clock: { now(): number }, query: string) {
    const { signRequest } = await import('../../src/sim/sigv4/sign-request');
    const user = cloud.demo.iamUser;
    const request = new Request(cloud.demo.appSync?.url as string, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    return signRequest(
      request,
      { accessKeyId: user.accessKeyId, secretAccessKey: user.secretAccessKey },
      { service: 'appsync', region: cloud.demo.region, now: clock.now() },
    );
  }

  it('IAM: a signed caller without appsync:GraphQL on the field gets 401 Permission denied, and nothing runs', async () => {
    const { cloud, clock } = await setup();
    const events: TraceEvent[] = [];
    cloud.subscribe((e) => events.push(e));
    const write = await cloud.fetch(
      await signedByIamUser(cloud, clock, 'mutation { createItem(input: { text: "sneaky" }) { id } }'),
    );
    expect(write.status).toBe(401);
    expect(await write.json()).toEqual({
      errors: [{ errorType: 'UnauthorizedException', message: 'Permission denied' }],
    });
    const decision = events.find((e) => e.kind === 'iam.decision');
    expect(decision?.detail).toMatchObject({
      action: 'appsync:GraphQL',
      resource: expect.stringMatching(/:apis\/[^/]+\/types\/Mutation\/fields\/createItem$/),
      result: { decision: expect.stringMatching(/Deny/) },
    });
    const alice = await idTokenFor(cloud, 0);
    const list = await graphql(cloud, { authorization: alice }, '{ listItems { items { id } } }');
    expect(field<{ items: unknown[] }>(list, 'listItems').items).toEqual([]);
    // A read is refused the same way, as a request, not as a field error of a 200 answer.
    const read = await cloud.fetch(await signedByIamUser(cloud, clock, '{ a: listItems { items { id } } }'));
    expect(read.status).toBe(401);
  });

  it('user pools: the JWT goes bare in the Authorization header; a Bearer prefix does not parse', async () => {
    const { cloud } = await setup();
    const alice = await idTokenFor(cloud, 0);
    const bare = await graphql(cloud, { authorization: alice }, '{ listItems { items { id } } }');
    expect(bare.status).toBe(200);
    const prefixed = await graphql(
      cloud,
      { authorization: `Bearer ${alice}` },
      '{ listItems { items { id } } }',
    );
    expect(prefixed.status).toBe(401);
    expect(prefixed.body).toEqual({
      errors: [{ errorType: 'UnauthorizedException', message: 'Unable to parse JWT token.' }],
    });
  });
});

describe('appsync with IAM (identity pool credentials)', () => {
  it('accepts a SigV4-signed request from a guest and records the identity id as owner; refuses a wrong secret', async () => {
    const { cloud, clock, app } = await setup();
    const { enhancedFlow } = await import('../pipeline/pipeline-support');
    const { signRequest } = await import('../../src/sim/sigv4/sign-request');
    const guest = await enhancedFlow(cloud, clock);
    const body = JSON.stringify({
      query: 'mutation { createItem(input: { text: "from a guest" }) { owner text } }',
    });
    const request = new Request(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const signed = await signRequest(request, guest.credentials, {
      service: 'appsync',
      region: cloud.demo.region,
      now: clock.now(),
    });
    const ok = await cloud.fetch(signed);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({
      data: { createItem: { owner: guest.identityId, text: 'from a guest' } },
    });

    const forged = await signRequest(
      new Request(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body }),
      { ...guest.credentials, secretAccessKey: 'x'.repeat(40) },
      { service: 'appsync', region: cloud.demo.region, now: clock.now() },
    );
    const refused = await cloud.fetch(forged);
    expect(refused.status).toBeGreaterThanOrEqual(401);
    const errors = ((await refused.json()) as { errors: { errorType: string }[] }).errors;
    expect(errors[0]?.errorType).toMatch(/Signature|Unauthorized/);
  });
});
