import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { PENDING_REASON } from '../../appsync-client/merger';
import type { ClientEvent, LocalItem, OutboxEntry } from '../../appsync-client/types';
import type { LabDevice } from '../../store/labs/appsync-lab';

/**
 * The lab's own cap on an item's text (DynamoDB would take up to 400 KB). Shown with a counter, and
 * longer text is kept and flagged rather than cut without a word.
 */
export const MAX_ITEM_TEXT = 200;

/** One user's device: offline switch, the shared list (add, done, edit, delete), its outbox and the live messages. */
export function DevicePanel({ device }: { device: LabDevice }) {
  const [text, setText] = useState('');
  const countId = useId();
  const blankId = useId();
  const over = text.length - MAX_ITEM_TEXT;
  const [problem, setProblem] = useState<string>();
  /** Set when Add was pressed on only spaces: said, not silently ignored. Cleared by typing. */
  const [blank, setBlank] = useState(false);
  const status = device.client.getStatus();
  const online = device.link.isOnline();
  const items = [...device.client.items()].sort(
    (a, b) =>
      (a._lastChangedAt ?? Number.MAX_SAFE_INTEGER) - (b._lastChangedAt ?? Number.MAX_SAFE_INTEGER) ||
      a.id.localeCompare(b.id),
  );
  const outbox = device.client.outbox();
  const live = device.events.filter((e) => e.event.type === 'subscription-data').slice(0, 8);
  const run = (work: Promise<unknown>) =>
    work.then(
      () => setProblem(undefined),
      (e: Error) => setProblem(e.message),
    );

  const add = (event: FormEvent) => {
    event.preventDefault();
    if (over > 0) return;
    if (!text.trim()) {
      setBlank(true);
      return;
    }
    run(device.client.create({ text: text.trim() }));
    setText('');
  };

  return (
    <section className="as-device" aria-label={device.label}>
      <header className="as-device-head">
        <h3>{device.label}</h3>
        <label className="as-switch">
          <input
            type="checkbox"
            checked={!online}
            onChange={(e) => device.link.setOnline(!e.target.checked)}
          />{' '}
          Offline
        </label>
      </header>
      <p className="as-who">
        {device.user} · <code>{device.mode}</code>
      </p>
      <p role="status" className={`as-status as-${status.state}`}>
        {/* "Offline · offline" said one thing twice: the client's state is shown only when it adds to the link's. */}
        {online ? 'Online' : 'Offline'}
        {status.state === 'offline' && !online ? '' : ` · ${status.state}`} · live connection{' '}
        {status.connection}
        {status.lastSync ? ` · last sync ${new Date(status.lastSync).toLocaleTimeString()}` : ''}
        {status.lastError ? ` · ${status.lastError}` : ''}
      </p>
      <ul className="as-items" aria-label={`Shared list on ${device.label}`}>
        {items.length === 0 && <li className="as-empty">No items yet.</li>}
        {items.map((item) => (
          <ItemRow
            key={item.id}
            item={item}
            pending={outbox.some((e) => e.itemId === item.id)}
            device={device}
            onError={setProblem}
          />
        ))}
      </ul>
      <form onSubmit={add} className="as-add">
        <label>
          New item{' '}
          <input
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setBlank(false);
            }}
            aria-describedby={blank ? `${blankId} ${countId}` : countId}
            aria-invalid={over > 0 || blank}
          />
        </label>
        <button type="submit" disabled={over > 0}>
          Add
        </button>
        <span id={countId} className={over > 0 ? 'as-count as-over' : 'as-count'} aria-live="polite">
          {over > 0
            ? `${text.length} / ${MAX_ITEM_TEXT} characters: ${over} too many. Shorten it to add.`
            : `${text.length} / ${MAX_ITEM_TEXT} characters`}
        </span>
        {blank && (
          <p id={blankId} role="alert" className="as-field-problem">
            Nothing added: the text is only spaces. Type the item's text first.
          </p>
        )}
      </form>
      {problem && <p role="alert">{problem}</p>}
      <h4>Outbox ({outbox.length} pending)</h4>
      <ol className="as-outbox" aria-label={`Outbox of ${device.label}`}>
        {outbox.length === 0 && <li className="as-empty">Empty: everything reached AppSync.</li>}
        {outbox.map((e) => (
          <li key={e.seq}>{describeEntry(e)}</li>
        ))}
      </ol>
      <h4>Live messages</h4>
      <ol className="as-live" aria-label={`Live messages on ${device.label}`}>
        {live.length === 0 && <li className="as-empty">None yet.</li>}
        {live.map(({ at, event }) => (
          <li key={`${at}-${describeLive(event, outbox)}`}>{describeLive(event, outbox)}</li>
        ))}
      </ol>
    </section>
  );
}

