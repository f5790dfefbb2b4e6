/**
 * The device-side model of Cognito Sync (docs/aws-reference.md §9.5): a local cache of datasets and records, each
 * record with its last known server sync count and a dirty flag, each dataset with the last sync count
 * it pulled. Dates are epoch milliseconds of the device clock.
 */
import type { AwsCredentials } from '../lib/aws-credentials';

/** Identity id used for data written before the device ever had an identity (Android's "unknown"). */
export const UNKNOWN_IDENTITY = 'unknown';

export interface DeviceIdentity {
  identityId: string;
  /** True once the identity was obtained with a login (not a guest). */
  authenticated: boolean;
}

export interface LocalRecord {
  identityId: string;
  dataset: string;
  key: string;
  /** `null` marks a local removal that still has to reach the cloud. */
  value: string | null;
  /** Last server sync count known for this key; 0 for a key the cloud has never seen. */
  syncCount: number;
  lastModifiedDate: number;
  lastModifiedBy: string;
  deviceLastModifiedDate: number;
  /** Written locally and not yet confirmed by the cloud. Cleared only after UpdateRecords answers. */
  dirty: boolean;
}

export interface LocalDataset {
  identityId: string;
  name: string;
  /** The DatasetSyncCount of the last pull; 0 before the first sync. */
  lastSyncCount: number;
  creationDate: number;
  lastModifiedDate: number;
}

/** A record as ListRecords / UpdateRecords return it, with dates converted to epoch ms. */
export interface RemoteRecord {
  key: string;
  value: string | null;
  syncCount: number;
  lastModifiedDate?: number;
  lastModifiedBy?: string;
  deviceLastModifiedDate?: number;
}

export interface SyncConflict {
  dataset: string;
  key: string;
  local: LocalRecord;
  remote: RemoteRecord;
}

/** How one conflict was settled: the value to keep (`null` = removed) and where it came from. */
export interface ConflictResolution {
  key: string;
  value: string | null;
  source: 'local' | 'remote' | 'custom';
}

export const SyncState = { idle: 'idle', syncing: 'syncing', offline: 'offline', error: 'error' } as const;
export type SyncState = (typeof SyncState)[keyof typeof SyncState];

export interface SyncStatus {
  state: SyncState;
  /** A sentence for the person using the device; absent when all is well. */
  lastError?: string;
  /** Records written locally that the cloud has not confirmed yet. */
  pending: number;
  identityId?: string;
  lastSyncAt?: number;
}

export type { AwsCredentials } from '../lib/aws-credentials';

/** Where the client gets its Cognito identity and that identity's AWS credentials (needs the network). */
export type IdentitySource = () => Promise<{
  identityId: string;
  authenticated: boolean;
  credentials: AwsCredentials;
}>;

/** What the app may decide during a sync. Every callback is optional; the defaults are in brackets. */
export interface SyncCallbacks {
  /** After a successful sync, with the records the cloud sent. */
  onSuccess?(dataset: string, newRecords: RemoteRecord[]): void;
  onFailure?(error: Error): void;
  /** Decide each conflict; return `false` to abort the sync. Default: the client's `conflictStrategy`. */
  onConflict?(
    dataset: string,
    conflicts: SyncConflict[],
  ): Promise<ConflictResolution[] | false> | ConflictResolution[] | false;
  /** The cloud deleted the dataset after our last sync. `true`: drop the synced local copy (unsynced edits are kept and pushed). Default true. */
  onDatasetDeleted?(dataset: string): Promise<boolean> | boolean;
  /** Merged datasets exist (`<name>.<oldIdentityId>`); `false` stops the sync. Default true. */
  onDatasetsMerged?(dataset: string, names: string[]): Promise<boolean> | boolean;
}

/** Events for the wire timeline (the UI shows them beside the requests). */
export type SyncEvent =
  | { type: 'conflicts'; dataset: string; conflicts: SyncConflict[] }
  | { type: 'resolved'; dataset: string; resolutions: ConflictResolution[] }
  /**
   * The round starts again. `cause`: the local records changed while the round ran (an edit in this tab
   * or another sharing the cache; the pulled batch was not committed over it), or the cloud moved (an
   * UpdateRecords refused with ResourceConflictException: another device wrote first).
   */
  | { type: 'retry'; dataset: string; attempt: number; reason: string; cause: 'local-change' | 'cloud-moved' }
  | { type: 'identity-changed'; from: string; to: string }
  | { type: 'dataset-deleted'; dataset: string }
  | { type: 'merged'; dataset: string; names: string[] };

/** How one `synchronize` ended. `ok: false` always carries a reason and the error. */
export interface SyncOutcome {
  ok: boolean;
  reason?: 'offline' | 'conflict-aborted' | 'retries-exhausted' | 'failed' | 'stopped';
  error?: Error;
}

/**
 * The offline sync client of one device (sync/create-sync-client.ts). Reads and writes are local and
 * work offline; only `synchronize` and `deleteDataset` need the network, and neither throws for a
 * network failure or a refusal: the outcome and `getStatus()` say what happened.
 */
export interface SyncClient {
  /** The local value of a key; `undefined` when absent or removed locally. */
  get(dataset: string, key: string): Promise<string | undefined>;
  /** Every present key of a dataset, in a null-prototype record (a key named `__proto__` is data). */
  getAll(dataset: string): Promise<Record<string, string>>;
  /** Every local record, removals and dirty flags included (for the device panel). */
  records(dataset: string): Promise<LocalRecord[]>;
  /** Writes locally now (dirty until a sync confirms it). Throws RangeError for names Cognito Sync refuses. */
  put(dataset: string, key: string, value: string): Promise<void>;
  remove(dataset: string, key: string): Promise<void>;
  /** Pull, resolve, push. One run per dataset at a time: a second call gets the running one. */
  synchronize(dataset: string, callbacks?: SyncCallbacks): Promise<SyncOutcome>;
  /** Deletes a dataset in the cloud and then locally. */
  deleteDataset(dataset: string): Promise<SyncOutcome>;
  /** Reads the stored identity and pending count (call once after a reload). */
  load(): Promise<void>;
  datasets(): Promise<string[]>;
  /** Status changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  getStatus(): SyncStatus;
}
