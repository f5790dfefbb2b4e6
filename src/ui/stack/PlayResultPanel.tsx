import type { PlayResult } from '../../stack/play';
import { IamPanel } from '../inspector/IamPanel';

/**
 * What a flow played against the stack did: each call with AWS's answer, what it obtained (identity,
 * role, credentials) and the engine's own account of it (the role choice, and the IAM evaluation of
 * the resource call, in the inspector's IAM panel).
 */
export function PlayResultPanel({ title, played }: { title: string; played: PlayResult }) {
  const choices = played.events.filter((e) => e.kind === 'role.selection' || e.kind === 'token.rejected');
  return (
    <div role="status" aria-label="Played calls" className="stack-played">
      <h4>{title}</h4>
      <ol>
        {played.calls.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: calls are in the order they were made
          <li key={i} className={c.ok ? 'played-ok' : 'played-failed'}>
            <code>{c.operation}</code> {c.ok ? '✓' : '✗'} {c.summary}
          </li>
        ))}
      </ol>
      {played.note ? <p className="stack-note">{played.note}</p> : null}
      {played.identityId || played.roleArn || played.accessKeyId ? (
        <dl className="stack-played__got">
          {played.identityId ? (
            <>
              <dt>Identity id</dt>
              <dd>
                <code>{played.identityId}</code>
              </dd>
            </>
          ) : null}
          {played.roleArn ? (
            <>
              <dt>Role chosen</dt>
              <dd>
                <code>{played.roleArn}</code>
              </dd>
            </>
          ) : null}
          {played.accessKeyId ? (
            <>
              <dt>Credentials</dt>
              <dd>
                <code>{played.accessKeyId}</code> (temporary; secret and session token kept out of view)
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {choices.length ? (
        <ul className="stack-played__events">
          {choices.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: events are in emission order
            <li key={i}>{e.summary}</li>
          ))}
        </ul>
      ) : null}
      {played.events.some((e) => e.kind === 'iam.decision') ? (
        <details open>
          <summary>IAM evaluation of the calls</summary>
          <IamPanel events={played.events} />
        </details>
      ) : null}
    </div>
  );
}
