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
  // The SDKs' resolveWithLastWriterWins compares the local record's lastModifiedDate with the remote
  // record's server LastModifiedDate, not the device dates (aws-sdk-android SyncConflict.java,
  // aws-sdk-ios AWSCognitoService.m defaultConflictHandler).
  it('last-writer-wins picks the later of the local edit and the server write of the remote one', () => {
    expect(resolveConflict(conflict('a', 2000, 'b', 500, 1000))).toEqual({
      key: 'theme',
      value: 'a',
      source: 'local',
    });
    expect(resolveConflict(conflict('a', 1000, 'b', 500, 2000))).toEqual({
      key: 'theme',
      value: 'b',
      source: 'remote',
    });
  });

  it('judges the remote side by when the cloud stored it, not by its device date', () => {
    // Edited offline at 1000 elsewhere, stored by the cloud at 3000: later than the local edit at 2000.
    expect(resolveConflict(conflict('a', 2000, 'b', 1000, 3000)).source).toBe('remote');
    // A device date ahead of the server's date does not make the remote edit win.
    expect(resolveConflict(conflict('a', 2000, 'b', 9000, 1500)).source).toBe('local');
  });

  it('breaks a tie by the greater value, whichever side it is on, removal counting lowest', () => {
    expect(resolveConflict(conflict('b', 1000, 'a', undefined, 1000)).value).toBe('b');
    expect(resolveConflict(conflict('a', 1000, 'b', undefined, 1000)).value).toBe('b');
    expect(resolveConflict(conflict(null, 1000, '', undefined, 1000)).value).toBe('');
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
