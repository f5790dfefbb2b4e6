/**
 * The device-side model of Cognito Sync (reference 9.5): a local cache of datasets and records, each
 * record with its last known server sync count and a dirty flag, each dataset with the last sync count
 * it pulled. Dates are epoch milliseconds of the device clock.
 */

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

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Where the client gets its Cognito identity and that identity's AWS credentials (needs the network). */
export type IdentitySource = () => Promise<{
  identityId: string;
  authenticated: boolean;
  credentials: AwsCredentials;
}>;
