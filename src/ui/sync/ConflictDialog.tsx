import { useEffect, useRef, useState } from 'react';
import { ConflictStrategy, resolveConflict, resolveWithValue } from '../../sync/merge';
import type { ConflictRetry } from '../../store/labs/sync-lab';
import type { ConflictResolution, SyncConflict } from '../../sync/types';

export interface PendingConflict {
  device: string;
  conflicts: SyncConflict[];
  retry?: ConflictRetry;
  answer(resolutions: ConflictResolution[] | false): void;
}

/**
 * Why the dialog is back (or why the sync went round again before asking): otherwise a reader who just
 * chose sees the same question reappear with nothing to say what happened to the choice.
 */
export function retryNote(device: string, retry: ConflictRetry): string {
  if (retry.cause === 'local-change')
    return retry.askedBefore
      ? `Asked again: while this dialog was open, the ${device}'s records changed in another tab of this ` +
          `browser (the tabs share the ${device}'s cache). Your choice was not applied, because it would have ` +
          'overwritten that edit. The sync started over and compared the records afresh: these are the ' +
          'conflicts now.'
      : `The sync started over once before asking: the ${device}'s records changed while it ran (an edit ` +
          'saved meanwhile, in this tab or another). These are the conflicts with that edit.';
  return retry.askedBefore
    ? `Asked again: your choice was kept on the ${device}, but when it was pushed another device had ` +
        'written to the cloud first (UpdateRecords answered ResourceConflictException). The sync pulled ' +
        'again and compared the records afresh: these are the conflicts now.'
    : 'The sync started over once before asking: another device wrote to the cloud while it ran ' +
        '(UpdateRecords answered ResourceConflictException). These are the conflicts with its values.';
}

const show = (v: string | null) => (v === null ? '(removed)' : v);

/** The conflict dialog: both values for each key and the choices; answers the sync client's onConflict. */
export function ConflictDialog({ pending }: { pending: PendingConflict }) {
  const ref = useRef<HTMLDialogElement>(null);
  // A Map, not an object: a record key is the user's and may be `__proto__` or `constructor`.
  const [custom, setCustom] = useState<ReadonlyMap<string, string>>(() => new Map());
  useEffect(() => {
    const dialog = ref.current;
    // The control that started the sync (Synchronize, or the guided scenario's Run step), to go back to.
    const opener = document.activeElement;
    if (dialog && !dialog.open) dialog.showModal?.();
    return () => {
      dialog?.close?.();
      // The view removes the dialog once answered, and focus inside a removed element falls to the page,
      // which would send a keyboard reader back to the top: return it to the opener instead, unless the
      // reader has already moved on or the opener is gone.
      const active = document.activeElement;
      const lost = !active || active === document.body || dialog?.contains(active);
      if (lost && opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);
  const all = (pick: (c: SyncConflict) => ConflictResolution) => pending.answer(pending.conflicts.map(pick));
  return (
    <dialog ref={ref} aria-labelledby="sync-conflict-title" onCancel={() => pending.answer(false)}>
      <h3 id="sync-conflict-title">Conflict while synchronizing the {pending.device}</h3>
      {pending.retry ? (
        <p className="note sync-conflict__again">{retryNote(pending.device, pending.retry)}</p>
      ) : null}
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
