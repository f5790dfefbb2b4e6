import { describe, expect, it } from 'vitest';
import { classifyPull, localMergedNames, newMergedNames, pullAll } from './pull';
import type { ListRecordsPage } from './sync-api';

const page = (over: Partial<ListRecordsPage>): ListRecordsPage => ({
  records: [],
  datasetSyncCount: 3,
  datasetExists: true,
  datasetDeletedAfterRequestedSyncCount: false,
  mergedDatasetNames: [],
  syncSessionToken: 'session-1',
  ...over,
});

describe('pull', () => {
  it('follows nextToken with the first page session token and joins the records in order', async () => {
    const calls: [string | undefined, string | undefined][] = [];
    const pages = [
      page({ records: [{ key: 'a', value: '1', syncCount: 1 }], nextToken: 't1' }),
      page({ records: [{ key: 'b', value: '2', syncCount: 2 }], syncSessionToken: 'session-2' }),
    ];
    const pulled = await pullAll(async (token, session) => {
      calls.push([token, session]);
      return pages[calls.length - 1] as ListRecordsPage;
    });
    expect(calls).toEqual([
      [undefined, undefined],
      ['t1', 'session-1'],
    ]);
    expect(pulled.records.map((r) => r.key)).toEqual(['a', 'b']);
    expect(pulled.session).toBe('session-1');
  });

  it('reads a vanished dataset as deleted only when the device had synced it before', () => {
    expect(classifyPull(page({ datasetExists: false }), 0)).toEqual({ kind: 'changes' });
    expect(classifyPull(page({ datasetExists: false }), 2)).toEqual({ kind: 'deleted' });
    expect(classifyPull(page({ datasetDeletedAfterRequestedSyncCount: true }), 0)).toEqual({
      kind: 'deleted',
    });
  });

  it('reports merged datasets once, whether seen locally or from the cloud', () => {
    const local = localMergedNames(['settings', 'settings.us-east-1:old', 'other.x'], 'settings');
    expect(local).toEqual(['settings.us-east-1:old']);
    const cloud = page({ mergedDatasetNames: ['settings.us-east-1:old', 'settings.us-east-1:older'] });
    expect(newMergedNames(cloud, local)).toEqual(['settings.us-east-1:older']);
  });
});
