import { useEffect } from 'react';
import { whenIdle } from '../player/yield';
import { DEFAULT_SCENARIO_ID } from '../scenarios/catalog';
import { useAppStoreApi } from '../store/hooks';
import type { AppState } from '../store/types';
import { canonicalSearch, formatUrlState, parseUrlState, sameClockJumps } from '../store/url-state';

/** While a flow plays, the URL's step is brought up to date at most this often (history calls are slow). */
const STEP_URL_DELAY_MS = 400;
/**
 * A settled step's URL waits for an idle moment after its frame, at most this long: a history write is
 * the least urgent work after a seek (queued as the next task it ran before the reader's next press,
 * and replaceState costs milliseconds on a slow phone).
 */
const SETTLED_URL_IDLE_TIMEOUT_MS = 300;

/** The key this app keeps in each history entry's state, so a write that missed its entry finds it again. */
const ENTRY_KEY = 'atlasEntry';

function entryOf(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const value: unknown = Object.getOwnPropertyDescriptor(state, ENTRY_KEY)?.value;
  return typeof value === 'string' ? value : undefined;
}

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
 * current one, later and once for a burst of steps (replaceState costs milliseconds in Chromium; per
 * step while playing it showed up as long tasks). Back/Forward re-apply the URL exactly: view (absent
 * means Flows), scenario, step and clock moves.
 */
export function useUrlSync() {
  const store = useAppStoreApi();
  useEffect(() => {
    let applying = false;
    let pending: ReturnType<typeof setTimeout> | undefined;
    /** A settled step's write, queued for just after the frame that shows the step… */
    let settling: number | undefined;
    /** …and then for the first idle moment after it. */
    let cancelIdle: (() => void) | undefined;
    // Each entry this page made or met carries a key in its state. A step's write is late by design; one
    // still waiting when Back or Forward leaves its entry cannot be written there any more (history
    // writes go to the entry shown), so it is kept by the entry's key and written when the reader
    // returns to that entry, before its URL is applied: Forward then restores the step it was left at.
    let made = 0;
    const newEntry = () => `${Date.now().toString(36)}-${(made++).toString(36)}`;
    const missed = new Map<string, string>();
    let current = entryOf(history.state) ?? newEntry();
    /** Gives the entry shown this URL (by default the one it has) and its key; history calls only if needed. */
    const writeEntry = (url = location.search) => {
      if (url !== location.search || entryOf(history.state) !== current)
        history.replaceState({ [ENTRY_KEY]: current }, '', url);
    };
    // A link with values the app dropped or clamped (`?step=abc`, `?step=999`) is corrected at once, in
    // place (no new entry): the address bar then names what is shown, and Back still leaves the page.
    const repaired = canonicalSearch(location.search);
    if (repaired !== undefined) writeEntry(repaired);
    // The first entry's key is written when the page is idle, not in the load the reader waits for.
    const cancelKey = whenIdle(() => writeEntry(), SETTLED_URL_IDLE_TIMEOUT_MS);
    const waiting = () => pending !== undefined || settling !== undefined || cancelIdle !== undefined;
    const cancelWrites = () => {
      if (pending) clearTimeout(pending);
      pending = undefined;
      if (settling !== undefined) cancelAnimationFrame(settling);
      settling = undefined;
      cancelIdle?.();
      cancelIdle = undefined;
    };
    /**
     * The URL a waiting write would give the entry shown, or undefined while the engine runs a replay or
     * a step (its position is passed through). Playback writes too, at most every STEP_URL_DELAY_MS: with
     * auto-advance a flow plays on for many steps, and a reload, Back or a copied link in the middle of it
     * must come back to the step shown, not to the one where Play was pressed.
     */
    const settledUrl = (state: AppState) => (state.busy ? undefined : urlOf(state));
    const writeStep = () => {
      pending = undefined;
      cancelIdle = undefined;
      // Replays and playback pass through intermediate steps; the change that ends them writes the URL.
      writeEntry(settledUrl(store.getState()));
    };
    /** Writes a waiting step now, into the entry it belongs to (still the one shown), and its key. */
    const flush = (state: AppState) => {
      const next = waiting() ? settledUrl(state) : undefined;
      cancelWrites();
      writeEntry(next);
    };
    const unsubscribe = store.subscribe((state, previous) => {
      if (applying) return;
      const structural =
        state.scenarioId !== previous.scenarioId ||
        state.view !== previous.view ||
        state.chapterId !== previous.chapterId ||
        state.identity !== previous.identity;
      if (structural) {
        // The entry being left keeps the step the reader left it at.
        flush(previous);
        const next = urlOf(state);
        if (next !== location.search) {
          current = newEntry();
          history.pushState({ [ENTRY_KEY]: current }, '', next);
        }
        return;
      }
      if (
        state.position === previous.position &&
        state.busy === previous.busy &&
        state.status === previous.status &&
        state.clockJumps === previous.clockJumps
      )
        return;
      // A step the reader chose is settled at once: written in the first idle moment after the frame
      // showing it (replaceState costs milliseconds; before the paint it delayed the step the reader
      // waits for, and as the next task it still ran before the reader's next press). Playback and
      // replays (busy) pass through steps; those are written once, a little later, when they end.
      if (!state.busy && state.status !== 'playing') {
        cancelWrites();
        settling = requestAnimationFrame(() => {
          settling = undefined;
          cancelIdle = whenIdle(writeStep, SETTLED_URL_IDLE_TIMEOUT_MS);
        });
      } else if (!waiting()) pending = setTimeout(writeStep, STEP_URL_DELAY_MS);
    });
    const onPop = () => {
      // A write still waiting belongs to the entry the reader just left: kept for that entry, never
      // applied to this one.
      if (waiting()) {
        const left = settledUrl(store.getState());
        cancelWrites();
        if (left !== undefined) missed.set(current, left);
      }
      // An entry without a key (made before this page kept keys, or typed in the address bar) gets one.
      current = entryOf(history.state) ?? newEntry();
      const owed = missed.get(current);
      missed.delete(current);
      writeEntry(owed);
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
        // What a fresh page makes of the entry's URL: a bare address (the first page, typed or linked)
        // is the default scenario at its start, not whatever the reader moved on to since.
        const scenarioId = url.scenarioId ?? DEFAULT_SCENARIO_ID;
        const step = url.step ?? 0;
        if (scenarioId !== state.scenarioId || !sameClockJumps(url.clockJumps, state.clockJumps))
          state.selectScenario(scenarioId, step, url.clockJumps ?? []);
        else if (step !== state.position) void state.seek(step);
      } finally {
        applying = false;
      }
    };
    // Leaving the page (a reload, another site) writes what is waiting, so the entry comes back as left.
    const onHide = () => flush(store.getState());
    window.addEventListener('popstate', onPop);
    window.addEventListener('pagehide', onHide);
    return () => {
      unsubscribe();
      cancelWrites();
      cancelKey();
      window.removeEventListener('popstate', onPop);
      window.removeEventListener('pagehide', onHide);
    };
  }, [store]);
}
