/**
 * The playhead of the current step's animation, 0…1. It changes on every animation frame while a flow
 * plays, so it lives outside the store's state: a store update notifies every subscribed component's
 * selector, and sixty of those a second cost more than the frame budget allows on a slow machine.
 * Only the packet subscribes to it, and it moves the SVG element directly.
 */
export interface Playhead {
  get(): number;
  set(value: number): void;
  subscribe(listener: (value: number) => void): () => void;
}

export function createPlayhead(initial = 1): Playhead {
  let value = initial;
  const listeners = new Set<(value: number) => void>();
  return {
    get: () => value,
    set(next) {
      if (next === value) return;
      value = next;
      for (const listener of listeners) listener(value);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
