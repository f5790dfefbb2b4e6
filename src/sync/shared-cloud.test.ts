import { describe, expect, it } from 'vitest';
import { createTestClock } from '../../tests/support/cloud-handler';
import {
  CREATE,
  field,
  graphql,
  headerParam,
  idTokenFor,
  recorder,
} from '../../tests/appsync/appsync-support';
import { type CloudSnapshot, createCloud } from '../sim/index';
import {
  type CloudAnnouncement,
  type CloudChannel,
  type CloudDisk,
  type LockManagerLike,
  openSharedCloud,
  type StoredCloud,
} from './shared-cloud';

/**
 * Two "tabs" of one browser profile: one disk (IndexedDB's stand-in), one lock manager shared by both
 * (Web Locks are per origin), and a channel that delivers each post to the other tabs a task later,
 * as BroadcastChannel does. Every tab builds its own engine, as a real tab does.
 */
function createProfile() {
  let stored: StoredCloud | undefined;
  const writes: number[] = [];
  const disk: CloudDisk = {
    version: async () => stored?.version ?? 0,
    read: async () => stored,
    async write(record) {
      // Yield like IndexedDB does, so a missing lock would let another tab slip in here.
      await new Promise((r) => setTimeout(r, 1));
      writes.push(record.version);
      stored = record;
    },
  };
  const tails = new Map<string, Promise<unknown>>();
  const locks: LockManagerLike = {
    request(name, callback) {
      const run = (tails.get(name) ?? Promise.resolve()).then(callback);
      tails.set(
        name,
        run.catch(() => undefined),
      );
      return run;
    },
  };
  const subscribers = new Set<{ owner: number; listener: (m: CloudAnnouncement) => void }>();
  let tabs = 0;
  const channelFor = (owner: number): CloudChannel => ({
    post(message) {
      for (const s of subscribers) if (s.owner !== owner) setTimeout(() => s.listener(message), 0);
    },
    subscribe(listener) {
      const entry = { owner, listener };
      subscribers.add(entry);
      return () => subscribers.delete(entry);
    },
  });
  const clock = createTestClock();
  const openTab = (withLocks = true) => {
    const id = ++tabs;
    return openSharedCloud({
      disk,
      locks: withLocks ? locks : undefined,
      channel: channelFor(id),
      createCloud: (snapshot?: CloudSnapshot) =>
        createCloud(snapshot ? { snapshot, now: clock.now } : { now: clock.now }),
    });
  };
  return { openTab, writes, stored: () => stored };
}

const settle = () => new Promise((r) => setTimeout(r, 20));

const LIST = /* GraphQL */ `query { listItems(limit: 100) { items { text } } }`;

