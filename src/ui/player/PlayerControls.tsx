import { memo, useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { findScenario } from '../../scenarios/catalog';
import { useAppStore, useAppStoreApi } from '../../store/hooks';
import { askingPrediction } from '../../store/learn-gate';
import { SPEEDS } from '../../store/types';
import { BackIcon, NextIcon, PauseIcon, PlayIcon, RestartIcon } from '../common/icons';
import { usePlaybackTicker } from './use-playback-ticker';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return (
    !!el &&
    (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)
  );
}

/**
 * Whether Space already does something on this element: presses a button, opens a disclosure's
 * summary, follows a link, ticks a box. There it keeps its own meaning and does not also play a step
 * (a reader opening "Transcript of the whole flow" with Space saw the flow move on instead).
 */
function spaceActivates(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el?.tagName) return false;
  return (
    ['BUTTON', 'SUMMARY', 'A'].includes(el.tagName) ||
    ['button', 'link', 'checkbox', 'switch', 'menuitem', 'option'].includes(el.getAttribute('role') ?? '')
  );
}

/** Play, pause, step back/forward, restart, speed; ← and → step, space plays or pauses. */
export function PlayerControls() {
  usePlaybackTicker();
  const store = useAppStoreApi();
  const { status, position, busy, scenarioId, held, asked } = useAppStore(
    useShallow((s) => ({
      // A Learn chapter holds playback before its decisive step until the reader predicts.
      held: s.gate !== undefined && s.position >= s.gate,
      // The question itself comes once the answer before it has landed (Learn's ScenarioLesson).
      asked: askingPrediction(s),
      status: s.status,
      position: s.position,
      busy: s.busy,
      scenarioId: s.scenarioId,
    })),
  );
  const total = findScenario(scenarioId)?.steps.length ?? 0;
  const playing = status === 'playing';
  // The step buttons say they are unavailable with aria-disabled, not `disabled`: a disabled button
  // drops keyboard focus to the page, so a reader pressing Enter on Next would lose their place after
  // every step (Next is unavailable while its step runs). Their clicks check the same conditions.
  const atStartOrBusy = busy || position === 0;
  const cannotGoOn = busy || position >= total || held;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.target as HTMLElement | null)?.getAttribute?.('role') === 'tab') return;
      if (isTyping(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
      const state = store.getState();
      if (event.key === 'ArrowRight') {
        event.preventDefault();
        void state.stepForward();
      } else if (event.key === 'ArrowLeft') {
        event.preventDefault();
        void state.stepBack();
      } else if (event.key === ' ' && !spaceActivates(event.target)) {
        event.preventDefault();
        if (state.status === 'playing') state.pause();
        else state.play();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  return (
    <div className="player-controls" role="toolbar" aria-label="Player">
      <button
        type="button"
        onClick={() => {
          if (!atStartOrBusy) void store.getState().restart();
        }}
        aria-disabled={atStartOrBusy}
        aria-label="Restart"
      >
        <RestartIcon /> <span className="btn-text">Restart</span>
      </button>
      <button
        type="button"
        onClick={() => {
          if (!atStartOrBusy) void store.getState().stepBack();
        }}
        aria-disabled={atStartOrBusy}
        aria-label="Step back"
        aria-keyshortcuts="ArrowLeft"
      >
        <BackIcon /> <span className="btn-text">Back</span>
      </button>
      <button
        type="button"
        className="primary"
        onClick={() => (playing ? store.getState().pause() : store.getState().play())}
        aria-label={playing ? 'Pause' : 'Play'}
        aria-keyshortcuts="Space"
        disabled={held && !playing}
      >
        {playing ? (
          <>
            <PauseIcon /> Pause
          </>
        ) : (
          <>
            <PlayIcon /> Play
          </>
        )}
      </button>
      <button
        type="button"
        onClick={() => {
          if (!cannotGoOn) void store.getState().stepForward();
        }}
        aria-disabled={cannotGoOn}
        aria-label="Step forward"
        aria-keyshortcuts="ArrowRight"
      >
        <span className="btn-text">Next</span> <NextIcon />
      </button>
      <PaceSettings />
      {/* Progress without the word "step": the diagram's phase numbers (1, 1.5, 2 …) are the only numbering. */}
      <span className="progress">
        <progress max={total} value={position} aria-label="Played so far" />
        <span className="progress__text">
          {position} of {total} played
          {busy ? ' · running…' : ''}
          {asked ? ' · waiting for your prediction' : ''}
        </span>
      </span>
    </div>
  );
}

/**
 * Speed and auto-advance: a component of their own, so that a step (which re-renders the buttons and
 * the progress) leaves the select and the checkbox alone; React rewrites an input's attributes whenever
 * it renders one.
 */
const PaceSettings = memo(function PaceSettings() {
  const store = useAppStoreApi();
  const { speed, autoAdvance } = useAppStore(
    useShallow((s) => ({ speed: s.speed, autoAdvance: s.autoAdvance })),
  );
  return (
    <>
      <label className="speed">
        Speed
        <select value={speed} onChange={(e) => store.getState().setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <label className="auto-advance">
        <input
          type="checkbox"
          checked={autoAdvance}
          onChange={(e) => store.getState().setAutoAdvance(e.target.checked)}
        />
        Auto-advance
      </label>
    </>
  );
});
