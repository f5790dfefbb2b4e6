import { openDB } from 'idb';
import type { CloudSnapshot } from '../../sim/index';

/**
 * Keeps the AppSync view's simulated cloud in IndexedDB so the "server" survives a reload like the
 * devices' outboxes do. A database of its own (not the Cognito Sync view's), so the two views never
 * overwrite each other's cloud. Renaming it, or changing the record shape, needs a new version and
 * an upgrade step.
 */
export const APPSYNC_CLOUD_DB = 'identity-atlas-appsync-cloud';
const STORE = 'snapshots';
const VERSION = 1;
const KEY = 'current';

async function withDb<T>(work: (db: Awaited<ReturnType<typeof openDB>>) => Promise<T>): Promise<T> {
  const db = await openDB(APPSYNC_CLOUD_DB, VERSION, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) database.createObjectStore(STORE);
    },
  });
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

export const saveAppSyncCloud = (snapshot: CloudSnapshot) =>
  withDb(async (db) => void (await db.put(STORE, snapshot, KEY)));
export const loadAppSyncCloud = () =>
  withDb((db) => db.get(STORE, KEY) as Promise<CloudSnapshot | undefined>);
export const clearAppSyncCloud = () => withDb((db) => db.delete(STORE, KEY));
