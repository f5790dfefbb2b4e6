import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createIdbStorage } from '../../src/sync/idb-storage';
import { createMemoryStorage } from '../../src/sync/memory-storage';
import type { SyncStorage } from '../../src/sync/storage';
import { describeStorageContract, record } from '../support/storage-contract';

let n = 0;

describeStorageContract('memory', {
  async create() {
    const storage = createMemoryStorage();
    return { storage, reopen: () => storage };
  },
});

describeStorageContract('IndexedDB', {
  async create() {
    const device = `contract-${++n}`;
    return { storage: createIdbStorage(device), reopen: () => createIdbStorage(device) };
  },
});

describe('IndexedDB storage failures', () => {
  it('turns a full quota into a clear message and keeps what was stored', async () => {
    const storage = createIdbStorage(`quota-${++n}`);
    await storage.commit({ putRecords: [record({ value: 'safe' })] });
    const realPut = IDBObjectStore.prototype.put;
    let calls = 0;
    // The first put of the batch succeeds inside the transaction, the second hits the quota: the
    // transaction must roll the first one back too.
    IDBObjectStore.prototype.put = function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      calls += 1;
      if (calls === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    };
    try {
      await expect(
        storage.commit({ putRecords: [record({ value: 'lost?' }), record({ key: 'second' })] }),
      ).rejects.toMatchObject({
        name: 'StorageError',
        problem: 'quota',
        message:
          'The device storage is full (QuotaExceededError). The last change was not saved; everything saved before is intact.',
      });
    } finally {
      IDBObjectStore.prototype.put = realPut;
    }
    expect(await storage.listRecords('us-east-1:aaaa', 'settings')).toEqual([record({ value: 'safe' })]);
  });

  it('upgrades an older schema version and keeps the data written under it', async () => {
    const device = `upgrade-${++n}`;
    await createIdbStorage(device).commit({ putRecords: [record()] });
    expect(await createIdbStorage(device, { version: 2 }).listRecords('us-east-1:aaaa', 'settings')).toEqual([
      record(),
    ]);
  });

  it('reports a database held open at an older version by another tab as blocked', async () => {
    const device = `blocked-${++n}`;
    await createIdbStorage(device).commit({ putRecords: [record()] });
    // Another tab holds version 1 open and ignores the versionchange request.
    const old = await new Promise<IDBDatabase>((resolve) => {
      const req = indexedDB.open(`identity-atlas-sync-${device}`, 1);
      req.onsuccess = () => resolve(req.result);
    });
    const storage: SyncStorage = createIdbStorage(device, { version: 2 });
    await expect(storage.getIdentity()).rejects.toMatchObject({ problem: 'blocked' });
    old.close();
    expect(await createIdbStorage(device, { version: 2 }).listRecords('us-east-1:aaaa', 'settings')).toEqual([
      record(),
    ]);
  });
});
