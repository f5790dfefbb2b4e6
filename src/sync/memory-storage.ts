import { byRecordKey, checkBatch, type StorageBatch, type SyncStorage } from './storage';
import type { DeviceIdentity, LocalDataset, LocalRecord } from './types';

/** The local cache in memory (tests, and devices whose browser refuses IndexedDB). Same contract as idb-storage.ts. */
export function createMemoryStorage(): SyncStorage {
  let identity: DeviceIdentity | undefined;
  const datasets = new Map<string, LocalDataset>();
  const records = new Map<string, LocalRecord>();
  const dk = (identityId: string, name: string) => JSON.stringify([identityId, name]);
  const rk = (identityId: string, dataset: string, key: string) => JSON.stringify([identityId, dataset, key]);
  const copy = <T>(v: T): T => structuredClone(v);
  return {
    async getIdentity() {
      return identity && copy(identity);
    },
    async getDataset(identityId, name) {
      const d = datasets.get(dk(identityId, name));
      return d && copy(d);
    },
    async listDatasets(identityId) {
      return [...datasets.values()]
        .filter((d) => d.identityId === identityId)
        .sort((a, b) => (a.name < b.name ? -1 : 1))
        .map(copy);
    },
    async getRecord(identityId, dataset, key) {
      const r = records.get(rk(identityId, dataset, key));
      return r && copy(r);
    },
    async listRecords(identityId, dataset) {
      return datasetRecords(identityId, dataset);
    },
    async commit(batch: StorageBatch) {
      apply(batch);
    },
    async updateDataset(identityId, dataset, decide) {
      // Nothing runs between the read and the write here (no await), which is what makes it atomic.
      const row = datasets.get(dk(identityId, dataset));
      apply(decide(datasetRecords(identityId, dataset), row && copy(row)));
    },
    async close() {},
  };

  function datasetRecords(identityId: string, dataset: string): LocalRecord[] {
    return [...records.values()]
      .filter((r) => r.identityId === identityId && r.dataset === dataset)
      .sort(byRecordKey)
      .map(copy);
  }

  function apply(batch: StorageBatch) {
    checkBatch(batch);
    if (batch.identity) identity = copy(batch.identity);
    for (const d of batch.deleteDatasets ?? []) {
      datasets.delete(dk(d.identityId, d.name));
      for (const [k, r] of records)
        if (r.identityId === d.identityId && r.dataset === d.name) records.delete(k);
    }
    for (const d of batch.putDatasets ?? []) datasets.set(dk(d.identityId, d.name), copy(d));
    for (const r of batch.deleteRecords ?? []) records.delete(rk(r.identityId, r.dataset, r.key));
    for (const r of batch.putRecords ?? []) records.set(rk(r.identityId, r.dataset, r.key), copy(r));
  }
}
