import { isNetworkFailure } from '../lib/network-failure';
import { confirmBatch } from './confirm';
import { identityChangeBatch } from './identity-change';
import { checkNames, deletedDatasetReset, localWriteBatch, newDatasetRow } from './local-writes';
import { type ConflictStrategy, resolveConflict } from './merge';
import { classifyPull, localMergedNames, newMergedNames, pullAll } from './pull';
import { push, toPatches } from './push';
import { applyResolutions, dirtyAfter, reconcile } from './reconcile';
import { StorageError, type StorageBatch, type SyncStorage } from './storage';
import {
  deleteDataset as deleteRemote,
  listRecords,
  SyncApiError,
  type SyncApiContext,
  updateRecords,
} from './sync-api';
import {
  type IdentitySource,
  type LocalDataset,
  type LocalRecord,
  type RemoteRecord,
  type SyncCallbacks,
  type SyncClient,
  type SyncEvent,
  type SyncOutcome,
  type SyncStatus,
  UNKNOWN_IDENTITY,
} from './types';

export type { SyncCallbacks, SyncClient, SyncEvent, SyncOutcome } from './types';

/**
 * The offline sync client of one device: the Cognito Sync client model (docs/aws-reference.md §9.5) over a local
 * cache. Local operations apply at once, online or offline; `synchronize` pulls, resolves, pushes.
 *
 * Write-ahead rule: a record's dirty flag is cleared only after UpdateRecords confirmed that exact
 * write, so a reload, a crash or a closed tab at any point leaves every unconfirmed change pending.
 *
 * The steps are pure modules beside this one: `pull.ts` (paging, deleted and merged datasets),
 * `reconcile.ts` (remote + local → batch + conflicts), `push.ts` (patches and the server's answers),
 * `confirm.ts` (the write-ahead rule), `local-writes.ts` (local batches); this file only sequences them.
 *
 * @example
 * const client = createSyncClient({ fetch: device.fetch, storage: createIdbStorage('phone'), now: Date.now,
 *   identity: cognitoIdentitySource({ fetch: device.fetch, region, identityPoolId }), region, identityPoolId });
 * await client.put('settings', 'theme', 'dark');
 * await client.synchronize('settings');
 */
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
  /**
   * Called after this client has written the local cache and recounted it (a local write, the end of
   * a sync). A cache another tab shares (IndexedDB) learns of the change only if told: the app
   * forwards this to its other tabs, which reload.
   */
  onLocalChange?(): void;
  /**
   * Runs `task` while no other client sharing this cache runs one (the app gives Web Locks: the tabs
   * of one browser profile share a device's IndexedDB). Local writes and the move of local data to a
   * new identity run through it: two tabs learning the identity at once would each move the anonymous
   * edits, the later one into a merged copy left pending for ever. Default: runs `task` at once (one
   * client per cache).
   */
  exclusive?<T>(task: () => Promise<T>): Promise<T>;
}

