import { describe, expect, it } from 'vitest';
import type { ConflictHandler } from '../../src/sim/index';
import { serverItems, settle, userPoolDevice, world } from './support';

/** Alice and Bob share an item; Bob goes offline and edits it while Alice edits it online. */
async function offlineEdit(handler: ConflictHandler) {
  const w = await world();
  w.app.setConflictHandler(handler);
  const alice = await userPoolDevice(w, 0, 'alice-laptop');
  const bob = await userPoolDevice(w, 1, 'bob-phone');
  await alice.client.start();
  await bob.client.start();
  const id = await alice.client.create({ text: 'Plan trip', tags: ['travel'] });
  await settle(alice.client, bob.client);
  bob.link.setOnline(false);
  w.clock.advance(1000);
  await alice.client.update(id, { text: 'Plan trip to Lisbon' });
  await bob.client.update(id, { text: 'Plan trip to Porto' });
  await bob.client.update(id, { done: true, tags: ['travel', 'family'] });
  await settle(alice.client, bob.client);
  // Two offline edits left as ONE pending mutation, made on version 1.
  expect(bob.client.outbox()).toEqual([
    expect.objectContaining({
      kind: 'update',
      itemId: id,
      baseVersion: 1,
      fields: { text: 'Plan trip to Porto', done: true, tags: ['travel', 'family'] },
    }),
  ]);
  w.clock.advance(1000);
  bob.link.setOnline(true);
  await settle(alice.client, bob.client);
  return { w, alice, bob, id };
}

describe('appsync client: conflicts as each strategy answers them', () => {
  it('OPTIMISTIC_CONCURRENCY: ConflictUnhandled reaches the user with both versions; discarding takes the server item', async () => {
    const { alice, bob, id } = await offlineEdit('OPTIMISTIC_CONCURRENCY');
    const conflict = bob.events.find((e) => e.type === 'conflict');
    expect(conflict).toMatchObject({
      type: 'conflict',
      local: { id, text: 'Plan trip to Porto', done: true, _version: 1 },
      server: { id, text: 'Plan trip to Lisbon', done: false, _version: 2 },
    });
    expect(bob.client.outbox()[0]?.conflict?.server._version).toBe(2);
    await bob.client.resolveConflict(id, 'discard-local');
    await settle(alice.client, bob.client);
    expect(bob.client.outbox()).toEqual([]);
    expect(bob.client.items()[0]).toMatchObject({ text: 'Plan trip to Lisbon', done: false, _version: 2 });
  });

  it('OPTIMISTIC_CONCURRENCY: re-applying sends the local changes on the server version', async () => {
    const { w, alice, bob, id } = await offlineEdit('OPTIMISTIC_CONCURRENCY');
    await bob.client.resolveConflict(id, 'reapply-local');
    await settle(alice.client, bob.client);
    expect(bob.client.outbox()).toEqual([]);
    const expected = { id, text: 'Plan trip to Porto', done: true, tags: ['travel', 'family'], _version: 3 };
    expect(bob.client.items()[0]).toMatchObject(expected);
    expect(alice.client.items()[0]).toMatchObject(expected);
    expect(await serverItems(w)).toEqual([expect.objectContaining(expected)]);
  });

  it('AUTOMERGE: the server keeps its scalars, appends the list, and the client reports what was not kept', async () => {
    const { alice, bob, id } = await offlineEdit('AUTOMERGE');
    const merged = bob.events.find((e) => e.type === 'merged-by-server');
    expect(merged).toMatchObject({ type: 'merged-by-server', lost: ['text', 'done', 'tags'] });
    const expected = {
      id,
      text: 'Plan trip to Lisbon',
      done: false,
      tags: ['travel', 'travel', 'family'],
      _version: 3,
    };
    expect(bob.client.items()[0]).toMatchObject(expected);
    expect(alice.client.items()[0]).toMatchObject(expected);
    expect(bob.events.some((e) => e.type === 'conflict')).toBe(false);
  });

  it('LAMBDA: the example handler lets the incoming fields win and unions the tags', async () => {
    const { alice, bob, id } = await offlineEdit('LAMBDA');
    const expected = { id, text: 'Plan trip to Porto', done: true, tags: ['travel', 'family'], _version: 3 };
    expect(bob.client.items()[0]).toMatchObject(expected);
    expect(alice.client.items()[0]).toMatchObject(expected);
    expect(bob.events.find((e) => e.type === 'merged-by-server')).toMatchObject({ lost: [] });
  });
});
