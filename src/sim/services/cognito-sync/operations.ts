import { createDict, deleteOwn, getOwn, setOwn } from '../../core/dict';
import { BASE64_ALPHABET } from '../../core/random';
import type { RequestContext } from '../../core/service';
import { createValidator } from '../../core/validate';
import type { World } from '../../world';
import {
  createDataset,
  datasetBytes,
  datasetToWire,
  findIdentity,
  identityState,
  liveRecords,
  recordToWire,
} from './datasets';
import { SYNC_LIMITS, syncErrors } from './errors';
import type { SyncRecordState } from './state';
import { wireDate } from './wire';

/**
 * The Cognito Sync operations over plain inputs (already authenticated and authorised by handler.ts).
 * Reference: Cognito Sync API reference; docs/aws-reference.md §9.3/9.4.
 */
const v = createValidator('InvalidParameterException');

export interface SyncTarget {
  identityPoolId: string;
  identityId: string;
  datasetName?: string;
  /** Who LastModifiedBy names: the caller's identity id, or the account for developer credentials. */
  actor: string;
}

function page(query: URLSearchParams): { offset: number; max: number } {
  const token = query.get('nextToken');
  const maxText = query.get('maxResults');
  let offset = 0;
  if (token !== null) {
    offset = Number.parseInt(atobSafe(token), 10);
    if (!Number.isInteger(offset) || offset < 0)
      throw syncErrors.invalidParameter('Invalid pagination token.');
  }
  const max = maxText === null ? SYNC_LIMITS.maxResults : Number.parseInt(maxText, 10);
  if (!Number.isInteger(max) || max < 1) throw syncErrors.invalidParameter(`Invalid maxResults: ${maxText}`);
  return { offset, max: Math.min(max, SYNC_LIMITS.maxResults) };
}

function atobSafe(token: string): string {
  try {
    return atob(token);
  } catch {
    throw syncErrors.invalidParameter('Invalid pagination token.');
  }
}

const nextToken = (offset: number) => btoa(String(offset));

export function listDatasets(world: World, t: SyncTarget, query: URLSearchParams) {
  const identity = findIdentity(world, t.identityId);
  const all = identity ? Object.values(identity.datasets).sort((a, b) => a.name.localeCompare(b.name)) : [];
  const { offset, max } = page(query);
  const slice = all.slice(offset, offset + max);
  return {
    Datasets: slice.map((d) => datasetToWire(t.identityId, d)),
    Count: slice.length,
    ...(offset + max < all.length ? { NextToken: nextToken(offset + max) } : {}),
  };
}

export function describeDataset(world: World, t: SyncTarget) {
  const dataset = getOwn(findIdentity(world, t.identityId)?.datasets, t.datasetName);
  if (!dataset) throw syncErrors.datasetNotFound(t.datasetName as string);
  return { Dataset: datasetToWire(t.identityId, dataset) };
}

export function deleteDataset(world: World, t: SyncTarget, ctx: RequestContext) {
  const name = t.datasetName as string;
  const identity = findIdentity(world, t.identityId);
  const dataset = getOwn(identity?.datasets, name);
  if (!identity || !dataset) throw syncErrors.datasetNotFound(name);
  const wire = datasetToWire(t.identityId, dataset);
  deleteOwn(identity.datasets, name);
  // "Datasets that this dataset was merged with will no longer report the merge" (API reference,
  // DeleteDataset): a client that folded `<name>.<oldId>` in and deleted it is not told of it again.
  for (const other of Object.values(identity.datasets)) {
    other.mergedDatasetNames = other.mergedDatasetNames.filter((n) => n !== name);
  }
  setOwn(identity.deleted, name, { deletedAt: world.now(), syncCount: dataset.syncCount });
  identity.lastModifiedDate = world.now();
  ctx.emit('state', `Dataset ${name} deleted (was at sync count ${dataset.syncCount})`, {
    identityId: t.identityId,
    datasetName: name,
  });
  return { Dataset: wire };
}

export function describeIdentityUsage(world: World, t: SyncTarget) {
  const identity = findIdentity(world, t.identityId);
  const datasets = identity ? Object.values(identity.datasets) : [];
  return {
    IdentityUsage: {
      IdentityId: t.identityId,
      IdentityPoolId: t.identityPoolId,
      ...(identity ? { LastModifiedDate: wireDate(identity.lastModifiedDate) } : {}),
      DatasetCount: datasets.length,
      DataStorage: datasets.reduce((n, d) => n + datasetBytes(d), 0),
    },
  };
}

