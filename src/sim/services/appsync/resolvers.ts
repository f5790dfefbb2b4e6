import { deleteOwn, getOwn, setOwn } from '../../core/dict';
import type { World } from '../../world';
import { automerge, exampleLambdaConflictHandler, type ItemPatch } from './conflict';
import { appsyncErrors } from './errors';
import { checkItemSize } from './limits';
import type { DeltaEntry, GraphqlApi, StoredItem } from './state';

/**
 * The shared list's resolvers over a versioned table. Every write bumps `_version`, stamps
 * `_lastChangedAt` from the injected clock and appends to the delta table; deletes leave a tombstone.
 * Each returns what the mutation answers and what subscribers receive.
 */
export interface ConflictReport {
  strategy: GraphqlApi['conflictHandler'];
  server: StoredItem;
  incoming: ItemPatch & { _version: number };
  outcome: 'rejected' | 'merged' | 'resolved' | 'removed';
  result?: StoredItem;
  decisions?: { field: string; rule: string }[];
}

export interface WriteResult {
  item: StoredItem;
  conflict?: ConflictReport;
}

const conflictUnhandled = (server: StoredItem) => appsyncErrors.conflictUnhandled(server);

function record(api: GraphqlApi, world: World, item: StoredItem): StoredItem {
  checkItemSize(world, item);
  setOwn(api.items, item.id, item);
  const entry: DeltaEntry = { item: { ...item, tags: [...item.tags] }, at: item._lastChangedAt };
  api.delta.push(entry);
  // Entries older than DeltaSyncTableTTL are gone, as DynamoDB TTL would remove them.
  const horizon = world.now() - api.deltaSyncTableTtlMinutes * 60_000;
  while (api.delta.length > 0 && (api.delta[0] as DeltaEntry).at < horizon) api.delta.shift();
  return item;
}

/** Tombstones past BaseTableTTL disappear (lazily, when the table is read). */
export function expireTombstones(api: GraphqlApi, world: World): void {
  const nowSeconds = Math.floor(world.now() / 1000);
  for (const [id, item] of Object.entries(api.items)) {
    if (item._deleted && item._ttl !== undefined && item._ttl <= nowSeconds) deleteOwn(api.items, id);
  }
}

export function createItem(
  api: GraphqlApi,
  world: World,
  owner: string,
  input: { id?: string; text: string; done?: boolean; tags?: string[] },
): StoredItem {
  const id = input.id ?? world.random.uuid();
  const existing = getOwn(api.items, id);
  if (existing && !existing._deleted) {
    // The DynamoDB PutItem behind a create carries attribute_not_exists(id).
    throw appsyncErrors.conditionalCheckFailed(existing);
  }
  return record(api, world, {
    id,
    text: input.text,
    done: input.done ?? false,
    owner,
    tags: input.tags ?? [],
    _version: 1,
    _lastChangedAt: world.now(),
    _deleted: false,
  });
}

export function updateItem(
  api: GraphqlApi,
  world: World,
  input: ItemPatch & { id: string; _version: number },
): WriteResult {
  const server = getOwn(api.items, input.id);
  if (!server) throw appsyncErrors.conditionalCheckFailed(null);
  const patch: ItemPatch = {
    text: input.text ?? undefined,
    done: input.done ?? undefined,
    tags: input.tags ?? undefined,
  };
  const bump = (fields: Pick<StoredItem, 'text' | 'done' | 'tags'>): StoredItem =>
    record(api, world, { ...server, ...fields, _version: server._version + 1, _lastChangedAt: world.now() });
  if (input._version === server._version && !server._deleted) {
    return {
      item: bump({
        text: patch.text ?? server.text,
        done: patch.done ?? server.done,
        tags: patch.tags ?? server.tags,
      }),
    };
  }
  const incoming = { ...patch, _version: input._version };
  const report: ConflictReport = {
    strategy: api.conflictHandler,
    server: { ...server },
    incoming,
    outcome: 'rejected',
  };
  if (
    api.conflictHandler === 'OPTIMISTIC_CONCURRENCY' ||
    (server._deleted && api.conflictHandler === 'AUTOMERGE')
  ) {
    throw Object.assign(conflictUnhandled(server), { report });
  }
  if (api.conflictHandler === 'AUTOMERGE') {
    const { merged, decisions } = automerge(server, patch);
    const item = bump(merged);
    return { item, conflict: { ...report, outcome: 'merged', result: item, decisions } };
  }
  const decision = exampleLambdaConflictHandler(server, patch);
  if (decision.action === 'REJECT') throw Object.assign(conflictUnhandled(server), { report });
  if (decision.action === 'REMOVE') {
    const item = tombstone(api, world, server);
    return { item, conflict: { ...report, outcome: 'removed', result: item } };
  }
  const item = bump(decision.item);
  return { item, conflict: { ...report, outcome: 'resolved', result: item } };
}

