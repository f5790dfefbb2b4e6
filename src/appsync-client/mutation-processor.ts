import type { ClientState } from './client-state';
import { toLocal } from './merger';
import { asItem, GET_ITEM } from './operations';
import { overlay, rebaseLater } from './outbox';
import type { ProcessorContext } from './processor-context';
import { replayEntry } from './replay';
import type { OutboxEntry, ServerItem } from './types';

/**
 * The mutation processor (Amplify DataStore, docs/aws-reference.md §10.5): sends the outbox one entry at a time, in
 * order, while the device is online. An entry waiting on a conflict holds back the later entries of
 * the same item, never those of other items. Each answer is recorded before the next entry goes out.
 */
export function createMutationProcessor(state: ClientState, ctx: ProcessorContext, isStopped: () => boolean) {
  const { exclusive, commit, emit } = state;
  /** The running flush, if any: there is never more than one. */
  let flushing: Promise<void> | undefined;

  /** After a rejected change, put the server's copy back (unless more local changes wait). */
  async function refetch(id: string) {
    const reply = await ctx.query(GET_ITEM, { id });
    const server = asItem(reply.data?.getItem);
    await exclusive(async () => {
      if (state.outbox.some((e) => e.itemId === id)) return;
      await commit(server && !server._deleted ? { putItems: [toLocal(server)] } : { deleteItems: [id] });
    });
  }

  const ports = {
    query: ctx.query,
    markSent: (entry: OutboxEntry) =>
      exclusive(async () => {
        const sent = { ...entry, attempts: entry.attempts + 1 };
        await commit({ putOutbox: [sent] });
        return sent;
      }),
    recordAnswer: (entry: OutboxEntry, server: ServerItem) =>
      exclusive(async () => {
        const later = rebaseLater(state.outbox, entry, server);
        const local = server._deleted ? undefined : overlay(server, later);
        await commit({
          deleteOutbox: [entry.seq],
          putOutbox: later,
          ...(local
            ? { putItems: [{ ...local, _version: server._version, _lastChangedAt: server._lastChangedAt }] }
            : { deleteItems: [entry.itemId] }),
        });
      }),
    recordConflict: (entry: OutboxEntry, server: ServerItem) =>
      exclusive(async () => {
        // The answer is recorded, so the entry is no longer "maybe delivered": attempts go back to 0.
        const waiting = { ...entry, attempts: 0, conflict: { server, at: ctx.now() } };
        await commit({ putOutbox: [waiting] });
        emit({ type: 'conflict', entry: waiting, local: state.items.get(entry.itemId), server });
      }),
    recordRejection: (entry: OutboxEntry, errorType: string, message: string) =>
      exclusive(async () => {
        await commit({ deleteOutbox: [entry.seq] });
        emit({ type: 'rejected', entry, errorType, message });
      }).then(() => refetch(entry.itemId)),
    emit,
  };

  const sendable = () =>
    state.outbox.find(
      (e) => !e.conflict && !state.outbox.some((o) => o.seq < e.seq && o.itemId === e.itemId && o.conflict),
    );

  function flush(): Promise<void> {
    if (flushing) return flushing;
    flushing = (async () => {
      await state.load();
      while (!isStopped()) {
        const next = sendable();
        if (!next) break;
        const ok = await ctx.guarded('sending', () => replayEntry(next, ports));
        if (!ok) break;
      }
    })().finally(() => {
      flushing = undefined;
    });
    return flushing;
  }

  return { flush, running: () => flushing };
}
