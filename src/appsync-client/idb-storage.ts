import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { AppSyncBatch, AppSyncStorage, ClientMeta } from './storage';
import type { LocalItem, OutboxEntry } from './types';

/**
 * The AppSync client's local store in IndexedDB, one database per simulated device, beside the
 * Cognito Sync databases (src/sync/idb-storage.ts) and following the same conventions: every `idb`
 * call is in this file, behind `withDb`, which opens (and upgrades), works and closes again, so a
 * reload or a second tab never finds the database held open.
 *
 * Changing a name below or the shape of a store needs a new APPSYNC_SCHEMA_VERSION and a step in
 * `upgrade` that carries the old data over: the outbox holds edits that exist nowhere else.
 */
export const APPSYNC_DB_PREFIX = 'identity-atlas-appsync-';
export const STORE_ITEMS = 'items';
export const STORE_OUTBOX = 'outbox';
export const STORE_META = 'meta';
/** v1: items (keyPath id), outbox (keyPath seq), meta (one record under META_KEY). */
export const APPSYNC_SCHEMA_VERSION = 1;
const META_KEY = 'client';

interface AppSyncDb extends DBSchema {
  items: { key: string; value: LocalItem };
  outbox: { key: number; value: OutboxEntry };
  meta: { key: string; value: ClientMeta };
}

export const appSyncDbName = (deviceId: string) => `${APPSYNC_DB_PREFIX}${deviceId}`;

export function createIdbAppSyncStorage(deviceId: string): AppSyncStorage {
  const name = appSyncDbName(deviceId);

  async function withDb<T>(work: (db: IDBPDatabase<AppSyncDb>) => Promise<T>): Promise<T> {
    const db = await openDB<AppSyncDb>(name, APPSYNC_SCHEMA_VERSION, {
      upgrade(database, oldVersion) {
        // Steps run in order and only add, so what older versions stored survives an upgrade.
        if (oldVersion < 1) {
          database.createObjectStore(STORE_ITEMS, { keyPath: 'id' });
          database.createObjectStore(STORE_OUTBOX, { keyPath: 'seq' });
          database.createObjectStore(STORE_META);
        }
      },
    });
    try {
      return await work(db);
    } finally {
      db.close();
    }
  }

  return {
    getMeta: () => withDb(async (db) => (await db.get(STORE_META, META_KEY)) ?? {}),
    listItems: () => withDb((db) => db.getAll(STORE_ITEMS)),
    // Keys are numbers, so getAll returns the queue in order.
    listOutbox: () => withDb((db) => db.getAll(STORE_OUTBOX)),
    commit: (batch: AppSyncBatch) =>
      withDb(async (db) => {
        // One readwrite transaction over the three stores: all of the batch or, on failure or a
        // closed tab, none of it. An outbox entry never disappears without its answer being stored.
        const tx = db.transaction([STORE_ITEMS, STORE_OUTBOX, STORE_META], 'readwrite');
        const items = tx.objectStore(STORE_ITEMS);
        const outbox = tx.objectStore(STORE_OUTBOX);
        const writes: Promise<unknown>[] = [];
        try {
          for (const id of batch.deleteItems ?? []) writes.push(items.delete(id));
          for (const item of batch.putItems ?? []) writes.push(items.put(item));
          for (const seq of batch.deleteOutbox ?? []) writes.push(outbox.delete(seq));
          for (const entry of batch.putOutbox ?? []) writes.push(outbox.put(entry));
          if (batch.meta) {
            const meta = tx.objectStore(STORE_META);
            const current = (await meta.get(META_KEY)) ?? {};
            writes.push(meta.put({ ...current, ...batch.meta }, META_KEY));
          }
        } catch (error) {
          tx.abort();
          await Promise.allSettled([...writes, tx.done]);
          throw error;
        }
        await Promise.all([...writes, tx.done]);
      }),
  };
}

/** Deletes a device's AppSync database (the "reset" of the view). */
export function deleteIdbAppSyncDevice(deviceId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(appSyncDbName(deviceId));
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => resolve();
  });
}
