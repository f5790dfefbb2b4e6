import { useEffect } from 'react';
import type { ClockJump } from '../../player/timeline';
import { type createGraphCache, recordedStepInputs, type StepGraphInput } from './graph-cache';

type IdleCallback = (deadline: { timeRemaining(): number }) => void;
type IdleHost = {
  requestIdleCallback?: (cb: IdleCallback, options?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
};

/** Stop building once an idle period has less than this left, so a key press is never kept waiting. */
const SPARE_MS = 3;

/**
 * Builds the graphs of the other recorded steps while the browser is idle, so that a seek to any of them
 * (Back, a click in the step list, the browser's Back) only looks its drawing up. Nothing runs while the
 * flow plays or replays (`settled` false), and a change of step or run starts the list afresh.
 */
export function useWarmGraphs(
  graphs: ReturnType<typeof createGraphCache>,
  shown: StepGraphInput | undefined,
  clockJumps: readonly ClockJump[],
  settled: boolean,
) {
  useEffect(() => {
    const host = globalThis as IdleHost;
    if (!shown || !settled || typeof host.requestIdleCallback !== 'function') return;
    const idle = host.requestIdleCallback;
    // The list is made in idle time too: this effect runs inside the frame of the seek that changed `shown`.
    let queue: StepGraphInput[] | undefined;
    let handle: number | undefined;
    const work: IdleCallback = (deadline) => {
      handle = undefined;
      queue ??= recordedStepInputs(shown, clockJumps);
      while (queue.length > 0 && deadline.timeRemaining() > SPARE_MS) graphs.graphFor(queue.shift()!);
      if (queue.length > 0) handle = idle(work);
    };
    if (shown.entries.length > 0) handle = idle(work);
    return () => {
      if (handle !== undefined) host.cancelIdleCallback?.(handle);
    };
  }, [graphs, shown, clockJumps, settled]);
}
