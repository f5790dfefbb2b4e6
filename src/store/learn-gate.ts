import type { AppState } from './types';

/**
 * Whether a Learn chapter's question is being asked now: playback has reached the hold before the
 * decisive step and the answer before it has landed (the question appears then, not while that
 * answer still travels). The controls' status, the narration's hint and the lesson's form all read it.
 */
export const askingPrediction = (s: Pick<AppState, 'gate' | 'position' | 'arrival' | 'busy'>): boolean =>
  s.gate !== undefined && s.position >= s.gate && s.arrival === 'landed' && !s.busy;
