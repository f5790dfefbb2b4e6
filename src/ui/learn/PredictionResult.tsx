import { useEffect, useRef } from 'react';
import type { TraceEntry } from '../../player/create-player';
import type { ScenarioStep } from '../../scenarios/types';
import { outcomeWords } from '../player/StepList';
import { rightChoices, type ScenarioChapter } from './chapters';
import { engineAnswer } from './engine-answer';

interface Props {
  chapter: ScenarioChapter;
  step: ScenarioStep;
  entry: TraceEntry;
  predicted: string;
  /** Called once the verdict is on screen, with whether the prediction was right. */
  onShown(correct: boolean): void;
}

/**
 * The engine's answer to the decisive step beside the reader's prediction. Everything here is read from
 * the played step (its response and trace); which choice is right is whichever the answer bears out.
 */
export function PredictionResult({ chapter, step, entry, predicted, onShown }: Props) {
  const answer = engineAnswer(entry);
  const right = rightChoices(chapter, answer);
  const correct = right.length === 1 && right[0]?.id === predicted;
  const predictedLabel = chapter.choices.find((c) => c.id === predicted)?.label ?? predicted;
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
      <dl>
        <dt>You predicted</dt>
        <dd>{predictedLabel}</dd>
        <dt>The engine answered</dt>
        <dd>
          {step.operation} →{' '}
          <strong className={answer.succeeded ? 'outcome--success' : 'outcome--aws-error'}>
            {outcomeWords(entry)}
          </strong>
          {answer.message ? <> : “{answer.message}”</> : null}
        </dd>
        {answer.role ? (
          <>
            <dt>Role</dt>
            <dd>
              <code>{answer.role}</code>
              {answer.roleReason ? <>. The pool’s reason: {answer.roleReason}.</> : null}
            </dd>
          </>
        ) : null}
        {answer.caller ? (
          <>
            <dt>Caller</dt>
            <dd>{CALLER_WORDS[answer.caller]}</dd>
          </>
        ) : null}
        <dt>Request</dt>
        <dd>{answer.signed ? 'signed with SigV4' : 'sent without an AWS signature'}</dd>
        {!correct ? (
          <>
            <dt>The right answer</dt>
            <dd>
              {right.length === 1 ? right[0]?.label : 'none of the choices matches the engine’s answer'}
            </dd>
          </>
        ) : null}
      </dl>
      <h4>Why</h4>
      <p>{step.narration.why}</p>
      {step.narration.misunderstanding ? (
        <p>
          <strong>Common misunderstanding:</strong> {step.narration.misunderstanding}
        </p>
      ) : null}
    </section>
  );
}

const CALLER_WORDS = {
  user: 'an IAM user (its own long-term identity)',
  'assumed-role': 'a role session (assumed-role)',
  'federated-user': 'a federated user (GetFederationToken)',
} as const;
