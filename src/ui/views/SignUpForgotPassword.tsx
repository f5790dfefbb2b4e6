import { type FormEvent, type ReactNode, useState } from 'react';
import type { LabCall } from '../../store/labs/user-pool-lab';
import { Field, FieldError } from './sign-up-parts';

/**
 * "Forgot your password?": ForgotPassword sends a one-hour code to the verified email,
 * ConfirmForgotPassword sets the new password. Both are public calls (no token, no signature).
 */
export function SignUpForgotPassword(props: {
  clientId: string | undefined;
  username: string;
  disabled: boolean;
  /** A call runs: the buttons say so with aria-disabled and keep the focus (the view ignores presses). */
  busy: boolean;
  /** Whether a reset code was sent in this lab (from its calls, so a reload keeps the form where it was). */
  codeSent: boolean;
  error?: string;
  results: ReactNode;
  send(operation: string, body: Record<string, unknown>): Promise<LabCall | undefined>;
}) {
  const [username, setUsername] = useState(props.username);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');

  const request = async () => {
    await props.send('ForgotPassword', { ClientId: props.clientId, Username: username });
  };
  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    await props.send('ConfirmForgotPassword', {
      ClientId: props.clientId,
      Username: username,
      ConfirmationCode: code,
      Password: password,
    });
  };

  return (
    <form className="signup-step signup-step--nested" onSubmit={confirm} aria-labelledby="su-forgot">
      <h4 id="su-forgot">Forgot your password?</h4>
      <Field
        id="su-forgot-username"
        label="Reset username"
        value={username}
        onChange={setUsername}
        autoComplete="off"
      />
      <button
        type="button"
        onClick={() => void request()}
        disabled={props.disabled}
        aria-disabled={props.busy || undefined}
      >
        Send a reset code
      </button>
      {props.codeSent ? (
        <>
          <Field
            id="su-forgot-code"
            label="Reset code"
            value={code}
            onChange={setCode}
            autoComplete="one-time-code"
            inputMode="numeric"
          />
          <Field
            id="su-forgot-password"
            label="New password"
            type="password"
            value={password}
            onChange={setPassword}
            autoComplete="new-password"
          />
          <button
            type="submit"
            className="primary"
            disabled={props.disabled}
            aria-disabled={props.busy || undefined}
          >
            Set the new password
          </button>
        </>
      ) : null}
      {props.error ? <FieldError id="su-forgot-error" text={props.error} /> : null}
      {props.results}
    </form>
  );
}
