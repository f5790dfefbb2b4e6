import { useEffect, useState } from 'react';
import { loadEngineModule } from '../../client/cloud-factory';
import { xmlText } from '../../client/aws-responses';
import {
  stsAssumeRole,
  stsFederationToken,
  stsSaml,
  stsSessionToken,
  stsWebIdentity,
} from '../../scenarios/sts-calls';
import type { Scenario } from '../../scenarios/types';
import { useAppStoreApi } from '../../store/hooks';
import { outcomeWords } from '../player/StepList';
import { useScenarioRun } from './use-scenario-run';

/** Who typically makes each call; the STS facts themselves must come from the engine. */
const ROWS: { scenario: Scenario; operation: string; caller: string; signedWith: string }[] = [
  {
    scenario: stsAssumeRole,
    operation: 'AssumeRole',
    caller: 'A developer machine or a service assuming a role',
    signedWith: 'IAM user or role credentials (SigV4)',
  },
  {
    scenario: stsSaml,
    operation: 'AssumeRoleWithSAML',
    caller: 'A browser after corporate SSO',
    signedWith: 'Nothing: the SAML assertion is the proof',
  },
  {
    scenario: stsWebIdentity,
    operation: 'AssumeRoleWithWebIdentity',
    caller: 'A web or mobile app after an OIDC sign-in',
    signedWith: 'Nothing: the OIDC token is the proof',
  },
  {
    scenario: stsFederationToken,
    operation: 'GetFederationToken',
    caller: 'A federation broker (proxy) server',
    signedWith: 'IAM user long-term keys',
  },
  {
    scenario: stsSessionToken,
    operation: 'GetSessionToken',
    caller: 'A central server or a developer on an unmanaged machine',
    signedWith: 'IAM user long-term keys (+ MFA code)',
  },
];

function LiveResult({ scenario, operation }: { scenario: Scenario; operation: string }) {
  const { snapshot, run } = useScenarioRun(scenario, false);
  const mint = snapshot.entries.find((e) => scenario.steps[e.index]?.operation === operation);
  const who = snapshot.entries.find((e) => e.stepId === 'get-caller-identity');
  const arn = who?.response ? xmlText(who.response.body, 'Arn') : undefined;
  return (
    <div>
      <button
        type="button"
        onClick={() => void run()}
        disabled={snapshot.busy}
        aria-label={`Run ${operation}`}
      >
        {snapshot.busy ? 'Running…' : 'Run live'}
      </button>
      {mint ? (
        <div className="small">
          {operation}: {outcomeWords(mint)}
        </div>
      ) : null}
      {mint?.note ? <div className="small">{mint.note}</div> : null}
      {arn ? (
        <div className="small">
          Principal: <code>{arn}</code>
        </div>
      ) : null}
    </div>
  );
}

/** Looks for a definitions table the STS engineer may export through src/sim/index.ts. */
function useStsDefinitions() {
  const [definitions, setDefinitions] = useState<Record<string, unknown> | null | undefined>(undefined);
  useEffect(() => {
    loadEngineModule().then((m) => {
      const key = Object.keys(m).find((k) => /^sts.*(definitions|calls|operations)$/i.test(k));
      const value = key ? m[key] : undefined;
      setDefinitions(value && typeof value === 'object' ? (value as Record<string, unknown>) : null);
    });
  }, []);
  return definitions;
}

export default function StsGallery() {
  const store = useAppStoreApi();
  const definitions = useStsDefinitions();
  return (
    <section className="view sts-view" aria-labelledby="sts-title">
      <h2 id="sts-title">The five STS calls side by side</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Call</th>
            <th scope="col">Typical caller</th>
            <th scope="col">Signed with</th>
            <th scope="col">Engine facts (duration, principal, limits)</th>
            <th scope="col">Live result</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => {
            const facts = definitions?.[row.operation];
            return (
              <tr key={row.operation}>
                <th scope="row">
                  <button
                    type="button"
                    className="link"
                    onClick={() => store.getState().selectScenario(row.scenario.id)}
                  >
                    {row.operation}
                  </button>
                </th>
                <td>{row.caller}</td>
                <td>{row.signedWith}</td>
                <td>
                  {facts ? (
                    <pre className="wire small">{JSON.stringify(facts, null, 2)}</pre>
                  ) : definitions === undefined ? (
                    'Loading…'
                  ) : (
                    <span className="small">
                      The engine does not export its STS definitions yet, so no facts are shown here rather
                      than a second copy.
                    </span>
                  )}
                </td>
                <td>
                  <LiveResult scenario={row.scenario} operation={row.operation} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
