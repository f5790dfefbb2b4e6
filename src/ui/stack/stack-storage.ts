import { openDB } from 'idb';
import { MAX_TEMPLATE_BYTES } from '../../stack/errors';

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

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A stored record read as untrusted: another version of the app (in another tab) may have written another
 * shape, and the view would otherwise render an object as the name or read a null as parameters. Anything
 * but our shape is no stored stack; parameter values that are not text are dropped, and the rest kept in a
 * null-prototype record (the names are the template's).
 */
function savedStackOf(value: unknown): SavedStack | undefined {
  if (!isRecord(value) || typeof value.text !== 'string' || typeof value.name !== 'string') return undefined;
  if (value.text.length > MAX_DRAFT_CHARS || !isRecord(value.parameters)) return undefined;
  const parameters: Record<string, string> = Object.create(null);
  for (const [k, v] of Object.entries(value.parameters)) if (typeof v === 'string') parameters[k] = v;
  return { text: value.text, name: value.name, parameters };
}

export async function loadStack(): Promise<SavedStack | undefined> {
  if (typeof indexedDB === 'undefined') return undefined;
  return withDb(async (db) => savedStackOf(await db.get(STORE, KEY)));
}

export async function clearStack(): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  await withDb(async (db) => void (await db.delete(STORE, KEY)));
}

/**
 * Text typed or pasted into the template box and not imported yet, in localStorage: it is written as
 * the reader types, which IndexedDB's asynchronous calls make awkward, and it is one string. Only text
 * that differs from the imported template is kept (that one is in IndexedDB above), so there is never
 * a second copy. Renaming the key loses the drafts kept under the old one.
 */
export const DRAFT_KEY = 'identity-atlas-stack-draft';
/** A longer text could not be imported (the 1 MB template limit), so it is not kept either. */
export const MAX_DRAFT_CHARS = MAX_TEMPLATE_BYTES;

/** What became of a draft: kept, too long to keep, or refused by the browser (storage full or off). */
export const DraftSave = { kept: 'kept', tooLarge: 'too-large', unavailable: 'unavailable' } as const;
export type DraftSave = (typeof DraftSave)[keyof typeof DraftSave];

/** localStorage, or undefined where reading it throws (storage turned off for the site). */
function local(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * The stored draft, unless it is longer than a template may be: this version never writes one, so it is
 * another version's or foreign, and the template box would only choke on it. It is left where it is.
 */
export function loadDraft(): string | undefined {
  try {
    const text = local()?.getItem(DRAFT_KEY) ?? undefined;
    return text !== undefined && text.length <= MAX_DRAFT_CHARS ? text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Removes the draft; given `own` (the text this tab last kept), only while the stored draft is still that
 * text, and given null (this tab keeps none), not at all. Every tab of the site shares the one draft: a tab
 * that imports must not delete the draft another tab has written since, which that tab's reader is still
 * typing and expects back after a reload.
 */
export function clearDraft(own?: string | null): void {
  if (own === null) return;
  try {
    const store = local();
    if (own !== undefined && store?.getItem(DRAFT_KEY) !== own) return;
    store?.removeItem(DRAFT_KEY);
  } catch {
    // Storage that cannot be written cannot hold a draft either: nothing to clear.
  }
}

/**
 * Keeps `text` as the draft (an empty text clears it); never throws. `own` is the draft this tab kept
 * before, the only one a text that cannot be kept may remove (see clearDraft).
 */
export function saveDraft(text: string, own?: string | null): DraftSave {
  if (text === '') {
    clearDraft(own);
    return DraftSave.kept;
  }
  if (text.length > MAX_DRAFT_CHARS) {
    // The older draft is a text the reader has since replaced: restoring it would be wrong.
    clearDraft(own);
    return DraftSave.tooLarge;
  }
  const store = local();
  if (!store) return DraftSave.unavailable;
  try {
    store.setItem(DRAFT_KEY, text);
    return DraftSave.kept;
  } catch {
    // QuotaExceededError (the origin's few megabytes are used up) or storage turned off after load.
    clearDraft(own);
    return DraftSave.unavailable;
  }
}
