import { describe, expect, it } from 'vitest';
import { decideIncoming } from '../../src/appsync-client/merger';
import { enqueue } from '../../src/appsync-client/outbox';
import type { OutboxEntry } from '../../src/appsync-client/types';
import { gate, serverItems, settle, userPoolDevice, world } from './support';

const entry = (over: Partial<OutboxEntry>): OutboxEntry => ({
  seq: 1,
  kind: 'update',
  itemId: 'a',
  fields: {},
  baseVersion: 1,
  createdAt: 0,
  attempts: 0,
  ...over,
});

describe('appsync client outbox rules', () => {
  it('merges offline changes of one item into one pending mutation', () => {
    const create = entry({ kind: 'create', fields: { text: 'x', done: false, tags: [] }, baseVersion: null });
    expect(
      enqueue([create], { kind: 'update', itemId: 'a', fields: { done: true }, baseVersion: null }, 2, 5),
    ).toEqual({
      put: { ...create, fields: { text: 'x', done: true, tags: [] } },
    });
    expect(enqueue([create], { kind: 'delete', itemId: 'a', fields: {}, baseVersion: null }, 2, 5)).toEqual({
      remove: [1],
    });
    const update = entry({ fields: { text: 'y' } });
    expect(
      enqueue(
        [update],
        { kind: 'update', itemId: 'a', fields: { text: 'z', done: true }, baseVersion: 1 },
        2,
        5,
      ),
    ).toEqual({
      put: { ...update, fields: { text: 'z', done: true } },
    });
    expect(enqueue([update], { kind: 'delete', itemId: 'a', fields: {}, baseVersion: 1 }, 2, 5)).toEqual({
      put: { ...update, kind: 'delete', fields: {} },
    });
  });

  it('never merges into an entry that was already sent (it may have reached AppSync)', () => {
    const sent = entry({ fields: { text: 'y' }, attempts: 1 });
    expect(
      enqueue([sent], { kind: 'update', itemId: 'a', fields: { text: 'z' }, baseVersion: 1 }, 2, 5),
    ).toEqual({
      put: {
        seq: 2,
        kind: 'update',
        itemId: 'a',
        fields: { text: 'z' },
        baseVersion: 1,
        createdAt: 5,
        attempts: 0,
      },
    });
  });

  it('the merger drops an incoming record with a pending change, and one older than the local copy', () => {
    const incoming = {
      id: 'a',
      text: 't',
      done: false,
      owner: 'o',
      tags: [],
      _version: 2,
      _lastChangedAt: 1,
      _deleted: false,
    };
    expect(decideIncoming(incoming, undefined, [entry({})])).toEqual({
      apply: false,
      reason: 'a local change to this item is pending in the outbox',
    });
    expect(decideIncoming(incoming, { ...incoming, _version: 3 }, [])).toEqual({
      apply: false,
      reason: 'older than the local copy (version 2 < 3)',
    });
    expect(decideIncoming(incoming, { ...incoming, _version: 1 }, [])).toEqual({ apply: true });
  });
});

