import { type FormEvent, type ReactNode, useState } from 'react';
import { Field, FieldError, LabButton } from './sign-up-parts';

/**
 * Step 6 of the "Sign up" view: the user's own password change (ChangePassword) and account deletion
 * (DeleteUser), each authorized by the access token alone, and the old access token tried after the
 * deletion. Both need a live session: after step 5's GlobalSignOut they answer that the token was revoked.
 */
export function SignUpAccountStep(props: {
  error?: string;
  disabled: boolean;
  /** A call runs: the buttons say so with aria-disabled and keep the focus (the view ignores presses). */
  busy: boolean;
  deleted: boolean;
  onChangePassword(previous: string, proposed: string): Promise<boolean>;
  onDelete(): void;
  onOldToken(): void;
  results: ReactNode;
}) {
  const { disabled, busy, deleted } = props;
  // The password boxes are this step's own: never kept anywhere, emptied once the change is made.
  const [previous, setPrevious] = useState('');
  const [proposed, setProposed] = useState('');
  const change = async (event: FormEvent) => {
    event.preventDefault();
    if (await props.onChangePassword(previous, proposed)) {
      setPrevious('');
      setProposed('');
    }
  };
  return (
    <li>
      <section className="signup-step" aria-labelledby="su-step-6">
        <h3 id="su-step-6">6. Change the password, or delete the account</h3>
        <p className="hint">
          Both are the user’s own calls, authorized by the access token alone. Try signing in (step 3) with
          the old and the new password afterwards.
        </p>
        <form onSubmit={(e) => void change(e)} aria-label="Change the password">
          <Field
            id="su-previous-password"
            label="Current password"
            type="password"
            value={previous}
            onChange={setPrevious}
            autoComplete="current-password"
          />
          <Field
            id="su-proposed-password"
            label="New password"
            type="password"
            value={proposed}
            onChange={setProposed}
            autoComplete="new-password"
          />
          <button type="submit" className="primary" disabled={disabled} aria-disabled={busy || undefined}>
            ChangePassword
          </button>
        </form>
        {props.error ? <FieldError text={props.error} /> : null}
        <div className="signup-buttons">
          <LabButton onClick={props.onDelete} disabled={disabled} busy={busy}>
            DeleteUser
          </LabButton>
          {deleted ? (
            <LabButton onClick={props.onOldToken} disabled={disabled} busy={busy}>
              Call GetUser with the deleted user’s access token
            </LabButton>
          ) : null}
        </div>
        {props.results}
      </section>
    </li>
  );
}
