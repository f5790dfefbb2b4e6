import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { resolveWithValue } from '../../src/sync/merge';
import { createIdbStorage } from '../../src/sync/idb-storage';
import { createMemoryStorage } from '../../src/sync/memory-storage';
import type { SyncStorage } from '../../src/sync/storage';
import { createTestClock } from '../support/cloud-handler';
import { createSyncTestCloud } from '../support/sync-cloud';
import { createTestDevice, isUpdateRecords } from '../support/sync-devices';

let n = 0;

function world() {
  const clock = createTestClock();
  const cloud = createSyncTestCloud(clock.now);
  const alice = { current: cloud.newIdentity() };
  const device = (opts: Parameters<typeof createTestDevice>[3] = {}) =>
    createTestDevice(cloud, clock.now, alice, opts);
  return { clock, cloud, alice, device };
}

describe('sync client: local operations', () => {
  it('applies put, get, remove and getAll at once while offline, and counts them as pending', async () => {
    const { device } = world();
    const phone = device();
    phone.network.setOnline(false);
    await phone.client.put('settings', 'theme', 'dark');
    await phone.client.put('settings', 'lang', 'en');
    await phone.client.remove('settings', 'lang');
    expect(await phone.client.get('settings', 'theme')).toBe('dark');
    expect(await phone.client.getAll('settings')).toEqual({ theme: 'dark' });
    expect(phone.client.getStatus().pending).toBe(1);
  });

  it('keeps local edits and their pending state across a reload (IndexedDB)', async () => {
    const { device } = world();
    const id = `reload-${++n}`;
    const phone = device({ storage: createIdbStorage(id) });
    phone.network.setOnline(false);
    await phone.client.put('settings', 'theme', 'dark');
    const reloaded = device({ storage: createIdbStorage(id) });
    await reloaded.client.load();
    expect([await reloaded.client.get('settings', 'theme'), reloaded.client.getStatus().pending]).toEqual([
      'dark',
      1,
    ]);
  });

  it('rejects keys and dataset names AWS would refuse before touching storage', async () => {
    const { device } = world();
    const phone = device();
    await expect(phone.client.put('bad name', 'k', 'v')).rejects.toThrow(RangeError);
    await expect(phone.client.put('settings', '', 'v')).rejects.toThrow(
      'Record keys are 1–1024 characters long.',
    );
    expect(phone.client.getStatus().pending).toBe(0);
  });
});

describe('sync client: one cache shared by two tabs', () => {
  it('says when it changed the cache, so a tab that shares it can recount what is pending', async () => {
    const { device } = world();
    const id = `tabs-${++n}`;
    const changes = { a: 0, b: 0 };
    const tabA = device({ storage: createIdbStorage(id), onLocalChange: () => changes.a++ });
    const tabB = device({ storage: createIdbStorage(id), onLocalChange: () => changes.b++ });
    await tabA.client.put('settings', 'from-a', 'alpha');
    await tabB.client.put('settings', 'from-b', 'beta');
    expect(changes).toEqual({ a: 1, b: 1 });
    await tabA.client.load();
    expect(tabA.client.getStatus().pending).toBe(2);
    // Tab B pushes both edits and clears their dirty flags; tab A's count is stale until it is told.
    await tabB.client.synchronize('settings');
    expect(changes.b).toBe(2);
    expect(tabA.client.getStatus().pending).toBe(2);
    await tabA.client.load();
    expect(tabA.client.getStatus().pending).toBe(0);
    // Reloading is reading: it announces nothing.
    expect(changes.a).toBe(1);
  });
});

