import { identityChangeBatch } from './identity-change';
import { type ConflictStrategy, resolveConflict } from './merge';
import { StorageError, type StorageBatch, type SyncStorage } from './storage';
import {
  deleteDataset as deleteRemote,
  listRecords,
  type RecordPatch,
  SyncApiError,
  type SyncApiContext,
  updateRecords,
} from './sync-api';
import {
  type ConflictResolution,
  type IdentitySource,
  type LocalRecord,
  type RemoteRecord,
  type SyncConflict,
  type SyncStatus,
  UNKNOWN_IDENTITY,
} from './types';

/**
 * The offline sync client of one device: the Cognito Sync client model (reference 9.5) over a local
 * cache. Local operations apply at once, online or offline; `synchronize` pulls, resolves, pushes.
 *
 * Write-ahead rule: a record's dirty flag is cleared only after UpdateRecords confirmed that exact
 * write, so a reload, a crash or a closed tab at any point leaves every unconfirmed change pending.
 *
 * @example
 * const client = createSyncClient({ fetch: device.fetch, storage: createIdbStorage('phone'), now: Date.now,
 *   identity: cognitoIdentitySource({ fetch: device.fetch, region, identityPoolId }), region, identityPoolId });
 * await client.put('settings', 'theme', 'dark');
 * await client.synchronize('settings');
 */
export interface SyncCallbacks {
  /** After a successful sync, with the records the cloud sent. */
  onSuccess?(dataset: string, newRecords: RemoteRecord[]): void;
  onFailure?(error: Error): void;
  /** Decide each conflict; return `false` to abort the sync. Default: the client's `conflictStrategy`. */
  onConflict?(
    dataset: string,
    conflicts: SyncConflict[],
  ): Promise<ConflictResolution[] | false> | ConflictResolution[] | false;
  /** The cloud deleted the dataset after our last sync. `true`: drop the synced local copy (unsynced edits are kept and pushed). Default true. */
  onDatasetDeleted?(dataset: string): Promise<boolean> | boolean;
  /** Merged datasets exist (`<name>.<oldIdentityId>`); `false` stops the sync. Default true. */
  onDatasetsMerged?(dataset: string, names: string[]): Promise<boolean> | boolean;
}

/** Events for the wire timeline (the UI shows them beside the requests). */
export type SyncEvent =
  | { type: 'conflicts'; dataset: string; conflicts: SyncConflict[] }
  | { type: 'resolved'; dataset: string; resolutions: ConflictResolution[] }
  | { type: 'retry'; dataset: string; attempt: number; reason: string }
  | { type: 'identity-changed'; from: string; to: string }
  | { type: 'dataset-deleted'; dataset: string }
  | { type: 'merged'; dataset: string; names: string[] };

export interface SyncClientOptions {
  fetch: (request: Request) => Promise<Response>;
  storage: SyncStorage;
  now: () => number;
  identity: IdentitySource;
  region: string;
  identityPoolId: string;
  conflictStrategy?: ConflictStrategy;
  /** Bounded retries when the cloud moved during a sync (AWS JS library: MAX_RETRY = 3). */
  maxRetries?: number;
  /** Written into LastModifiedBy locally until the cloud answers. */
  deviceName?: string;
  onEvent?(event: SyncEvent): void;
}

export interface SyncOutcome {
  ok: boolean;
  reason?: 'offline' | 'conflict-aborted' | 'retries-exhausted' | 'failed' | 'stopped';
  error?: Error;
}

const DATASET_NAME = /^[a-zA-Z0-9_.:-]{1,128}$/;

