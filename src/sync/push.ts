import { type RecordPatch, SyncApiError } from './sync-api';
import type { LocalRecord, RemoteRecord } from './types';

/**
 * The push half of a sync (docs/aws-reference.md §9.3, §9.4): the dirty records as UpdateRecords patches, and the
 * two answers the client acts on. Any other failure (a refusal, the network) is not an outcome here:
 * it propagates and the client reports it.
 */

export function toPatches(dirty: LocalRecord[]): RecordPatch[] {
  return dirty.map((r) => ({
    op: r.value === null ? 'remove' : 'replace',
    key: r.key,
    ...(r.value === null ? {} : { value: r.value }),
    syncCount: r.syncCount,
    deviceLastModifiedDate: r.deviceLastModifiedDate,
  }));
}

/**
 * `written`: the cloud stored every patch and returned the records. `cloud-moved`: a
 * ResourceConflictException, another device wrote first (a stale SyncCount); pull again and retry.
 */
export type PushOutcome =
  | { kind: 'written'; records: RemoteRecord[] }
  | { kind: 'cloud-moved'; message: string };

/** Runs one UpdateRecords and turns its answer into a PushOutcome; rethrows anything else. */
export async function push(send: () => Promise<RemoteRecord[]>): Promise<PushOutcome> {
  try {
    return { kind: 'written', records: await send() };
  } catch (error) {
    if (error instanceof SyncApiError && error.code === 'ResourceConflictException')
      return { kind: 'cloud-moved', message: error.message };
    throw error;
  }
}
