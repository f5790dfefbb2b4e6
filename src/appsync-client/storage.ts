import type { LocalItem, OutboxEntry } from './types';

/**
 * The device's local store for the AppSync client, behind one interface: IndexedDB in the browser
 * (idb-storage.ts) and memory for tests and browsers without IndexedDB. `commit` is atomic: a
 * mutation's answer, the outbox removal and the rebased later entries are stored together or not at all.
 */
export interface ClientMeta {
  /** `startedAt` of the last completed sync: the next delta sync's `lastSync`. */
  lastSync?: number;
  /** When the last base (full) sync completed; DataStore repeats a full sync after `fullSyncInterval`. */
  lastFullSync?: number;
  /** Next outbox sequence number. */
  nextSeq?: number;
}

export interface AppSyncBatch {
  putItems?: LocalItem[];
  deleteItems?: string[];
  putOutbox?: OutboxEntry[];
  deleteOutbox?: number[];
  meta?: ClientMeta;
}

export interface AppSyncStorage {
  getMeta(): Promise<ClientMeta>;
  listItems(): Promise<LocalItem[]>;
  /** Ordered by `seq`. */
  listOutbox(): Promise<OutboxEntry[]>;
  commit(batch: AppSyncBatch): Promise<void>;
}

const clone = <T>(value: T): T => structuredClone(value);

/** In-memory storage (tests, and a fallback where IndexedDB is unavailable). */
export function createMemoryAppSyncStorage(): AppSyncStorage {
  const items = new Map<string, LocalItem>();
  const outbox = new Map<number, OutboxEntry>();
  let meta: ClientMeta = {};
  return {
    getMeta: async () => clone(meta),
    listItems: async () => [...items.values()].map(clone),
    listOutbox: async () => [...outbox.values()].sort((a, b) => a.seq - b.seq).map(clone),
    async commit(batch) {
      for (const id of batch.deleteItems ?? []) items.delete(id);
      for (const item of batch.putItems ?? []) items.set(item.id, clone(item));
      for (const seq of batch.deleteOutbox ?? []) outbox.delete(seq);
      for (const entry of batch.putOutbox ?? []) outbox.set(entry.seq, clone(entry));
      if (batch.meta) meta = { ...meta, ...clone(batch.meta) };
    },
  };
}
