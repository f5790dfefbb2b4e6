import { describe, expect, it } from 'vitest';
import { READING_FLOOR_MS, readingTimeMs } from './reading-time';

const step = (what: string, why = '', misunderstanding?: string) => ({
  narration: { what, why, misunderstanding },
});

describe('reading time', () => {
  it('gives 200 words of narration a minute', () => {
    const text = Array.from({ length: 200 }, () => 'word').join(' ');
    expect(readingTimeMs(step(text))).toBe(60_000);
  });

  it('counts the why and the misunderstanding too', () => {
    const fifty = Array.from({ length: 50 }, () => 'w').join(' ');
    expect(readingTimeMs(step(fifty, fifty, fifty))).toBe(45_000);
  });

  it('never goes below the floor for a short step', () => {
    expect(readingTimeMs(step('Short.'))).toBe(READING_FLOOR_MS);
  });
});
