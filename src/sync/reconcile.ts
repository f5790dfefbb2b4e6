import { type ConflictStrategy, resolveConflict } from './merge';
import { fromRemote } from './local-writes';
import { byRecordKey, type StorageBatch } from './storage';
import type { ConflictResolution, LocalRecord, RemoteRecord, SyncConflict } from './types';

/**
 * Reconcile (docs/aws-reference.md §9.5, step 3): the pulled records and the local ones become one storage batch
 * plus the conflicts someone has to decide. A conflict is a remote change to a key this device changed
 * too (dirty) to a different value; everything else from the cloud is taken as it is.
 */

export interface Reconciled {
  batch: StorageBatch & {
    putRecords: NonNullable<StorageBatch['putRecords']>;
    deleteRecords: NonNullable<StorageBatch['deleteRecords']>;
  };
  conflicts: SyncConflict[];
}

function accept(into: Reconciled['batch'], identityId: string, dataset: string, r: RemoteRecord): void {
  if (r.value === null) into.deleteRecords.push({ identityId, dataset, key: r.key });
  else into.putRecords.push(fromRemote(identityId, dataset, r));
}

export function reconcile(
  identityId: string,
  dataset: string,
  remote: RemoteRecord[],
  locals: LocalRecord[],
): Reconciled {
  const mine = new Map(locals.map((r) => [r.key, r]));
  const batch: Reconciled['batch'] = { putRecords: [], deleteRecords: [] };
  const conflicts: SyncConflict[] = [];
  for (const r of remote) {
    const local = mine.get(r.key);
    if (local?.dirty && local.value !== r.value) conflicts.push({ dataset, key: r.key, local, remote: r });
    else accept(batch, identityId, dataset, r);
  }
  return { batch, conflicts };
}

/**
 * Adds the decided conflicts to the batch. A conflict without an answer falls back to `strategy`.
 * A local or custom value stays dirty and carries the remote sync count, so the push overwrites the
 * remote change instead of being refused as stale.
 */
export function applyResolutions(
  reconciled: Reconciled,
  identityId: string,
  answers: ConflictResolution[],
  strategy: ConflictStrategy | undefined,
  /** The device clock, read once per value kept over the remote one. */
  now: () => number,
): void {
  const { batch, conflicts } = reconciled;
  for (const c of conflicts) {
    const res = answers.find((a) => a.key === c.key) ?? resolveConflict(c, strategy);
    if (res.source === 'remote') accept(batch, identityId, c.dataset, c.remote);
    else
      batch.putRecords.push({
        ...c.local,
        value: res.value,
        syncCount: c.remote.syncCount,
        dirty: true,
        lastModifiedDate: now(),
      });
  }
}

/**
 * The records of the dataset left dirty once `batch` is committed over `locals` (the records it was made
 * from), in key order as storage lists them. Deletes go first, as `commit` applies them.
 */
export function dirtyAfter(
  locals: readonly LocalRecord[],
  batch: Pick<StorageBatch, 'deleteRecords' | 'putRecords'>,
): LocalRecord[] {
  const after = new Map(locals.map((r) => [r.key, r]));
  for (const r of batch.deleteRecords ?? []) after.delete(r.key);
  for (const r of batch.putRecords ?? []) after.set(r.key, r);
  return [...after.values()].filter((r) => r.dirty).sort(byRecordKey);
}
