import type { StateCreator } from 'zustand/vanilla';
import type { PlayerSnapshot } from '../../player/create-player';
import { type ClockJump, SIMULATION_START } from '../../player/timeline';
import { findScenario } from '../../scenarios/catalog';
import type { Playhead } from '../playhead';
import type { PlayerSession } from '../player-session';
import { readingTimeMs } from '../reading-time';
import type { PlayerSlice, ScenarioSlice } from '../types';

/** Wall-clock duration of one step's packet animation at speed 1. */
export const STEP_ANIMATION_MS = 1_800;

export interface PlayerSliceDeps {
  /** The player to drive (the scenario slice may swap it; this slice always asks for the current one). */
  session: Pick<PlayerSession, 'current'>;
  playhead: Playhead;
  initialClockJumps?: readonly ClockJump[];
}

/** The state the player slice reads besides its own: which scenario is open. */
type PlayerHost = PlayerSlice & Pick<ScenarioSlice, 'scenarioId'>;

/** The part of a player snapshot the store mirrors into state. */
export function playerStateOf(snap: PlayerSnapshot): Partial<PlayerSlice> {
  return {
    position: snap.position,
    entries: snap.entries,
    busy: snap.busy,
    clock: snap.clock,
    clockJumps: snap.clockJumps,
    playerError: snap.error,
    demo: snap.demo,
    world: snap.world,
  };
}

/** Playback of the open scenario: play, pause, step, seek, the reader's clock and the packet's playhead. */
export function createPlayerSlice({
  session,
  playhead,
  initialClockJumps = [],
}: PlayerSliceDeps): StateCreator<PlayerHost, [], [], PlayerSlice> {
  return (set, get) => {
    /** Auto-advance: reading time already spent on the step whose answer has landed (wall-clock ms × speed). */
    let dwelt = 0;
    /**
     * A step has been asked of the player and has not finished. The player marks itself busy only once
     * the step starts running, which waits behind anything queued before it (the engine loading for the
     * first step): until then the packet must not travel, nor may a landed packet ask for another step.
     */
    let stepAsked = false;
    const total = () => findScenario(get().scenarioId)?.steps.length ?? 0;
    /**
     * A seek pauses playback and shows its step landed. This is set just after the seek is queued on the
     * player, not when it ends: the player shows a recorded step in a microtask queued before React's
     * render of this change, so the step, the pause and the landed packet are rendered together, in one
     * pass of the whole screen instead of two (one per change) before the frame the reader waits for.
     */
    const pauseLanded = () => {
      playhead.set(1);
      const { status, arrival } = get();
      if (status !== 'paused' || arrival !== 'landed') set({ status: 'paused', arrival: 'landed' });
    };
    return {
      position: 0,
      entries: [],
      busy: false,
      clock: SIMULATION_START,
      clockJumps: initialClockJumps,
      status: 'idle',
      speed: 1,
      autoAdvance: false,
      arrival: 'landed',
      playhead,
      async releaseGate() {
        set({ gate: undefined });
        await get().stepForward();
      },
      play() {
        if (get().position >= total()) {
          // Playing from the end starts over, as media players do.
          void session
            .current()
            .reset()
            .then(() => {
              playhead.set(1);
              dwelt = 0;
              set({ status: 'playing', arrival: 'landed' });
            });
          return;
        }
        // Play on a landed step is the reader saying "go on": the next step starts at once.
        if (playhead.get() >= 1) dwelt = Number.POSITIVE_INFINITY;
        set({ status: 'playing' });
      },
      pause() {
        set({ status: 'paused' });
      },
      async stepForward() {
        if (get().position >= total()) return;
        const { gate, status } = get();
        if (gate !== undefined && get().position >= gate) {
          // Held for the reader's prediction: playback stops here instead of running the step.
          if (status === 'playing' || status === 'stepping') set({ status: 'paused' });
          return;
        }
        // The new step's packet starts at its source; 0 and 1 both sit there, so the old one does not jump.
        playhead.set(0);
        dwelt = 0;
        set({ arrival: 'sending' });
        stepAsked = true;
        try {
          await session.current().step();
        } finally {
          stepAsked = false;
        }
        set({ status: get().status === 'playing' ? 'playing' : 'stepping' });
      },
      async stepBack() {
        if (get().position === 0) return;
        const moved = session.current().seek(get().position - 1);
        pauseLanded();
        await moved;
      },
      async restart() {
        await session.current().reset();
        playhead.set(1);
        set({ status: 'idle', arrival: 'landed' });
      },
      async seek(position) {
        const { gate } = get();
        const moved = session.current().seek(gate === undefined ? position : Math.min(position, gate));
        pauseLanded();
        await moved;
      },
      setSpeed(speed) {
        set({ speed });
      },
      setAutoAdvance(on) {
        set({ autoAdvance: on });
      },
      async advanceClock(ms) {
        await session.current().advanceClock(ms);
      },
      tick(elapsedMs) {
        const { status, speed, busy, position, autoAdvance, scenarioId } = get();
        if (status !== 'playing' && status !== 'stepping') return;
        // While the engine runs the next step (or waits to run it), its packet waits at the start.
        if (busy || stepAsked) return;
        const scenario = findScenario(scenarioId);
        const steps = scenario?.steps.length ?? 0;
        if (playhead.get() >= 1) {
          // The answer has landed. Playing from the start (position 0) or with auto-advance on, move on
          // once the reading time has passed; otherwise wait for the reader (Next, Space or Play).
          if (status === 'stepping' || position >= steps) {
            set({ status: position >= steps ? 'done' : 'paused' });
            return;
          }
          dwelt += elapsedMs * speed;
          if (position === 0 || dwelt >= readingTimeMs(scenario?.steps[position - 1])) {
            void get().stepForward();
          }
          return;
        }
        const next = Math.min(1, playhead.get() + (elapsedMs * speed) / STEP_ANIMATION_MS);
        playhead.set(next);
        const arrival = next >= 1 ? 'landed' : next >= 0.5 ? 'answering' : 'sending';
        if (arrival !== get().arrival) set({ arrival });
        if (next < 1) return;
        dwelt = 0;
        if (status === 'stepping') {
          set({ status: position >= steps ? 'done' : 'paused' });
        } else if (position >= steps) {
          set({ status: 'done' });
        } else if (!autoAdvance) {
          // The reader is never rushed past an explanation: playback waits here.
          set({ status: 'paused' });
        }
      },
    };
  };
}