describe('sync client: two tabs syncing one cache at the same moment', () => {
  it('both edits reach the cloud and nothing is left pending, in the cache or on either tab', async () => {
    const { device } = world();
    const id = `race-${++n}`;
    const tabA = device({ storage: createIdbStorage(id) });
    const tabB = device({ storage: createIdbStorage(id) });
    await Promise.all([
      tabA.client.put('settings', 'from-a', 'alpha'),
      tabB.client.put('settings', 'from-b', 'beta'),
    ]);
    const outcomes = await Promise.all([
      tabA.client.synchronize('settings'),
      tabB.client.synchronize('settings'),
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
    // What each tab does when the other announces its last commit.
    await Promise.all([tabA.client.load(), tabB.client.load()]);
    expect([tabA.client.getStatus().pending, tabB.client.getStatus().pending]).toEqual([0, 0]);
    expect((await tabA.client.records('settings')).filter((r) => r.dirty)).toEqual([]);
    const laptop = device();
    await laptop.client.synchronize('settings');
    expect(await laptop.client.getAll('settings')).toEqual({ 'from-a': 'alpha', 'from-b': 'beta' });
  });

  it('counts as pending after a sync what its confirm left dirty and every other dataset’s edits', async () => {
    const { device } = world();
    let edited = false;
    const phone = device({
      intercept: async (request, send) => {
        // An edit made while the push is on its way: sent as it was before, so it stays pending.
        if (isUpdateRecords(request) && !edited) {
          edited = true;
          await phone.client.put('settings', 'theme', 'newer');
        }
        return send(request);
      },
    });
    await phone.client.put('settings', 'theme', 'dark');
    await phone.client.put('settings', 'lang', 'en');
    await phone.client.put('scores', 'top', '10');
    expect(phone.client.getStatus().pending).toBe(3);
    expect((await phone.client.synchronize('settings')).ok).toBe(true);
    expect(edited).toBe(true);
    expect(phone.client.getStatus().pending).toBe(2);
    await phone.client.load(); // a full recount from storage agrees
    expect(phone.client.getStatus().pending).toBe(2);
  });

  it('the count a sync’s confirm saw never replaces a recount made after another tab synced', async () => {
    const { device } = world();
    const id = `confirm-count-${++n}`;
    const shared = createIdbStorage(id);
    const tabB = device({ storage: createIdbStorage(id) });
    let tabA: ReturnType<typeof device> | undefined;
    const racing: typeof shared = {
      ...shared,
      updateDataset: async (identityId, dataset, decide) => {
        await shared.updateDataset(identityId, dataset, decide);
        // Tab A's confirm has seen tab B's edit still dirty. Before tab A recounts, tab B pushes that edit,
        // and tab A, told of B's commit, counts again and finds nothing pending.
        await tabB.client.synchronize('settings');
        await tabA?.client.load();
        expect(tabA?.client.getStatus().pending).toBe(0);
      },
    };
    let edited = false;
    tabA = device({
      storage: racing,
      intercept: async (request, send) => {
        if (isUpdateRecords(request) && !edited) {
          edited = true;
          await tabB.client.put('settings', 'from-b', 'beta'); // after tab A read what to push
        }
        return send(request);
      },
    });
    await tabA.client.put('settings', 'from-a', 'alpha');
    expect((await tabA.client.synchronize('settings')).ok).toBe(true);
    expect(edited).toBe(true);
    expect(tabA.client.getStatus().pending).toBe(0);
  });

  it('an edit another tab commits while this tab confirms its push is neither overwritten nor marked synced', async () => {
    const { device } = world();
    const id = `confirm-race-${++n}`;
    const shared = createIdbStorage(id);
    const tabB = device({ storage: createIdbStorage(id) });
    // Tab B edits the record at the worst moment: just after tab A has read the dataset to confirm its push.
    let pushed = false;
    let edit: Promise<void> | undefined;
    const editNow = () => {
      edit ??= tabB.client.put('settings', 'theme', 'edited in tab B');
      return edit;
    };
    const racing: typeof shared = {
      ...shared,
      listRecords: async (identityId, dataset) => {
        const records = await shared.listRecords(identityId, dataset);
        // A read and a later commit: the edit lands in between (the client must not work this way).
        if (pushed) await editNow();
        return records;
      },
      updateDataset: (identityId, dataset, decide) =>
        shared.updateDataset(identityId, dataset, (records, row) => {
          // Read and commit in one transaction: the edit can only start now and land after it.
          if (pushed) void editNow();
          return decide(records, row);
        }),
    };
    const tabA = device({
      storage: racing,
      intercept: async (request, send) => {
        const response = await send(request);
        if (isUpdateRecords(request)) pushed = true;
        return response;
      },
    });
    await tabA.client.put('settings', 'theme', 'written in tab A');
    expect((await tabA.client.synchronize('settings')).ok).toBe(true);
    expect(edit).toBeDefined();
    await edit;
    const [theme] = await shared.listRecords(tabA.client.getStatus().identityId!, 'settings');
    expect(theme).toMatchObject({ value: 'edited in tab B', dirty: true });
  });

  it('an edit another tab makes while this tab waits on a conflict is reconciled, not overwritten by the pull', async () => {
    const { device, clock } = world();
    const shared = createMemoryStorage();
    const retries: string[] = [];
    const tabA = device({
      storage: shared,
      onEvent: (e) => {
        if (e.type === 'retry') retries.push(e.cause);
      },
    });
    const tabB = device({ storage: shared });
    const laptop = device();
    await laptop.client.put('settings', 'theme', 'base');
    await laptop.client.put('settings', 'font', 'serif');
    await laptop.client.synchronize('settings');
    await tabA.client.synchronize('settings');
    // The laptop changes both keys; tab A changes the theme, so its next sync meets one conflict.
    clock.advance(1000);
    await laptop.client.put('settings', 'theme', 'laptop');
    await laptop.client.put('settings', 'font', 'mono');
    await laptop.client.synchronize('settings');
    await tabA.client.put('settings', 'theme', 'tab A');
    const asked: string[][] = [];
    const outcome = await tabA.client.synchronize('settings', {
      onConflict: async (_dataset, conflicts) => {
        asked.push(conflicts.map((c) => `${c.key}: ${c.local.value} vs ${c.remote.value}`));
        // While the reader decides, tab B edits the font, which the pulled batch would set to 'mono'.
        if (asked.length === 1) await tabB.client.put('settings', 'font', 'tab B');
        return conflicts.map((c) => resolveWithValue(c, c.local.value));
      },
    });
    expect(outcome.ok).toBe(true);
    // The round started again with tab B's edit in it: now a conflict of its own, decided like the first.
    expect(asked).toEqual([['theme: tab A vs laptop'], ['font: tab B vs mono', 'theme: tab A vs laptop']]);
    // The retry says why, so the reader can be told why the question is back.
    expect(retries).toEqual(['local-change']);
    await laptop.client.synchronize('settings');
    expect(await laptop.client.getAll('settings')).toEqual({ font: 'tab B', theme: 'tab A' });
    expect((await tabA.client.records('settings')).filter((r) => r.dirty)).toEqual([]);
  });

  it('a recount that read the cache before the other tab’s commit never overwrites a later recount', async () => {
    const { device } = world();
    const id = `recount-${++n}`;
    const shared = createIdbStorage(id);
    // This tab's first recount reads the records and then stalls, as a slow IndexedDB read does.
    let stall: Promise<void> | undefined;
    let release = () => {};
    const slow: typeof shared = {
      ...shared,
      listRecords: async (identityId, dataset) => {
        const records = await shared.listRecords(identityId, dataset);
        if (stall) await stall;
        return records;
      },
    };
    const tabA = device({ storage: slow });
    const tabB = device({ storage: createIdbStorage(id) });
    await tabA.client.put('settings', 'from-a', 'alpha');
    stall = new Promise((resolve) => {
      release = resolve;
    });
    const early = tabA.client.load(); // reads one pending record, then stalls
    await new Promise((resolve) => setTimeout(resolve, 20));
    stall = undefined;
    await tabB.client.synchronize('settings'); // pushes it and clears the flag
    await tabA.client.load(); // told of that commit: counts again, and finds nothing pending
    expect(tabA.client.getStatus().pending).toBe(0);
    release(); // the stale count arrives last
    await early;
    expect(tabA.client.getStatus().pending).toBe(0);
  });
});

describe('sync client: synchronize', () => {
  it('pushes local edits and lets another device pull them', async () => {
    const { device } = world();
    const phone = device();
    const laptop = device();
    await phone.client.put('settings', 'theme', 'dark');
    expect(await phone.client.synchronize('settings')).toEqual({ ok: true });
    expect(phone.client.getStatus()).toMatchObject({ state: 'idle', pending: 0 });
    await laptop.client.synchronize('settings');
    expect(await laptop.client.getAll('settings')).toEqual({ theme: 'dark' });
    const [record] = await laptop.client.records('settings');
    expect(record).toMatchObject({ key: 'theme', value: 'dark', syncCount: 1, dirty: false });
  });

  it('goes offline without losing anything, then syncs once the device is back online', async () => {
    const { device } = world();
    const phone = device();
    phone.network.setOnline(false);
    await phone.client.put('settings', 'theme', 'dark');
    const outcome = await phone.client.synchronize('settings');
    expect([
      outcome.ok,
      outcome.reason,
      phone.client.getStatus().state,
      phone.client.getStatus().pending,
    ]).toEqual([false, 'offline', 'offline', 1]);
    phone.network.setOnline(true);
    expect((await phone.client.synchronize('settings')).ok).toBe(true);
    expect(phone.client.getStatus()).toMatchObject({ state: 'idle', pending: 0 });
  });

  it('propagates a removal as a record without a value', async () => {
    const { device } = world();
    const phone = device();
    const laptop = device();
    await phone.client.put('settings', 'theme', 'dark');
    await phone.client.synchronize('settings');
    await laptop.client.synchronize('settings');
    await phone.client.remove('settings', 'theme');
    await phone.client.synchronize('settings');
    await laptop.client.synchronize('settings');
    expect(await laptop.client.getAll('settings')).toEqual({});
  });
});

async function conflictSetup(strategy?: 'last-writer-wins' | 'keep-local' | 'keep-remote') {
  const w = world();
  const phone = w.device({ conflictStrategy: strategy });
  const laptop = w.device({ conflictStrategy: strategy });
  await phone.client.put('settings', 'theme', 'base');
  await phone.client.synchronize('settings');
  await laptop.client.synchronize('settings');
  phone.network.setOnline(false);
  await phone.client.put('settings', 'theme', 'phone');
  w.clock.advance(1000);
  await laptop.client.put('settings', 'theme', 'laptop');
  await laptop.client.synchronize('settings');
  phone.network.setOnline(true);
  return { ...w, phone, laptop };
}

describe('sync client: conflicts', () => {
  it('by default lets the most recent edit win (the laptop edited later)', async () => {
    const { phone, laptop } = await conflictSetup();
    expect((await phone.client.synchronize('settings')).ok).toBe(true);
    await laptop.client.synchronize('settings');
    expect([
      await phone.client.get('settings', 'theme'),
      await laptop.client.get('settings', 'theme'),
    ]).toEqual(['laptop', 'laptop']);
    expect(phone.client.getStatus().pending).toBe(0);
  });

  it('by default judges the cloud value by when it reached the cloud, as the AWS SDKs do', async () => {
    // The phone edits offline first, the laptop a second later; the phone syncs first. The cloud stored
    // the phone's value after the laptop's edit, so the SDKs' last-writer-wins keeps the cloud's value
    // (aws-sdk-android SyncConflict.resolveWithLastWriterWins compares LastModifiedDate).
    const w = world();
    const phone = w.device();
    const laptop = w.device();
    await phone.client.put('settings', 'theme', 'base');
    await phone.client.synchronize('settings');
    await laptop.client.synchronize('settings');
    await phone.client.put('settings', 'theme', 'phone');
    w.clock.advance(1000);
    await laptop.client.put('settings', 'theme', 'laptop');
    w.clock.advance(1000);
    expect((await phone.client.synchronize('settings')).ok).toBe(true);
    w.clock.advance(1000);
    expect((await laptop.client.synchronize('settings')).ok).toBe(true);
    expect([
      await phone.client.get('settings', 'theme'),
      await laptop.client.get('settings', 'theme'),
      laptop.client.getStatus().pending,
    ]).toEqual(['phone', 'phone', 0]);
  });

  it('keep-local pushes the phone value over the cloud value', async () => {
    const { phone, laptop } = await conflictSetup('keep-local');
    await phone.client.synchronize('settings');
    await laptop.client.synchronize('settings');
    expect([
      await phone.client.get('settings', 'theme'),
      await laptop.client.get('settings', 'theme'),
    ]).toEqual(['phone', 'phone']);
  });

  it('keep-remote takes the cloud value and leaves nothing pending', async () => {
    const { phone } = await conflictSetup('keep-remote');
    await phone.client.synchronize('settings');
    expect([await phone.client.get('settings', 'theme'), phone.client.getStatus().pending]).toEqual([
      'laptop',
      0,
    ]);
  });

  it('a custom merge from onConflict is pushed to every device', async () => {
    const { phone, laptop } = await conflictSetup();
    const seen: string[] = [];
    await phone.client.synchronize('settings', {
      onConflict: (_d, conflicts) => {
        seen.push(...conflicts.map((c) => `${c.key}: ${c.local.value} vs ${c.remote.value}`));
        return conflicts.map((c) => resolveWithValue(c, `${c.local.value}+${c.remote.value}`));
      },
    });
    await laptop.client.synchronize('settings');
    expect(seen).toEqual(['theme: phone vs laptop']);
    expect(await laptop.client.get('settings', 'theme')).toBe('phone+laptop');
  });

  it('onConflict returning false aborts and keeps the local edit pending', async () => {
    const { phone } = await conflictSetup();
    const outcome = await phone.client.synchronize('settings', { onConflict: () => false });
    expect([
      outcome.reason,
      await phone.client.get('settings', 'theme'),
      phone.client.getStatus().pending,
    ]).toEqual(['conflict-aborted', 'phone', 1]);
  });
});

describe('sync client: a moving cloud and interrupted syncs', () => {
  it('retries when another device writes the same key between the pull and the push', async () => {
    const w = world();
    const other = w.device();
    let interfered = true;
    const events: string[] = [];
    const phone = w.device({
      onEvent: (e) => events.push(e.type === 'retry' ? `retry (${e.cause})` : e.type),
      intercept: async (request, send) => {
        if (isUpdateRecords(request) && !interfered) {
          interfered = true;
          w.clock.advance(1000);
          await other.client.synchronize('settings');
          await other.client.put('settings', 'theme', 'other');
          await other.client.synchronize('settings');
        }
        return send(request);
      },
    });
    await phone.client.put('settings', 'theme', 'base');
    await phone.client.synchronize('settings');
    await phone.client.put('settings', 'theme', 'mine');
    events.length = 0;
    interfered = false;
    const failures: string[] = [];
    const outcome = await phone.client.synchronize('settings', {
      onFailure: (e) => failures.push(e.message),
    });
    expect([outcome.ok, failures]).toEqual([true, []]);
    expect(events).toEqual(['retry (cloud-moved)', 'conflicts', 'resolved']);
    await other.client.synchronize('settings');
    expect([
      await phone.client.get('settings', 'theme'),
      await other.client.get('settings', 'theme'),
    ]).toEqual(['other', 'other']);
  });

  it('gives up after the bounded number of retries and calls onFailure', async () => {
    const w = world();
    const other = w.device();
    let i = 0;
    const phone = w.device({
      maxRetries: 2,
      conflictStrategy: 'keep-local',
      intercept: async (request, send) => {
        if (isUpdateRecords(request)) {
          await other.client.put('settings', 'theme', `other-${i++}`);
          await other.client.synchronize('settings');
        }
        return send(request);
      },
    });
    await phone.client.put('settings', 'theme', 'mine');
    const failures: string[] = [];
    const outcome = await phone.client.synchronize('settings', {
      onFailure: (e) => failures.push(e.message),
    });
    expect(outcome.reason).toBe('retries-exhausted');
    expect(failures).toEqual([
      'Synchronize failed because it exceeded the maximum retries (2): Current SyncCount for: theme is: 3 not: 2',
    ]);
    expect(phone.client.getStatus().pending).toBe(1);
  });

  it('a response lost after the cloud stored the push leaves the edit pending, and the next sync settles it without a conflict', async () => {
    const w = world();
    const id = `crash-${++n}`;
    let lose = true;
    const phone = w.device({
      storage: createIdbStorage(id),
      intercept: async (request, send) => {
        const response = await send(request);
        if (isUpdateRecords(request) && lose) throw new TypeError('Failed to fetch');
        return response;
      },
    });
    await phone.client.put('settings', 'theme', 'dark');
    expect((await phone.client.synchronize('settings')).reason).toBe('offline');
    lose = false;
    // The tab is closed and opened again: a new client over the same database.
    const reopened = w.device({ storage: createIdbStorage(id) });
    await reopened.client.load();
    expect(reopened.client.getStatus().pending).toBe(1);
    let conflicts = 0;
    expect(
      (
        await reopened.client.synchronize('settings', {
          onConflict: (_d, c) => {
            conflicts += c.length;
            return false;
          },
        })
      ).ok,
    ).toBe(true);
    expect([conflicts, reopened.client.getStatus().pending]).toEqual([0, 0]);
    expect((await reopened.client.records('settings'))[0]).toMatchObject({
      value: 'dark',
      syncCount: 1,
      dirty: false,
    });
  });

  it('a tab closed after the pull but before the push loses nothing', async () => {
    const w = world();
    const id = `closed-${++n}`;
    const phone = w.device({
      storage: createIdbStorage(id),
      intercept: async (request, send) => {
        if (isUpdateRecords(request)) throw new TypeError('Failed to fetch');
        return send(request);
      },
    });
    await phone.client.put('settings', 'theme', 'dark');
    await phone.client.synchronize('settings');
    const reopened = w.device({ storage: createIdbStorage(id) });
    await reopened.client.synchronize('settings');
    const laptop = w.device();
    await laptop.client.synchronize('settings');
    expect(await laptop.client.getAll('settings')).toEqual({ theme: 'dark' });
  });
});

describe('sync client: identity changes, deletions and errors', () => {
  it('merges a guest’s data into the signed-in identity without losing either side', async () => {
    const w = world();
    const user = w.cloud.newIdentity();
    const laptop = createTestDevice(w.cloud, w.clock.now, { current: user, authenticated: true });
    await laptop.client.put('settings', 'theme', 'user-theme');
    await laptop.client.synchronize('settings');
    const who = { current: w.cloud.newIdentity(), authenticated: false };
    const phone = createTestDevice(w.cloud, w.clock.now, who);
    await phone.client.put('settings', 'theme', 'guest-theme');
    await phone.client.put('settings', 'draft', 'guest draft');
    await phone.client.synchronize('settings');
    const guestId = who.current.identityId;
    who.current = user;
    who.authenticated = true;
    const merged: string[][] = [];
    expect(
      (
        await phone.client.synchronize('settings', {
          onDatasetsMerged: (_d, names) => {
            merged.push(names);
            return true;
          },
        })
      ).ok,
    ).toBe(true);
    await laptop.client.synchronize('settings');
    expect(await laptop.client.getAll('settings')).toEqual({ theme: 'user-theme', draft: 'guest draft' });
    expect(merged).toEqual([[`settings.${guestId}`]]);
    expect(await phone.client.getAll(`settings.${guestId}`)).toEqual({
      theme: 'guest-theme',
      draft: 'guest draft',
    });
  });

  it('moves data written before the device had an identity to its first identity', async () => {
    const w = world();
    const phone = w.device();
    await phone.client.put('settings', 'theme', 'dark');
    await phone.client.synchronize('settings');
    expect(phone.client.getStatus()).toMatchObject({ identityId: w.alice.current.identityId, pending: 0 });
    expect(await phone.client.datasets()).toEqual(['settings']);
  });

  it('drops the synced copy of a dataset deleted in the cloud but keeps and pushes unsynced edits', async () => {
    const w = world();
    const phone = w.device();
    const laptop = w.device();
    await phone.client.put('settings', 'old', '1');
    await phone.client.synchronize('settings');
    await laptop.client.synchronize('settings');
    await laptop.client.deleteDataset('settings');
    await phone.client.put('settings', 'new', '2');
    const deleted: string[] = [];
    expect(
      (
        await phone.client.synchronize('settings', {
          onDatasetDeleted: (d) => {
            deleted.push(d);
            return true;
          },
        })
      ).ok,
    ).toBe(true);
    expect([deleted, await phone.client.getAll('settings')]).toEqual([['settings'], { new: '2' }]);
  });

  it('shows an IAM refusal as an error status with AWS code and message, keeping the edit', async () => {
    const w = world();
    w.cloud.deny('cognito-sync:ListRecords');
    const phone = w.device();
    await phone.client.put('settings', 'theme', 'dark');
    const outcome = await phone.client.synchronize('settings');
    expect(outcome.reason).toBe('failed');
    expect(phone.client.getStatus()).toMatchObject({ state: 'error', pending: 1 });
    expect(phone.client.getStatus().lastError).toMatch(
      /^AccessDeniedException: User: .* is not authorized to perform: cognito-sync:ListRecords/,
    );
  });
});

describe('sync client: two tabs that learn the identity at the same moment', () => {
  /** What the app gives: one task at a time across the tabs sharing a cache (Web Locks there). */
  function oneAtATime() {
    let tail: Promise<unknown> = Promise.resolve();
    return <T>(task: () => Promise<T>): Promise<T> => {
      const run = tail.then(task);
      tail = run.catch(() => undefined);
      return run;
    };
  }

  it('moves the edits made before sign-in once, leaving no merged copy pending', async () => {
    const { device, alice } = world();
    const base = createMemoryStorage();
    let moved: () => void = () => undefined;
    const identityMoved = new Promise<void>((resolve) => {
      moved = resolve;
    });
    const tellMoves: SyncStorage = {
      ...base,
      commit: async (batch) => {
        await base.commit(batch);
        if (batch.identity) moved();
      },
    };
    // Tab B looks for the signed-in identity's dataset only once tab A has moved its data there (or
    // 50 ms have passed): the interleaving that made a merged copy, seen in the app with two tabs.
    const lateLookups: SyncStorage = {
      ...tellMoves,
      getDataset: async (identityId, name) => {
        await Promise.race([identityMoved, new Promise((r) => setTimeout(r, 50))]);
        return base.getDataset(identityId, name);
      },
    };
    const exclusive = oneAtATime();
    const tabA = device({ storage: tellMoves, exclusive });
    const tabB = device({ storage: lateLookups, exclusive });
    await tabA.client.put('settings', 'from-a', 'alpha');
    await tabB.client.put('settings', 'from-b', 'beta');
    const outcomes = await Promise.all([
      tabA.client.synchronize('settings'),
      tabB.client.synchronize('settings'),
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
    const identityId = alice.current.identityId;
    expect((await base.listDatasets(identityId)).map((d) => d.name)).toEqual(['settings']);
    await Promise.all([tabA.client.load(), tabB.client.load()]);
    expect([tabA.client.getStatus().pending, tabB.client.getStatus().pending]).toEqual([0, 0]);
    const laptop = device();
    await laptop.client.synchronize('settings');
    expect(await laptop.client.getAll('settings')).toEqual({ 'from-a': 'alpha', 'from-b': 'beta' });
  });
});
