/**
 * The reader's progress through the Learn path, kept in the browser's localStorage. Whatever is stored
 * is read as untrusted text: bad JSON, a wrong shape, unknown chapters or a storage that throws
 * (private windows, a full quota) all read as "nothing done yet", never as an error.
 */

/** Versioned, so a future shape can ignore this one instead of misreading it. */
export const PROGRESS_KEY = 'identity-atlas.learn.v1';

export interface ChapterProgress {
  /** The choice the reader predicted (absent for a lab chapter, which is done once opened). */
  predicted?: string;
  correct?: boolean;
}

/** Chapter id → progress; a Map, because chapter ids come from storage and links (see STYLE.md). */
export type Progress = ReadonlyMap<string, ChapterProgress>;

/** What the Learn view hands its parts: the progress and the ways to change it. */
export interface ProgressApi {
  progress: Progress;
  record(id: string, item: ChapterProgress): void;
  /** Forgets one chapter (the reader predicts it again). */
  forget(id: string): void;
  reset(): void;
}

/** What a storage must offer; `localStorage` does, and tests pass a Map-backed one. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function browserStorage(): KeyValueStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // Reading `localStorage` itself throws where storage is blocked.
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the progress, keeping only chapters in `known` with a well-formed entry. */
export function loadProgress(known: readonly string[], storage = browserStorage()): Progress {
  const progress = new Map<string, ChapterProgress>();
  let raw: string | null | undefined;
  try {
    raw = storage?.getItem(PROGRESS_KEY);
  } catch {
    return progress;
  }
  if (!raw) return progress;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return progress;
  }
  if (!isRecord(parsed) || !isRecord(parsed.chapters)) return progress;
  const chapters = parsed.chapters;
  for (const id of known) {
    if (!Object.hasOwn(chapters, id)) continue;
    const entry = chapters[id];
    if (!isRecord(entry)) continue;
    const item: ChapterProgress = {};
    if (typeof entry.predicted === 'string' && entry.predicted.length <= 64) item.predicted = entry.predicted;
    if (typeof entry.correct === 'boolean') item.correct = entry.correct;
    progress.set(id, item);
  }
  return progress;
}

/**
 * The stored chapters as another tab (or another version of the app) left them, own keys only, in a
 * null-prototype record so a stored `__proto__` entry is kept as data. Not our JSON: nothing to keep.
 */
function storedChapters(storage: KeyValueStorage): Record<string, unknown> {
  const chapters: Record<string, unknown> = Object.create(null);
  try {
    const parsed: unknown = JSON.parse(storage.getItem(PROGRESS_KEY) ?? 'null');
    if (isRecord(parsed) && isRecord(parsed.chapters))
      for (const [id, entry] of Object.entries(parsed.chapters)) chapters[id] = entry;
  } catch {
    // Bad JSON or a storage that cannot be read: the write below replaces it.
  }
  return chapters;
}

/**
 * Changes one chapter in what is stored now, not in this tab's copy: another tab may have recorded or
 * forgotten chapters since this one loaded, and writing the whole copy back would undo that. The read
 * and the write happen in one synchronous turn, which no other tab can interleave with (localStorage is
 * shared, and each tab runs its scripts to completion).
 */
function store(id: string, item: ChapterProgress | undefined, storage: KeyValueStorage | undefined): void {
  if (!storage) return;
  const chapters = storedChapters(storage);
  if (item) chapters[id] = item;
  else delete chapters[id];
  try {
    storage.setItem(PROGRESS_KEY, JSON.stringify({ chapters }));
  } catch {
    // A full or blocked storage only loses the record, never the lesson.
  }
}

/** Records a chapter as done and stores the result; returns the new progress. */
export function recordChapter(
  progress: Progress,
  id: string,
  item: ChapterProgress,
  storage = browserStorage(),
): Progress {
  const next = new Map(progress);
  next.set(id, item);
  store(id, item, storage);
  return next;
}

/** Forgets one chapter and stores the rest; returns the new progress. */
export function forgetChapter(progress: Progress, id: string, storage = browserStorage()): Progress {
  const next = new Map(progress);
  next.delete(id);
  store(id, undefined, storage);
  return next;
}

/**
 * Calls `onChange` with the stored progress whenever another tab changes it (the browser fires `storage`
 * on the other tabs of the origin, never on the writer; `key` is null when the storage was cleared).
 * Returns the function that stops watching.
 */
export function watchProgress(
  known: readonly string[],
  onChange: (progress: Progress) => void,
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> = globalThis,
  storage = browserStorage(),
): () => void {
  const listener = (event: Event) => {
    const key = (event as StorageEvent).key;
    if (key === PROGRESS_KEY || key === null) onChange(loadProgress(known, storage));
  };
  target.addEventListener('storage', listener);
  return () => target.removeEventListener('storage', listener);
}

/** Forgets every chapter. */
export function resetProgress(storage = browserStorage()): Progress {
  try {
    storage?.removeItem(PROGRESS_KEY);
  } catch {
    // Nothing stored is as good as nothing to reset.
  }
  return new Map();
}
