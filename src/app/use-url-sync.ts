import { useEffect } from 'react';
import { useAppStoreApi } from '../store/hooks';
import type { AppState } from '../store/types';
import { formatUrlState, parseUrlState, sameClockJumps } from '../store/url-state';

/** While a flow plays, the URL's step is brought up to date at most this often (history calls are slow). */
const STEP_URL_DELAY_MS = 400;

function urlOf(state: AppState): string {
  return formatUrlState({
    scenarioId: state.scenarioId,
    identity: state.identity,
    step: state.position,
    view: state.view,
    chapterId: state.chapterId,
    clockJumps: state.clockJumps,
  });
}

/**
 * Keeps the URL and the store in step, the way web pages use history: a new scenario, identity or view
 * pushes a history entry (so Back returns to it); moving between steps or the clock replaces the
 * current one, a little later and once for a burst of steps (replaceState costs milliseconds in
 * Chromium; per step while playing it showed up as long tasks). Back/Forward re-apply the URL exactly:
 * view (absent means Flows), scenario, step and clock moves.
 */
export function useUrlSync() {
  const store = useAppStoreApi();
  useEffect(() => {
    let applying = false;
    let pending: ReturnType<typeof setTimeout> | undefined;
    /** A settled step's write, queued for just after the frame that shows the step. */
    let settling: number | undefined;
    const cancelSettle = () => {
      if (settling !== undefined) cancelAnimationFrame(settling);
      settling = undefined;
    };
    const writeStep = () => {
      pending = undefined;
      const state = store.getState();
      // Replays and playback pass through intermediate steps; the change that ends them writes the URL.
      if (state.busy || state.status === 'playing') return;
      const next = urlOf(state);
      if (next !== location.search) history.replaceState(history.state, '', next);
    };
    const unsubscribe = store.subscribe((state, previous) => {
      if (applying) return;
      const structural =
        state.scenarioId !== previous.scenarioId ||
        state.view !== previous.view ||
        state.chapterId !== previous.chapterId ||
        state.identity !== previous.identity;
      if (structural) {
        if (pending) clearTimeout(pending);
        pending = undefined;
        cancelSettle();
        const next = urlOf(state);
        if (next !== location.search) history.pushState(null, '', next);
        return;
      }
      if (
        state.position === previous.position &&
        state.busy === previous.busy &&
        state.status === previous.status &&
        state.clockJumps === previous.clockJumps
      )
        return;
      // A step the reader chose is settled at once: written as soon as the frame showing it is painted
      // (replaceState costs milliseconds; before the paint it delays the step the reader waits for),
      // so a Back pressed right after it leaves this entry at that step. Playback and replays (busy)
      // pass through steps; those are written once, a little later, when they end.
      if (!state.busy && state.status !== 'playing') {
        if (pending) clearTimeout(pending);
        pending = undefined;
        cancelSettle();
        settling = requestAnimationFrame(() => {
          settling = undefined;
          pending = setTimeout(writeStep, 0);
        });
      } else if (!pending && settling === undefined) pending = setTimeout(writeStep, STEP_URL_DELAY_MS);
    });
    const onPop = () => {
      // A write still waiting belongs to the entry the reader just left: drop it, never apply it here.
      if (pending) clearTimeout(pending);
      pending = undefined;
      cancelSettle();
      const url = parseUrlState(location.search);
      const state = store.getState();
      applying = true;
      try {
        const view = url.view ?? 'flow';
        if (view === 'learn') {
          // The Learn view opens its chapter's scenario itself (the chapter list loads with it).
          if (state.view !== 'learn' || state.chapterId !== url.chapterId) state.openChapter(url.chapterId);
          return;
        }
        if (view !== state.view) state.setView(view);
        const scenarioId = url.scenarioId ?? state.scenarioId;
        if (scenarioId !== state.scenarioId || !sameClockJumps(url.clockJumps, state.clockJumps))
          state.selectScenario(scenarioId, url.step ?? 0, url.clockJumps ?? []);
        else if (url.step !== undefined && url.step !== state.position) void state.seek(url.step);
      } finally {
        applying = false;
      }
    };
    window.addEventListener('popstate', onPop);
    return () => {
      unsubscribe();
      if (pending) clearTimeout(pending);
      cancelSettle();
      window.removeEventListener('popstate', onPop);
    };
  }, [store]);
}
