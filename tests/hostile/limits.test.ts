import { describe, expect, it } from 'vitest';
import type { Cloud } from '../../src/sim/index';
import { CREATE, field, graphql, headerParam, idTokenFor, recorder } from '../appsync/appsync-support';
import { hostileCloud, stateOf } from './hostile-support';

/**
 * AppSync's and DynamoDB's limits, applied before any work is done (issue 10, section 4). Each hostile
 * request gets AppSync's answer and leaves the cloud as it was.
 */
async function setup() {
  const { cloud } = await hostileCloud();
  const app = cloud.demo.appSync;
  if (!app) throw new Error('demo has no AppSync API');
  const alice = await idTokenFor(cloud, 0);
  return { cloud, app, alice };
}

const aliases = (count: number, selection: string) =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${selection}`).join(' ')} }`;

describe('appsync request limits', () => {
  it('refuses an alias bomb of 5,000 list queries while parsing, over graphql-java’s 15,000-token limit', async () => {
    const { cloud, alice } = await setup();
    const before = stateOf(cloud);
    const res = await graphql(
      cloud,
      { authorization: alice },
      aliases(5000, 'listItems { items { id text } }'),
    );
    expect(res.status).toBe(200);
    expect(res.body.data).toBeNull();
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors?.[0]?.message).toBe(
      "Invalid Syntax : More than 15000 'grammar' tokens have been presented. To prevent Denial Of Service attacks, parsing has been cancelled.",
    );
    expect(stateOf(cloud)).toBe(before);
  });

  it('refuses 2,000 aliased __schema introspections the same way', async () => {
    const { cloud, alice } = await setup();
    const res = await graphql(cloud, { authorization: alice }, aliases(2000, '__schema { types { name } }'));
    expect(res.body.data).toBeNull();
    expect(res.body.errors?.[0]?.message).toMatch(/^Invalid Syntax : More than 15000 'grammar' tokens/);
  });

  it('runs only as many resolvers as the API allows (100 in the demo); the rest end in ResolverExecutionLimitReached', async () => {
    const { cloud, alice } = await setup();
    const res = await graphql(cloud, { authorization: alice }, aliases(150, 'getItem(id: "none") { id }'));
    expect(res.status).toBe(200);
    const data = res.body.data as Record<string, unknown>;
    expect(Object.keys(data)).toHaveLength(150);
    const errors = res.body.errors ?? [];
    expect(errors).toHaveLength(50);
    expect(errors[0]).toMatchObject({
      path: ['a100'],
      errorType: 'ResolverExecutionLimitReached',
      data: null,
      errorInfo: null,
    });
    expect(new Set(errors.map((e) => e.errorType))).toEqual(new Set(['ResolverExecutionLimitReached']));
  });

  it('nulls the whole answer when a refused resolver is non-null (listItems), as GraphQL propagates nulls', async () => {
    const { cloud, alice } = await setup();
    const res = await graphql(cloud, { authorization: alice }, aliases(150, 'listItems { nextToken }'));
    expect(res.body.data).toBeNull();
    expect(res.body.errors?.[0]).toMatchObject({
      path: ['a100'],
      errorType: 'ResolverExecutionLimitReached',
    });
  });
});

async function create(cloud: Cloud, token: string, input: Record<string, unknown>) {
  return graphql(cloud, { authorization: token }, CREATE, { input });
}

describe('DynamoDB’s 400 KB item size behind the resolvers', () => {
  it('refuses a 500 KB item with the DynamoDB resolver’s error and stores nothing', async () => {
    const { cloud, alice } = await setup();
    const before = stateOf(cloud);
    const res = await create(cloud, alice, { text: 'x'.repeat(500 * 1024) });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ createItem: null });
    expect(res.body.errors?.[0]).toMatchObject({
      path: ['createItem'],
      errorType: 'DynamoDB:DynamoDbException',
    });
    expect(res.body.errors?.[0]?.message).toMatch(
      /^Item size has exceeded the maximum allowed size \(Service: DynamoDb, Status Code: 400, Request ID: [A-Z0-9]{52}\)$/,
    );
    expect(stateOf(cloud)).toBe(before);
  });

  it('counts UTF-8 bytes, not characters, and counts list elements (100,000 tags)', async () => {
    const { cloud, alice } = await setup();
    const euros = await create(cloud, alice, { text: '€'.repeat(140_000) }); // 420,000 bytes
    expect(euros.body.errors?.[0]?.errorType).toBe('DynamoDB:DynamoDbException');
    const tags = await create(cloud, alice, { text: 'many tags', tags: Array(100_000).fill('tag-x') });
    expect(tags.body.errors?.[0]?.errorType).toBe('DynamoDB:DynamoDbException');
    const fits = await create(cloud, alice, { text: 'y'.repeat(400_000) });
    expect(fits.body.errors).toBeUndefined();
    expect(field<{ text: string }>(fits, 'createItem').text).toHaveLength(400_000);
  });

  it('refuses an update that would grow the item past 400 KB and keeps the stored version', async () => {
    const { cloud, alice } = await setup();
    const made = await create(cloud, alice, { id: 'grow', text: 'small' });
    expect(made.body.errors).toBeUndefined();
    const before = stateOf(cloud);
    const res = await graphql(
      cloud,
      { authorization: alice },
      'mutation U($input: UpdateItemInput!) { updateItem(input: $input) { id _version } }',
      { input: { id: 'grow', _version: 1, text: 'z'.repeat(410_000) } },
    );
    expect(res.body.errors?.[0]?.errorType).toBe('DynamoDB:DynamoDbException');
    expect(stateOf(cloud)).toBe(before);
  });
});

