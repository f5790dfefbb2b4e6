import { useSyncExternalStore } from 'react';

/**
 * One MediaQueryList per query for the page, and its answer kept until the list reports a change:
 * `matchMedia()` evaluates the query afresh on every call (it showed up at ~1 ms a call in playback
 * profiles when every edge asked on every render), and so does reading `.matches` (a fifth of a
 * millisecond per seek at 4× CPU slowdown, read by every subscribed component on every store change).
 */
const lists = new Map<string, { list: MediaQueryList; matches: boolean }>();

function entryFor(query: string) {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return undefined;
  const known = lists.get(query);
  if (known) return known;
  const list = window.matchMedia(query);
  const entry = { list, matches: list.matches };
  // Registered before any component's listener, so the answer is fresh when they re-render.
  list.addEventListener('change', (event) => {
    entry.matches = event.matches;
  });
  lists.set(query, entry);
  return entry;
}

/** Phones and narrow windows: the diagram stands on end and the page scrolls (the CSS uses the same breakpoint). */
export const NARROW_SCREEN = '(max-width: 600px)';

const matchesNow = (query: string) => entryFor(query)?.matches ?? false;

/**
 * Whether a media query matches now; re-renders when that changes.
 *
 * Hydrating the prerendered first screen, a component gets the prerender's answer (no match), since
 * its markup must be what the prerender wrote; React then renders it again at once with the reader's
 * answer, in one blocking task, and renders afresh whatever below it still waits for its code. A
 * component whose markup does not depend on the answer (only its effects and later renders do) passes
 * `{ sameMarkup: true }` and gets the reader's answer from the start: no second render.
 */
export function useMediaQuery(query: string, { sameMarkup = false } = {}): boolean {
  return useSyncExternalStore(
    (callback) => {
      const list = entryFor(query)?.list;
      list?.addEventListener('change', callback);
      return () => list?.removeEventListener('change', callback);
    },
    () => matchesNow(query),
    () => (sameMarkup ? matchesNow(query) : false),
  );
}
