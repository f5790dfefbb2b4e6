import { useSyncExternalStore } from 'react';

/**
 * One MediaQueryList per query for the page: `matchMedia()` evaluates the query afresh on every call
 * (it showed up at ~1 ms a call in playback profiles when every edge asked on every render).
 */
const lists = new Map<string, MediaQueryList>();

function listFor(query: string): MediaQueryList | undefined {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return undefined;
  let list = lists.get(query);
  if (!list) {
    list = window.matchMedia(query);
    lists.set(query, list);
  }
  return list;
}

/** Whether a media query matches now; re-renders when that changes. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (callback) => {
      const list = listFor(query);
      list?.addEventListener('change', callback);
      return () => list?.removeEventListener('change', callback);
    },
    () => listFor(query)?.matches ?? false,
    () => false,
  );
}
