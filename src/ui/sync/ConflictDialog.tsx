import { useEffect, useRef, useState } from 'react';
import { ConflictStrategy, resolveConflict, resolveWithValue } from '../../sync/merge';
import type { ConflictResolution, SyncConflict } from '../../sync/types';

export interface PendingConflict {
  device: string;
  conflicts: SyncConflict[];
  answer(resolutions: ConflictResolution[] | false): void;
}

const show = (v: string | null) => (v === null ? '(removed)' : v);

/** The conflict dialog: both values for each key and the choices; answers the sync client's onConflict. */
export function ConflictDialog({ pending }: { pending: PendingConflict }) {
  const ref = useRef<HTMLDialogElement>(null);
  // A Map, not an object: a record key is the user's and may be `__proto__` or `constructor`.
  const [custom, setCustom] = useState<ReadonlyMap<string, string>>(() => new Map());
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal?.();
    return () => dialog?.close?.();
  }, []);
  const all = (pick: (c: SyncConflict) => ConflictResolution) => pending.answer(pending.conflicts.map(pick));
  return (
    <dialog ref={ref} aria-labelledby="sync-conflict-title" onCancel={() => pending.answer(false)}>
      <h3 id="sync-conflict-title">Conflict while synchronizing the {pending.device}</h3>
      <p>
        The {pending.device} changed these keys offline, and the cloud has another value from another device.
      </p>
      {pending.conflicts.map((c) => (
        <fieldset key={c.key}>
          <legend>{c.key}</legend>
          <p>
            This device: <strong>{show(c.local.value)}</strong> (edited{' '}
            {new Date(c.local.deviceLastModifiedDate).toLocaleTimeString()})
          </p>
          <p>
            Cloud: <strong>{show(c.remote.value)}</strong> (sync count {c.remote.syncCount})
          </p>
          <label>
            Merged value for {c.key}{' '}
            <input
              value={custom.get(c.key) ?? ''}
              onChange={(e) => setCustom(new Map(custom).set(c.key, e.target.value))}
            />
          </label>
        </fieldset>
      ))}
      <div>
        <button type="button" onClick={() => all((c) => resolveConflict(c, ConflictStrategy.keepLocal))}>
          Keep this device's value
        </button>
        <button type="button" onClick={() => all((c) => resolveConflict(c, ConflictStrategy.keepRemote))}>
          Keep the cloud's value
        </button>
        <button type="button" onClick={() => all((c) => resolveConflict(c, ConflictStrategy.lastWriterWins))}>
          Most recent change wins
        </button>
        <button type="button" onClick={() => all((c) => resolveWithValue(c, custom.get(c.key) ?? ''))}>
          Use the merged value
        </button>
        <button type="button" onClick={() => pending.answer(false)}>
          Cancel the sync
        </button>
      </div>
    </dialog>
  );
}
