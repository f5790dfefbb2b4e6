import type { ConflictResolution, SyncConflict } from './types';

/**
 * Conflict resolution, as one pure function. A conflict is a key the device changed locally (dirty)
 * that the cloud also changed since the device's last sync, to a different value (docs/aws-reference.md §9.5 step 5).
 *
 * Strategies:
 * - `last-writer-wins` (default, as the AWS Android/iOS clients did when no handler was given): the
 *   side changed later wins, as the SDKs' `resolveWithLastWriterWins` judges it: the local record's
 *   `lastModifiedDate` (when this device made the edit) against the remote record's `LastModifiedDate`
 *   (when the cloud stored the other write; its `DeviceLastModifiedDate` only if the server sent none).
 *   A remote edit made offline long ago but stored after the local edit therefore wins
 *   (aws-sdk-android SyncConflict.java, aws-sdk-ios AWSCognitoService.m defaultConflictHandler).
 *   Tie-break, deterministic and the same on every device (the SDKs disagree: Android keeps local,
 *   iOS remote): the greater value by UTF-16 code units wins, a removal (`null`) counting as the
 *   smallest value.
 * - `keep-local`, `keep-remote`: one side always wins.
 * (The AWS JavaScript library aborted the sync on any conflict unless the app handled it.)
 */
export const ConflictStrategy = {
  lastWriterWins: 'last-writer-wins',
  keepLocal: 'keep-local',
  keepRemote: 'keep-remote',
} as const;
export type ConflictStrategy = (typeof ConflictStrategy)[keyof typeof ConflictStrategy];

export function resolveConflict(
  conflict: SyncConflict,
  strategy: ConflictStrategy = ConflictStrategy.lastWriterWins,
): ConflictResolution {
  const { key, local, remote } = conflict;
  const keepLocal = (): ConflictResolution => ({ key, value: local.value, source: 'local' });
  const keepRemote = (): ConflictResolution => ({ key, value: remote.value, source: 'remote' });
  if (strategy === ConflictStrategy.keepLocal) return keepLocal();
  if (strategy === ConflictStrategy.keepRemote) return keepRemote();
  const localTime = local.lastModifiedDate;
  const remoteTime = remote.lastModifiedDate ?? remote.deviceLastModifiedDate ?? 0;
  if (localTime !== remoteTime) return localTime > remoteTime ? keepLocal() : keepRemote();
  return compareValues(local.value, remote.value) >= 0 ? keepLocal() : keepRemote();
}

function compareValues(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/** Settles a custom value chosen by the person (the conflict dialog's "merge" choice). */
export const resolveWithValue = (conflict: SyncConflict, value: string | null): ConflictResolution => ({
  key: conflict.key,
  value,
  source: 'custom',
});
