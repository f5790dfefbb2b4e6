import type { World } from '../../world';
import type { StoredItem } from './state';

/**
 * Live subscriptions of every open real-time connection, per world and API. Not part of the saved
 * state: like real WebSocket connections, they end with the tab.
 */
export type SubscriptionField = 'onCreateItem' | 'onUpdateItem' | 'onDeleteItem';

export interface Subscriber {
  field: SubscriptionField;
  deliver(item: StoredItem): void;
}

const hubs = new WeakMap<World, Map<string, Set<Subscriber>>>();

function subscribersOf(world: World, apiId: string): Set<Subscriber> {
  let perApi = hubs.get(world);
  if (!perApi) {
    perApi = new Map();
    hubs.set(world, perApi);
  }
  let set = perApi.get(apiId);
  if (!set) {
    set = new Set();
    perApi.set(apiId, set);
  }
  return set;
}

export function addSubscriber(world: World, apiId: string, subscriber: Subscriber): () => void {
  const set = subscribersOf(world, apiId);
  set.add(subscriber);
  return () => set.delete(subscriber);
}

export function publish(world: World, apiId: string, field: SubscriptionField, item: StoredItem): void {
  for (const subscriber of subscribersOf(world, apiId)) {
    if (subscriber.field === field) subscriber.deliver({ ...item, tags: [...item.tags] });
  }
}
