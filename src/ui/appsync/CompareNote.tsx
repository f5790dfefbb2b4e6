/** Cognito Sync vs AppSync, each row backed by something the two views let you do. */
export function CompareNote({ openCognitoSync }: { openCognitoSync?: () => void }) {
  return (
    <section className="as-compare" aria-label="Cognito Sync and AppSync compared">
      <h3>Cognito Sync and AppSync, side by side</h3>
      <table>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">Cognito Sync (legacy)</th>
            <th scope="col">AppSync (its successor)</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Whose data</th>
            <td>One identity's datasets, on many devices</td>
            <td>Data many users share (here: Alice and Carol's list)</td>
          </tr>
          <tr>
            <th scope="row">Shape</th>
            <td>Key/value records in datasets</td>
            <td>A GraphQL schema: queries, mutations, subscriptions</td>
          </tr>
          <tr>
            <th scope="row">Conflicts</th>
            <td>
              Sync counts; the client resolves (mobile SDKs default to the latest change; the JavaScript
              client aborts the sync unless the app decides)
            </td>
            <td>
              <code>_version</code> per item; the server resolves (optimistic concurrency, automerge, Lambda)
            </td>
          </tr>
          <tr>
            <th scope="row">Other devices learn of changes</th>
            <td>When they next synchronize (or a silent push)</td>
            <td>Live, over a real-time subscription; delta sync after being away</td>
          </tr>
          <tr>
            <th scope="row">Who may call</th>
            <td>Identity pool credentials (SigV4)</td>
            <td>User pool JWT, IAM (SigV4), API key, OIDC, Lambda</td>
          </tr>
        </tbody>
      </table>
      {openCognitoSync && (
        <button type="button" onClick={openCognitoSync}>
          Open the Cognito Sync view
        </button>
      )}
    </section>
  );
}
