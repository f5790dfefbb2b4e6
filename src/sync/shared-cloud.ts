import type { Cloud, CloudSnapshot, PublishedEvent, SimSocket } from '../sim/index';

/**
 * One simulated AWS for every tab of the app in a browser profile, designed as the real thing is: the
 * cloud has one state, IndexedDB is its disk, tabs are its clients. Each tab keeps an in-memory engine
 * and runs every request in one cycle under a cross-tab lock (Web Locks):
 *
 *   lock → read the latest stored version → if it is newer than ours, restore it (JSON parse, under a
 *   millisecond for the demo world) → handle the request → write snapshot + version+1 → unlock →
 *   announce the new version (BroadcastChannel).
 *
 * Because no two tabs are ever inside the cycle at once and each starts from the latest disk state, no
 * write is lost, whatever the tabs do at once (the engine's own queue already makes each request atomic
 * within the tab). Why not a leader tab that serves the others over BroadcastChannel: a leader that is
 * closed or frozen in the background must be re-elected while requests are in flight, and every request
 * and real-time socket would have to be proxied between tabs; the lock cycle needs neither. Why not
 * SharedWorker: Chrome on Android lacks it.
 *
 * AppSync real-time: a subscription is a socket to the engine in its own tab, so a mutation handled in
 * tab A publishes only to tab A's sockets. The cycle therefore collects what the mutation published
 * (cloud.onPublish) and sends it with the version announcement; tab B, once it has caught up, hands the
 * same events to its own subscribers (cloud.deliverPublished). Its devices then receive the `data`
 * message a real AppSync would have pushed to them, instead of learning of the change only at their
 * next sync: the lab keeps showing live delivery, which is what it teaches.
 *
 * Without `navigator.locks` the cycle runs under an in-tab mutex: a single tab behaves exactly as above.
 * This module is pure (no DOM): the disk, lock manager and channel are injected; shared-cloud-browser.ts
 * gives the browser ones.
 */
export interface StoredCloud {
  /** Monotonic: every cycle writes the version it read plus one. */
  version: number;
  snapshot: CloudSnapshot;
}

export interface CloudDisk {
  /** The stored version alone (cheap); 0 when nothing is stored. Defaults to reading the record. */
  version?(): Promise<number>;
  read(): Promise<StoredCloud | undefined>;
  write(record: StoredCloud): Promise<void>;
}

/** The part of the Web Locks API used here (`navigator.locks`): an exclusive lock by name. */
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

export interface CloudAnnouncement {
  version: number;
  /** AppSync subscription events the change published, for the other tabs' subscribers. */
  published: PublishedEvent[];
}

export interface CloudChannel {
  post(message: CloudAnnouncement): void;
  subscribe(listener: (message: CloudAnnouncement) => void): () => void;
}

export interface SharedCloudOptions {
  disk: CloudDisk;
  /** Absent (an old browser): an in-tab mutex, single-tab behaviour. */
  locks?: LockManagerLike;
  channel?: CloudChannel;
  /** Builds the tab's engine, from a stored snapshot or (undefined) a fresh demo world. */
  createCloud(snapshot?: CloudSnapshot): Promise<Cloud>;
  /** First open with an empty disk: the snapshot to start from (older databases migrated), if any. */
  initial?(): Promise<CloudSnapshot | undefined>;
}

export interface SharedCloud {
  /** This tab's engine: `demo`, trace `subscribe`. Send requests through `fetch` below, not `cloud.fetch`. */
  readonly cloud: Cloud;
  /** The stored version this tab's engine reflects. */
  version(): number;
  fetch(request: Request): Promise<Response>;
  /** Real-time sockets stay in this tab's engine; other tabs' events arrive through the channel. */
  connect(url: string, protocol?: string): Promise<SimSocket>;
  /** A change made outside a request (an administrator's setting), as one cycle. */
  change<T>(work: (cloud: Cloud) => T | Promise<T>): Promise<T>;
  /** Called after this tab took in a change another tab made. */
  onRemoteChange(listener: () => void): () => void;
  close(): void;
}

export const SHARED_CLOUD_LOCK = 'identity-atlas-cloud';

/** The in-tab stand-in for Web Locks: one FIFO mutex per name. */
export function createLocalLocks(): LockManagerLike {
  const tails = new Map<string, Promise<unknown>>();
  return {
    request(name, callback) {
      const run = (tails.get(name) ?? Promise.resolve()).then(callback);
      tails.set(
        name,
        run.then(
          () => undefined,
          () => undefined,
        ),
      );
      return run;
    },
  };
}

export async function openSharedCloud(options: SharedCloudOptions): Promise<SharedCloud> {
  const { disk, channel } = options;
  const locks = options.locks ?? createLocalLocks();
  const locked = <T>(work: () => Promise<T>) => locks.request(SHARED_CLOUD_LOCK, work);
  const listeners = new Set<() => void>();
  let version = 0;

  // Opening is a cycle too: two tabs opened at once build one cloud, not two.
  const cloud = await locked(async () => {
    const stored = await disk.read().catch(() => undefined);
    if (stored) {
      version = stored.version;
      return options.createCloud(stored.snapshot);
    }
    const created = await options.createCloud(await options.initial?.().catch(() => undefined));
    version = 1;
    await disk.write({ version, snapshot: created.snapshot() }).catch(() => undefined);
    return created;
  });

  /** Brings this tab's engine to the latest stored version. Only ever called holding the lock. */
  async function catchUp(): Promise<boolean> {
    if (disk.version && (await disk.version().catch(() => 0)) <= version) return false;
    const stored = await disk.read().catch(() => undefined);
    if (!stored || stored.version <= version) return false;
    await cloud.restore(stored.snapshot);
    version = stored.version;
    return true;
  }

  function cycle<T>(work: () => Promise<T>): Promise<T> {
    return locked(async () => {
      await catchUp();
      const published: PublishedEvent[] = [];
      const stop = cloud.onPublish((event) => published.push(event));
      let result: T;
      try {
        result = await work();
      } finally {
        stop();
      }
      const next = version + 1;
      try {
        await disk.write({ version: next, snapshot: cloud.snapshot() });
      } catch {
        // No disk (private browsing without IndexedDB, quota): this tab carries on in memory alone,
        // as the app did before it shared its cloud; the answer the caller gets is still the cloud's.
        return result;
      }
      version = next;
      channel?.post({ version: next, published });
      return result;
    });
  }

  const unsubscribe = channel?.subscribe((message) => {
    void locked(catchUp).then((caughtUp) => {
      // After the restore, so a device that re-queries on the event reads the new state.
      for (const event of message.published) cloud.deliverPublished(event);
      if (caughtUp || message.published.length > 0) for (const listener of listeners) listener();
    });
  });

  return {
    cloud,
    version: () => version,
    fetch: (request) => cycle(() => cloud.fetch(request)),
    // Not a cycle: opening a socket changes nothing lasting, and the announcements keep this tab current.
    connect: (url, protocol) => cloud.connect(url, protocol),
    change: (work) => cycle(async () => work(cloud)),
    onRemoteChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      unsubscribe?.();
      listeners.clear();
    },
  };
}