describe('one cloud shared by the tabs of a profile', () => {
  it('two tabs opened at once build one cloud and agree on its version', async () => {
    const profile = createProfile();
    const [a, b] = await Promise.all([profile.openTab(), profile.openTab()]);
    expect(profile.writes).toEqual([1]);
    expect(a.version()).toBe(1);
    expect(b.version()).toBe(1);
  });

  it('two tabs interleaving writes lose nothing: every item is on disk and in both tabs', async () => {
    const profile = createProfile();
    const a = await profile.openTab();
    const b = await profile.openTab();
    const tokenA = await idTokenFor({ ...a.cloud, fetch: a.fetch }, 0);
    const tokenB = await idTokenFor({ ...b.cloud, fetch: b.fetch }, 1);
    const create = (tab: typeof a, token: string, text: string) =>
      graphql({ ...tab.cloud, fetch: tab.fetch }, { authorization: token }, CREATE, { input: { text } });
    await Promise.all(
      [0, 1, 2, 3, 4].flatMap((i) => [create(a, tokenA, `from A ${i}`), create(b, tokenB, `from B ${i}`)]),
    );
    const texts = async (tab: typeof a) =>
      field<{ items: { text: string }[] }>(
        await graphql({ ...tab.cloud, fetch: tab.fetch }, { authorization: tokenA }, LIST),
        'listItems',
      )
        .items.map((item) => item.text)
        .sort();
    const expected = [0, 1, 2, 3, 4].flatMap((i) => [`from A ${i}`, `from B ${i}`]).sort();
    expect(await texts(a)).toEqual(expected);
    expect(await texts(b)).toEqual(expected);
    // Versions only go up, one per cycle, and the disk holds the last one.
    const versions = profile.writes;
    expect(versions).toEqual([...versions].sort((x, y) => x - y));
    expect(new Set(versions).size).toBe(versions.length);
    expect(profile.stored()?.version).toBe(versions.at(-1));
  });

  it('a tab that has not acted for a while catches up before it handles a request', async () => {
    const profile = createProfile();
    const a = await profile.openTab();
    const b = await profile.openTab();
    const signUp = (tab: typeof a) =>
      tab.fetch(
        new Request(`https://cognito-idp.${a.cloud.demo.region}.amazonaws.com/`, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-amz-json-1.1',
            'x-amz-target': 'AWSCognitoIdentityProviderService.SignUp',
          },
          body: JSON.stringify({
            ClientId: a.cloud.demo.userPool.clientId,
            Username: 'two-tabs',
            Password: 'Two-Tabs-2026!',
            UserAttributes: [{ Name: 'email', Value: 'two-tabs@example.test' }],
          }),
        }),
      );
    expect((await signUp(a)).status).toBe(200);
    const second = await signUp(b);
    expect(second.status).toBe(400);
    expect(((await second.json()) as { __type: string }).__type).toBe('UsernameExistsException');
  });

  it("hands another tab's AppSync subscription events to this tab's subscribers, and says so", async () => {
    const profile = createProfile();
    const a = await profile.openTab();
    const b = await profile.openTab();
    let remoteChanges = 0;
    b.onRemoteChange(() => remoteChanges++);
    const app = b.cloud.demo.appSync as NonNullable<typeof b.cloud.demo.appSync>;
    const host = new URL(app.url).host;
    const bob = await idTokenFor({ ...b.cloud, fetch: b.fetch }, 1);
    const socket = await b.connect(
      `${app.realtimeUrl}?header=${headerParam({ host, Authorization: bob })}&payload=e30=`,
      'graphql-ws',
    );
    const seen = recorder(socket);
    await new Promise<void>((resolve) => {
      socket.onopen = () => resolve();
      if (socket.readyState === 1) resolve();
    });
    socket.send(JSON.stringify({ type: 'connection_init' }));
    socket.send(
      JSON.stringify({
        id: 'live',
        type: 'start',
        payload: {
          data: JSON.stringify({ query: 'subscription { onCreateItem { id text } }' }),
          extensions: { authorization: { host, Authorization: bob } },
        },
      }),
    );
    await seen.until((m) => m.type === 'start_ack');
    const token = await idTokenFor({ ...a.cloud, fetch: a.fetch }, 0);
    await graphql({ ...a.cloud, fetch: a.fetch }, { authorization: token }, CREATE, {
      input: { text: 'made in A' },
    });
    const data = await seen.until((m) => m.type === 'data');
    expect((data.payload as { data: { onCreateItem: { text: string } } }).data.onCreateItem.text).toBe(
      'made in A',
    );
    await settle();
    expect(remoteChanges).toBeGreaterThan(0);
    expect(b.version()).toBe(a.version());
  });

  it('without navigator.locks a single tab still runs its requests one cycle at a time', async () => {
    const profile = createProfile();
    const tab = await profile.openTab(false);
    const token = await idTokenFor({ ...tab.cloud, fetch: tab.fetch }, 0);
    await Promise.all(
      [0, 1, 2].map((i) =>
        graphql({ ...tab.cloud, fetch: tab.fetch }, { authorization: token }, CREATE, {
          input: { text: `solo ${i}` },
        }),
      ),
    );
    const state = JSON.parse(profile.stored()?.snapshot.state ?? '{}');
    const items = Object.values(state.appsync.apis[tab.cloud.demo.appSync?.apiId as string].items) as {
      text: string;
    }[];
    expect(items.map((i) => i.text).sort()).toEqual(['solo 0', 'solo 1', 'solo 2']);
    expect(tab.version()).toBe(profile.stored()?.version);
  });

  it('a change made outside a request (the conflict handler) reaches the other tab', async () => {
    const profile = createProfile();
    const a = await profile.openTab();
    const b = await profile.openTab();
    await a.change((cloud) => cloud.demo.appSync?.setConflictHandler('OPTIMISTIC_CONCURRENCY'));
    await settle();
    expect(b.cloud.demo.appSync?.getConflictHandler()).toBe('OPTIMISTIC_CONCURRENCY');
  });
});