export function createSyncClient(options: SyncClientOptions) {
  const { storage, now } = options;
  const maxRetries = options.maxRetries ?? 3;
  const listeners = new Set<() => void>();
  let status: SyncStatus = { state: 'idle', pending: 0 };
  const running = new Map<string, Promise<SyncOutcome>>();

  const notify = () => {
    for (const l of listeners) l();
  };
  const setStatus = (next: Partial<SyncStatus>) => {
    status = { ...status, ...next };
    notify();
  };

  async function currentIdentity(): Promise<string> {
    return (await storage.getIdentity())?.identityId ?? UNKNOWN_IDENTITY;
  }

  async function refreshPending(): Promise<void> {
    const identityId = await currentIdentity();
    let pending = 0;
    for (const d of await storage.listDatasets(identityId)) {
      pending += (await storage.listRecords(identityId, d.name)).filter((r) => r.dirty).length;
    }
    setStatus({ pending, identityId: identityId === UNKNOWN_IDENTITY ? undefined : identityId });
  }

  /** Runs a local write; a storage failure becomes the status message and rejects, nothing else changes. */
  async function local(batch: (identityId: string) => Promise<StorageBatch>): Promise<void> {
    try {
      const identityId = await currentIdentity();
      await storage.commit(await batch(identityId));
    } catch (error) {
      if (error instanceof StorageError) setStatus({ state: 'error', lastError: error.message });
      throw error;
    }
    await refreshPending();
  }

  function check(dataset: string, key?: string, value?: string) {
    if (!DATASET_NAME.test(dataset))
      throw new RangeError(
        `Dataset names are 1–128 characters of a-z, A-Z, 0-9, '_', '.', ':' and '-' (got "${dataset}").`,
      );
    if (key !== undefined && (key.length < 1 || key.length > 1024))
      throw new RangeError('Record keys are 1–1024 characters long.');
    if (value !== undefined && value.length > 1_048_575)
      throw new RangeError('Record values are at most 1,048,575 characters long.');
  }

  async function datasetRow(identityId: string, dataset: string, t: number) {
    return (
      (await storage.getDataset(identityId, dataset)) ?? {
        identityId,
        name: dataset,
        lastSyncCount: 0,
        creationDate: t,
        lastModifiedDate: t,
      }
    );
  }

  async function write(dataset: string, key: string, value: string | null) {
    await local(async (identityId) => {
      const t = now();
      const existing = await storage.getRecord(identityId, dataset, key);
      const d = await datasetRow(identityId, dataset, t);
      if (value === null && existing && existing.syncCount === 0) {
        // Never reached the cloud: forget it outright, there is nothing to remove remotely.
        return {
          putDatasets: [{ ...d, lastModifiedDate: t }],
          deleteRecords: [{ identityId, dataset, key }],
        };
      }
      if (value === null && !existing) return {};
      const record: LocalRecord = {
        identityId,
        dataset,
        key,
        value,
        syncCount: existing?.syncCount ?? 0,
        lastModifiedDate: t,
        lastModifiedBy: options.deviceName ?? 'this device',
        deviceLastModifiedDate: t,
        dirty: true,
      };
      return { putDatasets: [{ ...d, lastModifiedDate: t }], putRecords: [record] };
    });
  }

  async function synchronizeOnce(dataset: string, callbacks: SyncCallbacks): Promise<SyncOutcome> {
    const fail = (reason: SyncOutcome['reason'], error: Error): SyncOutcome => {
      callbacks.onFailure?.(error);
      return { ok: false, reason, error };
    };
    for (let attempt = 0; attempt <= maxRetries; attempt++) {
      const who = await options.identity();
      const previous = await currentIdentity();
      if (previous !== who.identityId) {
        await storage.commit(
          await identityChangeBatch(
            storage,
            previous,
            { identityId: who.identityId, authenticated: who.authenticated },
            now(),
          ),
        );
        options.onEvent?.({ type: 'identity-changed', from: previous, to: who.identityId });
      }
      const identityId = who.identityId;
      const api: SyncApiContext = {
        fetch: options.fetch,
        region: options.region,
        identityPoolId: options.identityPoolId,
        identityId,
        credentials: who.credentials,
        now,
      };

      // Step 1 (reference 9.5): local leftovers of an identity merge.
      const localMerged = (await storage.listDatasets(identityId))
        .map((d) => d.name)
        .filter((n) => n.startsWith(`${dataset}.`));
      if (localMerged.length > 0) {
        options.onEvent?.({ type: 'merged', dataset, names: localMerged });
        if (!(await (callbacks.onDatasetsMerged?.(dataset, localMerged) ?? true)))
          return fail('stopped', new Error('Stopped: merged datasets were not accepted.'));
      }

      const row = await datasetRow(identityId, dataset, now());
      // Pull every page of changes since our last sync count, under one sync session.
      let page = await listRecords(api, dataset, row.lastSyncCount);
      const session = page.syncSessionToken;
      const remote = [...page.records];
      while (page.nextToken) {
        page = await listRecords(api, dataset, row.lastSyncCount, page.nextToken, session);
        remote.push(...page.records);
      }
      const merged = page.mergedDatasetNames.filter((n) => !localMerged.includes(n));
      if (merged.length > 0) {
        options.onEvent?.({ type: 'merged', dataset, names: merged });
        if (!(await (callbacks.onDatasetsMerged?.(dataset, merged) ?? true)))
          return fail('stopped', new Error('Stopped: merged datasets were not accepted.'));
      }
      if (page.datasetDeletedAfterRequestedSyncCount || (!page.datasetExists && row.lastSyncCount > 0)) {
        options.onEvent?.({ type: 'dataset-deleted', dataset });
        if (!(await (callbacks.onDatasetDeleted?.(dataset) ?? true)))
          return fail('stopped', new Error(`Dataset ${dataset} was deleted in the cloud.`));
        // Drop what the cloud no longer has, keep unsynced edits as new keys, and start over.
        const records = await storage.listRecords(identityId, dataset);
        await storage.commit({
          deleteDatasets: [{ identityId, name: dataset }],
          putDatasets: [{ ...row, lastSyncCount: 0 }],
          putRecords: records.filter((r) => r.dirty && r.value !== null).map((r) => ({ ...r, syncCount: 0 })),
        });
        continue;
      }

      // Conflicts: a remote change to a key we changed locally, to a different value.
      const locals = new Map((await storage.listRecords(identityId, dataset)).map((r) => [r.key, r]));
      const conflicts: SyncConflict[] = [];
      const batch: StorageBatch = { putRecords: [], deleteRecords: [] };
      const accept = (r: RemoteRecord) => {
        if (r.value === null) batch.deleteRecords?.push({ identityId, dataset, key: r.key });
        else batch.putRecords?.push(fromRemote(identityId, dataset, r));
      };
      for (const r of remote) {
        const mine = locals.get(r.key);
        if (mine?.dirty && mine.value !== r.value)
          conflicts.push({ dataset, key: r.key, local: mine, remote: r });
        else accept(r);
      }
      if (conflicts.length > 0) {
        options.onEvent?.({ type: 'conflicts', dataset, conflicts });
        const answer = callbacks.onConflict
          ? await callbacks.onConflict(dataset, conflicts)
          : conflicts.map((c) => resolveConflict(c, options.conflictStrategy));
        if (answer === false)
          return fail(
            'conflict-aborted',
            new Error(`Sync of ${dataset} stopped: ${conflicts.length} conflict(s) left unresolved.`),
          );
        options.onEvent?.({ type: 'resolved', dataset, resolutions: answer });
        for (const c of conflicts) {
          const res = answer.find((a) => a.key === c.key) ?? resolveConflict(c, options.conflictStrategy);
          if (res.source === 'remote') accept(c.remote);
          // Local or custom value: push it over the remote one, so it must carry the remote's count.
          else
            batch.putRecords?.push({
              ...c.local,
              value: res.value,
              syncCount: c.remote.syncCount,
              dirty: true,
              lastModifiedDate: now(),
            });
        }
      }
      batch.putDatasets = [{ ...row, lastSyncCount: page.datasetSyncCount }];
      await storage.commit(batch);

      // Push whatever is still dirty, with the session token of this pull.
      const dirty = (await storage.listRecords(identityId, dataset)).filter((r) => r.dirty);
      if (dirty.length > 0) {
        const patches: RecordPatch[] = dirty.map((r) => ({
          op: r.value === null ? 'remove' : 'replace',
          key: r.key,
          ...(r.value === null ? {} : { value: r.value }),
          syncCount: r.syncCount,
          deviceLastModifiedDate: r.deviceLastModifiedDate,
        }));
        let written: RemoteRecord[];
        try {
          written = await updateRecords(api, dataset, session, patches);
        } catch (error) {
          if (
            error instanceof SyncApiError &&
            error.code === 'ResourceConflictException' &&
            attempt < maxRetries
          ) {
            options.onEvent?.({ type: 'retry', dataset, attempt: attempt + 1, reason: error.message });
            continue;
          }
          if (error instanceof SyncApiError && error.code === 'ResourceConflictException') {
            return fail(
              'retries-exhausted',
              new Error(
                `Synchronize failed because it exceeded the maximum retries (${maxRetries}): ${error.message}`,
              ),
            );
          }
          throw error;
        }
        await confirm(identityId, dataset, dirty, written, page.datasetSyncCount);
      }
      callbacks.onSuccess?.(dataset, remote);
      return { ok: true };
    }
    return fail(
      'retries-exhausted',
      new Error(`Synchronize failed because it exceeded the maximum retries (${maxRetries}).`),
    );
  }

  /** Clears dirty flags for exactly the writes the cloud confirmed; edits made meanwhile stay pending. */
  async function confirm(
    identityId: string,
    dataset: string,
    sent: LocalRecord[],
    written: RemoteRecord[],
    pulledCount: number,
  ) {
    const byKey = new Map(sent.map((r) => [r.key, r]));
    // The dataset as it is now, read once (one storage call, not one per written record): a record
    // edited locally since it was sent differs from `sent` here and keeps its dirty flag below.
    const current = new Map((await storage.listRecords(identityId, dataset)).map((r) => [r.key, r]));
    const batch: StorageBatch = { putRecords: [], deleteRecords: [] };
    let highest = pulledCount;
    for (const w of written) {
      highest = Math.max(highest, w.syncCount);
      const before = byKey.get(w.key);
      const nowRecord = current.get(w.key);
      const unchanged =
        before &&
        nowRecord &&
        nowRecord.lastModifiedDate === before.lastModifiedDate &&
        nowRecord.value === before.value;
      if (!unchanged) {
        if (nowRecord) batch.putRecords?.push({ ...nowRecord, syncCount: w.syncCount });
      } else if (w.value === null) batch.deleteRecords?.push({ identityId, dataset, key: w.key });
      else batch.putRecords?.push(fromRemote(identityId, dataset, w));
    }
    const row = await datasetRow(identityId, dataset, now());
    // Each UpdateRecords advances the dataset by one. If our write is exactly the next count nobody
    // else wrote in between, so it is safe to skip pulling our own records back; otherwise keep the
    // pulled count and let the next sync fetch what the other device wrote.
    const next = highest === pulledCount + 1 ? highest : pulledCount;
    batch.putDatasets = [{ ...row, lastSyncCount: next, lastModifiedDate: now() }];
    await storage.commit(batch);
  }

  const client = {
    get: async (dataset: string, key: string): Promise<string | undefined> => {
      const r = await storage.getRecord(await currentIdentity(), dataset, key);
      return r?.value ?? undefined;
    },
    getAll: async (dataset: string): Promise<Record<string, string>> => {
      // Null prototype and defineProperty: a record named `__proto__` or `constructor` is data.
      const out = Object.create(null) as Record<string, string>;
      for (const r of await storage.listRecords(await currentIdentity(), dataset))
        if (r.value !== null) Object.defineProperty(out, r.key, { value: r.value, enumerable: true, writable: true, configurable: true });
      return out;
    },
    /** Every local record, removals and dirty flags included (for the device panel). */
    records: async (dataset: string): Promise<LocalRecord[]> =>
      storage.listRecords(await currentIdentity(), dataset),
    put: async (dataset: string, key: string, value: string): Promise<void> => {
      check(dataset, key, value);
      await write(dataset, key, value);
    },
    remove: async (dataset: string, key: string): Promise<void> => {
      check(dataset, key);
      await write(dataset, key, null);
    },
    /** Pull, resolve, push. Never throws: the outcome says what happened and callbacks fire. */
    synchronize(dataset: string, callbacks: SyncCallbacks = {}): Promise<SyncOutcome> {
      check(dataset);
      const already = running.get(dataset);
      if (already) return already;
      const run = (async (): Promise<SyncOutcome> => {
        setStatus({ state: 'syncing', lastError: undefined });
        try {
          const outcome = await synchronizeOnce(dataset, callbacks);
          setStatus(
            outcome.ok
              ? { state: 'idle', lastSyncAt: now() }
              : { state: 'error', lastError: outcome.error?.message },
          );
          return outcome;
        } catch (error) {
          const err = error instanceof Error ? error : new Error(String(error));
          // A rejected fetch is what a browser does offline: a state, not a crash.
          const offline = err instanceof TypeError;
          setStatus(
            offline
              ? { state: 'offline', lastError: 'Offline: changes stay on this device until the next sync.' }
              : { state: 'error', lastError: describeError(err) },
          );
          callbacks.onFailure?.(err);
          return { ok: false, reason: offline ? 'offline' : 'failed', error: err };
        } finally {
          running.delete(dataset);
          await refreshPending().catch(() => undefined);
        }
      })();
      running.set(dataset, run);
      return run;
    },
    /** Deletes a dataset locally now and in the cloud (when online). */
    deleteDataset: async (dataset: string): Promise<SyncOutcome> => {
      check(dataset);
      try {
        const who = await options.identity();
        await deleteRemote(
          {
            fetch: options.fetch,
            region: options.region,
            identityPoolId: options.identityPoolId,
            identityId: who.identityId,
            credentials: who.credentials,
            now,
          },
          dataset,
        ).catch((e) => {
          if (!(e instanceof SyncApiError && e.code === 'ResourceNotFoundException')) throw e;
        });
        await local(async (identityId) => ({ deleteDatasets: [{ identityId, name: dataset }] }));
        return { ok: true };
      } catch (error) {
        const err = error instanceof Error ? error : new Error(String(error));
        setStatus(
          err instanceof TypeError ? { state: 'offline' } : { state: 'error', lastError: describeError(err) },
        );
        return { ok: false, reason: err instanceof TypeError ? 'offline' : 'failed', error: err };
      }
    },
    /** Reads the stored identity and pending count (call once after a reload). */
    load: () => refreshPending(),
    datasets: async () => (await storage.listDatasets(await currentIdentity())).map((d) => d.name),
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getStatus: (): SyncStatus => status,
  };
  return client;
}

export type SyncClient = ReturnType<typeof createSyncClient>;

function fromRemote(identityId: string, dataset: string, r: RemoteRecord): LocalRecord {
  return {
    identityId,
    dataset,
    key: r.key,
    value: r.value,
    syncCount: r.syncCount,
    lastModifiedDate: r.lastModifiedDate ?? 0,
    lastModifiedBy: r.lastModifiedBy ?? '',
    deviceLastModifiedDate: r.deviceLastModifiedDate ?? r.lastModifiedDate ?? 0,
    dirty: false,
  };
}

function describeError(error: Error): string {
  if (error instanceof SyncApiError) return `${error.code}: ${error.message}`;
  return error.message;
}