describe('appsync pagination tokens', () => {
  it.each([
    ['not base64', '%%%'],
    ['base64 of text', btoa('hello')],
    ['base64 of a huge offset', btoa('99999999999999999999')],
  ])('answers a nextToken that is %s as the DynamoDB resolver does', async (_label, token) => {
    const { cloud, alice } = await setup();
    for (const field of ['listItems', 'syncItems']) {
      const res = await graphql(
        cloud,
        { authorization: alice },
        `query Q($t: String) { ${field}(nextToken: $t) { nextToken } }`,
        { t: token },
      );
      expect(res.status).toBe(200);
      expect(res.body.errors?.[0]).toMatchObject({
        path: [field],
        errorType: 'DynamoDB:UserIllegalArgumentException',
        message:
          'com.amazonaws.deepdish.common.pagination.InvalidPaginationTokenException: Invalid pagination token given.',
      });
    }
  });
});

async function opened(socket: { readyState: number }) {
  for (let i = 0; i < 100 && socket.readyState !== 1; i++) await new Promise((r) => setTimeout(r, 1));
  expect(socket.readyState).toBe(1);
}

describe('appsync real-time endpoint under hostile messages', () => {
  async function socketFor(cloud: Cloud, token: string) {
    const app = cloud.demo.appSync as NonNullable<Cloud['demo']['appSync']>;
    const host = new URL(app.url).host;
    return cloud.connect(
      `${app.realtimeUrl}?header=${headerParam({ host, Authorization: token })}&payload=e30=`,
    );
  }

  it('answers start with a null payload with an error message for that id, and no unhandled rejection', async () => {
    const { cloud, alice } = await setup();
    const socket = await socketFor(cloud, alice);
    const rec = recorder(socket);
    await opened(socket);
    for (const payload of [null, 'text', { data: 'null' }, { data: '7' }, { data: '{"query":5}' }]) {
      socket.send(JSON.stringify({ id: `bad-${JSON.stringify(payload)}`, type: 'start', payload }));
    }
    socket.send('null');
    for (const payload of [null, 'text', { data: 'null' }, { data: '7' }, { data: '{"query":5}' }]) {
      const id = `bad-${JSON.stringify(payload)}`;
      const reply = await rec.until((m) => m.id === id);
      expect(reply).toMatchObject({
        id,
        type: 'error',
        payload: { errors: [{ errorType: expect.any(String) }] },
      });
    }
    await rec.until((m) => m.type === 'error' && m.id === undefined);
  });

  it('accepts start without connection_init (connection_init is optional)', async () => {
    const { cloud, alice } = await setup();
    const socket = await socketFor(cloud, alice);
    const rec = recorder(socket);
    await opened(socket);
    socket.send(
      JSON.stringify({
        id: 'direct',
        type: 'start',
        payload: { data: JSON.stringify({ query: 'subscription { onCreateItem { id } }' }) },
      }),
    );
    expect(await rec.until((m) => m.type === 'start_ack')).toEqual({ type: 'start_ack', id: 'direct' });
  });

  it('delivers the refusal of a malformed handshake to handlers set after connect resolves', async () => {
    const { cloud } = await setup();
    const app = cloud.demo.appSync as NonNullable<Cloud['demo']['appSync']>;
    const socket = await cloud.connect(`${app.realtimeUrl}?header=not-base64!&payload=e30=`);
    // The caller does other work first, then attaches its handlers.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const closed = new Promise<number>((resolve) => {
      socket.onclose = (event) => resolve(event.code);
      if (socket.readyState === 3) resolve(1002);
    });
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
    expect(await closed).toBe(1002);
  });
});
