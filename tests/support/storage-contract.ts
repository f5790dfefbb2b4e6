import { describe, expect, it } from 'vitest';
import type { SyncStorage } from '../../src/sync/storage';
import type { LocalDataset, LocalRecord } from '../../src/sync/types';

/**
 * The rules every SyncStorage must keep. Run against each implementation with a factory that returns
 * a fresh storage, and a `reopen` that gives a second handle on the same data (a reload).
 */
export interface StorageFactory {
  create(): Promise<{ storage: SyncStorage; reopen(): SyncStorage }>;
}

export const record = (over: Partial<LocalRecord> = {}): LocalRecord => ({
  identityId: 'us-east-1:aaaa',
  dataset: 'settings',
  key: 'theme',
  value: 'dark',
  syncCount: 0,
  lastModifiedDate: 1000,
  lastModifiedBy: 'device',
  deviceLastModifiedDate: 1000,
  dirty: true,
  ...over,
});

export const dataset = (over: Partial<LocalDataset> = {}): LocalDataset => ({
  identityId: 'us-east-1:aaaa',
  name: 'settings',
  lastSyncCount: 0,
  creationDate: 1000,
  lastModifiedDate: 1000,
  ...over,
});

export function describeStorageContract(name: string, factory: StorageFactory) {
  describe(`storage contract: ${name}`, () => {
    it('stores a record and returns an equal copy, not the same object', async () => {
      const { storage } = await factory.create();
      const r = record();
      await storage.commit({ putRecords: [r] });
      const got = await storage.getRecord(r.identityId, r.dataset, r.key);
      expect(got).toEqual(r);
      expect(got).not.toBe(r);
    });

    it('keeps everything committed across a reopen (a page reload)', async () => {
      const { storage, reopen } = await factory.create();
      await storage.commit({
        identity: { identityId: 'us-east-1:aaaa', authenticated: false },
        putDatasets: [dataset()],
        putRecords: [record()],
      });
      const again = reopen();
      expect(await again.getIdentity()).toEqual({ identityId: 'us-east-1:aaaa', authenticated: false });
      expect(await again.listDatasets('us-east-1:aaaa')).toEqual([dataset()]);
      expect(await again.listRecords('us-east-1:aaaa', 'settings')).toEqual([record()]);
    });

    it('lists records of one dataset of one identity only, ordered by key', async () => {
      const { storage } = await factory.create();
      await storage.commit({
        putRecords: [
          record({ key: 'b' }),
          record({ key: 'a' }),
          record({ dataset: 'other', key: 'c' }),
          record({ identityId: 'us-east-1:bbbb', key: 'd' }),
        ],
      });
      expect((await storage.listRecords('us-east-1:aaaa', 'settings')).map((r) => r.key)).toEqual(['a', 'b']);
    });

    it('applies a batch atomically: a batch with one invalid record stores nothing', async () => {
      const { storage } = await factory.create();
      await storage.commit({ putRecords: [record({ value: 'before' })] });
      await expect(
        storage.commit({ putRecords: [record({ value: 'after' }), record({ key: '' })] }),
      ).rejects.toThrow();
      expect((await storage.getRecord('us-east-1:aaaa', 'settings', 'theme'))?.value).toBe('before');
    });

    it('deleting a dataset removes its records and nothing else', async () => {
      const { storage } = await factory.create();
      await storage.commit({
        putDatasets: [dataset(), dataset({ name: 'keep' })],
        putRecords: [record(), record({ dataset: 'keep' })],
      });
      await storage.commit({ deleteDatasets: [{ identityId: 'us-east-1:aaaa', name: 'settings' }] });
      expect(await storage.listDatasets('us-east-1:aaaa')).toEqual([dataset({ name: 'keep' })]);
      expect(await storage.listRecords('us-east-1:aaaa', 'settings')).toEqual([]);
      expect(await storage.listRecords('us-east-1:aaaa', 'keep')).toHaveLength(1);
    });

    it('deletes single records and keeps the dirty flag and sync count as written', async () => {
      const { storage } = await factory.create();
      await storage.commit({
        putRecords: [record({ key: 'x', syncCount: 7, dirty: false }), record({ key: 'y' })],
      });
      await storage.commit({
        deleteRecords: [{ identityId: 'us-east-1:aaaa', dataset: 'settings', key: 'y' }],
      });
      expect(await storage.listRecords('us-east-1:aaaa', 'settings')).toEqual([
        record({ key: 'x', syncCount: 7, dirty: false }),
      ]);
    });

    it('updates a dataset from what it holds at the commit, and from nothing else', async () => {
      const { storage, reopen } = await factory.create();
      await storage.commit({
        putDatasets: [dataset({ lastSyncCount: 4 })],
        putRecords: [record({ key: 'b', value: '2' }), record({ key: 'a', value: '1' })],
      });
      let seen: { keys: string[]; row: LocalDataset | undefined } | undefined;
      await storage.updateDataset('us-east-1:aaaa', 'settings', (records, row) => {
        seen = { keys: records.map((r) => r.key), row };
        return {
          putDatasets: [{ ...row!, lastSyncCount: row!.lastSyncCount + 1 }],
          putRecords: records.map((r) => ({ ...r, value: `${r.value}!`, dirty: false })),
        };
      });
      expect(seen).toEqual({ keys: ['a', 'b'], row: dataset({ lastSyncCount: 4 }) });
      const after = reopen();
      expect((await after.listRecords('us-east-1:aaaa', 'settings')).map((r) => [r.value, r.dirty])).toEqual([
        ['1!', false],
        ['2!', false],
      ]);
      expect((await after.getDataset('us-east-1:aaaa', 'settings'))?.lastSyncCount).toBe(5);
    });

    it('updates nothing when the decision throws or makes an invalid batch, and passes the error on', async () => {
      const { storage } = await factory.create();
      await storage.commit({ putRecords: [record({ value: 'before' })] });
      await expect(
        storage.updateDataset('us-east-1:aaaa', 'settings', () => {
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      await expect(
        storage.updateDataset('us-east-1:aaaa', 'settings', (records) => ({
          putRecords: [{ ...records[0]!, value: 'after' }, record({ key: '' })],
        })),
      ).rejects.toMatchObject({ name: 'StorageError', problem: 'invalid' });
      expect(await storage.listRecords('us-east-1:aaaa', 'settings')).toEqual([record({ value: 'before' })]);
    });
  });
}
