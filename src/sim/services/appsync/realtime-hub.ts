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

/** One mutation's subscription event, as plain data (structured-cloneable, so it can cross tabs). */
export interface PublishedEvent {
  apiId: string;
  field: SubscriptionField;
  item: StoredItem;
}

const relays = new WeakMap<World, Set<(event: PublishedEvent) => void>>();

/** Hears every event this world publishes (cloud.onPublish), e.g. to forward it to other tabs. */
export function addPublishListener(world: World, listener: (event: PublishedEvent) => void): () => void {
  let set = relays.get(world);
  if (!set) {
    set = new Set();
    relays.set(world, set);
  }
  set.add(listener);
  return () => set.delete(listener);
}

/** Delivers an event to this world's subscribers only (an event published by the same cloud elsewhere). */
export function deliverPublished(world: World, event: PublishedEvent): void {
  for (const subscriber of subscribersOf(world, event.apiId)) {
    if (subscriber.field === event.field) subscriber.deliver({ ...event.item, tags: [...event.item.tags] });
  }
}

export function publish(world: World, apiId: string, field: SubscriptionField, item: StoredItem): void {
  deliverPublished(world, { apiId, field, item });
  for (const listener of relays.get(world) ?? []) listener({ apiId, field, item: { ...item, tags: [...item.tags] } });
}
