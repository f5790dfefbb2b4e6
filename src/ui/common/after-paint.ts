/**
 * Resolves after the browser has painted the next frame (a requestAnimationFrame, then a task after it),
 * or at once where there are no frames (tests without a layout engine). Work started after it cannot
 * delay that paint.
 */
export function afterNextPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
