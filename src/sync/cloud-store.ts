import { openDB } from 'idb';
import type { CloudSnapshot } from '../sim/index';
import type { CloudDisk, StoredCloud } from './shared-cloud';

/**
 * The simulated cloud's disk in IndexedDB: one record, the snapshot of the cloud every tab of the app
 * shares (shared-cloud.ts) with its version. `cloud.snapshot()` is structured-cloneable (JSON state
 * plus non-extractable CryptoKeys), so it is stored as is. Changing these names or the record shapes
 * needs a new version and an upgrade step.
 *
 * History: until the shared cloud, the Cognito Sync view kept its own cloud here under `current` (a bare
 * snapshot) and the AppSync view another in a database of its own; the legacy readers below let the
 * shared cloud start from them once (shared-cloud-browser.ts).
 */
export const CLOUD_DB_NAME = 'identity-atlas-cloud';
export const CLOUD_STORE = 'snapshots';
export const CLOUD_DB_VERSION = 1;
const SHARED_KEY = 'shared';
const VERSION_KEY = 'shared-version';
const LEGACY_KEY = 'current';

type CloudDb = Awaited<ReturnType<typeof openDB>>;

function openCloudDb(onBlocking?: () => void): Promise<CloudDb> {
  return openDB(CLOUD_DB_NAME, CLOUD_DB_VERSION, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) database.createObjectStore(CLOUD_STORE);
    },
    blocking: onBlocking,
  });
}

async function withCloudDb<T>(work: (db: CloudDb) => Promise<T>): Promise<T> {
  const db = await openCloudDb();
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

/**
 * The shared cloud's connection stays open: every request of every tab reads the version and writes
 * a snapshot, and opening a database each time would cost more than the work. It closes itself as
 * soon as a newer version of the app wants to upgrade the database (`blocking`), and reopens on use.
 */
let shared: Promise<CloudDb> | undefined;
function sharedDb(): Promise<CloudDb> {
  shared ??= openCloudDb(() => {
    const closing = shared;
    shared = undefined;
    void closing?.then((db) => db.close());
  }).catch((error) => {
    shared = undefined;
    throw error;
  });
  return shared;
}

/**
 * The shared cloud's disk: the latest snapshot and its version. The version also sits alone under its
 * own key, written in the same transaction, so a tab learns whether it is behind without reading the
 * whole snapshot.
 */
export const idbCloudDisk: CloudDisk = {
  async version() {
    return ((await (await sharedDb()).get(CLOUD_STORE, VERSION_KEY)) as number | undefined) ?? 0;
  },
  read: async () => (await (await sharedDb()).get(CLOUD_STORE, SHARED_KEY)) as StoredCloud | undefined,
  async write(record) {
    const tx = (await sharedDb()).transaction(CLOUD_STORE, 'readwrite');
    await Promise.all([tx.store.put(record, SHARED_KEY), tx.store.put(record.version, VERSION_KEY), tx.done]);
  },
};

export function loadLegacyCloudSnapshot(): Promise<CloudSnapshot | undefined> {
  return withCloudDb((db) => db.get(CLOUD_STORE, LEGACY_KEY) as Promise<CloudSnapshot | undefined>);
}

export function clearLegacyCloudSnapshot(): Promise<void> {
  return withCloudDb((db) => db.delete(CLOUD_STORE, LEGACY_KEY));
}

/** The AppSync view's own cloud database from before the shared cloud: read once, then deleted. */
export const LEGACY_APPSYNC_CLOUD_DB = 'identity-atlas-appsync-cloud';

/** The old snapshot, if any (where indexedDB.databases() exists, an absent database is not even opened). */
export async function loadLegacyAppSyncCloud(): Promise<CloudSnapshot | undefined> {
  const known = (await indexedDB.databases?.())?.some((d) => d.name === LEGACY_APPSYNC_CLOUD_DB);
  if (known === false) return undefined;
  const db = await openDB(LEGACY_APPSYNC_CLOUD_DB, 1, {
    upgrade(database) {
      database.createObjectStore(CLOUD_STORE);
    },
  });
  try {
    return (await db.get(CLOUD_STORE, LEGACY_KEY)) as CloudSnapshot | undefined;
  } finally {
    db.close();
  }
}

export function deleteLegacyAppSyncCloud(): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(LEGACY_APPSYNC_CLOUD_DB);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}
