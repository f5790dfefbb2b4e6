import type { Cloud, CloudSnapshot } from '../sim/index';
import {
  clearLegacyCloudSnapshot,
  deleteLegacyAppSyncCloud,
  idbCloudDisk,
  loadLegacyAppSyncCloud,
  loadLegacyCloudSnapshot,
} from './cloud-store';
import { LAB_CLOCK } from './lab-clock';
import {
  type CloudAnnouncement,
  type CloudChannel,
  type LockManagerLike,
  openSharedCloud,
  type SharedCloud,
} from './shared-cloud';

/**
 * The shared cloud as a browser tab opens it: IndexedDB as the disk, `navigator.locks` as the lock
 * (absent: an in-tab mutex), BroadcastChannel for version announcements (absent: a tab still catches
 * up whenever it acts). One per tab, shared by the Cognito Sync and AppSync views: one AWS account.
 */
export const CLOUD_CHANNEL = 'identity-atlas-cloud';

function browserLocks(): LockManagerLike | undefined {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks?.request) return undefined;
  return { request: (name, callback) => locks.request(name, callback) };
}

function browserChannel(): CloudChannel | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  const channel = new BroadcastChannel(CLOUD_CHANNEL);
  return {
    post: (message) => channel.postMessage(message),
    subscribe(listener) {
      const handle = (event: MessageEvent<CloudAnnouncement>) => listener(event.data);
      channel.addEventListener('message', handle);
      return () => channel.removeEventListener('message', handle);
    },
  };
}

/**
 * The first shared cloud starts from what the two views kept before: the Cognito Sync view's cloud,
 * with the AppSync view's AppSync data laid over it (both were seeded from the same demo seed, so ids
 * and keys agree; the AppSync view changed little else that lasts). Either alone is taken as it is.
 */
export function mergeLegacyClouds(
  sync: CloudSnapshot | undefined,
  appsync: CloudSnapshot | undefined,
): CloudSnapshot | undefined {
  if (!sync || !appsync) return sync ?? appsync;
  if (sync.region !== appsync.region || sync.ids.accountId !== appsync.ids.accountId) return sync;
  return withServiceState(sync, appsync, 'appsync');
}

/** `base` with one service's state taken from `source` (both snapshots of the same account). */
export function withServiceState(base: CloudSnapshot, source: CloudSnapshot, service: string): CloudSnapshot {
  const state = JSON.parse(base.state) as Record<string, unknown>;
  state[service] = (JSON.parse(source.state) as Record<string, unknown>)[service];
  return { ...base, state: JSON.stringify(state) };
}

const engine = () => import('../sim/index');

let tabCloud: Promise<SharedCloud> | undefined;

/** This tab's client of the profile's one cloud (opened on first use). */
export function sharedCloudForTab(): Promise<SharedCloud> {
  tabCloud ??= (async () => {
    const { createCloud } = await engine();
    let migrated = false;
    const shared = await openSharedCloud({
      disk: idbCloudDisk,
      locks: browserLocks(),
      channel: browserChannel(),
      createCloud: (snapshot) => createCloud(snapshot ? { snapshot, now: LAB_CLOCK.now } : { now: LAB_CLOCK.now }),
      async initial() {
        migrated = true;
        const [sync, appsync] = await Promise.all([
          loadLegacyCloudSnapshot().catch(() => undefined),
          loadLegacyAppSyncCloud().catch(() => undefined),
        ]);
        return mergeLegacyClouds(sync, appsync);
      },
    });
    // Only once the shared record is written: an interrupted first open keeps the old data.
    if (migrated)
      void Promise.all([clearLegacyCloudSnapshot(), deleteLegacyAppSyncCloud()]).catch(() => undefined);
    return shared;
  })();
  return tabCloud;
}

/** Puts one service back as a fresh demo world has it (the AppSync lab's reset), for every tab. */
export async function resetSharedService(shared: SharedCloud, service: string): Promise<void> {
  const { createCloud } = await engine();
  const fresh: Cloud = await createCloud({ now: LAB_CLOCK.now });
  await shared.change(async (cloud) => {
    await cloud.restore(withServiceState(cloud.snapshot(), fresh.snapshot(), service));
  });
}
