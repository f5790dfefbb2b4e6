import { describe, expect, it } from 'vitest';
import { clockMoveFits, MAX_CLOCK_JUMP_MS, MAX_CLOCK_JUMPS } from './timeline';

const HOUR = 3_600_000;

describe('clockMoveFits', () => {
  it('adds to a move at the same position, or starts another there once that one holds a week', () => {
    expect(clockMoveFits([{ position: 2, ms: MAX_CLOCK_JUMP_MS - HOUR }], 2, HOUR)).toBe(true);
    expect(clockMoveFits([{ position: 2, ms: MAX_CLOCK_JUMP_MS }], 2, 5 * 60_000)).toBe(true);
    expect(clockMoveFits([], 2, MAX_CLOCK_JUMP_MS + 1)).toBe(false);
  });

  it('takes a new move while fewer than the most a link carries have been made', () => {
    const full = Array.from({ length: MAX_CLOCK_JUMPS }, (_, i) => ({ position: i, ms: HOUR }));
    expect(clockMoveFits(full.slice(1), 30, HOUR)).toBe(true);
    expect(clockMoveFits(full, 30, HOUR)).toBe(false);
    // The last move is at this position: the new one joins it, even with the list full.
    expect(clockMoveFits(full, MAX_CLOCK_JUMPS - 1, HOUR)).toBe(true);
  });
});
