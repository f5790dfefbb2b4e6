import type { TraceEntry } from '../../player/create-player';
import { type Choice, rightChoices, type ScenarioChapter } from './chapters';
import { type EngineAnswer, engineAnswer } from './engine-answer';
import type { ChapterProgress } from './progress';

/** A prediction held against the engine's answer to the decisive step. */
export interface Verdict {
  entry: TraceEntry;
  answer: EngineAnswer;
  /** The choices the answer bears out (exactly one, as chapters.test.ts proves for every chapter). */
  right: Choice[];
  correct: boolean;
}

/** Judges `predicted` by the played step alone: which choice is right is whichever the answer bears out. */
export function verdictOf(chapter: ScenarioChapter, entry: TraceEntry, predicted: string): Verdict {
  const answer = engineAnswer(entry);
  const right = rightChoices(chapter, answer);
  return { entry, answer, right, correct: right.length === 1 && right[0]?.id === predicted };
}

/**
 * The choice a reader predicted in an earlier visit, when storage names one of this chapter's choices
 * (storage is untrusted, and a chapter's choices may have changed since).
 */
export function storedChoice(
  chapter: ScenarioChapter,
  item: ChapterProgress | undefined,
): Choice | undefined {
  return item?.predicted === undefined ? undefined : chapter.choices.find((c) => c.id === item.predicted);
}
