import { useEffect, useRef } from 'react';
import type { TraceEntry } from '../../player/create-player';
import type { ScenarioStep } from '../../scenarios/types';
import type { ScenarioChapter } from './chapters';
import { PredictAgain } from './PredictAgain';
import { VerdictDetails } from './VerdictDetails';
import { verdictOf } from './verdict';

interface Props {
  chapter: ScenarioChapter;
  step: ScenarioStep;
  entry: TraceEntry;
  predicted: string;
  /** Called once the verdict is on screen, with whether the prediction was right. */
  onShown(correct: boolean): void;
  onPredictAgain(): void;
}

/**
 * The engine's answer to the decisive step beside the reader's prediction, just made. Everything here
 * is read from the played step (its response and trace); which choice is right is whichever the answer
 * bears out.
 */
export function PredictionResult({ chapter, step, entry, predicted, onShown, onPredictAgain }: Props) {
  const verdict = verdictOf(chapter, entry, predicted);
  const { correct } = verdict;
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef(false);
  // Once, when the verdict first appears: focus moves to it (screen readers read it) and progress is kept.
  useEffect(() => {
    if (shown.current) return;
    shown.current = true;
    heading.current?.focus();
    onShown(correct);
  });
  return (
    <section className={`learn__result ${correct ? 'is-right' : 'is-wrong'}`} aria-labelledby="learn-verdict">
      <h3 id="learn-verdict" tabIndex={-1} ref={heading}>
        {correct ? '✓ Your prediction was right' : '✗ Your prediction was wrong'}
      </h3>
      <VerdictDetails chapter={chapter} step={step} predicted={predicted} verdict={verdict} />
      <PredictAgain onClick={onPredictAgain} />
    </section>
  );
}
