import { describe, expect, it } from 'vitest';
import { resolveConflict, resolveWithValue } from '../../src/sync/merge';
import type { SyncConflict } from '../../src/sync/types';

const conflict = (
  local: string | null,
  localAt: number,
  remote: string | null,
  remoteAt?: number,
  serverAt = 0,
): SyncConflict => ({
  dataset: 'settings',
  key: 'theme',
  local: {
    identityId: 'i',
    dataset: 'settings',
    key: 'theme',
    value: local,
    syncCount: 1,
    lastModifiedDate: localAt,
    lastModifiedBy: 'phone',
    deviceLastModifiedDate: localAt,
    dirty: true,
  },
  remote: {
    key: 'theme',
    value: remote,
    syncCount: 2,
    lastModifiedDate: serverAt,
    deviceLastModifiedDate: remoteAt,
  },
});

describe('resolveConflict', () => {
  it('last-writer-wins picks the later device edit', () => {
    expect(resolveConflict(conflict('a', 2000, 'b', 1000))).toEqual({
      key: 'theme',
      value: 'a',
      source: 'local',
    });
    expect(resolveConflict(conflict('a', 1000, 'b', 2000))).toEqual({
      key: 'theme',
      value: 'b',
      source: 'remote',
    });
  });

  it('falls back to the server date when the remote writer sent no device date', () => {
    expect(resolveConflict(conflict('a', 1000, 'b', undefined, 3000))).toEqual({
      key: 'theme',
      value: 'b',
      source: 'remote',
    });
  });

  it('breaks a tie by the greater value, whichever side it is on, removal counting lowest', () => {
    expect(resolveConflict(conflict('b', 1000, 'a', 1000)).value).toBe('b');
    expect(resolveConflict(conflict('a', 1000, 'b', 1000)).value).toBe('b');
    expect(resolveConflict(conflict(null, 1000, '', 1000)).value).toBe('');
  });

  it('keep-local and keep-remote ignore the dates', () => {
    expect(resolveConflict(conflict('a', 1, 'b', 9), 'keep-local').value).toBe('a');
    expect(resolveConflict(conflict('a', 9, 'b', 1), 'keep-remote').value).toBe('b');
  });

  it('resolveWithValue records a custom choice', () => {
    expect(resolveWithValue(conflict('a', 1, 'b', 2), 'a+b')).toEqual({
      key: 'theme',
      value: 'a+b',
      source: 'custom',
    });
  });
});
