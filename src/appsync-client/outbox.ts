import type { ItemPatch, LocalItem, OutboxEntry, ServerItem } from './types';

/**
 * The outbox rules, pure functions over plain data (docs/aws-reference.md §10.5; amplify-js
 * packages/datastore/docs/sync-engine.md, "mutation outbox"):
 *
 * - A new change to an item whose last pending entry has never been sent is merged into that entry,
 *   so several offline edits of one item leave as one mutation: create+update → create,
 *   update+update → update (later field values win), update+delete → delete, create+delete → nothing.
 * - An entry that was sent at least once ("maybe delivered") is never merged into: its request may
 *   have reached AppSync, and what was sent must stay what is retried.
 */
export interface Enqueued {
  put?: OutboxEntry;
  /** Entries that disappear (a create cancelled by a delete before it was ever sent). */
  remove?: number[];
}

export function enqueue(
  pending: OutboxEntry[],
  change: Omit<OutboxEntry, 'seq' | 'attempts' | 'createdAt'>,
  seq: number,
  createdAt: number,
): Enqueued {
  const last = [...pending].reverse().find((e) => e.itemId === change.itemId);
  const mergeable = last && last.attempts === 0 && !last.conflict;
  if (last && mergeable) {
    if (change.kind === 'update' && (last.kind === 'create' || last.kind === 'update')) {
      return { put: { ...last, fields: { ...last.fields, ...change.fields } } };
    }
    if (change.kind === 'delete' && last.kind === 'create') return { remove: [last.seq] };
    if (change.kind === 'delete' && last.kind === 'update') {
      return { put: { ...last, kind: 'delete', fields: {} } };
    }
  }
  return { put: { ...change, seq, createdAt, attempts: 0 } };
}

/**
 * After AppSync answered entry `done` with `server`, later entries for the same item were made on a
 * version that now exists: give them the server's `_version` (DataStore's "sync outbox versions").
 */
export function rebaseLater(pending: OutboxEntry[], done: OutboxEntry, server: ServerItem): OutboxEntry[] {
  return pending
    .filter((e) => e.seq !== done.seq && e.itemId === done.itemId)
    .map((e) => ({ ...e, baseVersion: server._version }));
}

/** True when every field of the patch already has that value on the server item. */
export function patchMatches(server: ServerItem, fields: ItemPatch): boolean {
  return (Object.keys(fields) as (keyof ItemPatch)[]).every((key) =>
    key === 'tags'
      ? JSON.stringify(server.tags) === JSON.stringify(fields.tags)
      : server[key] === fields[key],
  );
}

/**
 * The local item as the user sees it: the server item with every pending change laid on top,
 * so an answer that arrives while more edits wait does not hide those edits.
 */
export function overlay(server: ServerItem, pending: OutboxEntry[]): LocalItem | undefined {
  let item: LocalItem | undefined = { ...server, tags: [...server.tags] };
  for (const e of pending) {
    if (e.itemId !== server.id) continue;
    if (e.kind === 'delete') item = undefined;
    else if (item) item = { ...item, ...e.fields };
  }
  return item;
}

/** Which fields AppSync did not take as sent (Automerge keeps the server's scalars). */
export function fieldsNotKept(sent: ItemPatch, result: ServerItem): string[] {
  return (Object.keys(sent) as (keyof ItemPatch)[]).filter((key) =>
    key === 'tags' ? JSON.stringify(result.tags) !== JSON.stringify(sent.tags) : result[key] !== sent[key],
  );
}
