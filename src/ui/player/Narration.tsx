import { useShallow } from 'zustand/react/shallow';
import { findScenario } from '../../scenarios/catalog';
import { useAppStore } from '../../store/hooks';
import { outcomeWords } from './StepList';

/** The current step in words, announced politely to screen readers as it changes. */
export function Narration() {
  const { scenarioId, position, entries } = useAppStore(
    useShallow((s) => ({ scenarioId: s.scenarioId, position: s.position, entries: s.entries })),
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
            — <span className={`outcome outcome--${entry?.outcome ?? 'none'}`}>{outcomeWords(entry)}</span>
          </p>
          <p>{step.narration.what}</p>
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
