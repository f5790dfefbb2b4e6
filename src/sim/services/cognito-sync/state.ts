/**
 * Plain, JSON-serialisable state of the simulated Cognito Sync service.
 *
 * Model (Cognito Sync API reference; docs/aws-reference.md §9.2/9.4): identity pool → identity → datasets → records.
 * Every write through UpdateRecords advances the dataset's sync count by one and stamps each record it
 * touched with that count, so `DatasetSyncCount` is always the highest record count (obs: the counts
 * AWS reports grow per write, not per record). Removed records stay as tombstones (no value) so a
 * device that pulls "changes since N" learns about the removal.
 */

/** One key/value record as the service stores it. Dates are epoch milliseconds. */
import { createDict } from '../../core/dict';
export interface SyncRecordState {
  key: string;
  /** `null` for a removed record (a tombstone: ListRecords returns it without a Value). */
  value: string | null;
  syncCount: number;
  lastModifiedDate: number;
  lastModifiedBy: string;
  deviceLastModifiedDate?: number;
}

export interface SyncDatasetState {
  name: string;
  creationDate: number;
  lastModifiedDate: number;
  lastModifiedBy: string;
  /** Highest sync count handed out in this dataset. */
  syncCount: number;
  records: Record<string, SyncRecordState>;
  /** Datasets of merged identities that were folded in as `<name>.<oldIdentityId>` (ListRecords' MergedDatasetNames). */
  mergedDatasetNames: string[];
}

/** What is left of a deleted dataset: enough to answer DatasetDeletedAfterRequestedSyncCount. */
export interface SyncDatasetTombstone {
  deletedAt: number;
  /** The dataset's sync count when it was deleted; counts continue above it if the name is reused. */
  syncCount: number;
}

export interface SyncIdentityState {
  identityPoolId: string;
  identityId: string;
  lastModifiedDate: number;
  datasets: Record<string, SyncDatasetState>;
  deleted: Record<string, SyncDatasetTombstone>;
}

/** A SyncSessionToken handed out by ListRecords; UpdateRecords must present it for the same identity and dataset. */
export interface SyncSessionState {
  identityPoolId: string;
  identityId: string;
  datasetName: string;
  expiresAt: number;
}

export interface CognitoSyncState {
  /** Keyed by identity id. */
  identities: Record<string, SyncIdentityState>;
  sessions: Record<string, SyncSessionState>;
  /** Per identity pool, how many sync sessions were opened (DescribeIdentityPoolUsage). */
  syncSessionsCount: Record<string, number>;
}

export function createCognitoSyncState(): CognitoSyncState {
  return { identities: createDict(), sessions: createDict(), syncSessionsCount: createDict() };
}