export function describeIdentityPoolUsage(world: World, identityPoolId: string) {
  const identities = Object.values(world.state.cognitoSync.identities).filter(
    (i) => i.identityPoolId === identityPoolId,
  );
  const last = identities.reduce<number | undefined>(
    (m, i) => (m === undefined || i.lastModifiedDate > m ? i.lastModifiedDate : m),
    undefined,
  );
  return {
    IdentityPoolUsage: {
      IdentityPoolId: identityPoolId,
      SyncSessionsCount: getOwn(world.state.cognitoSync.syncSessionsCount, identityPoolId) ?? 0,
      DataStorage: identities.reduce(
        (n, i) => n + Object.values(i.datasets).reduce((m, d) => m + datasetBytes(d), 0),
        0,
      ),
      ...(last === undefined ? {} : { LastModifiedDate: wireDate(last) }),
    },
  };
}

export function listRecords(world: World, t: SyncTarget, query: URLSearchParams, ctx: RequestContext) {
  const name = t.datasetName as string;
  const lastSyncText = query.get('lastSyncCount');
  const lastSyncCount = lastSyncText === null ? 0 : Number.parseInt(lastSyncText, 10);
  if (!Number.isInteger(lastSyncCount))
    throw syncErrors.invalidParameter(`Invalid lastSyncCount: ${lastSyncText}`);
  // Every parameter is checked before a sync session is opened: a refused call changes nothing.
  const { offset, max } = page(query);
  const sessions = world.state.cognitoSync.sessions;
  let token = query.get('syncSessionToken') ?? undefined;
  if (token !== undefined) {
    checkSession(world, token, t);
  } else {
    token = world.random.string(64, BASE64_ALPHABET);
    setOwn(sessions, token, {
      identityPoolId: t.identityPoolId,
      identityId: t.identityId,
      datasetName: name,
      expiresAt: world.now() + SYNC_LIMITS.sessionTokenLifetimeMs,
    });
    const counts = world.state.cognitoSync.syncSessionsCount;
    setOwn(counts, t.identityPoolId, (getOwn(counts, t.identityPoolId) ?? 0) + 1);
  }
  const identity = findIdentity(world, t.identityId);
  const dataset = getOwn(identity?.datasets, name);
  const tombstone = getOwn(identity?.deleted, name);
  const changed = dataset
    ? Object.values(dataset.records)
        .filter((r) => r.syncCount > lastSyncCount)
        .sort((a, b) => a.syncCount - b.syncCount || (a.key < b.key ? -1 : 1))
    : [];
  const slice = changed.slice(offset, offset + max);
  ctx.emit('sync.records', `${slice.length} record(s) of ${name} changed after sync count ${lastSyncCount}`, {
    datasetName: name,
    lastSyncCount,
    datasetSyncCount: dataset?.syncCount ?? 0,
  });
  return {
    Records: slice.map(recordToWire),
    ...(offset + max < changed.length ? { NextToken: nextToken(offset + max) } : {}),
    Count: slice.length,
    DatasetSyncCount: dataset?.syncCount ?? 0,
    ...(dataset ? { LastModifiedBy: dataset.lastModifiedBy } : {}),
    ...(dataset && dataset.mergedDatasetNames.length > 0
      ? { MergedDatasetNames: [...dataset.mergedDatasetNames] }
      : {}),
    DatasetExists: dataset !== undefined,
    // A device that synced up to N before the dataset was deleted must drop its copy (docs/aws-reference.md §9.5 step 4).
    DatasetDeletedAfterRequestedSyncCount:
      tombstone !== undefined && lastSyncCount > 0 && lastSyncCount <= tombstone.syncCount,
    SyncSessionToken: token,
  };
}

function checkSession(world: World, token: string, t: SyncTarget) {
  const session = getOwn(world.state.cognitoSync.sessions, token);
  if (
    !session ||
    session.expiresAt <= world.now() ||
    session.identityId !== t.identityId ||
    session.identityPoolId !== t.identityPoolId ||
    session.datasetName !== t.datasetName
  ) {
    throw syncErrors.badSessionToken();
  }
}

interface Patch {
  op: 'replace' | 'remove';
  key: string;
  value?: string;
  syncCount: number;
  deviceLastModifiedDate?: number;
}

