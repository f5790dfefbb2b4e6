import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

/**
 * One MediaQueryList for the page: `matchMedia()` evaluates the query afresh on every call (it showed
 * up at ~1 ms a call in profiles), and every edge asks on every render.
 */
let media: MediaQueryList | undefined;
function query(): MediaQueryList | undefined {
  if (!media && typeof window !== 'undefined' && typeof window.matchMedia === 'function')
    media = window.matchMedia(QUERY);
  return media;
}

function subscribe(callback: () => void) {
  const list = query();
  list?.addEventListener('change', callback);
  return () => list?.removeEventListener('change', callback);
}

/** True when the reader asked the system for less motion; packets then rest instead of travelling. */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => query()?.matches ?? false,
    () => false,
  );
}
