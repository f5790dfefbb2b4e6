import type { UserPoolSignIn } from '../../sim/index';

/** Each choice as the console words it, with what it changes in the calls below. */
const CHOICES: { mode: UserPoolSignIn; label: string; explains: string }[] = [
  {
    mode: 'username',
    label: 'A username',
    explains:
      'Users choose a username and sign in with it. The email address is only an attribute, used for the code.',
  },
  {
    mode: 'email',
    label: 'Their email address (UsernameAttributes)',
    explains:
      'The email address is the Username at sign-up and at sign-in. Cognito makes the username itself: a UUID, the same as the user’s sub. That UUID is what cognito:username holds in the tokens.',
  },
  {
    mode: 'username-or-email',
    label: 'A username, or the email address once verified (AliasAttributes)',
    explains:
      'Users choose a username and can also sign in with their email address once confirming the sign-up has verified it. A username that looks like an email address is refused.',
  },
];

/**
 * How the lab pool's users sign in. AWS takes this when a pool is created and does not change it, so the
 * choice is open only until the first call; after that, "Start over" makes a fresh pool.
 */
export function SignInChoice({
  mode,
  locked,
  disabled,
  onChoose,
}: {
  mode: UserPoolSignIn;
  locked: boolean;
  disabled: boolean;
  onChoose(mode: UserPoolSignIn): void;
}) {
  const chosen = CHOICES.find((c) => c.mode === mode) ?? CHOICES[0];
  return (
    <fieldset className="signup-signin-choice" aria-describedby="su-signin-explains">
      <legend>This pool’s users sign in with</legend>
      {CHOICES.map((c) => (
        <label key={c.mode}>
          <input
            type="radio"
            name="su-signin"
            value={c.mode}
            checked={mode === c.mode}
            disabled={disabled || (locked && mode !== c.mode)}
            onChange={() => onChoose(c.mode)}
          />{' '}
          {c.label}
        </label>
      ))}
      <p id="su-signin-explains" className="hint">
        {chosen?.explains}
        {locked
          ? ' A pool’s choice is made when it is created and cannot change: start over with a fresh pool to choose again.'
          : null}
      </p>
    </fieldset>
  );
}
