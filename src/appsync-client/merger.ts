import type { LocalItem, OutboxEntry, ServerItem } from './types';

/**
 * DataStore's merger rule (docs/aws-reference.md §10.5): an incoming record — a subscription event, a sync page or
 * a mutation answer for another change — is written locally only if no pending outbox mutation exists
 * for it; otherwise it is dropped and the answer to the pending mutation decides later. We add one
 * guard for replies that arrive out of order: a record older than the local `_version` is dropped too.
 */
/** Why an incoming record was dropped while a local change to it waits (the AppSync view matches on it). */
export const PENDING_REASON = 'a local change to this item is pending in the outbox';

export type MergeDecision = { apply: true } | { apply: false; reason: string };

export function decideIncoming(
  incoming: ServerItem,
  local: LocalItem | undefined,
  outbox: OutboxEntry[],
): MergeDecision {
  if (outbox.some((e) => e.itemId === incoming.id)) {
    return { apply: false, reason: PENDING_REASON };
  }
  if (local && local._version !== null && local._version > incoming._version) {
    return {
      apply: false,
      reason: `older than the local copy (version ${incoming._version} < ${local._version})`,
    };
  }
  if (
    local &&
    local._version === incoming._version &&
    Boolean(local._deleted) === Boolean(incoming._deleted)
  ) {
    return { apply: false, reason: 'already up to date' };
  }
  return { apply: true };
}

/** The local form of a server item: a tombstone is removed from the local list. */
export function toLocal(item: ServerItem): LocalItem {
  return { ...item, tags: [...item.tags] };
}
