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

type IdleHost = {
  requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
};

/**
 * Runs `task` when the browser is next idle, within `timeoutMs` (or soon, where idle callbacks are
 * missing), and returns what cancels it.
 */
export function whenIdle(task: () => void, timeoutMs = 1500): () => void {
  const host = globalThis as IdleHost;
  if (typeof host.requestIdleCallback === 'function') {
    const handle = host.requestIdleCallback(task, { timeout: timeoutMs });
    return () => host.cancelIdleCallback?.(handle);
  }
  const handle = setTimeout(task, 0);
  return () => clearTimeout(handle);
}

/** What shows a reader is about to do something: any of these, once, anywhere on the page. */
const READER_ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'touchstart', 'focusin', 'wheel'] as const;
let readerActed = false;
let waiting: (() => void)[] = [];

/**
 * Runs `task` once the reader shows activity (a pointer moving or pressed, a key, a touch, focus, a
 * wheel), or at once if they already have. Work the reader needs only once they act (the engine before
 * the first step) then stays off the main thread while the first screen settles on a slow phone, and
 * still starts before the click it serves: a pointer moves, or Tab is pressed, before Next is pressed.
 * Where there is no page (tests, the build's prerender) it runs when idle.
 */
export function whenReaderActs(task: () => void): void {
  if (readerActed) {
    task();
    return;
  }
  if (typeof window === 'undefined' || typeof window.addEventListener !== 'function') {
    whenIdle(task);
    return;
  }
  if (waiting.length === 0) {
    const acted = () => {
      readerActed = true;
      for (const type of READER_ACTIVITY) window.removeEventListener(type, acted, true);
      const tasks = waiting;
      waiting = [];
      for (const next of tasks) next();
    };
    for (const type of READER_ACTIVITY)
      window.addEventListener(type, acted, { capture: true, passive: true });
  }
  waiting.push(task);
}
