import { useEffect } from 'react';
import type { TraceEntry } from '../../player/create-player';
import type { ScenarioStep } from '../../scenarios/types';
import type { Choice, ScenarioChapter } from './chapters';
import { PredictAgain } from './PredictAgain';
import { VerdictDetails } from './VerdictDetails';
import { verdictOf } from './verdict';

/** The review's heading; the chapter's title names it as its description, read when the title takes focus. */
export const REVIEW_HEADING_ID = 'learn-done-before';

interface Props {
  chapter: ScenarioChapter;
  step: ScenarioStep;
  /** The choice stored from the earlier visit, and whether it was right then. */
  predicted: Choice;
  storedCorrect: boolean | undefined;
  /** The decisive step as this visit's own run played it; absent until the engine has answered. */
  entry: TraceEntry | undefined;
  /** How the lesson names the decisive step ("step 2"). */
  stepName: string;
  /** The engine's verdict disagrees with the stored one (a chapter changed since): store the engine's. */
  onCorrected(correct: boolean): void;
  onPredictAgain(): void;
}

/**
 * A finished chapter, reopened: the prediction stored in the browser beside the engine's answer, read
 * again from the run this visit plays (storage keeps only the choice and the verdict, never an answer).
 * Nothing takes focus here: the chapter's title has it, and names this heading as its description.
 */
export function ChapterReview({
  chapter,
  step,
  predicted,
  storedCorrect,
  entry,
  stepName,
  onCorrected,
  onPredictAgain,
}: Props) {
  const verdict = entry ? verdictOf(chapter, entry, predicted.id) : undefined;
  const engineCorrect = verdict?.correct;
  const correct = engineCorrect ?? storedCorrect === true;
  useEffect(() => {
    if (engineCorrect !== undefined && engineCorrect !== storedCorrect) onCorrected(engineCorrect);
  }, [engineCorrect, storedCorrect, onCorrected]);
  return (
    <section
      className={`learn__result learn__review ${correct ? 'is-right' : 'is-wrong'}`}
      aria-labelledby={REVIEW_HEADING_ID}
    >
      <h3 id={REVIEW_HEADING_ID}>
        {correct ? '✓' : '✗'} Done before: you predicted {correct ? 'right' : 'wrong'}.
      </h3>
      <PredictAgain onClick={onPredictAgain} lead />
      <VerdictDetails
        chapter={chapter}
        step={step}
        predicted={predicted.id}
        verdict={verdict}
        pending={`Running the steps up to ${stepName} again to show its answer…`}
      />
    </section>
  );
}