function parsePatches(body: Record<string, unknown>): Patch[] {
  const raw = body.RecordPatches ?? [];
  if (!Array.isArray(raw)) v.fail('Invalid type for parameter RecordPatches: expected a list');
  return (raw as unknown[]).map((item, i) => {
    const p = (item ?? {}) as Record<string, unknown>;
    const at = (f: string) => `recordPatches.${i + 1}.member.${f}`;
    const op = v.string(p, 'Op', undefined, at('op'));
    if (op !== 'replace' && op !== 'remove') {
      v.fail(
        `1 validation error detected: Value '${op}' at '${at('op')}' failed to satisfy constraint: Member must satisfy enum value set: [replace, remove]`,
      );
    }
    const key = v.string(p, 'Key', { min: 1, max: SYNC_LIMITS.maxRecordKeyLength }, at('key'));
    const value = v.optionalString(p, 'Value', { max: SYNC_LIMITS.maxRecordValueLength }, at('value'));
    // A wrong type is the validator's "Invalid type" answer; only a missing member is "Value null".
    if (v.optionalInteger(p, 'SyncCount', undefined, at('syncCount')) === undefined) {
      v.fail(
        `1 validation error detected: Value null at '${at('syncCount')}' failed to satisfy constraint: Member must not be null`,
      );
    }
    const device = p.DeviceLastModifiedDate;
    return {
      op: op as Patch['op'],
      key,
      value,
      syncCount: p.SyncCount as number,
      deviceLastModifiedDate: typeof device === 'number' ? Math.round(device * 1000) : undefined,
    };
  });
}

/**
 * UpdateRecords: optimistic concurrency per record. Every patch must name the record's current sync
 * count (0 for a new key); one stale count rejects the whole request with ResourceConflictException
 * (obs: the same value sent with a stale count is rejected too, amazon-cognito-js #31). On success
 * the dataset's count advances by one and every patched record gets it.
 */
export function updateRecords(
  world: World,
  t: SyncTarget,
  body: Record<string, unknown>,
  ctx: RequestContext,
) {
  const name = t.datasetName as string;
  v.optionalString(body, 'DeviceId', { min: 1, max: 256 }, 'deviceId');
  const token = v.string(body, 'SyncSessionToken', undefined, 'syncSessionToken');
  const patches = parsePatches(body);
  checkSession(world, token, t);
  // A refused write changes nothing: judge the patches before creating the identity's record.
  const existing = getOwn(findIdentity(world, t.identityId)?.datasets, name);
  for (const patch of patches) {
    const current = getOwn(existing?.records, patch.key)?.syncCount ?? 0;
    if (patch.syncCount !== current) throw syncErrors.staleSyncCount(patch.key, current, patch.syncCount);
  }
  const hadIdentity = findIdentity(world, t.identityId) !== undefined;
  const identity = identityState(world, t.identityPoolId, t.identityId);
  const dataset = existing ?? createDataset(world, identity, name, t.actor);
  const now = world.now();
  const nextCount = dataset.syncCount + 1;
  // Records are replaced, never edited in place, so a shallow copy restores them.
  const before = createDict(dataset.records);
  const written: SyncRecordState[] = [];
  for (const patch of patches) {
    const record: SyncRecordState = {
      key: patch.key,
      value: patch.op === 'remove' ? null : (patch.value ?? ''),
      syncCount: nextCount,
      lastModifiedDate: now,
      lastModifiedBy: t.actor,
      ...(patch.deviceLastModifiedDate === undefined
        ? {}
        : { deviceLastModifiedDate: patch.deviceLastModifiedDate }),
    };
    setOwn(dataset.records, patch.key, record);
    written.push(record);
  }
  const count = liveRecords(dataset).length;
  const bytes = datasetBytes(dataset);
  if (count > SYNC_LIMITS.recordsPerDataset || bytes > SYNC_LIMITS.datasetBytes) {
    dataset.records = before;
    if (!existing) deleteOwn(identity.datasets, name);
    if (!hadIdentity) deleteOwn(world.state.cognitoSync.identities, t.identityId);
    throw syncErrors.limitExceeded(
      count > SYNC_LIMITS.recordsPerDataset
        ? `The number of records in dataset ${name} would exceed the limit of ${SYNC_LIMITS.recordsPerDataset}.`
        : `The size of dataset ${name} would exceed the limit of ${SYNC_LIMITS.datasetBytes} bytes.`,
    );
  }
  if (patches.length > 0) {
    dataset.syncCount = nextCount;
    dataset.lastModifiedDate = now;
    dataset.lastModifiedBy = t.actor;
    identity.lastModifiedDate = now;
  }
  ctx.emit(
    'state',
    `Dataset ${name}: ${patches.length} record(s) written at sync count ${dataset.syncCount}`,
    {
      datasetName: name,
      syncCount: dataset.syncCount,
      keys: patches.map((p) => p.key),
    },
  );
  return { Records: written.map(recordToWire) };
}
