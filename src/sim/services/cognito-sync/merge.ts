import { getOwn, hasOwn, setOwn } from '../../core/dict';
import type { World } from '../../world';
import { createDataset, identityState, liveRecords } from './datasets';

/**
 * What Cognito Sync does to the data of two identities that Cognito Identity merges (a guest signs
 * in with a login that already owns an identity; docs/aws-reference.md §4.11 and §9.6). Each dataset of the
 * disappearing identity is copied to the surviving one as `<name>.<oldIdentityId>`, and the
 * survivor's `<name>` dataset lists that copy in ListRecords' `MergedDatasetNames`, so the client's
 * `onDatasetsMerged` callback can fold it in. Nothing of either side is dropped.
 * (obs: aws-sdk-net #414 says the merged copy starts at sync count 1 on the server.)
 *
 * Called by the cognito-identity service when it merges identities.
 */
export function mergeSyncIdentities(
  world: World,
  identityPoolId: string,
  fromIdentityId: string,
  toIdentityId: string,
): string[] {
  const from = getOwn(world.state.cognitoSync.identities, fromIdentityId);
  if (!from || fromIdentityId === toIdentityId) return [];
  const to = identityState(world, identityPoolId, toIdentityId);
  const created: string[] = [];
  const now = world.now();
  for (const source of Object.values(from.datasets)) {
    const mergedName = `${source.name}.${fromIdentityId}`;
    if (hasOwn(to.datasets, mergedName)) continue;
    const copy = createDataset(world, to, mergedName, fromIdentityId);
    copy.syncCount += 1;
    for (const record of liveRecords(source)) {
      setOwn(copy.records, record.key, { ...record, syncCount: copy.syncCount, lastModifiedDate: now });
    }
    const base = getOwn(to.datasets, source.name) ?? createDataset(world, to, source.name, toIdentityId);
    if (!base.mergedDatasetNames.includes(mergedName)) base.mergedDatasetNames.push(mergedName);
    created.push(mergedName);
  }
  to.lastModifiedDate = now;
  return created;
}
