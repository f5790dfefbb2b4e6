import type { StorageBatch } from './storage';
import type { LocalDataset, LocalRecord, RemoteRecord } from './types';

/**
 * Pure builders for the batches the sync client commits to its local cache (docs/aws-reference.md §9.5): a local
 * put or remove, a record taken from the cloud, and the reset after the cloud deleted a dataset. None
 * of them touches storage; the client reads what they need, commits what they return.
 */

const DATASET_NAME = /^[a-zA-Z0-9_.:-]{1,128}$/;

/** Throws a RangeError for names and sizes Cognito Sync refuses (docs/aws-reference.md §9.2), before anything is written. */
export function checkNames(dataset: string, key?: string, value?: string): void {
  if (!DATASET_NAME.test(dataset))
    throw new RangeError(
      `Dataset names are 1–128 characters of a-z, A-Z, 0-9, '_', '.', ':' and '-' (got "${dataset}").`,
    );
  if (key !== undefined && (key.length < 1 || key.length > 1024))
    throw new RangeError('Record keys are 1–1024 characters long.');
  if (value !== undefined && value.length > 1_048_575)
    throw new RangeError('Record values are at most 1,048,575 characters long.');
}

/** The dataset row to use when the device has none yet: never synced (`lastSyncCount` 0). */
export function newDatasetRow(identityId: string, dataset: string, t: number): LocalDataset {
  return { identityId, name: dataset, lastSyncCount: 0, creationDate: t, lastModifiedDate: t };
}

export interface LocalWrite {
  identityId: string;
  dataset: string;
  key: string;
  /** `null` removes the key. */
  value: string | null;
  existing: LocalRecord | undefined;
  row: LocalDataset;
  t: number;
  deviceName: string;
}

/** A local put or remove: the record becomes dirty until the cloud confirms it (the write-ahead rule). */
export function localWriteBatch(w: LocalWrite): StorageBatch {
  const { identityId, dataset, key, value, existing, row, t } = w;
  if (value === null && existing && existing.syncCount === 0) {
    // Never reached the cloud: forget it outright, there is nothing to remove remotely.
    return { putDatasets: [{ ...row, lastModifiedDate: t }], deleteRecords: [{ identityId, dataset, key }] };
  }
  if (value === null && !existing) return {};
  const record: LocalRecord = {
    identityId,
    dataset,
    key,
    value,
    syncCount: existing?.syncCount ?? 0,
    lastModifiedDate: t,
    lastModifiedBy: w.deviceName,
    deviceLastModifiedDate: t,
    dirty: true,
  };
  return { putDatasets: [{ ...row, lastModifiedDate: t }], putRecords: [record] };
}

/** A record as the cloud sent it, stored clean (nothing left to push). */
export function fromRemote(identityId: string, dataset: string, r: RemoteRecord): LocalRecord {
  return {
    identityId,
    dataset,
    key: r.key,
    value: r.value,
    syncCount: r.syncCount,
    lastModifiedDate: r.lastModifiedDate ?? 0,
    lastModifiedBy: r.lastModifiedBy ?? '',
    deviceLastModifiedDate: r.deviceLastModifiedDate ?? r.lastModifiedDate ?? 0,
    dirty: false,
  };
}

/**
 * The cloud deleted the dataset after our last sync: drop what it no longer has, keep unsynced edits
 * as new keys (sync count 0) so the next push creates them, and start the dataset over from count 0.
 */
export function deletedDatasetReset(row: LocalDataset, records: LocalRecord[]): StorageBatch {
  return {
    deleteDatasets: [{ identityId: row.identityId, name: row.name }],
    putDatasets: [{ ...row, lastSyncCount: 0 }],
    putRecords: records.filter((r) => r.dirty && r.value !== null).map((r) => ({ ...r, syncCount: 0 })),
  };
}
