import { useEffect } from 'react';
import { useAppStoreApi } from '../store/hooks';
import type { AppState } from '../store/types';
import { formatUrlState, parseUrlState } from '../store/url-state';

/** While a flow plays, the URL's step is brought up to date at most this often (history calls are slow). */
const STEP_URL_DELAY_MS = 400;

function urlOf(state: AppState): string {
  return formatUrlState({
    scenarioId: state.scenarioId,
    identity: state.identity,
    step: state.position,
    view: state.view,
  });
}

/**
 * Keeps the URL and the store in step: a new scenario, identity or view pushes a history entry (so
 * Back returns to it); moving between steps replaces the current one, a little later and once for a
 * burst of steps (replaceState costs milliseconds in Chromium; per step while playing it showed up
 * as long tasks). Back/forward re-apply the URL.
 */
export function useUrlSync() {
  const store = useAppStoreApi();
  useEffect(() => {
    let applying = false;
    let pending: ReturnType<typeof setTimeout> | undefined;
    const writeStep = () => {
      pending = undefined;
      const state = store.getState();
      // Replays and playback pass through intermediate steps; the change that ends them writes the URL.
      if (state.busy || state.status === 'playing') return;
      const next = urlOf(state);
      if (next !== location.search) history.replaceState(null, '', next);
    };
    const unsubscribe = store.subscribe((state, previous) => {
      if (applying) return;
      const structural =
        state.scenarioId !== previous.scenarioId ||
        state.view !== previous.view ||
        state.identity !== previous.identity;
      if (structural) {
        if (pending) clearTimeout(pending);
        pending = undefined;
        const next = urlOf(state);
        if (next !== location.search) history.pushState(null, '', next);
        return;
      }
      if (
        state.position === previous.position &&
        state.busy === previous.busy &&
        state.status === previous.status
      )
        return;
      if (!pending) pending = setTimeout(writeStep, STEP_URL_DELAY_MS);
    });
    const onPop = () => {
      const url = parseUrlState(location.search);
      const state = store.getState();
      applying = true;
      if (url.view && url.view !== state.view) state.setView(url.view);
      if (url.scenarioId && url.scenarioId !== state.scenarioId)
        state.selectScenario(url.scenarioId, url.step ?? 0);
      else if (url.step !== undefined && url.step !== state.position) void state.seek(url.step);
      applying = false;
    };
    window.addEventListener('popstate', onPop);
    return () => {
      unsubscribe();
      if (pending) clearTimeout(pending);
      window.removeEventListener('popstate', onPop);
    };
  }, [store]);
}
