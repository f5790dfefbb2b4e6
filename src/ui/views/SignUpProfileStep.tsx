import type { FormEvent, ReactNode } from 'react';
import type { InboxMessage } from '../../store/labs/user-pool-lab';
import { Field, FieldError, InboxPeek, ProfileTable } from './sign-up-parts';

/**
 * Step 4 of the "Sign up" view: the signed-in user's attributes (GetUser), their edit
 * (UpdateUserAttributes) and the verification of a changed email (VerifyUserAttribute).
 */
type Attribute = { Name: string; Value: string };
type Edit = { name: string; email: string; department: string };

export function SignUpProfileStep(props: {
  profile: Attribute[];
  edit: Edit;
  setEdit(edit: Edit): void;
  errors: { profile?: string; verifyCode?: string };
  disabled: boolean;
  /** A call runs: the buttons say so with aria-disabled and keep the focus (the view ignores presses). */
  busy: boolean;
  signedOut: boolean;
  emailPending: boolean;
  mail: InboxMessage[];
  verifyCode: string;
  setVerifyCode(code: string): void;
  onSave(event?: FormEvent): void;
  onVerify(event?: FormEvent): void;
  onNewVerifyCode(): void;
  results: ReactNode;
  /** The username the pool made (email as the username): the ID token's cognito:username. */
  generatedUsername?: string;
}) {
  const {
    profile,
    edit,
    setEdit,
    errors,
    disabled,
    busy,
    signedOut,
    emailPending,
    mail,
    verifyCode,
    setVerifyCode,
    onSave,
    onVerify,
    onNewVerifyCode,
    generatedUsername,
  } = props;
  return (
    <li>
      <form className="signup-step" onSubmit={onSave} aria-labelledby="su-step-4">
        <h3 id="su-step-4">4. Your profile</h3>
        <ProfileTable attributes={profile} />
        {generatedUsername ? (
          <p className="hint">
            Your username, made by the pool: <code>{generatedUsername}</code>, the ID token’s{' '}
            <code>cognito:username</code> and the same as <code>sub</code>. You signed in with your email
            address.
          </p>
        ) : null}
        <p className="hint">Change your name, email or department, then save (UpdateUserAttributes).</p>
        <Field
          id="su-edit-name"
          label="New name"
          value={edit.name}
          onChange={(name) => setEdit({ ...edit, name })}
          autoComplete="off"
        />
        <Field
          id="su-edit-email"
          label="New email"
          type="email"
          value={edit.email}
          onChange={(email) => setEdit({ ...edit, email })}
          autoComplete="off"
        />
        <Field
          id="su-edit-department"
          label="Department (custom:department)"
          value={edit.department}
          onChange={(department) => setEdit({ ...edit, department })}
          autoComplete="off"
        />
        {errors.profile ? <FieldError id="su-profile-error" text={errors.profile} /> : null}
        <button
          type="submit"
          className="primary"
          disabled={disabled || signedOut}
          aria-disabled={busy || undefined}
        >
          Save changes
        </button>
        {props.results}
      </form>
      {emailPending ? (
        <form className="signup-step signup-step--nested" onSubmit={onVerify} aria-label="Verify email">
          <h4>Verify the new email</h4>
          <InboxPeek message={mail.at(-1)} />
          <Field
            id="su-verify-code"
            label="Email verification code"
            value={verifyCode}
            onChange={setVerifyCode}
            error={errors.verifyCode}
            autoComplete="one-time-code"
            inputMode="numeric"
          />
          <div className="signup-buttons">
            <button
              type="submit"
              className="primary"
              disabled={disabled || signedOut}
              aria-disabled={busy || undefined}
            >
              Verify email
            </button>
            <button
              type="button"
              onClick={() => void onNewVerifyCode()}
              disabled={disabled || signedOut}
              aria-disabled={busy || undefined}
            >
              Send a new code
            </button>
          </div>
        </form>
      ) : null}
    </li>
  );
}
