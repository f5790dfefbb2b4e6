import type { StateCreator } from 'zustand/vanilla';
import { type ClockJump, SIMULATION_START } from '../../player/timeline';
import { findScenario, SCENARIO_FOR_IDENTITY } from '../../scenarios/catalog';
import type { Identity, Scenario } from '../../scenarios/types';
import type { Playhead } from '../playhead';
import type { PlayerSession } from '../player-session';
import type { PlayerSlice, ScenarioSlice, ViewSlice } from '../types';

export interface ScenarioSliceDeps {
  session: Pick<PlayerSession, 'load' | 'prepareWhenReaderActs' | 'current'>;
  playhead: Playhead;
  /** The scenario open at start (also the fallback for an unknown id). */
  startScenario: Scenario;
  initialIdentity?: Identity;
}

/** Opening a scenario resets the playback fields and may switch the view, in the same update. */
type ScenarioHost = ScenarioSlice &
  Pick<PlayerSlice, 'position' | 'entries' | 'status' | 'arrival' | 'clock' | 'clockJumps' | 'gate'> &
  Pick<ViewSlice, 'view'>;

/** Which scenario (and so which identity) the Flows view plays; opening one starts a fresh player. */
export function createScenarioSlice({
  session,
  playhead,
  startScenario,
  initialIdentity,
}: ScenarioSliceDeps): StateCreator<ScenarioHost, [], [], ScenarioSlice> {
  return (set) => {
    /** Loads a scenario; `patch` joins the same state update (one history entry, not two). */
    function load(
      scenarioId: string,
      step: number,
      clockJumps: readonly ClockJump[] = [],
      patch: Partial<ScenarioHost> = {},
    ) {
      const scenario = findScenario(scenarioId) ?? startScenario;
      session.load(scenario, clockJumps);
      if (step === 0) session.prepareWhenReaderActs();
      set({
        scenarioId: scenario.id,
        identity: scenario.identity,
        position: 0,
        entries: [],
        status: 'idle',
        arrival: 'landed',
        clock: SIMULATION_START,
        clockJumps,
        gate: undefined,
        ...patch,
      });
      playhead.set(1);
      if (step > 0) void session.current().seek(step);
    }
    return {
      scenarioId: startScenario.id,
      identity: initialIdentity ?? startScenario.identity,
      selectScenario(id, step = 0, clockJumps = []) {
        load(id, step, clockJumps);
      },
      openScenario(id, step = 0) {
        load(id, step, [], { view: 'flow' });
      },
      selectIdentity(identity) {
        load(SCENARIO_FOR_IDENTITY[identity], 0, [], { view: 'flow' });
      },
      startGated(scenarioId, gate) {
        load(scenarioId, 0, [], { gate });
      },
    };
  };
}
