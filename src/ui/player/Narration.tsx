import { useShallow } from 'zustand/react/shallow';
import { findScenario } from '../../scenarios/catalog';
import type { Scenario } from '../../scenarios/types';
import { useAppStore } from '../../store/hooks';
import { outcomeWords } from './StepList';

/** The current step in words, announced politely to screen readers as it changes. */
export function Narration() {
  const { scenarioId, position, entries, waiting, sending, held } = useAppStore(
    useShallow((s) => ({
      scenarioId: s.scenarioId,
      position: s.position,
      entries: s.entries,
      // The outcome is told when the request reaches the service, as the diagram shows it.
      sending: s.arrival === 'sending',
      // A Learn chapter holds here for the reader's prediction; Next does not go on until then.
      held: s.gate !== undefined && s.position >= s.gate,
      // Playback stopped for the reader: the answer landed and there is more to come.
      waiting:
        s.status === 'paused' &&
        s.arrival === 'landed' &&
        s.position > 0 &&
        s.position < (findScenario(s.scenarioId)?.steps.length ?? 0),
    })),
  );
  const scenario = findScenario(scenarioId);
  const step = scenario?.steps[position - 1];
  const entry = entries[position - 1];
  return (
    <NarrationText
      step={step}
      entry={entry}
      scenario={scenario}
      sending={sending}
      held={held}
      waiting={waiting}
    />
  );
}

const READING_HINT = 'Paused for reading: Next (→), Space or Play goes on.';
const PREDICTION_HINT = 'Waiting for your prediction before the next step.';

function NarrationText({
  step,
  entry,
  scenario,
  sending,
  held,
  waiting,
}: {
  step: Scenario['steps'][number] | undefined;
  entry: Parameters<typeof outcomeWords>[0];
  scenario: Scenario | undefined;
  sending: boolean;
  held: boolean;
  waiting: boolean;
}) {
  return (
    <div className="narration" aria-live="polite" aria-atomic="true">
      {step ? (
        <>
          <p className="narration__title">
            <strong>
              Step {step.label}: {step.title}
            </strong>{' '}
            —{' '}
            {sending ? (
              <span className="outcome">sending…</span>
            ) : (
              <span className={`outcome outcome--${entry?.outcome ?? 'none'}`}>{outcomeWords(entry)}</span>
            )}
          </p>
          <p>
            {step.narration.what}
            {/* Why playback stopped, right after the words it waits for (on the same line when it fits). */}
            {held || waiting ? (
              <>
                {' '}
                <span className="reading-hint">{held ? PREDICTION_HINT : READING_HINT}</span>
              </>
            ) : null}
          </p>
        </>
      ) : (
        <p>
          <strong>{scenario?.title}.</strong> {scenario?.summary} Press Play, or Next (→) to go one step at a
          time.
        </p>
      )}
    </div>
  );
}