export function createSyncClient(options: SyncClientOptions): SyncClient {
  const { storage, now } = options;
  const maxRetries = options.maxRetries ?? 3;
  const exclusive = options.exclusive ?? (<T>(task: () => Promise<T>) => task());
  /** Called after every status change; never holds anything else. */
  const listeners = new Set<() => void>();
  /** What the device panel shows. `pending` is recounted from storage after every local write and sync. */
  let status: SyncStatus = { state: 'idle', pending: 0 };
  /** At most one sync per dataset: present from the start of `synchronize` until its outcome is known. */
  const running = new Map<string, Promise<SyncOutcome>>();

  const setStatus = (next: Partial<SyncStatus>) => {
    status = { ...status, ...next };
    for (const l of listeners) l();
  };

  async function currentIdentity(): Promise<string> {
    return (await storage.getIdentity())?.identityId ?? UNKNOWN_IDENTITY;
  }

  /** Recounts started so far: only the latest may set the count (see refreshPending). */
  let recounts = 0;
  /** What a sync's confirm left dirty in its dataset, and the recount ticket taken as it read that. */
  type ConfirmedCount = { dataset: string; dirty: number; ticket: number };

  /**
   * Counts the pending (dirty) records of every dataset. `known` is one dataset's count as a sync's own
   * confirm transaction left it: that dataset is not read again (a thousand records took a sixth of the
   * sync to read). Its recount ticket was taken in that transaction, when the count was true, so a
   * recount started after it (another tab committed since) is the later one and wins.
   */
  async function refreshPending(known?: ConfirmedCount): Promise<void> {
    const recount = known?.ticket ?? ++recounts;
    const identityId = await currentIdentity();
    let pending = 0;
    for (const d of await storage.listDatasets(identityId)) {
      pending +=
        d.name === known?.dataset
          ? known.dirty
          : (await storage.listRecords(identityId, d.name)).filter((r) => r.dirty).length;
    }
    // Recounts overlap when another tab sharing the cache commits meanwhile (its sync's last commit
    // makes this tab recount while its own end-of-sync recount is still reading). The one started
    // later read the cache later: an earlier one finishing after it must not put its older count back.
    if (recount !== recounts) return;
    setStatus({ pending, identityId: identityId === UNKNOWN_IDENTITY ? undefined : identityId });
  }

  /** Runs a local write; a storage failure becomes the status message and rejects, nothing else changes. */
  async function local(batch: (identityId: string) => Promise<StorageBatch>): Promise<void> {
    try {
      await exclusive(async () => {
        const identityId = await currentIdentity();
        await storage.commit(await batch(identityId));
      });
    } catch (error) {
      if (error instanceof StorageError) setStatus({ state: 'error', lastError: error.message });
      throw error;
    }
    await refreshPending();
    options.onLocalChange?.();
  }

  async function datasetRow(identityId: string, dataset: string, t: number) {
    return (await storage.getDataset(identityId, dataset)) ?? newDatasetRow(identityId, dataset, t);
  }

  async function write(dataset: string, key: string, value: string | null) {
    await local(async (identityId) => {
      const t = now();
      const existing = await storage.getRecord(identityId, dataset, key);
      const row = await datasetRow(identityId, dataset, t);
      const deviceName = options.deviceName ?? 'this device';
      return localWriteBatch({ identityId, dataset, key, value, existing, row, t, deviceName });
    });
  }

  /** The identity the cloud knows this device by now; moves local data over if it changed (docs/aws-reference.md §9.6). */
  async function adoptIdentity() {
    const who = await options.identity();
    // Read and moved under the lock: another tab may have moved the data to this identity already.
    const previous = await exclusive(async () => {
      const stored = await currentIdentity();
      if (stored !== who.identityId) {
        const to = { identityId: who.identityId, authenticated: who.authenticated };
        await storage.commit(await identityChangeBatch(storage, stored, to, now()));
      }
      return stored;
    });
    if (previous !== who.identityId)
      options.onEvent?.({ type: 'identity-changed', from: previous, to: who.identityId });
    return who;
  }

  function apiFor(who: Awaited<ReturnType<IdentitySource>>): SyncApiContext {
    const { fetch, region, identityPoolId } = options;
    return { fetch, region, identityPoolId, identityId: who.identityId, credentials: who.credentials, now };
  }

  /** Reports merged datasets; `false` when the app declined them. */
  async function acceptMerged(dataset: string, names: string[], callbacks: SyncCallbacks) {
    if (names.length === 0) return true;
    options.onEvent?.({ type: 'merged', dataset, names });
    return await (callbacks.onDatasetsMerged?.(dataset, names) ?? true);
  }

  /**
   * One sync: up to `maxRetries` more rounds while the cloud moves under us. `confirmed.count` is set to
   * what the sync's confirm left dirty in the dataset, when it gets that far.
   */
  async function synchronizeOnce(
    dataset: string,
    callbacks: SyncCallbacks,
    confirmed: { count?: ConfirmedCount },
  ): Promise<SyncOutcome> {
    const fail = (reason: SyncOutcome['reason'], error: Error): SyncOutcome => {
      callbacks.onFailure?.(error);
      return { ok: false, reason, error };
    };
    const stoppedByMerge = () => fail('stopped', new Error('Stopped: merged datasets were not accepted.'));
    for (let attempt = 0; attempt <= maxRetries; attempt++) {
      const who = await adoptIdentity();
      const identityId = who.identityId;
      const api = apiFor(who);

      // Step 1 (docs/aws-reference.md §9.5): local leftovers of an identity merge.
      const localMerged = localMergedNames(
        (await storage.listDatasets(identityId)).map((d) => d.name),
        dataset,
      );
      if (!(await acceptMerged(dataset, localMerged, callbacks))) return stoppedByMerge();

      const row = await datasetRow(identityId, dataset, now());
      const pulled = await pullAll((token, session) =>
        listRecords(api, dataset, row.lastSyncCount, token, session),
      );
      if (!(await acceptMerged(dataset, newMergedNames(pulled.last, localMerged), callbacks)))
        return stoppedByMerge();
      if (classifyPull(pulled.last, row.lastSyncCount).kind === 'deleted') {
        options.onEvent?.({ type: 'dataset-deleted', dataset });
        if (!(await (callbacks.onDatasetDeleted?.(dataset) ?? true)))
          return fail('stopped', new Error(`Dataset ${dataset} was deleted in the cloud.`));
        // Read and reset in one transaction: an edit another tab commits meanwhile is kept, not dropped.
        await storage.updateDataset(identityId, dataset, (current, currentRow) =>
          deletedDatasetReset(currentRow ?? row, current),
        );
        continue;
      }

      const locals = await storage.listRecords(identityId, dataset);
      const reconciled = reconcile(identityId, dataset, pulled.records, locals);
      const { conflicts } = reconciled;
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
        applyResolutions(reconciled, identityId, answer, options.conflictStrategy, now);
      }
      // Committed only if nothing it overwrites changed since `locals` was read. The pull and the
      // conflict dialog take time, and an edit made meanwhile (in this tab or another sharing the
      // cache) would otherwise be replaced by the cloud's value and lost. Then the round starts again:
      // the edit is reconciled (a conflict if the cloud changed that key too) like any other.
      const committed = await commitIfUnchanged(identityId, dataset, locals, row, {
        ...reconciled.batch,
        putDatasets: [{ ...row, lastSyncCount: pulled.last.datasetSyncCount }],
      });
      if (!committed) {
        if (attempt < maxRetries) {
          const reason = 'The local records changed during the sync.';
          options.onEvent?.({ type: 'retry', dataset, attempt: attempt + 1, reason, cause: 'local-change' });
          continue;
        }
        return fail(
          'retries-exhausted',
          new Error(
            `Synchronize failed because it exceeded the maximum retries (${maxRetries}): the local records kept changing.`,
          ),
        );
      }

      // Push whatever is still dirty, with the session token of this pull: the records read above as the
      // batch just committed left them (not read again: a dataset of a thousand records took a tenth of
      // the sync to read). A write made meanwhile, here or in another tab, stays dirty for the next sync:
      // confirm() clears only what was sent and is unchanged.
      const dirty = dirtyAfter(locals, reconciled.batch);
      if (dirty.length > 0) {
        const outcome = await push(() => updateRecords(api, dataset, pulled.session, toPatches(dirty)));
        switch (outcome.kind) {
          case 'written':
            confirmed.count = await confirm(
              identityId,
              dataset,
              dirty,
              outcome,
              pulled.last.datasetSyncCount,
            );
            break;
          case 'cloud-moved':
            if (attempt < maxRetries) {
              options.onEvent?.({
                type: 'retry',
                dataset,
                attempt: attempt + 1,
                reason: outcome.message,
                cause: 'cloud-moved',
              });
              continue;
            }
            return fail(
              'retries-exhausted',
              new Error(
                `Synchronize failed because it exceeded the maximum retries (${maxRetries}): ${outcome.message}`,
              ),
            );
          default:
            return unreachable(outcome);
        }
      }
      callbacks.onSuccess?.(dataset, pulled.records);
      return { ok: true };
    }
    return fail(
      'retries-exhausted',
      new Error(`Synchronize failed because it exceeded the maximum retries (${maxRetries}).`),
    );
  }

  /**
   * Commits a reconcile batch in one read-and-write transaction, unless a record it puts or deletes, or
   * the dataset row, differs from what the batch was made from. Returns whether it committed.
   */
  async function commitIfUnchanged(
    identityId: string,
    dataset: string,
    locals: readonly LocalRecord[],
    row: LocalDataset,
    batch: StorageBatch,
  ): Promise<boolean> {
    const touched = [...(batch.putRecords ?? []), ...(batch.deleteRecords ?? [])].map((r) => r.key);
    if (touched.length === 0) {
      // Only the dataset row's count moves: no record can be overwritten, and a count another tab moved
      // meanwhile, set back here, only makes the next pull fetch again what this cache already holds.
      // So no transaction that reads every record (a first push of a thousand would read them for nothing).
      await storage.commit(batch);
      return true;
    }
    const before = new Map(locals.map((r) => [r.key, r]));
    let committed = false;
    await storage.updateDataset(identityId, dataset, (current, currentRow) => {
      const now = new Map(current.map((r) => [r.key, r]));
      const same =
        (currentRow?.lastSyncCount ?? 0) === row.lastSyncCount &&
        touched.every((key) => sameRecord(before.get(key), now.get(key)));
      committed = same;
      return same ? batch : {};
    });
    return committed;
  }

  /** Clears dirty flags for exactly the writes the cloud confirmed; edits made meanwhile stay pending. */
  async function confirm(
    identityId: string,
    dataset: string,
    sent: LocalRecord[],
    written: { records: RemoteRecord[] },
    pulledCount: number,
  ): Promise<ConfirmedCount> {
    // The dataset as it is at the commit, read in the same transaction: a record edited since it was
    // sent (here or in another tab) keeps its dirty flag, and no edit can land between read and write.
    const t = now();
    let left: ConfirmedCount | undefined;
    await storage.updateDataset(identityId, dataset, (current, row) => {
      const batch = confirmBatch({
        identityId,
        dataset,
        sent,
        written: written.records,
        current,
        pulledCount,
        row: row ?? newDatasetRow(identityId, dataset, t),
        t,
      });
      left = { dataset, dirty: dirtyAfter(current, batch).length, ticket: ++recounts };
      return batch;
    });
    if (!left) throw new Error('The storage committed a dataset update without reading the dataset.');
    return left;
  }

  /** The sync itself never throws: a network failure is the offline state, anything else an error. */
  function synchronize(dataset: string, callbacks: SyncCallbacks = {}): Promise<SyncOutcome> {
    checkNames(dataset);
    const already = running.get(dataset);
    if (already) return already;
    const run = (async (): Promise<SyncOutcome> => {
      setStatus({ state: 'syncing', lastError: undefined });
      const confirmed: { count?: ConfirmedCount } = {};
      try {
        const outcome = await synchronizeOnce(dataset, callbacks, confirmed);
        setStatus(
          outcome.ok
            ? { state: 'idle', lastSyncAt: now() }
            : { state: 'error', lastError: outcome.error?.message },
        );
        return outcome;
      } catch (error) {
        const err = error instanceof Error ? error : new Error(String(error));
        const offline = isNetworkFailure(err);
        setStatus(
          offline
            ? { state: 'offline', lastError: 'Offline: changes stay on this device until the next sync.' }
            : { state: 'error', lastError: describeError(err) },
        );
        callbacks.onFailure?.(err);
        return { ok: false, reason: offline ? 'offline' : 'failed', error: err };
      } finally {
        running.delete(dataset);
        await refreshPending(confirmed.count).catch(() => undefined);
        options.onLocalChange?.();
      }
    })();
    running.set(dataset, run);
    return run;
  }

  async function deleteDataset(dataset: string): Promise<SyncOutcome> {
    checkNames(dataset);
    try {
      const who = await options.identity();
      await deleteRemote(apiFor(who), dataset).catch((e) => {
        if (!(e instanceof SyncApiError && e.code === 'ResourceNotFoundException')) throw e;
      });
      await local(async (identityId) => ({ deleteDatasets: [{ identityId, name: dataset }] }));
      return { ok: true };
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      const offline = isNetworkFailure(err);
      setStatus(offline ? { state: 'offline' } : { state: 'error', lastError: describeError(err) });
      return { ok: false, reason: offline ? 'offline' : 'failed', error: err };
    }
  }

  return {
    get: async (dataset, key) => {
      const r = await storage.getRecord(await currentIdentity(), dataset, key);
      return r?.value ?? undefined;
    },
    getAll: async (dataset) => {
      // Null prototype and defineProperty: a record named `__proto__` or `constructor` is data.
      const out = Object.create(null) as Record<string, string>;
      for (const r of await storage.listRecords(await currentIdentity(), dataset))
        if (r.value !== null)
          Object.defineProperty(out, r.key, {
            value: r.value,
            enumerable: true,
            writable: true,
            configurable: true,
          });
      return out;
    },
    records: async (dataset) => storage.listRecords(await currentIdentity(), dataset),
    put: async (dataset, key, value) => {
      checkNames(dataset, key, value);
      await write(dataset, key, value);
    },
    remove: async (dataset, key) => {
      checkNames(dataset, key);
      await write(dataset, key, null);
    },
    synchronize,
    deleteDataset,
    load: () => refreshPending(),
    datasets: async () => (await storage.listDatasets(await currentIdentity())).map((d) => d.name),
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    getStatus: () => status,
  };
}

function unreachable(outcome: never): never {
  throw new Error(`Unhandled UpdateRecords outcome: ${JSON.stringify(outcome)}`);
}

/** The same local write: a record is only ever replaced whole, with a new modification date. */
function sameRecord(a: LocalRecord | undefined, b: LocalRecord | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.value === b.value &&
    a.dirty === b.dirty &&
    a.syncCount === b.syncCount &&
    a.lastModifiedDate === b.lastModifiedDate
  );
}

function describeError(error: Error): string {
  if (error instanceof SyncApiError) return `${error.code}: ${error.message}`;
  return error.message;
}
