import type { StoredItem } from './state';

/**
 * Conflict resolution for versioned data sources, as AppSync documents it ("Conflict detection and
 * resolution"). Pure functions: the resolver decides what to store; the caller stores it.
 *
 * - OPTIMISTIC_CONCURRENCY: a stale `_version` is rejected; the client gets the server item back.
 * - AUTOMERGE: scalar fields in conflict keep the SERVER value; lists are concatenated (incoming
 *   appended, duplicates kept); fields the server has as null take the incoming value; then the write
 *   is retried with the latest version.
 * - LAMBDA: a function decides RESOLVE (with a new item), REJECT, or REMOVE. The simulation ships one
 *   example function, `exampleLambdaConflictHandler`, in place of a customer's Lambda.
 */
export type ItemPatch = Partial<Pick<StoredItem, 'text' | 'done' | 'tags'>>;

export interface MergeOutcome {
  merged: Pick<StoredItem, 'text' | 'done' | 'tags'>;
  /** Per field: what Automerge did, for the explainer. */
  decisions: { field: string; rule: 'server-kept' | 'incoming-taken' | 'lists-concatenated' | 'unchanged' }[];
}

export function automerge(server: StoredItem, incoming: ItemPatch): MergeOutcome {
  const merged = { text: server.text, done: server.done, tags: [...server.tags] };
  const decisions: MergeOutcome['decisions'] = [];
  if (incoming.text !== undefined) {
    if (server.text === null || server.text === undefined) {
      merged.text = incoming.text;
      decisions.push({ field: 'text', rule: 'incoming-taken' });
    } else {
      decisions.push({ field: 'text', rule: incoming.text === server.text ? 'unchanged' : 'server-kept' });
    }
  }
  if (incoming.done !== undefined) {
    if (server.done === null || server.done === undefined) {
      merged.done = incoming.done;
      decisions.push({ field: 'done', rule: 'incoming-taken' });
    } else {
      decisions.push({ field: 'done', rule: incoming.done === server.done ? 'unchanged' : 'server-kept' });
    }
  }
  if (incoming.tags !== undefined) {
    merged.tags = [...server.tags, ...incoming.tags];
    decisions.push({ field: 'tags', rule: 'lists-concatenated' });
  }
  return { merged, decisions };
}

export type LambdaDecision =
  | { action: 'RESOLVE'; item: Pick<StoredItem, 'text' | 'done' | 'tags'> }
  | { action: 'REJECT' }
  | { action: 'REMOVE' };

/**
 * The demo's stand-in for a customer's Lambda conflict handler. Its policy, chosen to be easy to see:
 * an incoming edit that empties the text removes the item; an edit to an item that was deleted on the
 * server is rejected; otherwise the incoming fields win and the tag lists are unioned.
 */
export function exampleLambdaConflictHandler(server: StoredItem, incoming: ItemPatch): LambdaDecision {
  if (server._deleted) return { action: 'REJECT' };
  if (incoming.text !== undefined && incoming.text.trim() === '') return { action: 'REMOVE' };
  const tags = [...new Set([...server.tags, ...(incoming.tags ?? [])])];
  return {
    action: 'RESOLVE',
    item: { text: incoming.text ?? server.text, done: incoming.done ?? server.done, tags },
  };
}
