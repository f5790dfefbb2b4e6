/**
 * Gives the browser a turn (input, rendering) before continuing: `scheduler.yield()` where it exists
 * (Chromium), otherwise a new macrotask through a MessageChannel (setTimeout(0) is clamped to 4 ms
 * after a few nestings). A step's engine work runs in several short tasks instead of one long one.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

/** Runs `task` when the browser is idle after the first paint (or soon, where idle callbacks are missing). */
export function whenIdle(task: () => void, timeoutMs = 1500): void {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number })
    .requestIdleCallback;
  if (typeof idle === 'function') idle(task, { timeout: timeoutMs });
  else setTimeout(task, 0);
}
