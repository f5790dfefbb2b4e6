import { type ReactNode, useEffect, useState } from 'react';
import { xmlText } from '../../wire/aws-responses';
import {
  stsAssumeRole,
  stsFederationToken,
  stsSaml,
  stsSessionToken,
  stsWebIdentity,
} from '../../scenarios/sts-calls';
import type { Scenario } from '../../scenarios/types';
import type { StsOperationDefinition } from '../../sim/index';
import { useAppStoreApi } from '../../store/hooks';
import { TokenBreaks } from '../common/TokenBreaks';
import { outcomeWords } from '../player/StepList';
import './sts-gallery.css';
import { useScenarioRun } from './use-scenario-run';

type StsTable = Record<string, StsOperationDefinition>;

/** The scenario that runs each call live; every fact shown comes from the engine's STS_OPERATIONS. */
const COLUMNS: { operation: string; scenario: Scenario }[] = [
  { operation: 'AssumeRole', scenario: stsAssumeRole },
  { operation: 'AssumeRoleWithSAML', scenario: stsSaml },
  { operation: 'AssumeRoleWithWebIdentity', scenario: stsWebIdentity },
  { operation: 'GetFederationToken', scenario: stsFederationToken },
  { operation: 'GetSessionToken', scenario: stsSessionToken },
];

