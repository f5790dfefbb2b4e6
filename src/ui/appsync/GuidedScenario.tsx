import { useEffect, useRef } from 'react';
import { useAppStore, useAppStoreApi } from '../../store/hooks';
import { GUIDED_STEPS, OUTCOME } from '../../store/labs/appsync-guided-steps';
import type { AppSyncLab } from '../../store/labs/appsync-lab';

/** Runs the guided scenario one step at a time, with the selected strategy's expected outcome. */
export function GuidedScenario({ lab }: { lab: AppSyncLab }) {
  const store = useAppStoreApi();
  const { done, busy, problem } = useAppStore((s) => s.appSyncGuided);
  const next = GUIDED_STEPS[done];
  const finished = done === GUIDED_STEPS.length;
  const runButton = useRef<HTMLButtonElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  /** Where focus was when the running step started; undefined when no step the reader ran is pending. */
  const ranFrom = useRef<Element | null | undefined>(undefined);

  // Keeps the reader where they were once their step is done: on the same button, now "Run step N+1", or
  // on the result after the last step. Focus the reader moved elsewhere meanwhile stays there. The step
  // count is the store's, so returning to the view with the scenario finished moves nothing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a step ends, which changes `done`
  useEffect(() => {
    const from = ranFrom.current;
    if (from === undefined || busy) return;
    ranFrom.current = undefined;
    const active = document.activeElement;
    if (active && active !== document.body && active !== from) return;
    (finished ? resultHeading.current : runButton.current)?.focus();
  }, [done, busy]);

  const run = () => {
    if (busy || !next) return;
    ranFrom.current = document.activeElement;
    void store.getState().runAppSyncGuidedStep();
  };
  const title = GUIDED_STEPS[done - 1]?.title;
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
      {finished && (
        <h4 ref={resultHeading} tabIndex={-1}>
          Result
        </h4>
      )}
      {/* Mounted from the start, so screen readers announce each step's result when it changes. The step's
          sentence is for them: sighted readers see it ticked in the list above. */}
      <p role="status">
        {finished ? (
          OUTCOME[lab.strategy()]
        ) : title ? (
          <>
            Step {done} of {GUIDED_STEPS.length} done.<span className="visually-hidden"> {title}</span>
          </>
        ) : null}
      </p>
      {problem && <p role="alert">{problem}</p>}
      <button
        ref={runButton}
        type="button"
        onClick={run}
        // aria-disabled, not disabled: a disabled button drops keyboard focus to the page while the step
        // runs, so a reader pressing Enter would be sent back to the top after every step.
        aria-disabled={busy || !next}
      >
        {next ? `Run step ${done + 1} of ${GUIDED_STEPS.length}` : 'Scenario finished'}
      </button>{' '}
      <button
        type="button"
        onClick={() => {
          if (!busy) void store.getState().restartAppSyncGuided();
        }}
        aria-disabled={busy}
      >
        Start the scenario again
      </button>
      <p className="as-note">
        Pick a strategy in the conflict panel before step 4, then run it again with another one to compare.
        Starting again clears the last run's conflict, verdicts and live messages (a conflict still waiting is
        settled by keeping the server's version). Step 1 deletes the item an earlier run left, so each run
        ends as the first did.
      </p>
    </section>
  );
}
