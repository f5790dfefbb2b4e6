import type { ListRecordsPage } from './sync-api';
import type { RemoteRecord } from './types';

/**
 * The pull half of a sync (docs/aws-reference.md §9.5, step 2): every page of ListRecords since the dataset's last
 * sync count, under the one SyncSessionToken the first page handed out (UpdateRecords must carry it).
 */

/** One ListRecords call: the first page without a token, later pages with `nextToken` and the session. */
export type ListPage = (nextToken?: string, syncSessionToken?: string) => Promise<ListRecordsPage>;

export interface Pulled {
  /** The changed records of all pages, in the order the cloud sent them. */
  records: RemoteRecord[];
  /** The session token of the first page; the push of this sync must send it. */
  session: string;
  /** The last page: its dataset flags and `datasetSyncCount` describe the dataset after the pull. */
  last: ListRecordsPage;
}

export async function pullAll(list: ListPage): Promise<Pulled> {
  let page = await list();
  const session = page.syncSessionToken;
  const records = [...page.records];
  while (page.nextToken) {
    page = await list(page.nextToken, session);
    records.push(...page.records);
  }
  return { records, session, last: page };
}

/** What the pulled dataset is, from the device's point of view. */
export type PullOutcome = { kind: 'deleted' } | { kind: 'changes' };

/**
 * The cloud deleted the dataset after our last sync when it says so, or when a dataset we had synced
 * before (lastSyncCount > 0) no longer exists.
 */
export function classifyPull(last: ListRecordsPage, lastSyncCount: number): PullOutcome {
  const deleted = last.datasetDeletedAfterRequestedSyncCount || (!last.datasetExists && lastSyncCount > 0);
  return deleted ? { kind: 'deleted' } : { kind: 'changes' };
}

/** Merged datasets (`<name>.<oldIdentityId>`, docs/aws-reference.md §4.11) the cloud reports that we have not already seen locally. */
export function newMergedNames(last: ListRecordsPage, seenLocally: string[]): string[] {
  return last.mergedDatasetNames.filter((n) => !seenLocally.includes(n));
}

/** Local leftovers of an identity merge: datasets named `<dataset>.<something>`. */
export function localMergedNames(datasetNames: string[], dataset: string): string[] {
  return datasetNames.filter((n) => n.startsWith(`${dataset}.`));
}
