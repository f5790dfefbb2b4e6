import { useShallow } from 'zustand/react/shallow';
import { findScenario } from '../../scenarios/catalog';
import { useAppStore } from '../../store/hooks';
import { outcomeWords } from './StepList';

/** The whole flow as plain text, for reading at one's own pace or with a screen reader. */
export function Transcript() {
  const { scenarioId, entries } = useAppStore(
    useShallow((s) => ({ scenarioId: s.scenarioId, entries: s.entries })),
  );
  const scenario = findScenario(scenarioId);
  if (!scenario) return null;
  return (
    <details className="transcript">
      <summary>Transcript of the whole flow</summary>
      <h3>{scenario.title}</h3>
      <p>{scenario.summary}</p>
      <ol>
        {scenario.steps.map((step, i) => (
          <li key={step.id}>
            <p>
              <strong>
                Step {step.label}: {step.title}
              </strong>{' '}
              ({step.operation}; result: {outcomeWords(entries[i])})
            </p>
            <p>{step.narration.what}</p>
            <p>{step.narration.why}</p>
            {step.narration.misunderstanding ? (
              <p>Common misunderstanding: {step.narration.misunderstanding}</p>
            ) : null}
          </li>
        ))}
      </ol>
    </details>
  );
}
