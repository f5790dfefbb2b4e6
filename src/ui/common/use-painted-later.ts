import { startTransition, useEffect, useState } from 'react';
import { afterNextPaint } from './after-paint';

/**
 * `value` as it was before the latest change, until the browser has painted the frame that showed that
 * change elsewhere; then `value`. A panel that reads its data through this follows one frame behind the
 * rest of the screen, so its rendering, layout and paint do not delay the frame that shows what the
 * reader asked for (the new step in the banner, the diagram and the step list). Rapid changes coalesce:
 * only the latest value is rendered once things settle.
 */
export function usePaintedLater<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return;
    let live = true;
    void afterNextPaint().then(() => {
      if (live) startTransition(() => setShown(value));
    });
    return () => {
      live = false;
    };
  }, [value, shown]);
  return shown;
}
