import { useAppStore, useAppStoreApi } from '../../store/hooks';
import { GUIDED_STEPS, OUTCOME } from '../../store/labs/appsync-guided-steps';
import type { AppSyncLab } from '../../store/labs/appsync-lab';

/** Runs the guided scenario one step at a time, with the selected strategy's expected outcome. */
export function GuidedScenario({ lab }: { lab: AppSyncLab }) {
  const store = useAppStoreApi();
  const { done, busy, problem } = useAppStore((s) => s.appSyncGuided);
  const next = GUIDED_STEPS[done];
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
      <button
        type="button"
        onClick={() => void store.getState().runAppSyncGuidedStep()}
        disabled={busy || !next}
      >
        {next ? `Run step ${done + 1} of ${GUIDED_STEPS.length}` : 'Scenario finished'}
      </button>{' '}
      <button type="button" onClick={() => void store.getState().restartAppSyncGuided()} disabled={busy}>
        Start the scenario again
      </button>
      <p className="as-note">
        Pick a strategy in the conflict panel before step 4, then run it again with another one to compare.
        Starting again clears the last run's conflict, verdicts and live messages (a conflict still waiting
        is settled by keeping the server's version).
      </p>
    </section>
  );
}
