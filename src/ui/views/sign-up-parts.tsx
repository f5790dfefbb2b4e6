import type { ReactNode } from 'react';
import type { InboxMessage, LabCall } from '../../store/labs/user-pool-lab';
import { WirePanel } from '../inspector/WirePanel';
import { LambdaInvocations } from './sign-up-lambda';
import { explain, PURPOSE_WORDS } from './sign-up-steps';

/**
 * Pieces of the "Sign up" view. Everything a reader typed, and everything the engine answered, is
 * rendered as React text nodes: never parsed as markup.
 */

/**
 * A button of a step that sends a call. It is `disabled` only until the pool starts; while a call runs it
 * is aria-disabled instead, since a disabled button would drop the keyboard focus to the page (the view
 * ignores a press meanwhile).
 */
export function LabButton({
  onClick,
  disabled,
  busy,
  primary,
  ref,
  children,
}: {
  onClick(): void;
  disabled: boolean;
  busy: boolean;
  primary?: boolean;
  ref?: React.Ref<HTMLButtonElement>;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={primary ? 'primary' : undefined}
      ref={ref}
      onClick={onClick}
      disabled={disabled}
      aria-disabled={busy || undefined}
    >
      {children}
    </button>
  );
}

export function Field({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  type = 'text',
  autoComplete,
  inputMode,
}: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  hint?: ReactNode;
  type?: 'text' | 'password' | 'email';
  autoComplete?: string;
  inputMode?: 'numeric';
}) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="signup-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        autoComplete={autoComplete}
        inputMode={inputMode}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint ? (
        <p id={`${id}-hint`} className="hint signup-field__hint">
          {hint}
        </p>
      ) : null}
      {error ? <FieldError id={`${id}-error`} text={error} /> : null}
    </div>
  );
}

export function FieldError({ id, text }: { id?: string; text: string }) {
  return (
    <p id={id} className="signup-error" role="alert">
      {text}
    </p>
  );
}

/** An error from the engine as AWS words it: the code, then its message. */
export const failureText = (call: LabCall) => (call.error ? `${call.error.code}: ${call.error.message}` : '');

/** The last call a step made: its status, one plain sentence, and the wire (collapsed). */
export function CallResult({ call, reveal }: { call: LabCall | undefined; reveal: boolean }) {
  if (!call) return null;
  const status = call.entry.response;
  return (
    <div className={`signup-call ${call.error ? 'signup-call--error' : 'signup-call--ok'}`}>
      <p className="signup-call__status">
        <code>{call.operation}</code> → {status ? `${status.status} ${status.statusText}` : 'no answer'}
        {call.error ? ` (${call.error.code})` : ''}
      </p>
      <p className="signup-call__why">{explain(call)}</p>
      <LambdaInvocations events={call.entry.events} />
      <details className="signup-call__wire">
        <summary>Request and response of {call.operation}</summary>
        <WirePanel entry={call.entry} reveal={reveal} />
      </details>
    </div>
  );
}

function when(at: number) {
  return `${new Date(at).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The mailbox the user pool delivers codes to: newest first, each with its code in plain view. */
export function Inbox({ messages }: { messages: InboxMessage[] }) {
  const newestFirst = [...messages].reverse();
  return (
    <section className="signup-inbox" aria-labelledby="signup-inbox-title" id="signup-inbox">
      <h3 id="signup-inbox-title">Simulated inbox</h3>
      <p className="hint">
        What the user pool sent by email. A real pool sends these through Amazon SES or Cognito’s own mailer;
        here they land in the engine’s mailbox.
      </p>
      {newestFirst.length === 0 ? (
        <p>No messages yet. Sign up to receive a confirmation code.</p>
      ) : (
        <ol className="signup-inbox__list" aria-label="Messages, newest first">
          {newestFirst.map((m, i) => (
            <li key={`${m.at}-${m.code}-${m.purpose}-${m.to}`} className={i === 0 ? 'is-newest' : ''}>
              <dl className="kv">
                <dt>To</dt>
                <dd>{m.to}</dd>
                <dt>Purpose</dt>
                <dd>{PURPOSE_WORDS[m.purpose] ?? m.purpose}</dd>
                <dt>Sent</dt>
                <dd>{when(m.at)}</dd>
                <dt>Code</dt>
                <dd>
                  <strong className="signup-inbox__code">{m.code}</strong>
                </dd>
              </dl>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * On a phone the inbox sits below every step; this repeats its newest message next to the field
 * that needs the code (hidden on wide screens, where the inbox is beside the steps).
 */
export function InboxPeek({ message }: { message: InboxMessage | undefined }) {
  if (!message) return null;
  return (
    <p className="signup-peek">
      Newest message in the inbox, to {message.to}: code <strong>{message.code}</strong>
    </p>
  );
}

/** GetUser's attributes as a table; the verified flags say yes or no in words, not only colour. */
export function ProfileTable({ attributes }: { attributes: { Name: string; Value: string }[] }) {
  return (
    <table className="table signup-profile">
      <caption>Your profile, as GetUser returned it</caption>
      <thead>
        <tr>
          <th scope="col">Attribute</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {attributes.map(({ Name, Value }) => (
          <tr key={Name}>
            <th scope="row">
              <code>{Name}</code>
            </th>
            <td
              className={
                Name.endsWith('_verified') ? (Value === 'true' ? 'yes' : 'no') : 'signup-profile__value'
              }
            >
              {Value}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
