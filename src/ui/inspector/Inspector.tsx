import { lazy, memo, Suspense, useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { findScenario } from '../../scenarios/catalog';
import { useAppStore, useAppStoreApi } from '../../store/hooks';
import type { AppState, InspectorTab } from '../../store/types';
import { TokenBreaks } from '../common/TokenBreaks';
import { usePaintedLater } from '../common/use-painted-later';
import { actorLook } from '../diagram/actors';
import { StepExplainers } from '../explain/StepExplainers';
import { CodePanel } from './CodePanel';
import { ComponentPanel } from './ComponentPanel';
import { CredentialsPanel } from './CredentialsPanel';
import { IamPanel } from './IamPanel';
import { noIamReason } from './no-iam-reason';
import { RefusalNote } from './RefusalNote';
import { SigV4Panel } from './SigV4Panel';
import { WirePanel } from './WirePanel';

// jose is only needed when someone opens the JWT tab.
const JwtPanel = lazy(() => import('./JwtPanel'));

const TABS: { id: InspectorTab; label: string }[] = [
  { id: 'narration', label: 'Narration' },
  { id: 'wire', label: 'Wire' },
  { id: 'jwt', label: 'JWT' },
  { id: 'credentials', label: 'Credentials' },
  { id: 'iam', label: 'IAM' },
  { id: 'sigv4', label: 'SigV4' },
  { id: 'code', label: 'Code' },
  { id: 'component', label: 'Component' },
];

/** What the panel shows of the step: the store's state, one frame behind the banner (usePaintedLater). */
interface ShownStep {
  scenarioId: string;
  position: number;
  entries: AppState['entries'];
  clock: number;
  demo: AppState['demo'];
  world: AppState['world'];
}

/**
 * The open tab's content. Memoised: when a seek changes the store, the panel renders only once its
 * (deferred) step arrives, after the frame that shows the step everywhere else.
 */
const InspectorPanel = memo(function InspectorPanel({
  tab,
  reveal,
  selectedActor,
  shown,
}: {
  tab: InspectorTab;
  reveal: boolean;
  selectedActor: AppState['selectedActor'];
  shown: ShownStep;
}) {
  const { scenarioId, position, entries, clock, demo, world } = shown;
  const scenario = findScenario(scenarioId);
  const step = scenario?.steps[position - 1];
  const entry = entries[position - 1];
  const held = entries[entries.length - 1]?.held;
  const keeper = scenario?.keptBy?.credentials;
  return (
    <>
      {tab === 'narration' ? (
        step ? (
          // What happens is said once, in the banner above the diagram; this panel says why.
          <div className="narration-panel">
            <p>
              <strong>Why.</strong> <TokenBreaks text={step.narration.why} />
            </p>
            {step.narration.misunderstanding ? (
              <p className="misunderstanding">
                <strong>Common misunderstanding.</strong>{' '}
                <TokenBreaks text={step.narration.misunderstanding} />
              </p>
            ) : null}
            <RefusalNote entry={entry} />
            {scenario ? (
              <StepExplainers scenario={scenario} step={step} entry={entry} demo={demo} world={world} />
            ) : null}
            {entry?.note ? <p className={`note note--${entry.outcome}`}>{entry.note}</p> : null}
            {entry?.events.length ? (
              <>
                <h4>What the engine reported</h4>
                <ul className="events">
                  {entry.events.map((e, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: events in emission order
                    <li key={i}>
                      <code>{e.service}</code> <code>{e.kind}</code> <TokenBreaks text={e.summary} />
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        ) : (
          <p>
            What each step does is told above the diagram as it runs; why it is done that way, and what the
            engine reported, appear here.
          </p>
        )
      ) : null}
      {tab === 'wire' ? <WirePanel entry={entry} reveal={reveal} /> : null}
      {tab === 'jwt' ? (
        <Suspense fallback={<p>Loading the JWT decoder…</p>}>
          <JwtPanel held={held} now={clock} />
        </Suspense>
      ) : null}
      {tab === 'credentials' ? (
        <CredentialsPanel
          held={held}
          clock={clock}
          reveal={reveal}
          holder={keeper ? actorLook(keeper, scenario).label : undefined}
        />
      ) : null}
      {tab === 'iam' ? (
        <IamPanel events={entry?.events ?? []} world={world} noneBecause={noIamReason(step, entry)} />
      ) : null}
      {tab === 'sigv4' ? <SigV4Panel events={entry?.events ?? []} reveal={reveal} /> : null}
      {tab === 'code' ? <CodePanel step={step} demo={demo} /> : null}
      {tab === 'component' ? (
        <ComponentPanel
          actor={selectedActor}
          scenario={scenario}
          demo={demo}
          world={world}
          entries={entries}
        />
      ) : null}
    </>
  );
});

/**
 * The panel's step: it follows the banner and the diagram by one frame, so a seek paints the new step
 * first. Only this wrapper renders when the step changes; the tabs above it do not.
 */
function StepPanel({
  tab,
  reveal,
  selectedActor,
}: {
  tab: InspectorTab;
  reveal: boolean;
  selectedActor: AppState['selectedActor'];
}) {
  const shown = usePaintedLater(
    useAppStore(
      useShallow(
        (s): ShownStep => ({
          scenarioId: s.scenarioId,
          position: s.position,
          entries: s.entries,
          clock: s.clock,
          demo: s.demo,
          world: s.world,
        }),
      ),
    ),
  );
  return <InspectorPanel tab={tab} reveal={reveal} selectedActor={selectedActor} shown={shown} />;
}

/** The side panel that follows the current step. */
export function Inspector() {
  const store = useAppStoreApi();
  const baseId = useId();
  const { tab, reveal, selectedActor } = useAppStore(
    useShallow((s) => ({ selectedActor: s.selectedActor, tab: s.tab, reveal: s.revealSecrets })),
  );

  const onTabKey = (event: React.KeyboardEvent) => {
    // The ARIA tabs pattern: arrows move round the tabs, Home and End go to the first and the last.
    const i = TABS.findIndex((t) => t.id === tab);
    const target =
      event.key === 'ArrowRight'
        ? (i + 1) % TABS.length
        : event.key === 'ArrowLeft'
          ? (i + TABS.length - 1) % TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? TABS.length - 1
              : -1;
    if (target < 0) return;
    event.preventDefault();
    event.stopPropagation();
    const next = TABS[target]!;
    store.getState().setTab(next.id);
    document.getElementById(`${baseId}-tab-${next.id}`)?.focus();
  };

  return (
    <section className="inspector" aria-label="Inspector">
      <div className="inspector__bar">
        <div role="tablist" aria-label="Inspector views" className="tabs" onKeyDown={onTabKey}>
          {TABS.map((t) => (
            <button
              key={t.id}
              id={`${baseId}-tab-${t.id}`}
              type="button"
              role="tab"
              aria-selected={tab === t.id}
              aria-controls={`${baseId}-panel`}
              tabIndex={tab === t.id ? 0 : -1}
              onClick={() => store.getState().setTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
        <label className="reveal">
          <input type="checkbox" checked={reveal} onChange={() => store.getState().toggleSecrets()} /> Reveal
          secrets
        </label>
      </div>
      <div
        id={`${baseId}-panel`}
        role="tabpanel"
        aria-labelledby={`${baseId}-tab-${tab}`}
        className="inspector__panel"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the WAI-ARIA tabs pattern makes the panel focusable; it scrolls, so keyboard users must reach it
        tabIndex={0}
      >
        <StepPanel tab={tab} reveal={reveal} selectedActor={selectedActor} />
      </div>
    </section>
  );
}
