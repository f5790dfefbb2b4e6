import { decideIncoming, toLocal } from './merger';
import {
  asItem,
  GET_ITEM,
  type GraphqlReply,
  isNetworkFailure,
  postGraphql,
  RequestRefused,
  SYNC_ITEMS,
} from './operations';
import { enqueue, overlay, rebaseLater } from './outbox';
import { type Connect, openSubscriptions } from './realtime-connection';
import { replayEntry } from './replay';
import type { AppSyncStorage, ClientMeta } from './storage';
import type {
  AppSyncAuth,
  ClientEvent,
  ClientStatus,
  ConflictChoice,
  ItemFields,
  ItemPatch,
  LocalItem,
  OutboxEntry,
  ServerItem,
} from './types';

/**
 * An offline-first AppSync client for one device, modelled on Amplify DataStore (reference 10.5):
 * local writes apply at once and join a persistent outbox; a mutation processor sends the outbox one
 * entry at a time, in order, while the device is online; a sync processor runs a base sync (no
 * lastSync, or after `fullSyncIntervalMs`) or a delta sync (lastSync = the previous `startedAt`); a
 * subscription processor applies other devices' changes as they arrive. Incoming records never
 * overwrite an item with a pending outbox entry (the merger rule).
 *
 * @example
 * const client = createAppSyncClient({ url, realtimeUrl, fetch: device.fetch, connect: device.connect,
 *   storage: createIdbAppSyncStorage('alice-laptop'), now: Date.now, auth: userPoolAuth(getIdToken),
 *   network: device });
 * await client.start();
 * await client.create({ text: 'Buy milk' });
 */
export interface AppSyncClientOptions {
  url: string;
  realtimeUrl: string;
  fetch: (request: Request) => Promise<Response>;
  connect: Connect;
  storage: AppSyncStorage;
  now: () => number;
  auth: AppSyncAuth;
  /** Client-chosen item ids (they make a retried create idempotent). Default crypto.randomUUID. */
  newId?: () => string;
  /** The device's online switch; without it the client finds out from failing requests. */
  network?: { isOnline(): boolean; subscribe(listener: () => void): () => void };
  /** DataStore's fullSyncInterval (default one day). */
  fullSyncIntervalMs?: number;
  syncPageSize?: number;
}

export type AppSyncClient = ReturnType<typeof createAppSyncClient>;

const DAY_MS = 24 * 60 * 60_000;

