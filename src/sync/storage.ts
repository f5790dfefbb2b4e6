import type { DeviceIdentity, LocalDataset, LocalRecord } from './types';

/**
 * The device's local cache, behind one interface so the sync client runs on IndexedDB in the browser
 * (idb-storage.ts) and in memory in tests (memory-storage.ts). Both must pass
 * tests/support/storage-contract.ts. Every write goes through `commit`, which is atomic: after a crash
 * either the whole batch is stored or none of it.
 */
export interface DatasetRef {
  identityId: string;
  name: string;
}

export interface RecordRef {
  identityId: string;
  dataset: string;
  key: string;
}

export interface StorageBatch {
  identity?: DeviceIdentity;
  putDatasets?: LocalDataset[];
  /** Removes the datasets and all their records. Applied before the puts of the same batch. */
  deleteDatasets?: DatasetRef[];
  putRecords?: LocalRecord[];
  deleteRecords?: RecordRef[];
}

/**
 * The order `listRecords` gives records in: by key, compared as IndexedDB compares strings (UTF-16 code
 * units, which is also how JavaScript's `<` compares them).
 */
export function byRecordKey(a: { key: string }, b: { key: string }): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

export interface SyncStorage {
  getIdentity(): Promise<DeviceIdentity | undefined>;
  getDataset(identityId: string, name: string): Promise<LocalDataset | undefined>;
  listDatasets(identityId: string): Promise<LocalDataset[]>;
  getRecord(identityId: string, dataset: string, key: string): Promise<LocalRecord | undefined>;
  /** Records of one dataset, ordered by key. */
  listRecords(identityId: string, dataset: string): Promise<LocalRecord[]>;
  commit(batch: StorageBatch): Promise<void>;
  /**
   * Reads one dataset (its records, ordered by key, and its row) and commits the batch `decide` makes
   * from them, atomically: nothing another tab commits in between can be read stale and overwritten.
   * If `decide` throws, or its batch is invalid, nothing is written and the error is passed on.
   */
  updateDataset(
    identityId: string,
    dataset: string,
    decide: (records: LocalRecord[], row: LocalDataset | undefined) => StorageBatch,
  ): Promise<void>;
  close(): Promise<void>;
}

export const StorageProblem = {
  blocked: 'blocked',
  quota: 'quota',
  unavailable: 'unavailable',
  invalid: 'invalid',
} as const;
export type StorageProblem = (typeof StorageProblem)[keyof typeof StorageProblem];

/** A storage failure with a sentence fit for the device's status line. Nothing already stored is lost. */
export class StorageError extends Error {
  readonly problem: StorageProblem;
  constructor(problem: StorageProblem, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
    this.problem = problem;
  }
}

/** Checks a batch before anything is applied, so a bad batch changes nothing in either storage. */
export function checkBatch(batch: StorageBatch): void {
  for (const r of batch.putRecords ?? []) {
    if (
      typeof r.identityId !== 'string' ||
      typeof r.dataset !== 'string' ||
      typeof r.key !== 'string' ||
      r.key === ''
    ) {
      throw new StorageError(
        StorageProblem.invalid,
        `A record needs an identity, a dataset and a non-empty key (got ${JSON.stringify(r.key)}).`,
      );
    }
  }
  for (const d of batch.putDatasets ?? []) {
    if (typeof d.identityId !== 'string' || typeof d.name !== 'string' || d.name === '') {
      throw new StorageError(StorageProblem.invalid, 'A dataset needs an identity and a name.');
    }
  }
}
