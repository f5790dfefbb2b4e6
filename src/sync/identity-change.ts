import type { StorageBatch, SyncStorage } from './storage';
import { type DeviceIdentity, type LocalRecord, UNKNOWN_IDENTITY } from './types';

/**
 * What the device does with its local data when its identity id changes (a guest signs in and Cognito
 * Identity answers with another id). Follows the AWS Android SDK's `changeIdentityId` (docs/aws-reference.md §9.6):
 * - data written before the device had any identity is simply re-parented to the new id;
 * - otherwise every dataset of the old identity is copied to the new one with its sync count reset
 *   and every record marked dirty, so the next synchronize() pushes it into the signed-in user's
 *   data (conflicting keys then go through conflict resolution), and is also kept, untouched, as
 *   `<name>.<oldIdentityId>`, the copy `onDatasetsMerged` reports. Neither side loses anything.
 * Returns one atomic batch.
 */
export async function identityChangeBatch(
  storage: SyncStorage,
  from: string,
  to: DeviceIdentity,
  now: number,
): Promise<StorageBatch> {
  const batch: StorageBatch = { identity: to, putDatasets: [], putRecords: [], deleteDatasets: [] };
  if (from === to.identityId) return batch;
  for (const dataset of await storage.listDatasets(from)) {
    const records = await storage.listRecords(from, dataset.name);
    batch.deleteDatasets?.push({ identityId: from, name: dataset.name });
    const existing = await storage.getDataset(to.identityId, dataset.name);
    if (from === UNKNOWN_IDENTITY) {
      const name = existing ? `${dataset.name}.${from}` : dataset.name;
      batch.putDatasets?.push({ ...dataset, identityId: to.identityId, name });
      batch.putRecords?.push(...records.map((r) => ({ ...r, identityId: to.identityId, dataset: name })));
      continue;
    }
    const targetKeys = new Set(
      (existing ? await storage.listRecords(to.identityId, dataset.name) : []).map((r) => r.key),
    );
    const moved = (r: LocalRecord, name: string, dirty: boolean): LocalRecord => ({
      ...r,
      identityId: to.identityId,
      dataset: name,
      ...(dirty ? { syncCount: 0, dirty: true, lastModifiedDate: now } : {}),
    });
    batch.putDatasets?.push(existing ?? { ...dataset, identityId: to.identityId, lastSyncCount: 0 });
    // Keys the signed-in identity already holds locally stay as they are here; the guest's values for
    // them survive in the suffixed copy below.
    batch.putRecords?.push(
      ...records
        .filter((r) => r.value !== null && !targetKeys.has(r.key))
        .map((r) => moved(r, dataset.name, true)),
    );
    const keptName = `${dataset.name}.${from}`;
    batch.putDatasets?.push({ ...dataset, identityId: to.identityId, name: keptName, lastSyncCount: 0 });
    batch.putRecords?.push(...records.filter((r) => r.value !== null).map((r) => moved(r, keptName, false)));
  }
  return batch;
}