export function createAppSyncClient(options: AppSyncClientOptions) {
  const { storage, now } = options;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const items = new Map<string, LocalItem>();
  let outbox: OutboxEntry[] = [];
  let meta: ClientMeta = {};
  const status: ClientStatus = { state: 'idle', connection: 'closed', lastSync: null };
  const listeners = new Set<() => void>();
  const eventListeners = new Set<(event: ClientEvent) => void>();
  let loaded: Promise<void> | undefined;
  let flushing: Promise<void> | undefined;
  let realtime: { close(): void } | undefined;
  let stopped = false;
  let lock: Promise<unknown> = Promise.resolve();

  const changed = () => {
    for (const l of listeners) l();
  };
  const emit = (event: ClientEvent) => {
    for (const l of eventListeners) l(event);
    changed();
  };
  const setState = (state: ClientStatus['state'], lastError?: string) => {
    status.state = state;
    status.lastError = lastError;
    changed();
  };
  const online = () => options.network?.isOnline() ?? true;

  /** Storage changes run one at a time, so an edit never interleaves with an answer being recorded. */
  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = lock.then(work, work);
    lock = run.catch(() => undefined);
    return run;
  }

  async function commit(batch: Parameters<AppSyncStorage['commit']>[0]) {
    await storage.commit(batch);
    for (const id of batch.deleteItems ?? []) items.delete(id);
    for (const item of batch.putItems ?? []) items.set(item.id, item);
    const gone = new Set(batch.deleteOutbox ?? []);
    const put = new Map((batch.putOutbox ?? []).map((e) => [e.seq, e]));
    outbox = outbox.filter((e) => !gone.has(e.seq) && !put.has(e.seq));
    outbox = [...outbox, ...put.values()].sort((a, b) => a.seq - b.seq);
    if (batch.meta) meta = { ...meta, ...batch.meta };
    status.lastSync = meta.lastSync ?? null;
    changed();
  }

  function load(): Promise<void> {
    loaded ??= (async () => {
      const [stored, queue, m] = await Promise.all([
        storage.listItems(),
        storage.listOutbox(),
        storage.getMeta(),
      ]);
      for (const item of stored) items.set(item.id, item);
      outbox = queue;
      meta = m;
      status.lastSync = meta.lastSync ?? null;
      changed();
    })();
    return loaded;
  }

  const query = (document: string, variables: Record<string, unknown>): Promise<GraphqlReply> =>
    postGraphql(options.fetch, options.url, options.auth, document, variables);

  /** Runs network work; a network failure means "offline", a refusal means "error" — never a crash. */
  async function guarded(state: 'syncing' | 'sending', work: () => Promise<void>): Promise<boolean> {
    if (!online()) {
      setState('offline');
      return false;
    }
    setState(state);
    try {
      await work();
      setState('idle');
      return true;
    } catch (error) {
      if (isNetworkFailure(error)) setState('offline', 'The device is offline (Failed to fetch).');
      else if (error instanceof RequestRefused) setState('error', error.message);
      else setState('error', (error as Error).message);
      return false;
    }
  }

  async function localChange(
    change: Omit<OutboxEntry, 'seq' | 'attempts' | 'createdAt'>,
    item: LocalItem | undefined,
  ) {
    await load();
    await exclusive(async () => {
      const seq = meta.nextSeq ?? 1;
      const { put, remove } = enqueue(outbox, change, seq, now());
      await commit({
        putItems: item ? [item] : undefined,
        deleteItems: item ? undefined : [change.itemId],
        putOutbox: put ? [put] : undefined,
        deleteOutbox: remove,
        meta: { nextSeq: seq + 1 },
      });
    });
    void flush();
  }

  async function applyIncoming(incoming: ServerItem, field?: string) {
    await exclusive(async () => {
      const decision = decideIncoming(incoming, items.get(incoming.id), outbox);
      if (decision.apply) {
        await commit(incoming._deleted ? { deleteItems: [incoming.id] } : { putItems: [toLocal(incoming)] });
      }
      if (field) {
        emit({
          type: 'subscription-data',
          field,
          item: incoming,
          applied: decision.apply,
          reason: decision.apply ? 'applied' : decision.reason,
        });
      }
    });
  }

  const ports = {
    query,
    markSent: (entry: OutboxEntry) =>
      exclusive(async () => {
        const sent = { ...entry, attempts: entry.attempts + 1 };
        await commit({ putOutbox: [sent] });
        return sent;
      }),
    recordAnswer: (entry: OutboxEntry, server: ServerItem) =>
      exclusive(async () => {
        const later = rebaseLater(outbox, entry, server);
        const local = server._deleted ? undefined : overlay(server, later);
        await commit({
          deleteOutbox: [entry.seq],
          putOutbox: later,
          ...(local
            ? { putItems: [{ ...local, _version: server._version, _lastChangedAt: server._lastChangedAt }] }
            : { deleteItems: [entry.itemId] }),
        });
      }),
    recordConflict: (entry: OutboxEntry, server: ServerItem) =>
      exclusive(async () => {
        // The answer is recorded, so the entry is no longer "maybe delivered": attempts go back to 0.
        const waiting = { ...entry, attempts: 0, conflict: { server, at: now() } };
        await commit({ putOutbox: [waiting] });
        emit({ type: 'conflict', entry: waiting, local: items.get(entry.itemId), server });
      }),
    recordRejection: (entry: OutboxEntry, errorType: string, message: string) =>
      exclusive(async () => {
        await commit({ deleteOutbox: [entry.seq] });
        emit({ type: 'rejected', entry, errorType, message });
      }).then(() => refetch(entry.itemId)),
    emit,
  };

  /** After a rejected change, put the server's copy back (unless more local changes wait). */
  async function refetch(id: string) {
    const reply = await query(GET_ITEM, { id });
    const server = asItem(reply.data?.getItem);
    await exclusive(async () => {
      if (outbox.some((e) => e.itemId === id)) return;
      await commit(server && !server._deleted ? { putItems: [toLocal(server)] } : { deleteItems: [id] });
    });
  }

  const sendable = () =>
    outbox.find(
      (e) => !e.conflict && !outbox.some((o) => o.seq < e.seq && o.itemId === e.itemId && o.conflict),
    );

  function flush(): Promise<void> {
    if (flushing) return flushing;
    flushing = (async () => {
      await load();
      while (!stopped) {
        const next = sendable();
        if (!next) break;
        const ok = await guarded('sending', () => replayEntry(next, ports));
        if (!ok) break;
      }
    })().finally(() => {
      flushing = undefined;
    });
    return flushing;
  }

  async function sync(): Promise<void> {
    await load();
    await guarded('syncing', async () => {
      const full =
        meta.lastSync === undefined ||
        meta.lastFullSync === undefined ||
        now() - meta.lastFullSync > (options.fullSyncIntervalMs ?? DAY_MS);
      let nextToken: string | null = null;
      let startedAt: number | undefined;
      let count = 0;
      do {
        const reply = await query(SYNC_ITEMS, {
          limit: options.syncPageSize ?? 1000,
          nextToken,
          lastSync: full ? null : meta.lastSync,
        });
        const page = reply.data?.syncItems as {
          items: ServerItem[];
          nextToken: string | null;
          startedAt: number;
        } | null;
        if (!page) throw new Error(reply.errors[0]?.message ?? 'syncItems returned no data');
        // startedAt of the FIRST page is the next lastSync (reference 10.4).
        startedAt ??= page.startedAt;
        for (const item of page.items) await applyIncoming(item);
        count += page.items.length;
        nextToken = page.nextToken;
      } while (nextToken);
      const finished = startedAt ?? now();
      await exclusive(() =>
        commit({ meta: { lastSync: finished, ...(full ? { lastFullSync: finished } : {}) } }),
      );
      emit({ type: 'synced', mode: full ? 'base' : 'delta', count, startedAt: finished });
    });
  }

  async function connectRealtime(): Promise<void> {
    if (realtime || status.connection !== 'closed' || !online() || stopped) return;
    try {
      realtime = await openSubscriptions(options.connect, options.realtimeUrl, options.url, options.auth, {
        onData: (field, item) => void applyIncoming(item, field),
        onState: (state, detail) => {
          status.connection = state;
          if (state === 'closed') realtime = undefined;
          emit({ type: 'connection', state, detail });
        },
      });
    } catch (error) {
      status.connection = 'closed';
      realtime = undefined;
      emit({ type: 'connection', state: 'closed', detail: (error as Error).message });
    }
  }

  /** Coming back online: subscriptions first (so nothing is missed), then a delta sync, then the outbox. */
  async function reconnect(): Promise<void> {
    await connectRealtime();
    await sync();
    await flush();
  }

  let reconnecting: Promise<void> | undefined;
  const unsubscribeNetwork = options.network?.subscribe(() => {
    if (online()) {
      const run = reconnect().finally(() => {
        if (reconnecting === run) reconnecting = undefined;
      });
      reconnecting = run;
    } else {
      setState('offline');
      realtime?.close();
    }
  });

  return {
    start: async () => {
      await load();
      if (online()) await reconnect();
      else setState('offline');
    },
    /** Adds an item locally and queues its create. Returns the client-chosen id. */
    async create(fields: Pick<ItemFields, 'text'> & Partial<ItemFields>): Promise<string> {
      const id = newId();
      const full: ItemFields = { text: fields.text, done: fields.done ?? false, tags: fields.tags ?? [] };
      const item: LocalItem = {
        id,
        ...full,
        owner: null,
        _version: null,
        _lastChangedAt: null,
        _deleted: false,
      };
      await localChange({ kind: 'create', itemId: id, fields: full, baseVersion: null }, item);
      return id;
    },
    async update(id: string, patch: ItemPatch): Promise<void> {
      await load();
      const current = items.get(id);
      if (!current) throw new Error(`No local item ${id}`);
      await localChange(
        { kind: 'update', itemId: id, fields: patch, baseVersion: current._version },
        { ...current, ...patch },
      );
    },
    async remove(id: string): Promise<void> {
      await load();
      const current = items.get(id);
      if (!current) throw new Error(`No local item ${id}`);
      await localChange({ kind: 'delete', itemId: id, fields: {}, baseVersion: current._version }, undefined);
    },
    /**
     * Answers a ConflictUnhandled: `discard-local` takes the server's item and drops the pending
     * changes; `reapply-local` sends the same changes again on the server's version.
     */
    async resolveConflict(itemId: string, choice: ConflictChoice): Promise<void> {
      await load();
      await exclusive(async () => {
        const waiting = outbox.find((e) => e.itemId === itemId && e.conflict);
        if (!waiting?.conflict) return;
        const server = waiting.conflict.server;
        const mine = outbox.filter((e) => e.itemId === itemId);
        if (choice === 'discard-local') {
          await commit({
            deleteOutbox: mine.map((e) => e.seq),
            ...(server._deleted ? { deleteItems: [itemId] } : { putItems: [toLocal(server)] }),
          });
        } else {
          const rebased = mine.map((e) => ({ ...e, conflict: undefined, baseVersion: server._version }));
          const local = items.get(itemId);
          await commit({
            putOutbox: rebased,
            putItems: local
              ? [{ ...local, _version: server._version, _lastChangedAt: server._lastChangedAt }]
              : undefined,
          });
        }
        emit({ type: 'conflict-resolved', itemId, choice });
      });
      void flush();
    },
    sync,
    flush,
    reconnect,
    items: (): LocalItem[] => [...items.values()],
    outbox: (): OutboxEntry[] => outbox.map((e) => ({ ...e })),
    getStatus: (): ClientStatus => ({ ...status }),
    /** State changes (items, outbox, status). */
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onEvent(listener: (event: ClientEvent) => void) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    /** Waits for the outbox processor to go idle (tests, the guided scenario). */
    idle: async () => {
      await load();
      while (reconnecting) await reconnecting;
      while (flushing) await flushing;
      await lock;
    },
    stop() {
      stopped = true;
      unsubscribeNetwork?.();
      realtime?.close();
    },
  };
}
