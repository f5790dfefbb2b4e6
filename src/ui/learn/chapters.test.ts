import { describe, expect, it } from 'vitest';
import { createPlayer } from '../../player/create-player';
import { findScenario } from '../../scenarios/catalog';
import { createCloud } from '../../sim/index';
import { View } from '../../store/types';
import { CHAPTERS, type ScenarioChapter, rightChoices } from './chapters';
import { engineAnswer } from './engine-answer';

const scenarioChapters = CHAPTERS.filter((c): c is ScenarioChapter => c.kind === 'scenario');

describe('Learn chapters as data', () => {
  it('has unique ids shaped for a link', () => {
    const ids = CHAPTERS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9-]{0,63}$/);
  });

  it.each(scenarioChapters.map((c) => [c.id, c] as const))(
    '%s: its scenario is in the catalog and its decisive step is in that scenario',
    (_, chapter) => {
      const scenario = findScenario(chapter.scenarioId);
      expect(scenario, chapter.scenarioId).toBeDefined();
      expect(scenario?.steps.map((s) => s.id)).toContain(chapter.decisiveStepId);
      expect(new Set(chapter.choices.map((c) => c.id)).size).toBe(chapter.choices.length);
      expect(chapter.choices.length).toBeGreaterThanOrEqual(2);
    },
  );

  it('frames each chapter in two to four sentences', () => {
    for (const chapter of CHAPTERS) {
      const sentences = chapter.framing.split(/(?<=[.!?])\s+(?=[A-Z])/).length;
      expect(sentences, chapter.id).toBeGreaterThanOrEqual(2);
      expect(sentences, chapter.id).toBeLessThanOrEqual(4);
    }
  });

  it('opens labs that are views of the app', () => {
    const views: readonly string[] = Object.values(View);
    for (const chapter of CHAPTERS) {
      for (const lab of chapter.labs ?? []) expect(views).toContain(lab.view);
    }
  });
});

/**
 * Each chapter's decisive step played against the real engine: exactly one choice matches what the
 * engine answered, so no chapter can mark a wrong prediction right (or offer no right answer).
 */
describe('Learn chapters against the engine', () => {
  for (const chapter of scenarioChapters) {
    it(`${chapter.id}: exactly one choice is borne out by the engine`, async () => {
      const scenario = findScenario(chapter.scenarioId)!;
      const index = scenario.steps.findIndex((s) => s.id === chapter.decisiveStepId);
      const player = createPlayer({ scenario, createCloud });
      await player.seek(index + 1);
      const entry = player.getSnapshot().entries[index]!;
      const answer = engineAnswer(entry);
      const right = rightChoices(chapter, answer);
      expect(
        right.map((c) => c.id),
        JSON.stringify(answer),
      ).toHaveLength(1);
    });
  }
});
