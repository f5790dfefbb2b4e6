import { describe, expect, it } from 'vitest';
import { createPlayer } from '../player/create-player';
import { createCloud } from '../sim/index';
import { SCENARIOS } from './catalog';
import { peopleOf } from './types';

/**
 * Every scenario, played to the end against the real engine: each step ends the way it says it will
 * (a success, or the refusal the narration teaches), so no lesson claims an outcome the engine does not give.
 */
describe('scenario catalog against the engine', () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario.id}: every step ends as it claims`, async () => {
      const player = createPlayer({ scenario, createCloud });
      await player.seek(scenario.steps.length);
      const snapshot = player.getSnapshot();
      expect(snapshot.error).toBeUndefined();
      const outcomes = snapshot.entries.map((entry) => {
        const step = scenario.steps[entry.index]!;
        const body = entry.response ? `${entry.response.status} ${entry.response.body}` : (entry.note ?? '');
        return {
          step: step.id,
          outcome: entry.outcome,
          refusal: step.refusal && body.includes(step.refusal) ? step.refusal : body.slice(0, 400),
        };
      });
      const claimed = scenario.steps.map((step) => ({
        step: step.id,
        outcome: step.expect === 'denied' ? 'aws-error' : step.offWire ? 'off-wire' : 'success',
        refusal: step.refusal ?? expect.any(String),
      }));
      expect(outcomes).toEqual(claimed);
      // A denial that does not say which refusal it teaches cannot be checked, so every one must.
      expect(scenario.steps.filter((s) => s.expect === 'denied' && !s.refusal).map((s) => s.id)).toEqual([]);
    });
  }
});

describe('the people of each scenario', () => {
  it('lists each person of a two-person scenario with the kind they sign in as, in the order they act', () => {
    const several = Object.fromEntries(
      SCENARIOS.filter((s) => peopleOf(s).length > 1).map((s) => [
        s.id,
        peopleOf(s).map((p) => `${p.name}: ${p.identity}`),
      ]),
    );
    expect(several).toEqual({
      'what-if-guests-disabled': ['an administrator: iamUser', 'a visitor: guest'],
      'attack-missing-aud': ['Alice: userPool', 'the attacker: guest'],
      'admin-api-backend': ['the backend: iamUser', 'the invited user: userPool'],
    });
  });

  it('counts the person a link names (`as`) among the people', () => {
    for (const scenario of SCENARIOS)
      expect(
        peopleOf(scenario).map((p) => p.identity),
        scenario.id,
      ).toContain(scenario.identity);
  });
});
