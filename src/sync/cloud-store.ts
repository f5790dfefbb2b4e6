import { openDB } from 'idb';
import type { CloudSnapshot } from '../sim/index';

/**
 * Keeps the simulated cloud in IndexedDB so the "server" survives a reload like the devices do.
 * `cloud.snapshot()` is structured-cloneable (JSON state plus non-extractable CryptoKeys), so it is
 * stored as is. Changing these names or the record shape needs a new version and an upgrade step.
 */
export const CLOUD_DB_NAME = 'identity-atlas-cloud';
export const CLOUD_STORE = 'snapshots';
export const CLOUD_DB_VERSION = 1;
const CLOUD_KEY = 'current';

async function withCloudDb<T>(work: (db: Awaited<ReturnType<typeof openDB>>) => Promise<T>): Promise<T> {
  const db = await openDB(CLOUD_DB_NAME, CLOUD_DB_VERSION, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) database.createObjectStore(CLOUD_STORE);
    },
  });
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

export function saveCloudSnapshot(snapshot: CloudSnapshot): Promise<void> {
  return withCloudDb(async (db) => {
    await db.put(CLOUD_STORE, snapshot, CLOUD_KEY);
  });
}

export function loadCloudSnapshot(): Promise<CloudSnapshot | undefined> {
  return withCloudDb((db) => db.get(CLOUD_STORE, CLOUD_KEY) as Promise<CloudSnapshot | undefined>);
}

export function clearCloudSnapshot(): Promise<void> {
  return withCloudDb((db) => db.delete(CLOUD_STORE, CLOUD_KEY));
}
