import { describe, expect, it } from 'vitest';
import { push, toPatches } from './push';
import { SyncApiError } from './sync-api';
import type { LocalRecord } from './types';

const record = (value: string | null): LocalRecord => ({
  identityId: 'id-1',
  dataset: 'settings',
  key: 'theme',
  value,
  syncCount: 2,
  lastModifiedDate: 1,
  lastModifiedBy: 'phone',
  deviceLastModifiedDate: 7,
  dirty: true,
});

describe('push', () => {
  it('sends a value as replace and a removal as remove, each with its sync count', () => {
    expect(toPatches([record('dark'), record(null)])).toEqual([
      { op: 'replace', key: 'theme', value: 'dark', syncCount: 2, deviceLastModifiedDate: 7 },
      { op: 'remove', key: 'theme', syncCount: 2, deviceLastModifiedDate: 7 },
    ]);
  });

  it('reads ResourceConflictException as the cloud having moved, and rethrows other errors', async () => {
    const moved = new SyncApiError(
      'ResourceConflictException',
      409,
      'Current SyncCount for: theme is: 3 not: 2',
    );
    expect(await push(() => Promise.reject(moved))).toEqual({ kind: 'cloud-moved', message: moved.message });
    const refused = new SyncApiError('NotAuthorizedException', 400, 'no');
    await expect(push(() => Promise.reject(refused))).rejects.toBe(refused);
    await expect(push(() => Promise.reject(new TypeError('Failed to fetch')))).rejects.toThrow(TypeError);
  });
});
