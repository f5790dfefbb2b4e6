/**
 * Sync figure: `synchronize()` of 1,000 dirty records with the src/sync client (IndexedDB storage,
 * real engine: SigV4, IAM, Cognito Sync) against the raw cost of writing the same 1,000 records to
 * IndexedDB in one transaction, in the same run. 1,000 is under AWS's 1,024 records per dataset.
 *
 * IndexedDB here is fake-indexeddb in Node (the browser path would need the app to expose the client);
 * both sides of the ratio use it, so the ratio is what the client adds over the storage it must use.
 */
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { createCloud } from '../src/sim/index';
import { createSyncClient } from '../src/sync/create-sync-client';
import { createIdbStorage } from '../src/sync/idb-storage';
import { cognitoIdentitySource } from '../src/sync/identity-source';
import type { SyncStorage } from '../src/sync/storage';
import type { LocalRecord } from '../src/sync/types';
import { type Figure, median } from './stats';

export const SYNC_RECORDS = 1000;
const CLOCK = Date.UTC(2026, 10, 26, 12, 0, 0);

function dirtyRecords(identityId: string, dataset: string, t: number): LocalRecord[] {
  return Array.from({ length: SYNC_RECORDS }, (_, i) => ({
    identityId,
    dataset,
    key: `key-${String(i).padStart(4, '0')}`,
    value: `value ${i}: ${'x'.repeat(64)}`,
    syncCount: 0,
    lastModifiedDate: t,
    lastModifiedBy: 'bench device',
    deviceLastModifiedDate: t,
    dirty: true,
  }));
}

async function rawWrite(dbName: string, records: LocalRecord[]): Promise<number> {
  const db = await openDB(dbName, 1, {
    upgrade(d) {
      d.createObjectStore('records', { keyPath: ['identityId', 'dataset', 'key'] });
    },
  });
  const start = performance.now();
  const tx = db.transaction('records', 'readwrite');
  await Promise.all([...records.map((r) => tx.store.put(r)), tx.done]);
  const elapsed = performance.now() - start;
  db.close();
  return elapsed;
}

/** Counts and times each storage call, to say where synchronize() spends its time. */
function countingStorage(inner: SyncStorage, calls: Record<string, { n: number; ms: number }>): SyncStorage {
  const wrapped = {} as Record<string, unknown>;
  for (const [name, fn] of Object.entries(inner) as [string, (...a: unknown[]) => Promise<unknown>][]) {
    wrapped[name] = async (...args: unknown[]) => {
      const start = performance.now();
      try {
        return await fn(...args);
      } finally {
        const c = calls[name] ?? { n: 0, ms: 0 };
        calls[name] = c;
        c.n += 1;
        c.ms += performance.now() - start;
      }
    };
  }
  return wrapped as unknown as SyncStorage;
}

/**
 * `warmup` rounds first, unrecorded, as `sample` does for the other figures: the first rounds of
 * synchronize() ran about twice as slow as the later ones (its engine, signer and IAM code compiling),
 * while the raw write, a fraction of the code, was warm by its second round.
 */
export async function measureSync(rounds = 7, warmup = 2): Promise<Figure[]> {
  let t = CLOCK;
  const now = () => t;
  const cloud = await createCloud({ now });
  const identity = cognitoIdentitySource({
    fetch: cloud.fetch,
    region: cloud.demo.region,
    identityPoolId: cloud.demo.identityPool.id,
    now,
  });
  const who = await identity(); // credentials once, before timing (the client reuses them)
  const calls: Record<string, { n: number; ms: number }> = {};
  const syncTimes: number[] = [];
  const rawTimes: number[] = [];
  for (let round = 0; round < warmup + rounds; round++) {
    const recorded = round >= warmup;
    const dataset = `bench-${round}`;
    const storage = countingStorage(createIdbStorage(`bench-sync-${round}`), calls);
    await storage.commit({
      identity: { identityId: who.identityId, authenticated: false },
      putDatasets: [
        { identityId: who.identityId, name: dataset, lastSyncCount: 0, creationDate: t, lastModifiedDate: t },
      ],
      putRecords: dirtyRecords(who.identityId, dataset, t),
    });
    const timedFetch = async (request: Request) => {
      const start = performance.now();
      try {
        return await cloud.fetch(request);
      } finally {
        const c = calls['cloud.fetch'] ?? { n: 0, ms: 0 };
        calls['cloud.fetch'] = c;
        c.n += 1;
        c.ms += performance.now() - start;
      }
    };
    const client = createSyncClient({
      fetch: timedFetch,
      storage,
      now,
      identity,
      region: cloud.demo.region,
      identityPoolId: cloud.demo.identityPool.id,
    });
    t += 1000;
    for (const k of Object.keys(calls)) delete calls[k];
    const start = performance.now();
    const outcome = await client.synchronize(dataset);
    const synced = performance.now() - start;
    if (recorded) syncTimes.push(synced);
    if (!outcome.ok) throw new Error(`synchronize failed: ${outcome.reason} ${outcome.error?.message}`);
    const left = (await client.records(dataset)).filter((r) => r.dirty).length;
    if (left !== 0) throw new Error(`${left} records still dirty after synchronize`);
    const raw = await rawWrite(`bench-raw-${round}`, dirtyRecords(who.identityId, dataset, t));
    if (recorded) rawTimes.push(raw);
  }
  const ratio = median(syncTimes) / median(rawTimes);
  return [
    {
      name: `synchronize() of ${SYNC_RECORDS} dirty records (median)`,
      value: median(syncTimes),
      unit: 'ms',
      budget: '',
    },
    {
      name: `raw IndexedDB write of ${SYNC_RECORDS} records, one transaction (median)`,
      value: median(rawTimes),
      unit: 'ms',
      budget: '',
    },
    {
      name: 'synchronize / raw IndexedDB write',
      value: ratio,
      unit: '×',
      budget: '≤ 3×',
      meets: ratio <= 3,
      note: `fake-indexeddb in Node; ${rounds} rounds after ${warmup} unrecorded, each a new dataset and database. Storage calls in the last synchronize(): ${Object.entries(
        calls,
      )
        .map(([k, v]) => `${k} ×${v.n} (${v.ms.toFixed(0)} ms)`)
        .join(', ')}`,
    },
  ];
}
