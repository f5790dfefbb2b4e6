import { describe, expect, it } from 'vitest';
import { applyResolutions, dirtyAfter, reconcile } from './reconcile';
import type { LocalRecord, RemoteRecord } from './types';

const local = (key: string, value: string | null, dirty: boolean, syncCount = 1): LocalRecord => ({
  identityId: 'id-1',
  dataset: 'settings',
  key,
  value,
  syncCount,
  lastModifiedDate: 10,
  lastModifiedBy: 'phone',
  deviceLastModifiedDate: 10,
  dirty,
});
const remote = (key: string, value: string | null, syncCount: number): RemoteRecord => ({
  key,
  value,
  syncCount,
  lastModifiedDate: 20,
  lastModifiedBy: 'laptop',
});

describe('reconcile', () => {
  it('takes remote changes to clean keys and removes keys the cloud removed', () => {
    const out = reconcile(
      'id-1',
      'settings',
      [remote('theme', 'dark', 2), remote('old', null, 3)],
      [local('theme', 'light', false)],
    );
    expect(out.conflicts).toEqual([]);
    expect(out.batch.putRecords.map((r) => [r.key, r.value, r.syncCount, r.dirty])).toEqual([
      ['theme', 'dark', 2, false],
    ]);
    expect(out.batch.deleteRecords).toEqual([{ identityId: 'id-1', dataset: 'settings', key: 'old' }]);
  });

  it('reports a conflict only for a dirty key the cloud changed to a different value', () => {
    const mine = [local('theme', 'blue', true), local('lang', 'en', true)];
    const out = reconcile('id-1', 'settings', [remote('theme', 'dark', 2), remote('lang', 'en', 2)], mine);
    expect(out.conflicts).toEqual([
      { dataset: 'settings', key: 'theme', local: mine[0], remote: remote('theme', 'dark', 2) },
    ]);
    expect(out.batch.putRecords.map((r) => r.key)).toEqual(['lang']);
  });

  it('keeps a local resolution dirty with the remote sync count, so the push is not stale', () => {
    const out = reconcile(
      'id-1',
      'settings',
      [remote('theme', 'dark', 7)],
      [local('theme', 'blue', true, 1)],
    );
    applyResolutions(out, 'id-1', [{ key: 'theme', value: 'blue', source: 'local' }], undefined, () => 99);
    expect(out.batch.putRecords).toEqual([{ ...local('theme', 'blue', true, 7), lastModifiedDate: 99 }]);
  });

  it('applies a remote resolution as a clean record', () => {
    const out = reconcile('id-1', 'settings', [remote('theme', 'dark', 7)], [local('theme', 'blue', true)]);
    applyResolutions(out, 'id-1', [{ key: 'theme', value: 'dark', source: 'remote' }], undefined, () => 99);
    expect(out.batch.putRecords.map((r) => [r.value, r.syncCount, r.dirty])).toEqual([['dark', 7, false]]);
  });
});

describe('dirtyAfter', () => {
  it('is what storage would list as dirty once the reconciled batch is committed', () => {
    const locals = [
      local('a-clean', 'x', false),
      local('b-mine', 'mine', true),
      local('c-same', 'same', true),
      local('d-theirs', 'mine', true),
      local('e-gone', 'y', false),
    ];
    const pulled = [
      remote('a-clean', 'changed', 2),
      // The cloud already holds this device's value: taken as it is (clean).
      remote('c-same', 'same', 2),
      remote('d-theirs', 'theirs', 3),
      remote('e-gone', null, 4),
      remote('f-new', 'new', 5),
    ];
    const out = reconcile('id-1', 'settings', pulled, locals);
    expect(out.conflicts.map((c) => c.key)).toEqual(['d-theirs']);
    // Before the conflict is decided, its local value is still dirty and unchanged.
    expect(dirtyAfter(locals, out.batch).map((r) => [r.key, r.value])).toEqual([
      ['b-mine', 'mine'],
      ['d-theirs', 'mine'],
    ]);
    applyResolutions(
      out,
      'id-1',
      [{ key: 'd-theirs', source: 'custom', value: 'both' }],
      undefined,
      () => 30,
    );
    expect(dirtyAfter(locals, out.batch).map((r) => [r.key, r.value, r.syncCount])).toEqual([
      ['b-mine', 'mine', 1],
      ['d-theirs', 'both', 3],
    ]);
    const remoteWins = reconcile('id-1', 'settings', pulled, locals);
    applyResolutions(
      remoteWins,
      'id-1',
      [{ key: 'd-theirs', source: 'remote', value: 'theirs' }],
      undefined,
      () => 30,
    );
    expect(dirtyAfter(locals, remoteWins.batch).map((r) => r.key)).toEqual(['b-mine']);
  });
});