describe('appsync client outbox across reloads', () => {
  it('keeps offline edits across a reload and sends them once when back online', async () => {
    const w = await world();
    const alice = await userPoolDevice(w, 0, 'alice-laptop');
    const bob = await userPoolDevice(w, 1, 'bob-phone', { online: false });
    await alice.client.start();
    await bob.client.start();
    const id = await bob.client.create({ text: 'draft' });
    await bob.client.update(id, { text: 'written offline' });
    bob.client.stop();

    const reloaded = bob.reload();
    await reloaded.client.start();
    expect(reloaded.client.items()).toEqual([
      expect.objectContaining({ id, text: 'written offline', _version: null }),
    ]);
    expect(reloaded.client.outbox()).toEqual([
      expect.objectContaining({ kind: 'create', itemId: id, attempts: 0 }),
    ]);
    bob.link.setOnline(true);
    await settle(alice.client, reloaded.client);
    expect(await serverItems(w)).toEqual([
      expect.objectContaining({ id, text: 'written offline', _version: 1 }),
    ]);
    expect(alice.client.items()).toEqual([expect.objectContaining({ id, text: 'written offline' })]);
    expect(reloaded.client.outbox()).toEqual([]);
  });

  it('a create whose answer was lost in a reload is not duplicated: the retry checks first', async () => {
    const w = await world();
    const held = { current: undefined as ReturnType<typeof gate> | undefined };
    const bob = await userPoolDevice(w, 1, 'bob-phone', {
      fetchWrap: (f) => {
        held.current = gate(f);
        return held.current.fetch;
      },
    });
    await bob.client.start();
    const g = held.current as ReturnType<typeof gate>;
    g.state.holding = true;
    const id = await bob.client.create({ text: 'only once' });
    await settle();
    expect(g.held).toHaveLength(1);
    // The request reaches AppSync, but the tab reloads before the answer arrives.
    bob.client.stop();
    await g.held[0]?.dropReply().catch(() => undefined);
    g.state.holding = false;

    const reloaded = bob.reload();
    await reloaded.client.start();
    await settle(reloaded.client);
    expect(reloaded.events).toContainEqual(
      expect.objectContaining({
        type: 'already-delivered',
        how: 'the item already exists with this client-chosen id',
      }),
    );
    expect(reloaded.client.outbox()).toEqual([]);
    expect((await serverItems(w)).map((i) => i.id)).toEqual([id]);
  });

  it('out-of-order replies: the pre-reload create lands after the retry; ConditionalCheckFailed with a matching item counts as success', async () => {
    const w = await world();
    const held = { current: undefined as ReturnType<typeof gate> | undefined };
    const bob = await userPoolDevice(w, 1, 'bob-phone', {
      fetchWrap: (f) => {
        held.current = gate(f);
        return held.current.fetch;
      },
    });
    await bob.client.start();
    const g = held.current as ReturnType<typeof gate>;
    g.state.holding = true;
    const id = await bob.client.create({ text: 'raced' });
    await settle();
    const beforeReload = g.held[0];
    bob.client.stop();

    const reloaded = bob.reload();
    void reloaded.client.start();
    await settle();
    // The reloaded client syncs, reads the item back (not there yet), then sends the create again.
    const isCreate = async (r: Request) => (await r.clone().text()).includes('mutation CreateItem');
    let retry: (typeof g.held)[number] | undefined;
    for (let released = 1; !retry && released < 10; released++) {
      await settle();
      const next = g.held[released];
      if (next && (await isCreate(next.request))) retry = next;
      else await next?.release();
    }
    expect(JSON.parse((await retry?.request.clone().text()) ?? '{}').variables.input.id).toBe(id);
    // Now the first create reaches AppSync (its page is gone), and only then the retry.
    await beforeReload?.dropReply().catch(() => undefined);
    g.state.holding = false;
    await retry?.release();
    await settle(reloaded.client);
    expect(reloaded.events).toContainEqual(
      expect.objectContaining({ type: 'already-delivered', how: 'the create had already succeeded' }),
    );
    expect(reloaded.client.outbox()).toEqual([]);
    expect(reloaded.client.items()).toEqual([expect.objectContaining({ id, text: 'raced', _version: 1 })]);
    expect((await serverItems(w)).map((i) => i.id)).toEqual([id]);
  });

  it('the merger rule: a live update for an item with a pending change is held back, the pending answer wins', async () => {
    const w = await world();
    w.app.setConflictHandler('OPTIMISTIC_CONCURRENCY');
    const alice = await userPoolDevice(w, 0, 'alice-laptop');
    const held = { current: undefined as ReturnType<typeof gate> | undefined };
    const bob = await userPoolDevice(w, 1, 'bob-phone', {
      fetchWrap: (f) => {
        held.current = gate(f);
        return held.current.fetch;
      },
    });
    await alice.client.start();
    await bob.client.start();
    const id = await alice.client.create({ text: 'shared' });
    await settle(alice.client, bob.client);
    const g = held.current as ReturnType<typeof gate>;
    g.state.holding = true;
    await bob.client.update(id, { done: true });
    await alice.client.update(id, { text: 'alice was first' });
    await settle(alice.client);
    expect(bob.events).toContainEqual(
      expect.objectContaining({
        type: 'subscription-data',
        field: 'onUpdateItem',
        applied: false,
        reason: 'a local change to this item is pending in the outbox',
      }),
    );
    expect(bob.client.items()[0]).toMatchObject({ text: 'shared', done: true });
    g.state.holding = false;
    await g.held[0]?.release();
    await settle(alice.client, bob.client);
    expect(bob.events.find((e) => e.type === 'conflict')).toMatchObject({
      server: { text: 'alice was first', _version: 2 },
    });
  });
});
