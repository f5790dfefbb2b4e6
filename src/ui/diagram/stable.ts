/**
 * Keeps the previous object for every item whose content did not change, so React Flow sees the same
 * node and edge objects between steps and re-renders (and re-measures) only what changed. Content is
 * compared as JSON: the data are small plain objects (labels, states, route points).
 */
export function reuseUnchanged<T extends { id: string }>(previous: readonly T[], next: T[]): T[] {
  if (previous.length === 0) return next;
  const byId = new Map(previous.map((item) => [item.id, item]));
  let changed = previous.length !== next.length;
  const result = next.map((item, index) => {
    const old = byId.get(item.id);
    if (old && JSON.stringify(old) === JSON.stringify(item)) {
      if (previous[index] !== old) changed = true;
      return old;
    }
    changed = true;
    return item;
  });
  return changed ? result : (previous as T[]);
}
