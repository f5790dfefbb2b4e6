import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';
import { createPlayer, type Player } from '../player/create-player';
import { type ClockJump, SIMULATION_START } from '../player/timeline';
import { whenIdle } from '../player/yield';
import { DEFAULT_SCENARIO_ID, findScenario, SCENARIO_FOR_IDENTITY } from '../scenarios/catalog';
import type { Identity } from '../scenarios/types';
import type { Cloud, CloudOptions } from '../sim/index';
import { createPlayhead } from './playhead';
import { readingTimeMs } from './reading-time';
import type { AppState, InspectorSlice, PlayerSlice, ScenarioSlice, View, ViewSlice } from './types';

/**
 * The single app store: Zustand vanilla, composed from typed slices. The engine and the player live
 * in this closure, never in state; state holds only serialisable data (ids, positions, trace entries).
 */

/** Wall-clock duration of one step's packet animation at speed 1. */
export const STEP_ANIMATION_MS = 1_800;

export interface AppStoreOptions {
  createCloud: (options: CloudOptions) => Promise<Cloud>;
  initial?: {
    scenarioId?: string;
    identity?: Identity;
    step?: number;
    view?: View;
    clockJumps?: readonly ClockJump[];
  };
}

export type AppStore = StoreApi<AppState>;

export function createAppStore({ createCloud, initial = {} }: AppStoreOptions): AppStore {
  const startScenario = findScenario(initial.scenarioId) ?? findScenario(DEFAULT_SCENARIO_ID)!;
  let player: Player = createPlayer({
    scenario: startScenario,
    createCloud,
    clockJumps: initial.clockJumps,
  });
  let unsubscribePlayer = () => {};
  const playhead = createPlayhead(1);
  /** Auto-advance: reading time already spent on the step whose answer has landed (wall-clock ms × speed). */
  let dwelt = 0;

  return createStore<AppState>()((set, get, api) => {
    /** Mirrors the player's snapshot into state whenever it changes. */
    function attach(next: Player) {
      unsubscribePlayer();
      player = next;
      unsubscribePlayer = player.subscribe(() => {
        const snap = player.getSnapshot();
        set({
          position: snap.position,
          entries: snap.entries,
          busy: snap.busy,
          clock: snap.clock,
          clockJumps: snap.clockJumps,
          playerError: snap.error,
          demo: snap.demo,
          world: snap.world,
        });
      });
    }

    /** The engine loads and the cloud is created while the reader looks at the page, not on Play. */
    function prepareWhenIdle(target: Player) {
      whenIdle(() => {
        if (player === target) void target.prepare();
      });
    }

    /** Loads a scenario; `patch` joins the same state update (one history entry, not two). */
    function load(
      scenarioId: string,
      step: number,
      clockJumps: readonly ClockJump[] = [],
      patch: Partial<AppState> = {},
    ) {
      const scenario = findScenario(scenarioId) ?? startScenario;
      attach(createPlayer({ scenario, createCloud, clockJumps }));
      if (step === 0) prepareWhenIdle(player);
      set({
        scenarioId: scenario.id,
        identity: scenario.identity,
        position: 0,
        entries: [],
        status: 'idle',
        arrival: 'landed',
        clock: SIMULATION_START,
        clockJumps,
        ...patch,
      });
      playhead.set(1);
      if (step > 0) void player.seek(step);
    }

    const scenarioSlice: StateCreator<AppState, [], [], ScenarioSlice> = () => ({
      scenarioId: startScenario.id,
      identity: initial.identity ?? startScenario.identity,
      selectScenario(id, step = 0, clockJumps = []) {
        load(id, step, clockJumps);
      },
      openScenario(id, step = 0) {
        load(id, step, [], { view: 'flow' });
      },
      selectIdentity(identity) {
        load(SCENARIO_FOR_IDENTITY[identity], 0, [], { view: 'flow' });
      },
    });

    const playerSlice: StateCreator<AppState, [], [], PlayerSlice> = () => ({
      position: 0,
      entries: [],
      busy: false,
      clock: SIMULATION_START,
      clockJumps: initial.clockJumps ?? [],
      status: 'idle',
      speed: 1,
      autoAdvance: false,
      arrival: 'landed',
      playhead,
      play() {
        const { position } = get();
        const total = findScenario(get().scenarioId)?.steps.length ?? 0;
        if (position >= total) {
          // Playing from the end starts over, as media players do.
          void player.reset().then(() => {
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
        const total = findScenario(get().scenarioId)?.steps.length ?? 0;
        if (get().position >= total) return;
        // The new step's packet starts at its source; 0 and 1 both sit there, so the old one does not jump.
        playhead.set(0);
        dwelt = 0;
        set({ arrival: 'sending' });
        await player.step();
        set({ status: get().status === 'playing' ? 'playing' : 'stepping' });
      },
      async stepBack() {
        if (get().position === 0) return;
        await player.seek(get().position - 1);
        playhead.set(1);
        set({ status: 'paused', arrival: 'landed' });
      },
      async restart() {
        await player.reset();
        playhead.set(1);
        set({ status: 'idle', arrival: 'landed' });
      },
      async seek(position) {
        await player.seek(position);
        playhead.set(1);
        set({ status: 'paused', arrival: 'landed' });
      },
      setSpeed(speed) {
        set({ speed });
      },
      setAutoAdvance(on) {
        set({ autoAdvance: on });
      },
      async advanceClock(ms) {
        await player.advanceClock(ms);
      },
      tick(elapsedMs) {
        const { status, speed, busy, position, autoAdvance, scenarioId } = get();
        if (status !== 'playing' && status !== 'stepping') return;
        // While the engine runs the next step, its packet waits at the start.
        if (busy) return;
        const scenario = findScenario(scenarioId);
        const total = scenario?.steps.length ?? 0;
        if (playhead.get() >= 1) {
          // The answer has landed. Playing from the start (position 0) or with auto-advance on, move on
          // once the reading time has passed; otherwise wait for the reader (Next, Space or Play).
          if (status === 'stepping' || position >= total) {
            set({ status: position >= total ? 'done' : 'paused' });
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
          set({ status: position >= total ? 'done' : 'paused' });
        } else if (position >= total) {
          set({ status: 'done' });
        } else if (!autoAdvance) {
          // The reader is never rushed past an explanation: playback waits here.
          set({ status: 'paused' });
        }
      },
    });

    const inspectorSlice: StateCreator<AppState, [], [], InspectorSlice> = () => ({
      tab: 'narration',
      revealSecrets: false,
      selectActor(actor) {
        set({ selectedActor: actor, tab: 'component' });
      },
      setTab(tab) {
        set({ tab });
      },
      toggleSecrets() {
        set({ revealSecrets: !get().revealSecrets });
      },
    });

    const viewSlice: StateCreator<AppState, [], [], ViewSlice> = () => ({
      view: initial.view ?? 'flow',
      setView(view) {
        set({ view });
      },
    });

    attach(player);
    if (initial.step && initial.step > 0) void player.seek(initial.step);
    else prepareWhenIdle(player);
    return {
      ...scenarioSlice(set, get, api),
      ...playerSlice(set, get, api),
      ...inspectorSlice(set, get, api),
      ...viewSlice(set, get, api),
    };
  });
}
