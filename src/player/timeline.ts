/**
 * The simulation clock a scenario runs on. It starts at a fixed instant so a replay, or a deep link
 * opened elsewhere, produces the same iat/exp/Expiration and the same signatures byte for byte.
 */
export const SIMULATION_START = Date.UTC(2026, 0, 15, 9, 0, 0);

/** Time that passes between two steps (a person clicking, a network round trip). */
export const STEP_GAP_MS = 2_000;

/** The seed of every cloud the explainer creates; changing it changes every demo id and token. */
export const SIMULATION_SEED = 'identity-atlas';

/** A manual clock jump the reader made at a position; replays apply it at the same position. */
export interface ClockJump {
  position: number;
  ms: number;
}

/**
 * Bounds on the reader's clock moves, shared by the player and the link that carries them: a week each,
 * twenty at most (the buttons move 5 min or 1 h, and moves at one position add up into one).
 */
export const MAX_CLOCK_JUMP_MS = 7 * 24 * 3_600_000;
export const MAX_CLOCK_JUMPS = 20;

/**
 * Whether a move of `ms` at `position` fits those bounds: added to a move already made at this position,
 * or as a move of its own. The player refuses one that does not, and the clock buttons say so.
 */
export function clockMoveFits(jumps: readonly ClockJump[], position: number, ms: number): boolean {
  const last = jumps[jumps.length - 1];
  if (last?.position === position && last.ms + ms <= MAX_CLOCK_JUMP_MS) return true;
  return jumps.length < MAX_CLOCK_JUMPS && ms <= MAX_CLOCK_JUMP_MS;
}
