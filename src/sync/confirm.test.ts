import { describe, expect, it } from 'vitest';
import { confirmBatch } from './confirm';
import type { LocalDataset, LocalRecord } from './types';

const row: LocalDataset = {
  identityId: 'id-1',
  name: 'settings',
  lastSyncCount: 4,
  creationDate: 1,
  lastModifiedDate: 1,
};
const dirty = (key: string, value: string | null, lastModifiedDate = 10): LocalRecord => ({
  identityId: 'id-1',
  dataset: 'settings',
  key,
  value,
  syncCount: 4,
  lastModifiedDate,
  lastModifiedBy: 'phone',
  deviceLastModifiedDate: lastModifiedDate,
  dirty: true,
});
const base = { identityId: 'id-1', dataset: 'settings', pulledCount: 4, row, t: 50 };

describe('confirm (the write-ahead rule)', () => {
  it('clears the dirty flag of a write the cloud confirmed and advances to the next count', () => {
    const sent = [dirty('theme', 'dark')];
    const batch = confirmBatch({
      ...base,
      sent,
      current: sent,
      written: [{ key: 'theme', value: 'dark', syncCount: 5 }],
    });
    expect(batch.putRecords?.map((r) => [r.key, r.syncCount, r.dirty])).toEqual([['theme', 5, false]]);
    expect(batch.putDatasets).toEqual([{ ...row, lastSyncCount: 5, lastModifiedDate: 50 }]);
  });

  it('keeps a record edited while the push was in flight dirty, with the new sync count', () => {
    const sent = [dirty('theme', 'dark')];
    const current = [dirty('theme', 'blue', 20)];
    const batch = confirmBatch({
      ...base,
      sent,
      current,
      written: [{ key: 'theme', value: 'dark', syncCount: 5 }],
    });
    expect(batch.putRecords).toEqual([{ ...current[0], syncCount: 5 }]);
  });

  it('deletes a confirmed removal and keeps the pulled count when another device wrote in between', () => {
    const sent = [dirty('old', null)];
    const batch = confirmBatch({
      ...base,
      sent,
      current: sent,
      written: [{ key: 'old', value: null, syncCount: 6 }],
    });
    expect(batch.deleteRecords).toEqual([{ identityId: 'id-1', dataset: 'settings', key: 'old' }]);
    expect(batch.putDatasets?.[0]?.lastSyncCount).toBe(4);
  });
});
