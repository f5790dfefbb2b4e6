import { openDB } from 'idb';

/**
 * The imported template (and the parameter values typed for it) kept in IndexedDB, so a reload
 * brings the reader's stack back. It never leaves the browser. Renaming the database or changing
 * the record needs a new VERSION and an upgrade step.
 */
export const STACK_DB = 'identity-atlas-stack';
const STORE = 'templates';
const VERSION = 1;
const KEY = 'current';

export interface SavedStack {
  text: string;
  name: string;
  parameters: Record<string, string>;
}

async function withDb<T>(work: (db: Awaited<ReturnType<typeof openDB>>) => Promise<T>): Promise<T> {
  const db = await openDB(STACK_DB, VERSION, {
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

export async function saveStack(saved: SavedStack): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  await withDb(async (db) => void (await db.put(STORE, saved, KEY)));
}

export async function loadStack(): Promise<SavedStack | undefined> {
  if (typeof indexedDB === 'undefined') return undefined;
  return withDb(async (db) => (await db.get(STORE, KEY)) as SavedStack | undefined);
}

export async function clearStack(): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  await withDb(async (db) => void (await db.delete(STORE, KEY)));
}