function ItemRow({
  item,
  pending,
  device,
  onError,
}: {
  item: LocalItem;
  pending: boolean;
  device: LabDevice;
  onError: (m?: string) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(item.text);
  /** Why the draft was not saved (only spaces, too long), shown under the field and tied to it. */
  const [invalid, setInvalid] = useState<string>();
  const problemId = useId();
  const field = useRef<HTMLInputElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  /** Set by the reader opening or closing the edit, not by the first render: only they move focus. */
  const moved = useRef(false);

  // The Edit button and the field replace each other: focus follows into the field, and back to Edit on
  // Save or Escape, instead of falling to the page with the control that held it.
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    (editing ? field.current : editButton.current)?.focus();
  }, [editing]);
  const close = () => {
    moved.current = true;
    setInvalid(undefined);
    setEditing(false);
  };
  const cancelOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    close();
  };
  const run = (work: Promise<unknown>) =>
    work.then(
      () => onError(undefined),
      (e: Error) => onError(e.message),
    );
  const save = (event: FormEvent) => {
    event.preventDefault();
    const text = draft.trim();
    // The same limit as the Add form: an edit is no way round it.
    if (text.length > MAX_ITEM_TEXT) {
      setInvalid(`The text is ${text.length} characters; the limit is ${MAX_ITEM_TEXT}. Shorten it to save.`);
      return;
    }
    if (!text) {
      setInvalid(
        `Not saved: the text is only spaces. Type the new text, or press Escape to keep “${item.text}”.`,
      );
      return;
    }
    if (text !== item.text) run(device.client.update(item.id, { text }));
    close();
  };
  return (
    <li className="as-item">
      <input
        type="checkbox"
        checked={item.done}
        aria-label={`Done: ${item.text}`}
        onChange={(e) => run(device.client.update(item.id, { done: e.target.checked }))}
      />
      {editing ? (
        <form onSubmit={save} className="as-edit">
          <label>
            <span className="visually-hidden">Text of {item.text}</span>
            <input
              ref={field}
              value={draft}
              onChange={(e) => {
                setDraft(e.target.value);
                setInvalid(undefined);
              }}
              onKeyDown={cancelOnEscape}
              aria-invalid={invalid !== undefined}
              aria-describedby={invalid ? problemId : undefined}
            />
          </label>
          <button type="submit">Save</button>
          {invalid && (
            <p id={problemId} role="alert" className="as-field-problem">
              {invalid}
            </p>
          )}
        </form>
      ) : (
        <span className={item.done ? 'as-text as-done' : 'as-text'}>{item.text}</span>
      )}
      <span className="as-meta">
        v{item._version ?? '–'}
        {item.tags.length > 0 ? ` · ${item.tags.join(', ')}` : ''}
        {item.owner ? ` · ${item.owner.length > 14 ? `${item.owner.slice(0, 14)}…` : item.owner}` : ''}
        {pending ? ' · pending' : ''}
      </span>
      {!editing && (
        <button
          ref={editButton}
          type="button"
          onClick={() => {
            setDraft(item.text);
            moved.current = true;
            setEditing(true);
          }}
        >
          Edit <span className="visually-hidden">{item.text}</span>
        </button>
      )}
      <button type="button" onClick={() => run(device.client.remove(item.id))}>
        Delete <span className="visually-hidden">{item.text}</span>
      </button>
    </li>
  );
}

function describeEntry(e: OutboxEntry): string {
  const fields = Object.entries(e.fields)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(', ');
  const base = e.baseVersion === null ? '' : ` on v${e.baseVersion}`;
  const state = e.conflict
    ? ' · CONFLICT, waiting for you'
    : e.attempts > 0
      ? ' · sent, answer not recorded yet'
      : '';
  return `#${e.seq} ${e.kind}Item ${e.itemId.slice(0, 8)}${base}${fields ? `: ${fields}` : ''}${state}`;
}

/**
 * A live message and what the client did with it. "Held back because a change was pending in the
 * outbox" is about the moment it arrived; when that change has since left the outbox the line says
 * so, so it never contradicts the outbox shown above it (DataStore's merger: the pending change's own
 * answer decides the item, not the held-back message).
 */
function describeLive(event: ClientEvent, outbox: OutboxEntry[]): string {
  if (event.type !== 'subscription-data') return event.type;
  const i = event.item;
  const head = `${event.field}: “${i.text}” v${i._version}${i._deleted ? ' (deleted)' : ''} → `;
  if (event.applied) return `${head}applied`;
  if (event.reason !== PENDING_REASON) return `${head}held back (${event.reason})`;
  return outbox.some((e) => e.itemId === i.id)
    ? `${head}held back: ${PENDING_REASON}; its answer will decide this item`
    : `${head}held back: when it arrived, a local change to this item was waiting in the outbox; that change has since left the outbox, and its answer decided the item`;
}
