import type { ClientState } from './client-state';
import { decideIncoming, toLocal } from './merger';
import type { ProcessorContext } from './processor-context';
import { type Connect, openSubscriptions } from './realtime-connection';
import type { AppSyncAuth, ServerItem } from './types';

/**
 * The subscription processor (Amplify DataStore, docs/aws-reference.md §10.5): one realtime connection carrying the
 * onCreate/onUpdate/onDelete subscriptions; each record that arrives goes through the merger, which
 * never overwrites an item that still has a pending outbox entry. The sync processor applies its
 * pages through the same `applyIncoming`.
 */
export interface SubscriptionOptions {
  url: string;
  realtimeUrl: string;
  connect: Connect;
  auth: AppSyncAuth;
}

export function createSubscriptionProcessor(
  state: ClientState,
  ctx: ProcessorContext,
  options: SubscriptionOptions,
  isStopped: () => boolean,
) {
  /** The open connection, or undefined once it closed (then `status.connection` is 'closed'). */
  let realtime: { close(): void } | undefined;

  /** Applies one record from the cloud; with `field` (a subscription) it also reports what happened. */
  async function applyIncoming(incoming: ServerItem, field?: string) {
    await state.exclusive(async () => {
      const decision = decideIncoming(incoming, state.items.get(incoming.id), state.outbox);
      if (decision.apply) {
        await state.commit(
          incoming._deleted ? { deleteItems: [incoming.id] } : { putItems: [toLocal(incoming)] },
        );
      }
      if (field) {
        state.emit({
          type: 'subscription-data',
          field,
          item: incoming,
          applied: decision.apply,
          reason: decision.apply ? 'applied' : decision.reason,
        });
      }
    });
  }

  async function connectRealtime(): Promise<void> {
    if (realtime || state.status.connection !== 'closed' || !ctx.online() || isStopped()) return;
    try {
      realtime = await openSubscriptions(options.connect, options.realtimeUrl, options.url, options.auth, {
        onData: (field, item) => void applyIncoming(item, field),
        onState: (next, detail) => {
          state.status.connection = next;
          if (next === 'closed') realtime = undefined;
          state.emit({ type: 'connection', state: next, detail });
        },
      });
    } catch (error) {
      state.status.connection = 'closed';
      realtime = undefined;
      state.emit({ type: 'connection', state: 'closed', detail: (error as Error).message });
    }
  }

  return { applyIncoming, connectRealtime, close: () => realtime?.close() };
}
