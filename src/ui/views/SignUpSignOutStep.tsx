import type { ReactNode } from 'react';
import { FieldError } from './sign-up-parts';

/** Step 5 of the "Sign up" view: GlobalSignOut, then the revoked access token refused by GetUser. */
export function SignUpSignOutStep(props: {
  error?: string;
  disabled: boolean;
  /** A call runs: the buttons say so with aria-disabled and keep the focus (the view ignores presses). */
  busy: boolean;
  signedOut: boolean;
  onSignOut(): void;
  onOldToken(): void;
  results: ReactNode;
}) {
  const { disabled, busy, signedOut } = props;
  return (
    <li>
      <section className="signup-step" aria-labelledby="su-step-5">
        <h3 id="su-step-5">5. Sign out everywhere</h3>
        {props.error ? <FieldError text={props.error} /> : null}
        <div className="signup-buttons">
          <button
            type="button"
            className="primary"
            onClick={props.onSignOut}
            disabled={disabled || signedOut}
            aria-disabled={busy || undefined}
          >
            GlobalSignOut
          </button>
          {signedOut ? (
            <button
              type="button"
              onClick={props.onOldToken}
              disabled={disabled}
              aria-disabled={busy || undefined}
            >
              Call GetUser with the old access token
            </button>
          ) : null}
        </div>
        {props.results}
      </section>
    </li>
  );
}
