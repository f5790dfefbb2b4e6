import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import { checkBatch, type StorageBatch, StorageError, StorageProblem, type SyncStorage } from './storage';
import type { DeviceIdentity, LocalDataset, LocalRecord } from './types';

/**
 * The local cache in IndexedDB: one database per simulated device. Every `idb` call of the sync client
 * lives in this file, behind `withDb`, which opens (and upgrades) the database, runs one piece of
 * work and closes it again, so a reload, a second tab or a crash never finds it held open.
 *
 * Changing a name below, or the shape of a store, needs a new SCHEMA_VERSION and a step in `upgrade`
 * that carries the old data over: devices keep their databases across releases, and unsynced records
 * live only there.
 */
export const SYNC_DB_PREFIX = 'identity-atlas-sync-';
export const STORE_META = 'meta';
export const STORE_DATASETS = 'datasets';
export const STORE_RECORDS = 'records';
/** v1: meta (identity), datasets [identityId, name], records [identityId, dataset, key]. */
export const SCHEMA_VERSION = 1;

interface SyncDb extends DBSchema {
  meta: { key: string; value: DeviceIdentity };
  datasets: { key: [string, string]; value: LocalDataset };
  records: { key: [string, string, string]; value: LocalRecord };
}

type WriteTx = IDBPTransaction<SyncDb, ('meta' | 'datasets' | 'records')[], 'readwrite'>;

const datasetRange = (identityId: string, dataset: string) =>
  IDBKeyRange.bound([identityId, dataset, ''], [identityId, dataset, []]);

export const syncDbName = (deviceId: string) => `${SYNC_DB_PREFIX}${deviceId}`;

export interface IdbStorageOptions {
  /** Open at another schema version (tests of upgrades and of a blocked open). Defaults to SCHEMA_VERSION. */
  version?: number;
}

export function createIdbStorage(deviceId: string, options: IdbStorageOptions = {}): SyncStorage {
  const name = syncDbName(deviceId);
  const version = options.version ?? SCHEMA_VERSION;

  async function withDb<T>(work: (db: IDBPDatabase<SyncDb>) => Promise<T>): Promise<T> {
    if (typeof indexedDB === 'undefined') {
      throw new StorageError(
        StorageProblem.unavailable,
        'This browser offers no IndexedDB, so the device cannot keep data offline.',
      );
    }
    let db: IDBPDatabase<SyncDb>;
    try {
      db = await new Promise<IDBPDatabase<SyncDb>>((resolve, reject) => {
        openDB<SyncDb>(name, version, {
          upgrade(database, oldVersion) {
            // Version steps run in order; each one only adds, so data written by older versions survives.
            if (oldVersion < 1) {
              database.createObjectStore(STORE_META);
              database.createObjectStore(STORE_DATASETS, { keyPath: ['identityId', 'name'] });
              database.createObjectStore(STORE_RECORDS, { keyPath: ['identityId', 'dataset', 'key'] });
            }
          },
          blocked() {
            reject(
              new StorageError(
                StorageProblem.blocked,
                'The device storage is held open by another tab with an older version. Close the other tab; nothing was lost.',
              ),
            );
          },
        }).then(resolve, reject);
      });
    } catch (error) {
      throw toStorageError(error, 'The device storage could not be opened');
    }
    try {
      return await work(db);
    } catch (error) {
      throw toStorageError(error, 'The device storage refused the operation');
    } finally {
      db.close();
    }
  }

  return {
    getIdentity: () => withDb((db) => db.get(STORE_META, 'identity')),
    getDataset: (identityId, dataset) => withDb((db) => db.get(STORE_DATASETS, [identityId, dataset])),
    listDatasets: (identityId) =>
      withDb((db) => db.getAll(STORE_DATASETS, IDBKeyRange.bound([identityId, ''], [identityId, []]))),
    getRecord: (identityId, dataset, key) =>
      withDb((db) => db.get(STORE_RECORDS, [identityId, dataset, key])),
    listRecords: (identityId, dataset) =>
      withDb((db) => db.getAll(STORE_RECORDS, datasetRange(identityId, dataset))),
    async commit(batch: StorageBatch) {
      checkBatch(batch);
      return withDb((db) => apply(writeTransaction(db), batch));
    },
    updateDataset: (identityId, dataset, decide) =>
      withDb(async (db) => {
        // The read and the write share one readwrite transaction, so IndexedDB lets no other commit
        // (another tab's) in between. Only IndexedDB requests are awaited here, which keeps it open.
        const tx = writeTransaction(db);
        let batch: StorageBatch;
        try {
          const [records, row] = await Promise.all([
            tx.objectStore(STORE_RECORDS).getAll(datasetRange(identityId, dataset)),
            tx.objectStore(STORE_DATASETS).get([identityId, dataset]),
          ]);
          batch = decide(records, row);
          checkBatch(batch);
        } catch (error) {
          tx.abort();
          await tx.done.catch(() => undefined);
          throw error;
        }
        await apply(tx, batch);
      }),
    async close() {},
  };
}

/**
 * One readwrite transaction over every store: IndexedDB applies all of it or, if anything fails or the
 * tab dies first, none of it. This is what keeps a crash mid-write from losing data.
 */
function writeTransaction(db: IDBPDatabase<SyncDb>): WriteTx {
  return db.transaction([STORE_META, STORE_DATASETS, STORE_RECORDS], 'readwrite');
}

/** Queues a checked batch in `tx` and waits for the transaction to commit. */
async function apply(tx: WriteTx, batch: StorageBatch): Promise<void> {
  const meta = tx.objectStore(STORE_META);
  const datasets = tx.objectStore(STORE_DATASETS);
  const records = tx.objectStore(STORE_RECORDS);
  const writes: Promise<unknown>[] = [];
  try {
    if (batch.identity) writes.push(meta.put(batch.identity, 'identity'));
    for (const d of batch.deleteDatasets ?? []) {
      writes.push(
        datasets.delete([d.identityId, d.name]),
        records.delete(datasetRange(d.identityId, d.name)),
      );
    }
    for (const d of batch.putDatasets ?? []) writes.push(datasets.put(d));
    for (const r of batch.deleteRecords ?? []) writes.push(records.delete([r.identityId, r.dataset, r.key]));
    for (const r of batch.putRecords ?? []) writes.push(records.put(r));
  } catch (error) {
    // A request that throws (quota, bad key) does not abort the transaction by itself; the requests
    // already queued would still commit. Abort so the batch stays all-or-nothing.
    tx.abort();
    await Promise.allSettled([...writes, tx.done]);
    throw error;
  }
  await Promise.all([...writes, tx.done]);
}

function toStorageError(error: unknown, context: string): StorageError {
  if (error instanceof StorageError) return error;
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') {
    return new StorageError(
      StorageProblem.quota,
      'The device storage is full (QuotaExceededError). The last change was not saved; everything saved before is intact.',
      { cause: error },
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new StorageError(StorageProblem.unavailable, `${context}: ${detail}`, { cause: error });
}

/** Deletes a device's database (removing a device from the view). */
export function deleteIdbDevice(deviceId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(syncDbName(deviceId));
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => resolve();
  });
}
