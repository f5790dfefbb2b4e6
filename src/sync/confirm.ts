import { fromRemote } from './local-writes';
import type { StorageBatch } from './storage';
import type { LocalDataset, LocalRecord, RemoteRecord } from './types';

/**
 * Confirm (the write-ahead rule): after UpdateRecords answered, clear the dirty flag of exactly the
 * writes the cloud confirmed. A record edited locally while the push was in flight differs from what
 * was sent, so it keeps its dirty flag (with the new sync count) and goes out in the next sync.
 */
export interface ConfirmInput {
  identityId: string;
  dataset: string;
  /** The dirty records as they were when the push was sent. */
  sent: LocalRecord[];
  /** The records UpdateRecords returned. */
  written: RemoteRecord[];
  /** The dataset's records as they are now, read after the answer came back. */
  current: LocalRecord[];
  /** The DatasetSyncCount of this sync's pull. */
  pulledCount: number;
  row: LocalDataset;
  t: number;
}

export function confirmBatch(input: ConfirmInput): StorageBatch {
  const { identityId, dataset, pulledCount } = input;
  const sentByKey = new Map(input.sent.map((r) => [r.key, r]));
  const currentByKey = new Map(input.current.map((r) => [r.key, r]));
  const putRecords: LocalRecord[] = [];
  const deleteRecords: NonNullable<StorageBatch['deleteRecords']> = [];
  let highest = pulledCount;
  for (const w of input.written) {
    highest = Math.max(highest, w.syncCount);
    const before = sentByKey.get(w.key);
    const now = currentByKey.get(w.key);
    const unchanged =
      before && now && now.lastModifiedDate === before.lastModifiedDate && now.value === before.value;
    if (!unchanged) {
      if (now) putRecords.push({ ...now, syncCount: w.syncCount });
    } else if (w.value === null) deleteRecords.push({ identityId, dataset, key: w.key });
    else putRecords.push(fromRemote(identityId, dataset, w));
  }
  // Each UpdateRecords advances the dataset by one. If our write is exactly the next count nobody
  // else wrote in between, so it is safe to skip pulling our own records back; otherwise keep the
  // pulled count and let the next sync fetch what the other device wrote.
  const next = highest === pulledCount + 1 ? highest : pulledCount;
  return {
    putRecords,
    deleteRecords,
    putDatasets: [{ ...input.row, lastSyncCount: next, lastModifiedDate: input.t }],
  };
}
