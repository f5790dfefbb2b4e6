import { afterSignOut, SIGN_OUT_PROBES } from '../../scenarios/sign-out';
import { awsErrorCode, awsErrorMessage, outcomeWords } from '../player/StepList';
import { useScenarioRun } from './use-scenario-run';

/** "What still works after sign-out": every cell is a real call made after GlobalSignOut. */
export default function SignOutTable() {
  const { snapshot, again, runs } = useScenarioRun(afterSignOut, true);
  const signOut = snapshot.entries.find((e) => e.stepId === 'global-sign-out');
  return (
    <section className="view sign-out-view" aria-labelledby="sign-out-title">
      <h2 id="sign-out-title">What still works after sign-out?</h2>
      <p>
        Alice signs in, gets AWS credentials from the identity pool, then the app calls{' '}
        <code>GlobalSignOut</code>. Each row below is then really tried against the simulated AWS. Many people
        believe signing out revokes everything; this is what is true.
      </p>
      <p>
        GlobalSignOut:{' '}
        <strong>{signOut ? outcomeWords(signOut) : snapshot.busy ? 'running…' : 'not run yet'}</strong>
      </p>
      <p className="table-swipe">
        On a narrow screen, scroll the table sideways: the answer column is on the right.
      </p>
      <section
        className="table-scroll"
        aria-label="Probes after GlobalSignOut (scrolls sideways)"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe scrollable-region-focusable)
        tabIndex={0}
      >
        <table className="table sign-out-table">
          <caption className="visually-hidden">Probes after GlobalSignOut</caption>
          <thead>
            <tr>
              <th scope="col">What the app still holds</th>
              <th scope="col">Tried at</th>
              <th scope="col">Answer</th>
              <th scope="col">Still works?</th>
            </tr>
          </thead>
          <tbody>
            {SIGN_OUT_PROBES.map((probe) => {
              const entry = snapshot.entries.find((e) => e.stepId === probe.stepId);
              const works = entry ? entry.outcome === 'success' : undefined;
              return (
                <tr key={probe.stepId}>
                  <th scope="row">{probe.thing}</th>
                  <td>{probe.where}</td>
                  <td>
                    {entry?.outcome === 'aws-error' ? (
                      // AWS's own words first ("Refresh Token has been revoked"), then status and code.
                      <>
                        <strong>“{awsErrorMessage(entry) ?? awsErrorCode(entry)}”</strong>
                        <div className="small">
                          {entry.response?.status} {awsErrorCode(entry)}
                        </div>
                      </>
                    ) : entry ? (
                      outcomeWords(entry)
                    ) : snapshot.busy ? (
                      'running…'
                    ) : (
                      '—'
                    )}
                    {entry?.note ? <div className="small">{entry.note}</div> : null}
                  </td>
                  <td className={works === undefined ? '' : works ? 'yes' : 'no'}>
                    {works === undefined ? '—' : works ? 'Yes' : 'No'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <p className="hint">
        Only Cognito’s own APIs see the revocation. An API Gateway authorizer checks the signature and exp, so
        the ID token works until it expires; AWS credentials already issued last until their Expiration.
      </p>
      <button
        type="button"
        onClick={() => {
          if (!snapshot.busy) again();
        }}
        aria-disabled={snapshot.busy}
      >
        Run the probes again
      </button>
      {/* Said, because a run again gives the same table: the engine is deterministic under its seed and
          clock, so a reader who saw nothing change would think the button did nothing. */}
      <p role="status" className="hint">
        {runs > 1
          ? snapshot.error
            ? `Run ${runs} stopped: ${snapshot.error}`
            : snapshot.busy || snapshot.position < afterSignOut.steps.length
              ? `Run ${runs}: making every call again on a fresh simulated cloud…`
              : `Run ${runs}: every call made again on a fresh simulated cloud (${snapshot.entries.length} calls). The answers are the same each time: the simulation runs on a fixed seed and clock.`
          : ''}
      </p>
    </section>
  );
}
