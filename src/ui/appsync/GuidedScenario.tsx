import { useRef, useState } from 'react';
import type { AppSyncLab } from './appsync-lab';
import { GUIDED_STEPS, OUTCOME } from './guided-steps';

/** Runs the guided scenario one step at a time, with the selected strategy's expected outcome. */
export function GuidedScenario({ lab }: { lab: AppSyncLab }) {
  const [done, setDone] = useState(0);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const memo = useRef<{ id?: string }>({});
  const next = GUIDED_STEPS[done];
  const step = async () => {
    if (!next) return;
    setBusy(true);
    try {
      await next.run(lab, memo.current);
      setDone(done + 1);
      setProblem(undefined);
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="as-guided" aria-label="Guided scenario">
      <h3>Guided scenario: two people edit the same item, one offline</h3>
      <ol>
        {GUIDED_STEPS.map((s, i) => (
          <li
            key={s.title}
            aria-current={i === done ? 'step' : undefined}
            className={i < done ? 'as-step-done' : ''}
          >
            {s.title}
          </li>
        ))}
      </ol>
      {done === GUIDED_STEPS.length && <p role="status">{OUTCOME[lab.strategy()]}</p>}
      {problem && <p role="alert">{problem}</p>}
      <button type="button" onClick={() => void step()} disabled={busy || !next}>
        {next ? `Run step ${done + 1} of ${GUIDED_STEPS.length}` : 'Scenario finished'}
      </button>{' '}
      <button
        type="button"
        onClick={() => {
          memo.current = {};
          setDone(0);
        }}
      >
        Start the scenario again
      </button>
      <p className="as-note">
        Pick a strategy in the conflict panel before step 4, then run it again with another one to compare.
      </p>
    </section>
  );
}
