import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { findScenario } from '../../scenarios/catalog';
import { useAppStore } from '../../store/hooks';
import { outcomeWords } from './StepList';

/**
 * The whole flow as plain text, for reading at one's own pace or with a screen reader. Its body is
 * rendered only while open: closed, it is neither visible nor in the accessibility tree, and keeping
 * it out of the DOM makes every step's update cheaper.
 */
export function Transcript() {
  const [open, setOpen] = useState(false);
  const { scenarioId, entries } = useAppStore(
    useShallow((s) => ({ scenarioId: s.scenarioId, entries: s.entries })),
  );
  const scenario = findScenario(scenarioId);
  if (!scenario) return null;
  return (
    <details className="transcript" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Transcript of the whole flow</summary>
      {open ? (
        <>
          <h3>{scenario.title}</h3>
          <p>{scenario.summary}</p>
          {/* Unnumbered: the steps' own phase labels (1, 1.5, 2 …) are the one numbering. */}
          <ol className="transcript__steps">
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
        </>
      ) : null}
    </details>
  );
}
