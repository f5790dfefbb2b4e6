import { describe, expect, it } from 'vitest';
import { checkNames, deletedDatasetReset, localWriteBatch, newDatasetRow } from './local-writes';
import type { LocalRecord } from './types';

const row = newDatasetRow('id-1', 'settings', 5);
const stored = (syncCount: number, dirty = false, value: string | null = 'x'): LocalRecord => ({
  identityId: 'id-1',
  dataset: 'settings',
  key: 'theme',
  value,
  syncCount,
  lastModifiedDate: 1,
  lastModifiedBy: 'phone',
  deviceLastModifiedDate: 1,
  dirty,
});
const write = { identityId: 'id-1', dataset: 'settings', key: 'theme', row, t: 9, deviceName: 'phone' };

describe('local writes', () => {
  it('writes a put as a dirty record that keeps the known sync count', () => {
    const batch = localWriteBatch({ ...write, value: 'dark', existing: stored(3) });
    expect(batch.putRecords).toEqual([
      { ...stored(3, true, 'dark'), lastModifiedDate: 9, deviceLastModifiedDate: 9 },
    ]);
  });

  it('forgets a removal of a key the cloud never saw, and ignores a removal of an absent key', () => {
    expect(localWriteBatch({ ...write, value: null, existing: stored(0, true) }).deleteRecords).toEqual([
      { identityId: 'id-1', dataset: 'settings', key: 'theme' },
    ]);
    expect(localWriteBatch({ ...write, value: null, existing: undefined })).toEqual({});
  });

  it('marks a removal of a synced key as a dirty null, to be pushed', () => {
    const batch = localWriteBatch({ ...write, value: null, existing: stored(2) });
    expect(batch.putRecords?.map((r) => [r.value, r.syncCount, r.dirty])).toEqual([[null, 2, true]]);
  });

  it('after a cloud deletion keeps only unsynced values, as new keys', () => {
    const batch = deletedDatasetReset({ ...row, lastSyncCount: 4 }, [
      stored(2),
      stored(3, true, 'mine'),
      stored(3, true, null),
    ]);
    expect(batch.putRecords?.map((r) => [r.value, r.syncCount])).toEqual([['mine', 0]]);
    expect(batch.putDatasets?.[0]?.lastSyncCount).toBe(0);
  });

  it('refuses names and sizes Cognito Sync refuses', () => {
    expect(() => checkNames('bad name')).toThrow(RangeError);
    expect(() => checkNames('ok', '')).toThrow(RangeError);
    expect(() => checkNames('ok', 'k', 'v')).not.toThrow();
  });
});
