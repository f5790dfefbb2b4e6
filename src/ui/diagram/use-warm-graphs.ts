import { useEffect } from 'react';
import type { ClockJump } from '../../player/timeline';
import { type createGraphCache, recordedStepInputs, type StepGraphInput } from './graph-cache';
import { warmStepData } from './step-data';

type IdleCallback = (deadline: { timeRemaining(): number }) => void;
type IdleHost = {
  requestIdleCallback?: (cb: IdleCallback, options?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
};

/** Stop building once an idle period has less than this left, so a key press is never kept waiting. */
const SPARE_MS = 3;
/**
 * The longest build seen so far, in ms (graphs differ little in size): the next one starts only if the
 * idle period has that much left, so a build does not run past the period into the reader's key press.
 * Counted as at most 40 ms: a whole idle period (50 ms) always has room for one, so the work ends.
 */
let longestBuild = 0;
const MOST_RESERVED_MS = 40;

/**
 * Builds the graphs of the other recorded steps while the browser is idle, and their step data's JSON
 * (step-data.ts), so that a seek to any of them (Back, a click in the step list, the browser's Back)
 * only looks its drawing up. Nothing runs while the flow plays or replays (`settled` false), and a
 * change of step or run starts the list afresh.
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
      while (
        queue.length > 0 &&
        deadline.timeRemaining() > SPARE_MS + Math.min(longestBuild, MOST_RESERVED_MS)
      ) {
        const started = performance.now();
        warmStepData(graphs.graphFor(queue.shift()!));
        longestBuild = Math.max(longestBuild, performance.now() - started);
      }
      if (queue.length > 0) handle = idle(work);
    };
    if (shown.entries.length > 0) handle = idle(work);
    return () => {
      if (handle !== undefined) host.cancelIdleCallback?.(handle);
    };
  }, [graphs, shown, clockJumps, settled]);
}
