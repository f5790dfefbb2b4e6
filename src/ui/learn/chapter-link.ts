import type { MouseEvent } from 'react';

/** The link of a chapter (or of the chapter list), relative to the page so a sub-path build keeps it. */
export function chapterHref(id?: string): string {
  return id ? `?view=learn&chapter=${encodeURIComponent(id)}` : '?view=learn';
}

/**
 * A plain click follows the link inside the app (a history entry through the store); a click with a
 * modifier keeps the browser's own meaning (new tab, new window).
 */
export function followInApp(event: MouseEvent, go: () => void): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  go();
}