/** 900 → "15 min", 43200 → "12 h". */
export function formatSeconds(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/**
 * A WORD JOINER after the en dash of a number range ("1–12 h"): browsers may break after an en dash,
 * and in the narrower columns that fit five calls at 1280 px one split "(1–" from "12 h)".
 */
const keepRangesWhole = (text: string) => text.replace(/(\d)–(?=\d)/g, '$1–\u2060');

function List({ items }: { items: string[] }) {
  return items.length === 0 ? (
    <span>—</span>
  ) : (
    <ul className="sts-gallery__list">
      {items.map((item) => (
        <li key={item}>{keepRangesWhole(item)}</li>
      ))}
    </ul>
  );
}

/** One fact per row, one operation per column: the calls read side by side. */
const FACTS: { label: string; render: (d: StsOperationDefinition) => ReactNode }[] = [
  { label: 'Typical caller', render: (d) => d.typicalCaller },
  { label: 'Who may call it', render: (d) => d.callers },
  {
    label: 'Signed?',
    render: (d) => (
      <>
        <strong>{d.signed ? 'Signed (SigV4)' : 'Unsigned'}</strong>
        {d.signed ? ' with ' : ': '}
        {d.credentials}
      </>
    ),
  },
  {
    label: 'Inputs',
    render: (d) => (
      <>
        {d.inputs.required.length > 0 ? <code>{d.inputs.required.join(', ')}</code> : 'none required'}
        <div className="small">optional: {d.inputs.optional.join(', ')}</div>
      </>
    ),
  },
  {
    label: 'Duration (min / default / max)',
    render: (d) => (
      <>
        <span className="sts-gallery__duration">
          {formatSeconds(d.duration.min)} / {formatSeconds(d.duration.default)} /{' '}
          {formatSeconds(d.duration.max)}
        </span>
        <List items={d.durationNotes} />
      </>
    ),
  },
  { label: 'MFA code accepted', render: (d) => (d.mfa ? 'Yes' : 'No') },
  { label: 'Session policy accepted', render: (d) => (d.sessionPolicies ? 'Yes' : 'No') },
  {
    label: 'Resulting principal',
    render: (d) => (
      <code className="sts-gallery__arn">
        <TokenBreaks text={d.principalArn} />
      </code>
    ),
  },
  { label: 'Permissions', render: (d) => d.permissions },
  { label: 'Credentials can never call', render: (d) => <List items={d.cannotCall} /> },
  { label: 'When to use it', render: (d) => d.whenToUse },
];

function LiveResult({ scenario, operation }: { scenario: Scenario; operation: string }) {
  const { snapshot, run } = useScenarioRun(scenario, false);
  const mint = snapshot.entries.find((e) => scenario.steps[e.index]?.operation === operation);
  const who = snapshot.entries.find((e) => e.stepId === 'get-caller-identity');
  const arn = who?.response ? xmlText(who.response.body, 'Arn') : undefined;
  const expiration = mint?.response ? xmlText(mint.response.body, 'Expiration') : undefined;
  return (
    <div className="sts-gallery__live">
      {/* aria-disabled while running, not disabled: a disabled button drops the keyboard focus. */}
      <button
        type="button"
        onClick={() => (snapshot.busy ? undefined : void run())}
        aria-disabled={snapshot.busy || undefined}
        aria-label={`Run ${operation}`}
      >
        {snapshot.busy ? 'Running…' : 'Run live'}
      </button>
      <div aria-live="polite">
        {mint ? (
          <div className="small">
            {operation}: {outcomeWords(mint)}
          </div>
        ) : null}
        {mint?.note ? <div className="small">{mint.note}</div> : null}
        {expiration ? (
          <div className="small">
            Expiration: <span className="sts-gallery__time">{expiration}</span>
          </div>
        ) : null}
        {arn ? (
          // A live ARN carries a 12-digit account and long names: it wraps after its colons and slashes
          // (TokenBreaks), so five of them fit side by side at 1280 px without breaking inside a name.
          <div className="small">
            Principal:{' '}
            <code className="sts-gallery__arn">
              <TokenBreaks text={arn} />
            </code>
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** STS_OPERATIONS, loaded with the engine so the first page stays light. */
function useStsDefinitions(): StsTable | null | undefined {
  const [table, setTable] = useState<StsTable | null | undefined>(undefined);
  const store = useAppStoreApi();
  useEffect(() => {
    let live = true;
    store
      .getState()
      .loadEngineDefinitions()
      .then(
        (m) => {
          const value = m.STS_OPERATIONS;
          if (live) setTable(value && typeof value === 'object' ? (value as StsTable) : null);
        },
        () => {
          if (live) setTable(null);
        },
      );
    return () => {
      live = false;
    };
  }, [store]);
  return table;
}

export default function StsGallery() {
  const store = useAppStoreApi();
  const table = useStsDefinitions();
  return (
    <section className="view sts-view" aria-labelledby="sts-title">
      <h2 id="sts-title">The five STS calls side by side</h2>
      <p className="hint">
        Every fact in this table is read from the engine’s own STS definitions (<code>STS_OPERATIONS</code>),
        the same numbers its STS checks requests against. “Run live” makes the real call against the simulated
        AWS. These are the five calls applications use; STS’s sixth, AssumeRoot, is for privileged tasks an
        AWS Organizations administrator performs in a member account, and is not simulated here.
        <span className="sts-gallery__swipe"> On a narrow screen, scroll the table sideways.</span>
      </p>
      {table === undefined ? <p>Loading the engine’s STS definitions…</p> : null}
      {table === null ? <p role="alert">The engine’s STS definitions could not be loaded.</p> : null}
      {table ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe scrollable-region-focusable)
        <section className="sts-gallery__scroll" aria-label="STS comparison table" tabIndex={0}>
          <table className="table sts-gallery">
            <caption className="visually-hidden">STS operations compared</caption>
            <thead>
              <tr>
                <th scope="col">Fact</th>
                {COLUMNS.map(({ operation, scenario }) => (
                  <th scope="col" key={operation}>
                    <button
                      type="button"
                      className="link"
                      onClick={() => {
                        // Flows replaces this view and the pressed heading with it: the focus would fall
                        // to the page. The scenario picker, which names the scenario opened, takes it.
                        const state = store.getState();
                        state.requestFocus('scenario-picker');
                        state.openScenario(scenario.id);
                      }}
                      title={`Play the ${operation} scenario`}
                    >
                      {operation}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {FACTS.map((fact) => (
                <tr key={fact.label}>
                  <th scope="row">{fact.label}</th>
                  {COLUMNS.map(({ operation }) => {
                    const definition = table[operation];
                    return <td key={operation}>{definition ? fact.render(definition) : '—'}</td>;
                  })}
                </tr>
              ))}
              <tr>
                <th scope="row">Live result</th>
                {COLUMNS.map(({ operation, scenario }) => (
                  <td key={operation}>
                    <LiveResult scenario={scenario} operation={operation} />
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </section>
      ) : null}
    </section>
  );
}
