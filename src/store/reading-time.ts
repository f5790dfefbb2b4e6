import type { ScenarioStep } from '../scenarios/types';

/**
 * How long auto-advance waits after a step's answer lands, so the reader can finish its explanation.
 * Adults read running prose at roughly 200–250 words a minute; technical text with ids and operation
 * names is slower, so the pace is 200. Short steps still get a floor: the eye has to find the text first.
 */
export const READING_WORDS_PER_MINUTE = 200;
export const READING_FLOOR_MS = 4_000;

function words(text: string | undefined): number {
  return text ? text.split(/\s+/).filter(Boolean).length : 0;
}

/** Reading time for a step's narration (what, why and the misunderstanding), at speed 1. */
export function readingTimeMs(step: Pick<ScenarioStep, 'narration'> | undefined): number {
  if (!step) return READING_FLOOR_MS;
  const { what, why, misunderstanding } = step.narration;
  const count = words(what) + words(why) + words(misunderstanding);
  return Math.max(READING_FLOOR_MS, Math.round((count / READING_WORDS_PER_MINUTE) * 60_000));
}
