import { useAppStore, useAppStoreApi } from '../../store/hooks';

const CHOICES = [
  { id: 'guest', label: 'Guest', hint: 'no sign-in' },
  { id: 'userPool', label: 'User pool user', hint: 'username + password' },
  { id: 'google', label: 'Google', hint: 'social sign-in' },
  { id: 'saml', label: 'SAML', hint: 'corporate IdP' },
] as const;

/** "Who is signing in": picks the flow that identity takes. */
export function IdentitySwitch() {
  const store = useAppStoreApi();
  const identity = useAppStore((s) => s.identity);
  return (
    <fieldset className="identity-switch">
      <legend>Who is signing in?</legend>
      {CHOICES.map((choice) => (
        <label key={choice.id} className={identity === choice.id ? 'is-checked' : ''}>
          <input
            type="radio"
            name="identity"
            value={choice.id}
            checked={identity === choice.id}
            onChange={() => store.getState().selectIdentity(choice.id)}
          />
          <span>{choice.label}</span>
          <small>{choice.hint}</small>
        </label>
      ))}
    </fieldset>
  );
}
