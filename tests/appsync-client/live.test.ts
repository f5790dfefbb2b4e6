import { describe, expect, it } from 'vitest';
import { serverItems, settle, userPoolDevice, world } from './support';

describe('appsync client: queries, mutations and live delivery', () => {
  it('sends a local create and delivers it live to another user on another device', async () => {
    const w = await world();
    const alice = await userPoolDevice(w, 0, 'alice-laptop');
    const bob = await userPoolDevice(w, 1, 'bob-phone');
    await alice.client.start();
    await bob.client.start();
    expect(bob.client.getStatus().connection).toBe('open');

    const id = await alice.client.create({ text: 'Buy milk', tags: ['shop'] });
    // Applied locally at once, before AppSync has answered.
    expect(alice.client.items()).toEqual([
      {
        id,
        text: 'Buy milk',
        done: false,
        tags: ['shop'],
        owner: null,
        _version: null,
        _lastChangedAt: null,
        _deleted: false,
      },
    ]);
    await settle(alice.client, bob.client);

    const aliceName = w.cloud.demo.userPool.users[0]?.username;
    const server = {
      id,
      text: 'Buy milk',
      done: false,
      tags: ['shop'],
      owner: aliceName,
      _version: 1,
      _lastChangedAt: w.clock.now(),
      _deleted: false,
    };
    expect(alice.client.items()).toEqual([server]);
    expect(alice.client.outbox()).toEqual([]);
    expect(bob.client.items()).toEqual([server]);
    expect(bob.events).toContainEqual({
      type: 'subscription-data',
      field: 'onCreateItem',
      item: server,
      applied: true,
      reason: 'applied',
    });
  });

  it('runs a base sync on first start, stores startedAt as lastSync, and sends updates and deletes with _version', async () => {
    const w = await world();
    const alice = await userPoolDevice(w, 0, 'alice-laptop');
    await alice.client.start();
    const id = await alice.client.create({ text: 'Plan trip' });
    await settle(alice.client);
    w.clock.advance(1000);

    const bob = await userPoolDevice(w, 1, 'bob-phone');
    await bob.client.start();
    expect(bob.events.find((e) => e.type === 'synced')).toEqual({
      type: 'synced',
      mode: 'base',
      count: 1,
      startedAt: w.clock.now(),
    });
    expect(bob.client.getStatus().lastSync).toBe(w.clock.now());
    expect(bob.client.items().map((i) => [i.id, i._version])).toEqual([[id, 1]]);

    await bob.client.update(id, { done: true });
    await settle(alice.client, bob.client);
    expect(alice.client.items()[0]).toMatchObject({ id, done: true, _version: 2 });

    await alice.client.remove(id);
    await settle(alice.client, bob.client);
    expect(alice.client.items()).toEqual([]);
    expect(bob.client.items()).toEqual([]);
    expect(await serverItems(w)).toEqual([expect.objectContaining({ id, _deleted: true, _version: 3 })]);
  });

  it('catches up with a delta sync (lastSync = previous startedAt) after being away', async () => {
    const w = await world();
    const alice = await userPoolDevice(w, 0, 'alice-laptop');
    const bob = await userPoolDevice(w, 1, 'bob-phone');
    const requests: string[] = [];
    await alice.client.start();
    await bob.client.start();
    const firstSync = bob.client.getStatus().lastSync;

    bob.link.setOnline(false);
    await settle(bob.client);
    expect(bob.client.getStatus()).toMatchObject({ state: 'offline', connection: 'closed' });
    w.clock.advance(60_000);
    const id = await alice.client.create({ text: 'while bob was away' });
    await settle(alice.client, bob.client);
    expect(bob.client.items()).toEqual([]);

    w.clock.advance(60_000);
    // The engine's trace says which kind of sync AppSync ran for bob's request.
    const unsub = w.cloud.subscribe((e) => {
      if (e.kind === 'appsync.sync') requests.push(JSON.stringify(e.detail));
    });
    bob.link.setOnline(true);
    await settle(alice.client, bob.client);
    unsub();
    expect(requests).toEqual([
      JSON.stringify({ mode: 'delta', lastSync: firstSync, startedAt: w.clock.now() }),
    ]);
    expect(bob.client.items().map((i) => i.id)).toEqual([id]);
    expect(bob.client.getStatus()).toMatchObject({
      state: 'idle',
      connection: 'open',
      lastSync: w.clock.now(),
    });
  });
});
