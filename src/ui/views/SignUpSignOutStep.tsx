import { type ReactNode, useEffect, useRef } from 'react';
import { FieldError, LabButton } from './sign-up-parts';

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
  const signOut = useRef<HTMLButtonElement>(null);
  const oldToken = useRef<HTMLButtonElement>(null);
  // Signed out, GlobalSignOut is done for good (disabled) and the keyboard focus on it would fall to the
  // page: it moves on to the next thing to try, the old access token.
  useEffect(() => {
    const active = document.activeElement;
    if (signedOut && (active === signOut.current || active === document.body)) oldToken.current?.focus();
  }, [signedOut]);
  return (
    <li>
      <section className="signup-step" aria-labelledby="su-step-5">
        <h3 id="su-step-5">5. Sign out everywhere</h3>
        {props.error ? <FieldError text={props.error} /> : null}
        <div className="signup-buttons">
          <LabButton
            primary
            ref={signOut}
            onClick={props.onSignOut}
            disabled={disabled || signedOut}
            busy={busy}
          >
            GlobalSignOut
          </LabButton>
          {signedOut ? (
            <LabButton ref={oldToken} onClick={props.onOldToken} disabled={disabled} busy={busy}>
              Call GetUser with the old access token
            </LabButton>
          ) : null}
        </div>
        {props.results}
      </section>
    </li>
  );
}
