import type { ScenarioVars } from '../scenarios/types';
import type { CloudSnapshot } from '../sim/index';
import type { ClockJump } from './timeline';

/**
 * What a player has already run, kept so that moving around a scenario does not run it again:
 * the trace entries, and for each position the cloud's snapshot, the scenario's held values and
 * the clock as the step before left it. The engine is deterministic under seed and clock, so an
 * entry recorded once is the entry a replay would give; a seek to a recorded position only shows
 * it, and the next step resumes from that position's snapshot instead of replaying from the start.
 *
 * Clock jumps the reader makes change what comes after them, so the record is cut there.
 */
export interface Checkpoint {
  snapshot: CloudSnapshot;
  vars: ScenarioVars;
  /** The clock when this position was reached, before the reader's jumps at this position. */
  clock: number;
}

/** `E` is the player's trace entry (generic only to keep this module free of the player's). */
export interface RunRecord<E extends { index: number }> {
  /** Entries of the run so far; entries[i] is step i. */
  readonly entries: E[];
  /** checkpoints[p] is the state at position p (after p steps); position 0 is the fresh cloud. */
  readonly checkpoints: Checkpoint[];
  /** The furthest position that can be shown without running anything. */
  reach(): number;
  /** Records the state at `position` (the next one after the recorded entries, or 0). */
  keep(position: number, checkpoint: Checkpoint, entry?: E): void;
  /** Forgets entries from step `position` on, and the states after `position`. */
  cutAt(position: number): void;
}

export function createRunRecord<E extends { index: number }>(): RunRecord<E> {
  const entries: E[] = [];
  const checkpoints: Checkpoint[] = [];
  return {
    entries,
    checkpoints,
    reach: () => Math.min(entries.length, checkpoints.length - 1),
    keep(position, checkpoint, entry) {
      if (position !== checkpoints.length) return;
      if (entry) {
        if (entry.index !== entries.length || position !== entries.length + 1) return;
        entries.push(entry);
      }
      checkpoints.push(checkpoint);
    },
    cutAt(position) {
      if (entries.length > position) entries.length = position;
      if (checkpoints.length > position + 1) checkpoints.length = position + 1;
    },
  };
}

/** The clock at `position`: the checkpoint's plus the reader's jumps made there. */
export function clockAt(checkpoint: Checkpoint, jumps: readonly ClockJump[], position: number): number {
  return jumps.filter((j) => j.position === position).reduce((t, j) => t + j.ms, checkpoint.clock);
}

/** A copy of the held values that later steps cannot change. */
export function copyVars(vars: ScenarioVars): ScenarioVars {
  return structuredClone(vars);
}
