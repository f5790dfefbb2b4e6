import { IamPanel } from '../inspector/IamPanel';
import { SigV4Panel } from '../inspector/SigV4Panel';
import type { WireEntry } from '../../store/labs/sync-lab';

/**
 * What crossed the wire, newest first: each request and response as text, the engine's SigV4 check and
 * IAM decision for it (the same panels as the main flow's inspector), and the client's conflict and retry events.
 */
export function WireTimeline({ entries }: { entries: WireEntry[] }) {
  return (
    <section aria-label="Wire timeline">
      <h3>Wire timeline</h3>
      {entries.length === 0 && (
        <p>Nothing sent yet. Synchronize a device to see ListRecords and UpdateRecords.</p>
      )}
      {/* Newest first, so counted down: the first call made is 1, whatever came after it. Each item
          carries its own number (its entry's id): Chromium counts every <summary> in the list as an item
          too (they are display: list-item), so `reversed` alone started the count at twice the length. */}
      <ol className="sync-timeline" reversed>
        {entries.map((e) => (
          <li key={e.id} value={e.id}>
            <details>
              <summary>
                {e.device}: {e.title}
                {e.status !== undefined ? ` → ${e.status}` : ''}
              </summary>
              {e.request && <pre>{e.request}</pre>}
              {e.response && <pre>{e.response}</pre>}
              {e.events && e.events.length > 0 && (
                <>
                  <h4>SigV4 check</h4>
                  <SigV4Panel events={e.events} />
                  <h4>IAM decision</h4>
                  <IamPanel events={e.events} />
                </>
              )}
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}
