import { createDict, getOwn, setOwn } from '../../core/dict';
import type { World } from '../../world';
import { SYNC_LIMITS, syncErrors } from './errors';
import type { SyncDatasetState, SyncIdentityState, SyncRecordState } from './state';
import { wireDate } from './wire';

/** Helpers over the service state shared by the operations and the identity merge. */

export function identityState(world: World, identityPoolId: string, identityId: string): SyncIdentityState {
  const all = world.state.cognitoSync.identities;
  let identity = getOwn(all, identityId);
  if (!identity) {
    identity = {
      identityPoolId,
      identityId,
      lastModifiedDate: world.now(),
      datasets: createDict(),
      deleted: createDict(),
    };
    setOwn(all, identityId, identity);
  }
  return identity;
}

export function findIdentity(world: World, identityId: string): SyncIdentityState | undefined {
  return getOwn(world.state.cognitoSync.identities, identityId);
}

/** Creates a dataset on first write, as AWS does ("Datasets are automatically created if they don't exist"). */
export function createDataset(
  world: World,
  identity: SyncIdentityState,
  name: string,
  by: string,
): SyncDatasetState {
  if (Object.keys(identity.datasets).length >= SYNC_LIMITS.datasetsPerIdentity) {
    throw syncErrors.limitExceeded(
      `The number of datasets for identity ${identity.identityId} would exceed the limit of ${SYNC_LIMITS.datasetsPerIdentity}.`,
    );
  }
  const now = world.now();
  // Counts continue above a deleted dataset of the same name, so an old device's lastSyncCount
  // can still be recognised as "from before the deletion".
  const floor = getOwn(identity.deleted, name)?.syncCount ?? 0;
  const dataset: SyncDatasetState = {
    name,
    creationDate: now,
    lastModifiedDate: now,
    lastModifiedBy: by,
    syncCount: floor,
    records: createDict(),
    mergedDatasetNames: [],
  };
  setOwn(identity.datasets, name, dataset);
  return dataset;
}

export const liveRecords = (dataset: SyncDatasetState): SyncRecordState[] =>
  Object.values(dataset.records).filter((r) => r.value !== null);

const utf8Length = (s: string) => new TextEncoder().encode(s).length;

/** DataStorage: bytes of the keys and values of the live records (unv: AWS does not define the sum). */
export function datasetBytes(dataset: SyncDatasetState): number {
  return liveRecords(dataset).reduce((n, r) => n + utf8Length(r.key) + utf8Length(r.value ?? ''), 0);
}

export function datasetToWire(identityId: string, dataset: SyncDatasetState) {
  return {
    IdentityId: identityId,
    DatasetName: dataset.name,
    CreationDate: wireDate(dataset.creationDate),
    LastModifiedDate: wireDate(dataset.lastModifiedDate),
    LastModifiedBy: dataset.lastModifiedBy,
    DataStorage: datasetBytes(dataset),
    NumRecords: liveRecords(dataset).length,
  };
}

export function recordToWire(record: SyncRecordState) {
  return {
    Key: record.key,
    ...(record.value === null ? {} : { Value: record.value }),
    SyncCount: record.syncCount,
    LastModifiedDate: wireDate(record.lastModifiedDate),
    LastModifiedBy: record.lastModifiedBy,
    ...(record.deviceLastModifiedDate === undefined
      ? {}
      : { DeviceLastModifiedDate: wireDate(record.deviceLastModifiedDate) }),
  };
}
