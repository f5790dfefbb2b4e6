import type { Cloud, CloudOptions, CloudSnapshot } from '../sim/index';
import type { SeedRequest } from './seed-worker';

/**
 * Creates a simulated cloud, loading the engine on first use so the page paints before the engine's
 * code and keys are ready. A fresh demo cloud is seeded in a worker (seed-worker.ts) and restored
 * here from its snapshot: the same cloud (the engine is deterministic under seed and clock, and a
 * cold start makes the same JSON round trip a restore does), without the seeding's long tasks on
 * the main thread. Every cloud of the same seed, region and start time restores the same snapshot.
 */
export function createCloudLazily(options: CloudOptions): Promise<Cloud> {
  const engine = import('../sim/index');
  const onMainThread = () => engine.then((m) => m.createCloud(options));
  if (!seedsOffThread(options)) return onMainThread();
  const request = {
    seed: options.seed,
    region: options.region,
    // A restore ignores runSeed, so the worker seeds with it: the snapshot's random state carries it.
    runSeed: options.runSeed,
    now: options.now?.() ?? Date.now(),
  };
  return Promise.all([engine, seeded(request)])
    .then(([m, snapshot]) => m.createCloud({ ...options, runSeed: undefined, snapshot: structuredClone(snapshot) }))
    .catch(onMainThread);
}

/** The engine module itself, for views that read its exported definitions (e.g. STS facts). */
export function loadEngineModule(): Promise<Record<string, unknown>> {
  return import('../sim/index') as Promise<unknown> as Promise<Record<string, unknown>>;
}

/** Only a plain demo cloud (demo keys, no imported world, not a restore) is seeded off the thread. */
function seedsOffThread(options: CloudOptions): boolean {
  return (
    typeof Worker !== 'undefined' &&
    !options.snapshot &&
    !options.world &&
    (options.keys ?? 'demo') === 'demo'
  );
}

let worker: Worker | undefined;
let nextId = 0;
const snapshots = new Map<string, Promise<CloudSnapshot>>();

function seeded(request: Omit<SeedRequest, 'id'>): Promise<CloudSnapshot> {
  const key = JSON.stringify([request.seed, request.region, request.runSeed, request.now]);
  let snapshot = snapshots.get(key);
  if (!snapshot) {
    snapshot = askWorker(request);
    // A failure is not kept: the next cloud tries again (and this one is made on the main thread).
    snapshot.catch(() => snapshots.delete(key));
    snapshots.set(key, snapshot);
  }
  return snapshot;
}

function askWorker(request: Omit<SeedRequest, 'id'>): Promise<CloudSnapshot> {
  worker ??= new Worker(new URL('./seed-worker.ts', import.meta.url), { type: 'module' });
  const current = worker;
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<{ id: number; snapshot?: CloudSnapshot; error?: string }>) => {
      if (event.data.id !== id) return;
      current.removeEventListener('message', onMessage);
      current.removeEventListener('error', onError);
      if (event.data.snapshot) resolve(event.data.snapshot);
      else reject(new Error(event.data.error ?? 'the seed worker sent no snapshot'));
    };
    const onError = (event: ErrorEvent) => {
      current.removeEventListener('message', onMessage);
      current.removeEventListener('error', onError);
      if (worker === current) worker = undefined;
      reject(new Error(event.message || 'the seed worker failed to start'));
    };
    current.addEventListener('message', onMessage);
    current.addEventListener('error', onError);
    current.postMessage({ id, ...request } satisfies SeedRequest);
  });
}
