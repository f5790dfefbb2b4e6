import type { Player, PlayerSnapshot } from '../../player/create-player';
import type { Scenario } from '../../scenarios/types';
import type { PlayerSession } from '../player-session';

/**
 * A player that only records what it was asked to do: the slices are tested for what they ask of
 * the player and what they put in state, without an engine behind them.
 */
export function createFakePlayer() {
  const calls: string[] = [];
  const player: Player = {
    prepare: async () => {
      calls.push('prepare');
    },
    step: async () => {
      calls.push('step');
    },
    seek: async (position) => {
      calls.push(`seek ${position}`);
    },
    reset: async () => {
      calls.push('reset');
    },
    advanceClock: async (ms) => {
      calls.push(`advanceClock ${ms}`);
    },
    subscribe: () => () => {},
    getSnapshot: (): PlayerSnapshot => ({
      scenarioId: '',
      position: 0,
      entries: [],
      busy: false,
      clock: 0,
      clockJumps: [],
    }),
  };
  return { player, calls };
}

/** A session over fake players that remembers which scenarios were loaded. */
export function createFakeSession() {
  let current = createFakePlayer();
  const loaded: { scenarioId: string; clockJumps: unknown }[] = [];
  let prepared = 0;
  const session: PlayerSession = {
    current: () => current.player,
    load(scenario: Scenario, clockJumps = []) {
      loaded.push({ scenarioId: scenario.id, clockJumps });
      current = createFakePlayer();
      return current.player;
    },
    prepareWhenReaderActs() {
      prepared += 1;
    },
  };
  return {
    session,
    loaded,
    calls: () => current.calls,
    prepared: () => prepared,
  };
}
