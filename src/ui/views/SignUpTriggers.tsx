import { useState } from 'react';
import type { UserPoolTriggers } from '../../sim/index';

/**
 * The pool's Lambda triggers, chosen as an administrator would attach functions in the console. No
 * code runs in the page (its CSP forbids it): each choice is what the simulated function answers,
 * and the engine builds AWS's event and applies the answer. Every call below then shows the Lambda
 * event and response under "Lambda …".
 */
const PRE_SIGN_UP = {
  none: 'No trigger',
  confirm: 'Auto-confirm the user and verify the email',
  reject: 'Throw (refuse the sign-up)',
} as const;
const PASS_OR_THROW = { none: 'No trigger', pass: 'Return the event', reject: 'Throw an error' } as const;
const PRE_TOKEN = {
  none: 'No trigger',
  v1: 'V1_0: ID token gets "tenant", loses "name"',
  v2: 'V2_0: "tenant" in both tokens, scope reports/read',
  reject: 'Throw an error',
} as const;

export type Choices = {
  preSignUp: keyof typeof PRE_SIGN_UP;
  postConfirmation: keyof typeof PASS_OR_THROW;
  preAuthentication: keyof typeof PASS_OR_THROW;
  preTokenGeneration: keyof typeof PRE_TOKEN;
  message: string;
};

export function triggerConfig(c: Choices): UserPoolTriggers {
  const reject = { reject: c.message || 'Refused by the function' };
  const config: UserPoolTriggers = {};
  if (c.preSignUp === 'confirm') config.preSignUp = { autoConfirmUser: true, autoVerifyEmail: true };
  if (c.preSignUp === 'reject') config.preSignUp = reject;
  if (c.postConfirmation !== 'none') config.postConfirmation = c.postConfirmation === 'pass' ? {} : reject;
  if (c.preAuthentication !== 'none') config.preAuthentication = c.preAuthentication === 'pass' ? {} : reject;
  if (c.preTokenGeneration === 'v1')
    config.preTokenGeneration = {
      version: 'V1_0',
      claimsToAddOrOverride: { tenant: 'atlas' },
      claimsToSuppress: ['name'],
    };
  if (c.preTokenGeneration === 'v2')
    config.preTokenGeneration = {
      version: 'V2_0',
      idTokenGeneration: { claimsToAddOrOverride: { tenant: 'atlas' } },
      accessTokenGeneration: { claimsToAddOrOverride: { tenant: 'atlas' }, scopesToAdd: ['reports/read'] },
    };
  if (c.preTokenGeneration === 'reject') config.preTokenGeneration = reject;
  return config;
}

function Choice<T extends string>(props: {
  id: string;
  label: string;
  options: Record<T, string>;
  value: T;
  onChange(value: T): void;
}) {
  return (
    <div className="signup-field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value as T)}>
        {(Object.keys(props.options) as T[]).map((k) => (
          <option key={k} value={k}>
            {props.options[k]}
          </option>
        ))}
      </select>
    </div>
  );
}

export const NO_TRIGGERS: Choices = {
  preSignUp: 'none',
  postConfirmation: 'none',
  preAuthentication: 'none',
  preTokenGeneration: 'none',
  message: 'Sign-ups are closed today',
};

/** Saved choices read back (a reload): each must be one this form offers, or nothing is taken. */
export function parseChoices(value: unknown): Choices | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const among = (options: object, key: unknown) => typeof key === 'string' && Object.hasOwn(options, key);
  if (
    !among(PRE_SIGN_UP, v.preSignUp) ||
    !among(PASS_OR_THROW, v.postConfirmation) ||
    !among(PASS_OR_THROW, v.preAuthentication) ||
    !among(PRE_TOKEN, v.preTokenGeneration) ||
    typeof v.message !== 'string'
  )
    return undefined;
  return v as Choices;
}

export function SignUpTriggers({
  initial = NO_TRIGGERS,
  onChange,
}: {
  initial?: Choices;
  onChange(config: UserPoolTriggers, choices: Choices): void;
}) {
  const [choices, setChoices] = useState<Choices>(initial);
  const update = (next: Partial<Choices>) => {
    const all = { ...choices, ...next };
    setChoices(all);
    onChange(triggerConfig(all), all);
  };
  return (
    <section className="signup-step signup-triggers" aria-labelledby="su-triggers">
      <h3 id="su-triggers">Lambda triggers of the pool</h3>
      <p className="hint">
        Choose how each function answers; the next calls run it with AWS’s event. Pre token generation is how
        claims are added: the app cannot edit a signed token.
      </p>
      <Choice
        id="su-trg-presignup"
        label="Pre sign-up"
        options={PRE_SIGN_UP}
        value={choices.preSignUp}
        onChange={(preSignUp) => update({ preSignUp })}
      />
      <Choice
        id="su-trg-postconfirm"
        label="Post confirmation"
        options={PASS_OR_THROW}
        value={choices.postConfirmation}
        onChange={(postConfirmation) => update({ postConfirmation })}
      />
      <Choice
        id="su-trg-preauth"
        label="Pre authentication"
        options={PASS_OR_THROW}
        value={choices.preAuthentication}
        onChange={(preAuthentication) => update({ preAuthentication })}
      />
      <Choice
        id="su-trg-pretoken"
        label="Pre token generation"
        options={PRE_TOKEN}
        value={choices.preTokenGeneration}
        onChange={(preTokenGeneration) => update({ preTokenGeneration })}
      />
      <div className="signup-field">
        <label htmlFor="su-trg-message">Error message a throwing function uses</label>
        <input
          id="su-trg-message"
          value={choices.message}
          onChange={(e) => update({ message: e.target.value })}
          autoComplete="off"
        />
      </div>
    </section>
  );
}
