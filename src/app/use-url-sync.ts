import { useEffect } from 'react';
import { useAppStoreApi } from '../store/hooks';
import { formatUrlState, parseUrlState } from '../store/url-state';

/**
 * Keeps the URL and the store in step: a new scenario, identity or view pushes a history entry (so
 * Back returns to it); moving between steps replaces the current one. Back/forward re-apply the URL.
 */
export function useUrlSync() {
  const store = useAppStoreApi();
  useEffect(() => {
    let applying = false;
    const unsubscribe = store.subscribe((state, previous) => {
      if (applying) return;
      const next = formatUrlState({
        scenarioId: state.scenarioId,
        identity: state.identity,
        step: state.position,
        view: state.view,
      });
      if (next === location.search) return;
      const structural =
        state.scenarioId !== previous.scenarioId ||
        state.view !== previous.view ||
        state.identity !== previous.identity;
      if (state.busy && !structural) return; // replays pass through intermediate positions
      if (structural) history.pushState(null, '', next);
      else history.replaceState(null, '', next);
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
      window.removeEventListener('popstate', onPop);
    };
  }, [store]);
}
