import { useShallow } from 'zustand/react/shallow';
import { findScenario } from '../../scenarios/catalog';
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
          <p>{step.narration.what}</p>
          {held ? (
            <p className="reading-hint">Waiting for your prediction before the next step.</p>
          ) : waiting ? (
            <p className="reading-hint">Paused for reading: Next (→), Space or Play goes on.</p>
          ) : null}
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
