import { createPlayer, type Player, type PlayerSnapshot } from '../player/create-player';
import type { ClockJump } from '../player/timeline';
import { whenReaderActs } from '../player/yield';
import type { Scenario } from '../scenarios/types';
import type { Cloud, CloudOptions } from '../sim/index';

/**
 * The one player the Flows view drives, held outside state (the style guide: engine and player
 * instances live in the closure that builds the store). The scenario slice swaps it when the reader
 * opens another scenario; the player slice drives whichever is current. Both get this object as a
 * dependency, so each slice can be built and tested alone with a fake in its place.
 */
export interface PlayerSession {
  /** The player in use now. */
  current(): Player;
  /** Replaces the player with a fresh one for `scenario` (a fresh cloud, the same clock and seed). */
  load(scenario: Scenario, clockJumps?: readonly ClockJump[]): Player;
  /** Loads the engine and creates the cloud once the reader shows activity (before Play, not on it). */
  prepareWhenReaderActs(): void;
}

export interface PlayerSessionOptions {
  scenario: Scenario;
  createCloud: (options: CloudOptions) => Promise<Cloud>;
  clockJumps?: readonly ClockJump[];
  /** Hears every snapshot of the current player (the store mirrors it into state). */
  onSnapshot(snapshot: PlayerSnapshot): void;
}

export function createPlayerSession({
  scenario,
  createCloud,
  clockJumps,
  onSnapshot,
}: PlayerSessionOptions): PlayerSession {
  let player: Player = createPlayer({ scenario, createCloud, clockJumps });
  let unsubscribe = () => {};
  function attach(next: Player) {
    unsubscribe();
    player = next;
    unsubscribe = next.subscribe(() => onSnapshot(next.getSnapshot()));
  }
  attach(player);
  return {
    current: () => player,
    load(next, jumps = []) {
      attach(createPlayer({ scenario: next, createCloud, clockJumps: jumps }));
      return player;
    },
    prepareWhenReaderActs() {
      const target = player;
      whenReaderActs(() => {
        if (player === target) void target.prepare();
      });
    },
  };
}
