import { isNetworkFailure } from '../lib/network-failure';
import { createClientState } from './client-state';
import { toLocal } from './merger';
import { createMutationProcessor } from './mutation-processor';
import { type GraphqlReply, postGraphql, RequestRefused } from './operations';
import { enqueue } from './outbox';
import type { ProcessorContext } from './processor-context';
import type { Connect } from './realtime-connection';
import type { AppSyncStorage } from './storage';
import { createSubscriptionProcessor } from './subscription-processor';
import { createSyncProcessor } from './sync-processor';
import type {
  AppSyncAuth,
  ClientEvent,
  ClientStatus,
  ConflictChoice,
  ItemFields,
  ItemPatch,
  LocalItem,
  OutboxEntry,
} from './types';

/**
 * An offline-first AppSync client for one device, modelled on Amplify DataStore (docs/aws-reference.md §10.5):
 * local writes apply at once and join a persistent outbox; a mutation processor sends the outbox one
 * entry at a time, in order, while the device is online; a sync processor runs a base sync (no
 * lastSync, or after `fullSyncIntervalMs`) or a delta sync (lastSync = the previous `startedAt`); a
 * subscription processor applies other devices' changes as they arrive. Incoming records never
 * overwrite an item with a pending outbox entry (the merger rule).
 *
 * Each processor has its module: `mutation-processor.ts`, `sync-processor.ts`,
 * `subscription-processor.ts`, over the shared mirror of storage in `client-state.ts`. This file
 * wires them together and holds the local operations (create, update, remove, resolve a conflict).
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

export function createAppSyncClient(options: AppSyncClientOptions) {
  const { storage, now } = options;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const state = createClientState(storage);
  const { items, status, exclusive, commit, emit, setState, load } = state;
  /** Set once by `stop()`: no more outbox sends, no new realtime connection. */
  let stopped = false;
  const isStopped = () => stopped;
  const online = () => options.network?.isOnline() ?? true;

  const query = (document: string, variables: Record<string, unknown>): Promise<GraphqlReply> =>
    postGraphql(options.fetch, options.url, options.auth, document, variables);

  /** Runs network work; a network failure means "offline", a refusal means "error" — never a crash. */
  async function guarded(next: 'syncing' | 'sending', work: () => Promise<void>): Promise<boolean> {
    if (!online()) {
      setState('offline');
      return false;
    }
    setState(next);
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

  const ctx: ProcessorContext = { query, guarded, online, now };
  const mutations = createMutationProcessor(state, ctx, isStopped);
  const subscriptions = createSubscriptionProcessor(state, ctx, options, isStopped);
  const syncer = createSyncProcessor(state, ctx, (item) => subscriptions.applyIncoming(item), options);
  const flush = mutations.flush;
  const sync = syncer.sync;

  async function localChange(
    change: Omit<OutboxEntry, 'seq' | 'attempts' | 'createdAt'>,
    item: LocalItem | undefined,
  ) {
    await load();
    await exclusive(async () => {
      const seq = state.meta.nextSeq ?? 1;
      const { put, remove } = enqueue(state.outbox, change, seq, now());
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

  /** Coming back online: subscriptions first (so nothing is missed), then a delta sync, then the outbox. */
  async function reconnect(): Promise<void> {
    await subscriptions.connectRealtime();
    await sync();
    await flush();
  }

  /** The reconnect started by the network coming back, until it settles. */
  let reconnecting: Promise<void> | undefined;
  const unsubscribeNetwork = options.network?.subscribe(() => {
    if (online()) {
      const run = reconnect().finally(() => {
        if (reconnecting === run) reconnecting = undefined;
      });
      reconnecting = run;
    } else {
      setState('offline');
      subscriptions.close();
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
        const waiting = state.outbox.find((e) => e.itemId === itemId && e.conflict);
        if (!waiting?.conflict) return;
        const server = waiting.conflict.server;
        const mine = state.outbox.filter((e) => e.itemId === itemId);
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
    outbox: (): OutboxEntry[] => state.outbox.map((e) => ({ ...e })),
    getStatus: (): ClientStatus => ({ ...status }),
    /** State changes (items, outbox, status). */
    subscribe(listener: () => void) {
      state.listeners.add(listener);
      return () => state.listeners.delete(listener);
    },
    onEvent(listener: (event: ClientEvent) => void) {
      state.eventListeners.add(listener);
      return () => state.eventListeners.delete(listener);
    },
    /** Waits for the outbox processor to go idle (tests, the guided scenario). */
    idle: async () => {
      await load();
      while (reconnecting) await reconnecting;
      for (let running = mutations.running(); running; running = mutations.running()) await running;
      await state.settled();
    },
    stop() {
      stopped = true;
      unsubscribeNetwork?.();
      subscriptions.close();
    },
  };
}
