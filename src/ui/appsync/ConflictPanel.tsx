import type { ConflictHandler } from '../../sim/index';
import type { AppSyncLab } from '../../store/labs/appsync-lab';

const STRATEGIES: { id: ConflictHandler; label: string; rule: string }[] = [
  {
    id: 'OPTIMISTIC_CONCURRENCY',
    label: 'Optimistic concurrency',
    rule: 'a stale _version is rejected (ConflictUnhandled); the client decides.',
  },
  {
    id: 'AUTOMERGE',
    label: 'Automerge',
    rule: 'scalars in conflict keep the server value, lists are concatenated, then AppSync writes.',
  },
  {
    id: 'LAMBDA',
    label: 'Lambda',
    rule: 'a function decides; the example one lets incoming fields win and unions the tags.',
  },
];

/** An item in four short lines: the fields a conflict is about. */
const show = (item: Record<string, unknown> | undefined) => {
  if (!item) return '—';
  const lines = [];
  if (item.text !== undefined) lines.push(`text: ${JSON.stringify(item.text)}`);
  if (item.done !== undefined) lines.push(`done: ${String(item.done)}`);
  if (Array.isArray(item.tags)) lines.push(`tags: [${item.tags.join(', ')}]`);
  if (item._version !== undefined) lines.push(`_version: ${String(item._version)}`);
  return lines.join('\n');
};

/** The strategy selector, conflicts waiting for a user's decision (both versions), and AppSync's past verdicts. */
export function ConflictPanel({ lab }: { lab: AppSyncLab }) {
  const waiting = lab.devices.flatMap((d) =>
    d.client
      .outbox()
      .filter((e) => e.conflict)
      .map((entry) => ({ device: d, entry })),
  );
  return (
    <section className="as-conflicts" aria-label="Conflicts">
      <h3>Conflicts</h3>
      <label>
        Conflict strategy{' '}
        <select value={lab.strategy()} onChange={(e) => lab.setStrategy(e.target.value as ConflictHandler)}>
          {STRATEGIES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <p className="as-note">
        {STRATEGIES.find((x) => x.id === lab.strategy())?.label}:{' '}
        {STRATEGIES.find((x) => x.id === lab.strategy())?.rule} It is the table's{' '}
        <code>SyncConfig.conflictHandler</code>. AppSync detects a conflict when a mutation's{' '}
        <code>_version</code> is not the stored one; this setting decides what happens next.
      </p>
      {waiting.map(({ device, entry }) => {
        const local = device.client.items().find((i) => i.id === entry.itemId);
        return (
          <section
            key={`${device.id}-${entry.seq}`}
            className="as-conflict"
            aria-label={`Conflict on ${device.label}`}
          >
            <p>
              <strong>ConflictUnhandled</strong> on {device.label}: its change was made on v
              {entry.baseVersion}, AppSync holds v{entry.conflict?.server._version}.
            </p>
            <div className="as-versions">
              <figure>
                <figcaption>Your version (on this device)</figcaption>
                <pre>{show(local as unknown as Record<string, unknown>)}</pre>
              </figure>
              <figure>
                <figcaption>Server version</figcaption>
                <pre>{show(entry.conflict?.server as unknown as Record<string, unknown>)}</pre>
              </figure>
            </div>
            <button
              type="button"
              onClick={() => void device.client.resolveConflict(entry.itemId, 'discard-local')}
            >
              Keep the server version
            </button>{' '}
            <button
              type="button"
              onClick={() => void device.client.resolveConflict(entry.itemId, 'reapply-local')}
            >
              Re-apply my changes
            </button>
          </section>
        );
      })}
      <h4>AppSync's verdicts</h4>
      <ol className="as-verdicts" aria-label="Conflict verdicts">
        {lab.conflicts.length === 0 && (
          <li className="as-empty">No conflict yet. Try the guided scenario.</li>
        )}
        {lab.conflicts.slice(0, 6).map((c) => (
          <li key={c.at + c.detail.outcome + String(c.detail.server._version)}>
            <p>
              <code>{c.detail.strategy}</code> → <strong>{c.detail.outcome}</strong>
            </p>
            <div className="as-versions">
              <figure>
                <figcaption>Server had</figcaption>
                <pre>{show(c.detail.server)}</pre>
              </figure>
              <figure>
                <figcaption>Incoming (stale v{String(c.detail.incoming._version)})</figcaption>
                <pre>{show(c.detail.incoming)}</pre>
              </figure>
              <figure>
                <figcaption>Result</figcaption>
                <pre>{c.detail.result ? show(c.detail.result) : 'rejected: nothing written'}</pre>
              </figure>
            </div>
            {c.detail.decisions && (
              <p className="as-note">{c.detail.decisions.map((d) => `${d.field}: ${d.rule}`).join(' · ')}</p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