function tombstone(api: GraphqlApi, world: World, server: StoredItem): StoredItem {
  return record(api, world, {
    ...server,
    _deleted: true,
    _version: server._version + 1,
    _lastChangedAt: world.now(),
    _ttl: Math.floor(world.now() / 1000) + api.baseTableTtlMinutes * 60,
  });
}

export function deleteItem(
  api: GraphqlApi,
  world: World,
  input: { id: string; _version: number },
): WriteResult {
  const server = getOwn(api.items, input.id);
  if (!server || server._deleted) throw appsyncErrors.conditionalCheckFailed(server ?? null);
  if (input._version === server._version) return { item: tombstone(api, world, server) };
  const report: ConflictReport = {
    strategy: api.conflictHandler,
    server: { ...server },
    incoming: { _version: input._version },
    outcome: 'rejected',
  };
  if (api.conflictHandler === 'LAMBDA') {
    const decision = exampleLambdaConflictHandler(server, {});
    if (decision.action !== 'REJECT') {
      const item = tombstone(api, world, server);
      return { item, conflict: { ...report, outcome: 'removed', result: item } };
    }
  }
  // A stale delete is never merged: it would delete data the client has not seen.
  throw Object.assign(conflictUnhandled(server), { report });
}

/**
 * A pagination token the DynamoDB resolver cannot read is reported as AppSync reports it:
 * errorType `DynamoDB:UserIllegalArgumentException`, message naming InvalidPaginationTokenException
 * (observed: aws-amplify/amplify-cli#3411, aws-amplify/amplify-hosting#433).
 */
const invalidToken = () =>
  appsyncErrors.dynamoDbIllegalArgument(
    'com.amazonaws.deepdish.common.pagination.InvalidPaginationTokenException: Invalid pagination token given.',
  );

function decodeBase64(token: string): string {
  try {
    return atob(token);
  } catch {
    throw invalidToken();
  }
}

function decodeOffset(token: string): number {
  const text = decodeBase64(token);
  if (!/^\d{1,9}$/.test(text)) throw invalidToken();
  return Number(text);
}

function page<T>(
  all: T[],
  limit: number | undefined,
  nextToken: string | undefined,
): { items: T[]; nextToken: string | null } {
  const size = Math.min(Math.max(limit ?? 100, 1), 1000);
  let offset = 0;
  if (nextToken) offset = decodeOffset(nextToken);
  const items = all.slice(offset, offset + size);
  const next = offset + size < all.length ? btoa(String(offset + size)) : null;
  return { items, nextToken: next };
}

export function listItems(api: GraphqlApi, world: World, limit?: number, nextToken?: string) {
  expireTombstones(api, world);
  const live = Object.values(api.items).filter((i) => !i._deleted);
  return { ...page(live, limit, nextToken), startedAt: null };
}

/**
 * Delta Sync (AppSync "Sync operations"): without lastSync, or with one older than the delta table's
 * TTL, scan the base table (tombstones included); otherwise return the delta entries after lastSync.
 * `startedAt` is the time of the first page, carried through the pagination token.
 */
export function syncItems(
  api: GraphqlApi,
  world: World,
  args: { limit?: number; nextToken?: string; lastSync?: number },
) {
  expireTombstones(api, world);
  let startedAt = world.now();
  let token = args.nextToken;
  if (token) {
    const [offset, started, ...rest] = decodeBase64(token).split(':');
    startedAt = Number(started);
    if (rest.length > 0 || !Number.isSafeInteger(startedAt) || startedAt < 0) throw invalidToken();
    token = btoa(offset ?? '0');
  }
  const horizon = world.now() - api.deltaSyncTableTtlMinutes * 60_000;
  const useDelta = args.lastSync !== undefined && args.lastSync !== null && args.lastSync >= horizon;
  let source: StoredItem[];
  if (useDelta) {
    // Latest delta entry per item, changed after lastSync.
    const latest = new Map<string, StoredItem>();
    for (const entry of api.delta)
      if (entry.at > (args.lastSync as number) && entry.at <= startedAt)
        latest.set(entry.item.id, entry.item);
    source = [...latest.values()];
  } else {
    source = Object.values(api.items);
  }
  const result = page(source, args.limit, token);
  return {
    items: result.items,
    nextToken: result.nextToken ? btoa(`${atob(result.nextToken)}:${startedAt}`) : null,
    startedAt,
    mode: useDelta ? ('delta' as const) : ('base' as const),
  };
}
