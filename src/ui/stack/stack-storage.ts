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

/** Web storage, or undefined where reading it throws (storage turned off for the site). */
function webStorage(which: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    return globalThis[which] ?? undefined;
  } catch {
    return undefined;
  }
}
/** The site's storage, shared by its tabs. */
const local = () => webStorage('localStorage');
/** This tab's storage: a reload keeps it, another tab does not share it. */
const session = () => webStorage('sessionStorage');

/**
 * Each tab keeps its own stack too, under a key of its own: two tabs importing different templates
 * each get theirs back on a reload, and `current` (the last import of any tab) is what a new tab opens
 * with. The tab's key lives in sessionStorage, which a reload keeps and another tab does not share.
 */
const TAB_KEY = 'identity-atlas-tab';
/** The most tabs' stacks kept: a closed tab's record is never needed again, so the oldest go. */
const MOST_TABS = 8;
/** When each tab's record was last written, by record key: pruning reads this, not every template. */
const TABS_INDEX = 'tabs';

/** This tab's record key, made on first use; undefined where sessionStorage cannot be used. */
function tabRecord(): string | undefined {
  const store = session();
  if (!store) return undefined;
  try {
    let id = store.getItem(TAB_KEY);
    if (!id) {
      id = crypto.randomUUID();
      store.setItem(TAB_KEY, id);
    }
    return `tab:${id}`;
  } catch {
    return undefined;
  }
}

export async function saveStack(saved: SavedStack): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  const own = tabRecord();
  await withDb(async (db) => {
    await db.put(STORE, saved, KEY);
    if (!own) return;
    await db.put(STORE, saved, own);
    // Only the most recent tabs' records are kept (an index another version wrote wrongly starts afresh).
    const stored: unknown = await db.get(STORE, TABS_INDEX);
    const times = new Map<string, number>();
    if (isRecord(stored))
      for (const [key, at] of Object.entries(stored))
        if (key.startsWith('tab:') && typeof at === 'number') times.set(key, at);
    times.set(own, Date.now());
    const newest = [...times].sort((a, b) => b[1] - a[1]);
    for (const [key] of newest.slice(MOST_TABS)) await db.delete(STORE, key);
    await db.put(STORE, Object.fromEntries(newest.slice(0, MOST_TABS)), TABS_INDEX);
  });
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

/** This tab's stack after a reload; in a tab that has imported none, the last stack any tab imported. */
export async function loadStack(): Promise<SavedStack | undefined> {
  if (typeof indexedDB === 'undefined') return undefined;
  const own = tabRecord();
  return withDb(
    async (db) => (own && savedStackOf(await db.get(STORE, own))) || savedStackOf(await db.get(STORE, KEY)),
  );
}

export async function clearStack(): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  const own = tabRecord();
  await withDb(async (db) => {
    await db.delete(STORE, KEY);
    if (own) await db.delete(STORE, own);
  });
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

/**
 * The draft: this tab's own (sessionStorage, which a reload keeps and no other tab shares; an empty one
 * says this tab has none), else, in a tab that has kept none, the last one any tab kept. Not one longer
 * than a template may be: this version never writes one, so it is another version's or foreign, and the
 * template box would only choke on it. It is left where it is.
 */
export function loadDraft(): string | undefined {
  try {
    const mine = session()?.getItem(DRAFT_KEY) ?? null;
    const text = mine ?? local()?.getItem(DRAFT_KEY) ?? '';
    return text !== '' && text.length <= MAX_DRAFT_CHARS ? text : undefined;
  } catch {
    return undefined;
  }
}

/** Notes this tab's draft (an empty text: none), so a reload of this tab shows it and not another tab's. */
function keepOwn(text: string): void {
  try {
    session()?.setItem(DRAFT_KEY, text);
  } catch {
    // Full or turned off: the shared draft below still serves, as it did before tabs kept their own.
  }
}

/**
 * Removes the draft; given `own` (the text this tab last kept), only while the stored draft is still that
 * text, and given null (this tab keeps none), not at all. Every tab of the site shares the one draft: a tab
 * that imports must not delete the draft another tab has written since, which that tab's reader is still
 * typing and expects back after a reload.
 */
export function clearDraft(own?: string | null): void {
  keepOwn('');
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
    keepOwn(text);
    return DraftSave.kept;
  } catch {
    // QuotaExceededError (the origin's few megabytes are used up) or storage turned off after load.
    clearDraft(own);
    return DraftSave.unavailable;
  }
}
