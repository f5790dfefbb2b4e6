import type { ScenarioStep } from '../../scenarios/types';
import { outcomeWords } from '../player/StepList';
import type { ScenarioChapter } from './chapters';
import type { Verdict } from './verdict';

interface Props {
  chapter: ScenarioChapter;
  step: ScenarioStep;
  predicted: string;
  /** Absent while the engine is still running the step (a finished chapter reopened): `pending` says so. */
  verdict?: Verdict;
  pending?: string;
}

/**
 * The prediction beside the engine's answer to the decisive step: status, AWS's code and message, the
 * role, the caller, the signature, and the narration's why. All of it read from the played step.
 */
export function VerdictDetails({ chapter, step, predicted, verdict, pending }: Props) {
  const predictedLabel = chapter.choices.find((c) => c.id === predicted)?.label ?? predicted;
  if (!verdict) {
    return (
      <dl>
        <dt>You predicted</dt>
        <dd>{predictedLabel}</dd>
        <dt>The engine answered</dt>
        <dd className="learn__pending">{pending}</dd>
      </dl>
    );
  }
  const { entry, answer, right, correct } = verdict;
  return (
    <>
      <dl>
        <dt>You predicted</dt>
        <dd>{predictedLabel}</dd>
        <dt>The engine answered</dt>
        <dd>
          {step.operation} →{' '}
          <strong className={answer.succeeded ? 'outcome--success' : 'outcome--aws-error'}>
            {outcomeWords(entry)}
          </strong>
          {answer.message ? <>: “{answer.message}”</> : null}
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
    </>
  );
}

const CALLER_WORDS = {
  user: 'an IAM user (its own long-term identity)',
  'assumed-role': 'a role session (assumed-role)',
  'federated-user': 'a federated user (GetFederationToken)',
} as const;
