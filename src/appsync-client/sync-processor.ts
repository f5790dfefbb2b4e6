import type { ClientState } from './client-state';
import { SYNC_ITEMS } from './operations';
import type { ProcessorContext } from './processor-context';
import type { ServerItem } from './types';

/**
 * The sync processor (Amplify DataStore, docs/aws-reference.md §10.4, §10.5): a base sync when the device has no
 * lastSync or the last full one is older than `fullSyncIntervalMs`, otherwise a delta sync from
 * lastSync. Pages follow `nextToken`; every record goes through the merger (`applyIncoming`).
 */
export interface SyncProcessorOptions {
  /** DataStore's fullSyncInterval (default one day). */
  fullSyncIntervalMs?: number;
  syncPageSize?: number;
}

const DAY_MS = 24 * 60 * 60_000;

interface SyncPage {
  items: ServerItem[];
  nextToken: string | null;
  startedAt: number;
}

export function createSyncProcessor(
  state: ClientState,
  ctx: ProcessorContext,
  applyIncoming: (item: ServerItem) => Promise<void>,
  options: SyncProcessorOptions,
) {
  async function sync(): Promise<void> {
    await state.load();
    await ctx.guarded('syncing', async () => {
      const full =
        state.meta.lastSync === undefined ||
        state.meta.lastFullSync === undefined ||
        ctx.now() - state.meta.lastFullSync > (options.fullSyncIntervalMs ?? DAY_MS);
      let nextToken: string | null = null;
      let startedAt: number | undefined;
      let count = 0;
      do {
        const reply = await ctx.query(SYNC_ITEMS, {
          limit: options.syncPageSize ?? 1000,
          nextToken,
          lastSync: full ? null : state.meta.lastSync,
        });
        const page = reply.data?.syncItems as SyncPage | null;
        if (!page) throw new Error(reply.errors[0]?.message ?? 'syncItems returned no data');
        // startedAt of the FIRST page is the next lastSync (docs/aws-reference.md §10.4).
        startedAt ??= page.startedAt;
        for (const item of page.items) await applyIncoming(item);
        count += page.items.length;
        nextToken = page.nextToken;
      } while (nextToken);
      const finished = startedAt ?? ctx.now();
      await state.exclusive(() =>
        state.commit({ meta: { lastSync: finished, ...(full ? { lastFullSync: finished } : {}) } }),
      );
      state.emit({ type: 'synced', mode: full ? 'base' : 'delta', count, startedAt: finished });
    });
  }
  return { sync };
}
