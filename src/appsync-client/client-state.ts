import type { AppSyncBatch, AppSyncStorage, ClientMeta } from './storage';
import type { ClientEvent, ClientStatus, LocalItem, OutboxEntry } from './types';

/**
 * The in-memory mirror of one device's AppSync storage, shared by the three processors. Every change
 * goes through `commit`, which writes storage first and then the mirror, so the mirror never shows
 * something a reload would lose. Changes run one at a time through `exclusive`.
 */
export interface ClientState {
  /** The local items, by id: the server's copy with this device's pending changes applied on top. */
  readonly items: Map<string, LocalItem>;
  /** Pending mutations, sorted by `seq`; the mutation processor sends the first sendable one. */
  outbox: OutboxEntry[];
  /** lastSync, lastFullSync and the next outbox seq, as stored. */
  meta: ClientMeta;
  /** What the device panel shows; `lastSync` always equals `meta.lastSync ?? null` after a commit. */
  readonly status: ClientStatus;
  readonly listeners: Set<() => void>;
  readonly eventListeners: Set<(event: ClientEvent) => void>;
  /** Tells the state listeners something changed. */
  changed(): void;
  /** Sends an event to the event listeners, then tells the state listeners. */
  emit(event: ClientEvent): void;
  setState(state: ClientStatus['state'], lastError?: string): void;
  /** Storage changes run one at a time, so an edit never interleaves with an answer being recorded. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** Settles when every queued `exclusive` run has. */
  settled(): Promise<unknown>;
  commit(batch: AppSyncBatch): Promise<void>;
  /** Reads storage into the mirror, once; every later call returns the same promise. */
  load(): Promise<void>;
}

export function createClientState(storage: AppSyncStorage): ClientState {
  let lock: Promise<unknown> = Promise.resolve();
  let loaded: Promise<void> | undefined;
  const state: ClientState = {
    items: new Map(),
    outbox: [],
    meta: {},
    status: { state: 'idle', connection: 'closed', lastSync: null },
    listeners: new Set(),
    eventListeners: new Set(),
    changed() {
      for (const l of state.listeners) l();
    },
    emit(event) {
      for (const l of state.eventListeners) l(event);
      state.changed();
    },
    setState(next, lastError) {
      state.status.state = next;
      state.status.lastError = lastError;
      state.changed();
    },
    exclusive<T>(work: () => Promise<T>): Promise<T> {
      const run = lock.then(work, work);
      lock = run.catch(() => undefined);
      return run;
    },
    settled: () => lock,
    async commit(batch) {
      await storage.commit(batch);
      for (const id of batch.deleteItems ?? []) state.items.delete(id);
      for (const item of batch.putItems ?? []) state.items.set(item.id, item);
      const gone = new Set(batch.deleteOutbox ?? []);
      const put = new Map((batch.putOutbox ?? []).map((e) => [e.seq, e]));
      const kept = state.outbox.filter((e) => !gone.has(e.seq) && !put.has(e.seq));
      state.outbox = [...kept, ...put.values()].sort((a, b) => a.seq - b.seq);
      if (batch.meta) state.meta = { ...state.meta, ...batch.meta };
      state.status.lastSync = state.meta.lastSync ?? null;
      state.changed();
    },
    load() {
      loaded ??= (async () => {
        const [stored, queue, m] = await Promise.all([
          storage.listItems(),
          storage.listOutbox(),
          storage.getMeta(),
        ]);
        for (const item of stored) state.items.set(item.id, item);
        state.outbox = queue;
        state.meta = m;
        state.status.lastSync = state.meta.lastSync ?? null;
        state.changed();
      })();
      return loaded;
    },
  };
  return state;
}
