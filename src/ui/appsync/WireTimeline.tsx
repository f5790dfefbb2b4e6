import { IamPanel } from '../inspector/IamPanel';
import { SigV4Panel } from '../inspector/SigV4Panel';
import type { WireEntry } from '../../store/labs/appsync-wire-log';

/** Every GraphQL request/response and real-time message as text, newest first, with the engine’s trace events for it. */
export function WireTimeline({ entries }: { entries: WireEntry[] }) {
  return (
    <section className="as-wire" aria-label="Wire timeline">
      <h3>Wire timeline</h3>
      {entries.length === 0 && <p>Nothing sent yet.</p>}
      {/* Newest first, so counted down: the first message is 1, whatever came after it. Each item
          carries its own number (its entry's id): Chromium counts every <summary> in the list as an item
          too (they are display: list-item), so `reversed` alone started the count at twice the length. */}
      <ol reversed>
        {entries.map((e) => (
          <li key={e.id} value={e.id}>
            <details>
              <summary>
                {e.device}: {e.kind === 'http' ? `POST ${e.title}` : e.title}
                {e.status !== undefined ? ` → ${e.status}` : ''}
                {e.events.length > 0
                  ? ` · ${e.events.length} engine event${e.events.length === 1 ? '' : 's'}`
                  : ''}
              </summary>
              <pre>{e.request}</pre>
              {e.response && <pre>{e.response}</pre>}
              {e.events.some((ev) => ev.kind === 'sigv4') && (
                <>
                  <h4>SigV4 check</h4>
                  <SigV4Panel events={e.events} />
                </>
              )}
              {e.events.some((ev) => ev.kind === 'iam.decision') && (
                <>
                  <h4>IAM decision</h4>
                  <IamPanel events={e.events} />
                </>
              )}
              {e.events.length > 0 && (
                <pre>
                  {e.events
                    .map(
                      (ev) =>
                        `[${ev.service} ${ev.kind}] ${ev.summary}${ev.detail === undefined ? '' : `\n${JSON.stringify(ev.detail, null, 1)}`}`,
                    )
                    .join('\n\n')}
                </pre>
              )}
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}
