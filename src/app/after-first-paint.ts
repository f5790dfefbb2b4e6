import { afterNextPaint } from '../ui/common/after-paint';

/** Longest wait for the browser to report the first contentful paint before starting anyway. */
const FALLBACK_MS = 3000;

/**
 * Resolves once the browser reports that the prerendered first screen has been painted (the Paint
 * Timing API's first-contentful-paint entry), so that fetching and running the app cannot hold that
 * paint back. A requestAnimationFrame alone is not enough: the frame it precedes may reach the screen
 * much later than the callback runs. With nothing to paint in `root` (a deep link removed the
 * prerendered screen) it waits for the next frame only; without the API, or if no entry comes, it
 * resolves after a bounded wait.
 */
export function afterFirstContentfulPaint(root: HTMLElement): Promise<void> {
  if (root.childElementCount === 0 || typeof PerformanceObserver === 'undefined') return afterNextPaint();
  return new Promise((resolve) => {
    const timer = setTimeout(done, FALLBACK_MS);
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length > 0) done();
    });
    function done() {
      clearTimeout(timer);
      observer.disconnect();
      resolve();
    }
    try {
      observer.observe({ type: 'paint', buffered: true });
    } catch {
      done();
    }
  });
}
