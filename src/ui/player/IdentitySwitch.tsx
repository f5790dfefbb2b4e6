import { useId } from 'react';
import { findScenario } from '../../scenarios/catalog';
import { type Identity, type Person, peopleOf } from '../../scenarios/types';
import { useAppStore, useAppStoreApi } from '../../store/hooks';

const CHOICES = [
  { id: 'guest', label: 'Guest', hint: 'no sign-in' },
  { id: 'userPool', label: 'User pool user', hint: 'username + password' },
  { id: 'google', label: 'Google', hint: 'social sign-in' },
  { id: 'saml', label: 'SAML', hint: 'corporate IdP' },
] as const;

/** How the sentence under the switch names each kind of person; an IAM user has no choice of its own. */
const KIND_WORDS: Record<Identity, string> = {
  guest: 'guest',
  userPool: 'user pool user',
  google: 'Google',
  saml: 'SAML',
  iamUser: 'IAM user keys',
  machine: 'app client secret',
};

function peopleSentence(people: readonly Person[]): string {
  const count = people.length === 2 ? 'Two' : String(people.length);
  const list = people.map((p) => `${p.name} (${KIND_WORDS[p.identity]})`).join(', then ');
  return `${count} people here: ${list}.`;
}

/**
 * "Who is signing in": picks the flow that identity takes, and shows who signs in in the open scenario.
 * With one person that is the checked choice. With several (Alice, then a guest attacker) no single
 * choice is the answer: each person's kind is marked with their name, no radio claims to be the one,
 * and a sentence names them all, including one who signs with IAM keys and so has no choice here.
 */
export function IdentitySwitch() {
  const store = useAppStoreApi();
  const identity = useAppStore((s) => s.identity);
  // The id, not the scenario: a selector runs on every store change, the lookup only when this renders.
  const scenarioId = useAppStore((s) => s.scenarioId);
  const scenario = findScenario(scenarioId);
  const people = scenario ? peopleOf(scenario) : [];
  const several = people.length > 1;
  const sentence = useId();
  return (
    <fieldset className="identity-switch" aria-describedby={several ? sentence : undefined}>
      <legend>Who is signing in?</legend>
      {CHOICES.map((choice) => {
        const names = people.filter((p) => p.identity === choice.id).map((p) => p.name);
        const marked = several ? names.length > 0 : identity === choice.id;
        return (
          <label key={choice.id} className={marked ? 'is-checked' : ''}>
            <input
              type="radio"
              name="identity"
              value={choice.id}
              checked={!several && identity === choice.id}
              onChange={() => store.getState().selectIdentity(choice.id)}
            />
            <span>{choice.label}</span>
            <small>{choice.hint}</small>
            {several && names.length > 0 ? (
              <small className="identity-switch__who">{names.join(', ')}</small>
            ) : null}
          </label>
        );
      })}
      {several ? (
        <p className="identity-switch__people" id={sentence}>
          {peopleSentence(people)}
        </p>
      ) : null}
    </fieldset>
  );
}
