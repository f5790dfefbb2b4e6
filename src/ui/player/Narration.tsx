import { type Ref, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TraceEntry } from '../../player/create-player';
import { findScenario } from '../../scenarios/catalog';
import type { Scenario } from '../../scenarios/types';
import { useAppStore } from '../../store/hooks';
import { askingPrediction } from '../../store/learn-gate';
import { NARROW_SCREEN, useMediaQuery } from '../common/use-media-query';
import { useSteadyHeight } from '../common/use-steady-height';
import { outcomeWords } from './StepList';

/** The current step in words, announced politely to screen readers as it changes. */
export function Narration() {
  const { scenarioId, position, entries, waiting, sending, held, asking } = useAppStore(
    useShallow((s) => ({
      scenarioId: s.scenarioId,
      position: s.position,
      entries: s.entries,
      // The outcome is told when the request reaches the service, as the diagram shows it.
      sending: s.arrival === 'sending',
      // A Learn chapter holds here for the reader's prediction, asked once the answer before it landed.
      held: askingPrediction(s),
      // A question is still open: the scenario's summary, which tells the outcome, is not shown.
      asking: s.gate !== undefined,
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
  const box = useRef<HTMLDivElement>(null);
  // On wider screens the box keeps the height of the scenario's longest narration, so the diagram and
  // the step list below it stay put from step to step. A phone scrolls the page anyway, and there a
  // reserved height would leave several blank lines under most steps.
  const narrow = useMediaQuery(NARROW_SCREEN, { sameMarkup: true });
  const run = useWholeRun(scenarioId, entries);
  const drafts = useMemo(() => (scenario && !narrow ? draftsOf(scenario, run) : []), [scenario, run, narrow]);
  useSteadyHeight(box, { set: scenarioId, drafts, shown: position, enabled: !narrow });
  return (
    <NarrationText
      ref={box}
      step={step}
      entry={entry}
      scenario={scenario}
      sending={sending}
      held={held}
      waiting={waiting}
      asking={asking}
    />
  );
}

/**
 * The longest run of entries seen that `entries` is the start of. A seek back publishes only the
 * entries up to the new position (a new array each time), but the steps after it have run and keep
 * their answers; the drafts are made from all of them, so a seek does not make new drafts, observe the
 * box afresh and measure every draft again while the browser is idle. Another scenario, or a run that
 * differs (a step run again on another clock), replaces it.
 */
function useWholeRun(scenarioId: string, entries: readonly TraceEntry[]): readonly TraceEntry[] {
  const whole = useRef({ scenarioId, entries });
  const kept = whole.current;
  const within =
    kept.scenarioId === scenarioId &&
    entries.length <= kept.entries.length &&
    entries.every((entry, index) => entry === kept.entries[index]);
  // Written during render, and idempotent: the same scenario and entries always give the same run.
  if (!within) whole.current = { scenarioId, entries };
  return whole.current.entries;
}

const READING_HINT = 'Paused for reading: Next (→), Space or Play goes on.';
const PREDICTION_HINT = 'Waiting for your prediction before the next step.';

/**
 * Every text the box may show in `scenario`, at its longest: the introduction, then each step with its
 * answer (or "sending…" before it has one) and the reading hint wherever playback can stop after it.
 */
function draftsOf(scenario: Scenario, entries: readonly TraceEntry[]) {
  const last = scenario.steps.length;
  return [
    <NarrationText
      key={0}
      step={undefined}
      entry={undefined}
      scenario={scenario}
      sending={false}
      held={false}
      waiting={false}
    />,
    ...scenario.steps.map((step, index) => (
      <NarrationText
        key={step.id}
        step={step}
        entry={entries[index]}
        scenario={scenario}
        sending={!entries[index]}
        // The longer of the two hints (the reading hint) stands for either.
        held={false}
        waiting={index + 1 < last}
      />
    )),
  ];
}

function NarrationText({
  ref,
  step,
  entry,
  scenario,
  sending,
  held,
  waiting,
  asking = false,
}: {
  ref?: Ref<HTMLDivElement>;
  step: Scenario['steps'][number] | undefined;
  entry: Parameters<typeof outcomeWords>[0];
  scenario: Scenario | undefined;
  sending: boolean;
  held: boolean;
  waiting: boolean;
  asking?: boolean;
}) {
  return (
    <div ref={ref} className="narration" aria-live="polite" aria-atomic="true">
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
          <strong>{endSentence(scenario?.title ?? '')}</strong> {asking ? null : `${scenario?.summary} `}Press
          Play, or Next (→) to go one step at a time.
        </p>
      )}
    </div>
  );
}

/** A title as a sentence: "Enhanced flow." but "What still works after sign-out?" without a stray full stop. */
function endSentence(title: string): string {
  return /[.?!]$/.test(title) ? title : `${title}.`;
}
