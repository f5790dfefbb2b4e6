import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { LocalRecord } from '../../sync/types';
import { DATASET, type LabDevice } from '../../store/labs/sync-lab';

/** One simulated device: identity, offline switch, the local dataset as an editable table, pending count, Synchronize. */
export function DevicePanel({
  device,
  onSync,
  version,
}: {
  device: LabDevice;
  onSync: (d: LabDevice) => void;
  version: number;
}) {
  const [records, setRecords] = useState<LocalRecord[]>([]);
  // One piece of state: a finished save clears the form only if the pair it sent is still there.
  const [fields, setFields] = useState({ key: '', value: '' });
  const { key, value } = fields;
  const [problem, setProblem] = useState<string>();
  const [note, setNote] = useState<string>();
  const status = device.client.getStatus();
  const online = device.network.isOnline();
  const table = useRef<HTMLTableElement>(null);
  /** The row whose Remove button the reader pressed: that button leaves with the value, and focus with it. */
  const removed = useRef<{ key: string; index: number } | undefined>(undefined);

  // Once the removal shows, focus that fell to the page goes to the next row's Remove (or the one before),
  // or to the table when none is left, instead of sending a keyboard reader back to the top.
  useEffect(() => {
    const gone = removed.current;
    if (!gone || records.some((r) => r.key === gone.key && r.value !== null)) return;
    removed.current = undefined;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    // A record never synced leaves the table; one the cloud knows stays as "(removed)" until it syncs.
    const at = records.findIndex((r) => r.key === gone.key);
    const after = at < 0 ? gone.index : at + 1;
    const before = at < 0 ? gone.index : at;
    const order = [...records.slice(after), ...records.slice(0, before).reverse()];
    const next = order.find((r) => r.value !== null);
    const rows = table.current?.tBodies[0]?.rows;
    const row = next && rows ? rows[records.indexOf(next)] : undefined;
    (row?.querySelector('button') ?? table.current)?.focus();
  }, [records]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` changes whenever the lab changes
  useEffect(() => {
    let live = true;
    device.client.records(DATASET).then(
      (r) => live && setRecords(r),
      (e: Error) => live && setProblem(e.message),
    );
    return () => {
      live = false;
    };
  }, [device, version]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const sent = { key, value };
    try {
      // The key as typed: Cognito Sync keeps keys exactly (1–1024 characters, spaces too), so " theme" and
      // "theme" are two records. Trimming it quietly would show a different key from the one on the wire.
      await device.client.put(DATASET, sent.key, sent.value);
      setNote(
        sent.key.trim() === sent.key
          ? undefined
          : `Saved the key "${sent.key}" with its spaces: Cognito Sync keeps a key exactly as written, so it is not the key "${sent.key.trim()}".`,
      );
      // Cleared only if unchanged: what the reader typed while the save ran is theirs, not the old entry's.
      // Key and value are compared together: a next entry with the same value under another key (typed
      // while this save ran) lost its value when each field was cleared on its own.
      setFields((f) => (f.key === sent.key && f.value === sent.value ? { key: '', value: '' } : f));
      setProblem(undefined);
    } catch (error) {
      setProblem((error as Error).message);
    }
  };

  const label = `${device.name[0]?.toUpperCase()}${device.name.slice(1)}`;
  return (
    <section className="sync-device" aria-label={`${label} device`}>
      <h3>{label}</h3>
      <p>
        Identity: <IdentityId id={status.identityId} />
      </p>
      <label>
        <input
          type="checkbox"
          checked={!online}
          onChange={(e) => device.network.setOnline(!e.target.checked)}
        />{' '}
        Offline
      </label>
      {/* Focusable only from code: where focus goes when the last Remove button leaves. */}
      <table ref={table} tabIndex={-1}>
        <caption>
          Dataset <code>{DATASET}</code> on the {device.name}
        </caption>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Value</th>
            <th scope="col">Sync count</th>
            <th scope="col">State</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <tr key={r.key}>
              <td className="sync-key">{r.key}</td>
              <td>{r.value === null ? '(removed)' : r.value}</td>
              <td>{r.syncCount}</td>
              <td>{r.dirty ? 'pending' : 'synced'}</td>
              <td>
                {r.value !== null && (
                  <button
                    type="button"
                    onClick={() => {
                      removed.current = { key: r.key, index: records.indexOf(r) };
                      device.client.remove(DATASET, r.key).catch((e: Error) => {
                        removed.current = undefined;
                        setProblem(e.message);
                      });
                    }}
                  >
                    Remove {r.key}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="sync-form" onSubmit={save}>
        <label className="sync-field">
          <span>Key</span>
          <input
            value={key}
            onChange={(e) => {
              const key = e.target.value;
              setFields((f) => ({ ...f, key }));
            }}
            required
            maxLength={1024}
          />
        </label>
        <label className="sync-field">
          <span>Value</span>
          <input
            value={value}
            onChange={(e) => {
              const value = e.target.value;
              setFields((f) => ({ ...f, value }));
            }}
          />
        </label>
        <button type="submit">Save on {device.name}</button>
      </form>
      <p role="status">
        Pending changes: <strong>{status.pending}</strong> · {status.state}
        {status.lastError ? ` · ${status.lastError}` : ''}
      </p>
      {note && <p className="sync-note">{note}</p>}
      {problem && <p role="alert">{problem}</p>}
      <button
        type="button"
        onClick={() => {
          if (status.state !== 'syncing') onSync(device);
        }}
        // aria-disabled, not disabled: a disabled button drops keyboard focus to the page while the sync
        // runs, and the conflict dialog it may open would then have nowhere to return focus when it closes.
        aria-disabled={status.state === 'syncing'}
      >
        Synchronize {device.name}
      </button>
    </section>
  );
}

/**
 * An identity id ("us-east-1:444acaed-…") is one token: it may wrap only after the region's colon,
 * never at a hyphen inside the UUID. Each part keeps to one line; a card too narrow scrolls (sync-view.css).
 */
function IdentityId({ id }: { id: string | undefined }) {
  if (!id) return <code>none yet (first sync signs in as alice)</code>;
  const colon = id.indexOf(':') + 1;
  return (
    <code className="sync-identity">
      <span>{id.slice(0, colon)}</span>
      <wbr />
      <span>{id.slice(colon)}</span>
    </code>
  );
}
