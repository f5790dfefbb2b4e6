import { LAB_OPERATIONS, type LabAction } from '../../store/labs/user-pool-lab';
import { type Choices, parseChoices } from './SignUpTriggers';

/**
 * The Sign up lab kept across a reload of its tab. The simulated pool lives in memory, but the engine
 * is deterministic under the lab's clock and seed: the reader's calls and trigger choices, run again
 * on a fresh cloud, give the same users, codes and tokens (startUserPoolLab's `replay`); the calls'
 * bodies hold the passwords they sent, and the view says so. Beside them the view keeps what it
 * showed: which step each call belonged to, and the fields typed (the password boxes come back empty).
 * Session storage: the tab's own, gone when it closes.
 */
const KEY = 'identity-atlas-signup';
const VERSION = 1;

export type Step = 'signUp' | 'confirm' | 'signIn' | 'profile' | 'signOut' | 'forgot' | 'account';
const STEPS: readonly string[] = ['signUp', 'confirm', 'signIn', 'profile', 'signOut', 'forgot', 'account'];

type Attribute = { Name: string; Value: string };
type Tokens = { AccessToken: string; IdToken: string; RefreshToken?: string };

export interface SignUpScreen {
  form: { username: string; email: string; name: string };
  signInUsername: string;
  registered: string | null;
  tokens: Tokens | null;
  profile: Attribute[] | null;
  edit: { name: string; email: string; department: string };
  emailPending: boolean;
  signedOut: boolean;
  errors: Record<string, string>;
  triggers: Choices;
}

export interface SignUpSession {
  actions: LabAction[];
  /** For each call of `actions`, in order: the step it belongs to and the button press that made it. */
  calls: { step: Step; action: number }[];
  screen: SignUpScreen;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const strings = <K extends string>(v: unknown, keys: readonly K[]): Record<K, string> | undefined =>
  isObject(v) && keys.every((k) => isString(v[k])) ? (v as Record<K, string>) : undefined;
const TRIGGER_NAMES = ['preSignUp', 'postConfirmation', 'preAuthentication', 'preTokenGeneration'];

function parseAction(v: unknown): LabAction | undefined {
  if (!isObject(v)) return undefined;
  if (v.kind === 'call' && LAB_OPERATIONS.some((o) => o === v.operation) && isObject(v.body))
    return { kind: 'call', operation: v.operation as string, body: v.body };
  if (
    v.kind === 'triggers' &&
    isObject(v.config) &&
    Object.entries(v.config).every(([k, c]) => TRIGGER_NAMES.includes(k) && isObject(c))
  )
    return { kind: 'triggers', config: v.config };
  if (v.kind === 'signIn' && (v.mode === 'username' || v.mode === 'email' || v.mode === 'username-or-email'))
    return { kind: 'signIn', mode: v.mode };
  return undefined;
}

function parseScreen(v: unknown): SignUpScreen | undefined {
  if (!isObject(v)) return undefined;
  const form = strings(v.form, ['username', 'email', 'name']);
  const edit = strings(v.edit, ['name', 'email', 'department']);
  const tokens = v.tokens === null ? null : strings(v.tokens, ['AccessToken', 'IdToken']);
  const profile =
    v.profile === null
      ? null
      : Array.isArray(v.profile) && v.profile.every((a) => strings(a, ['Name', 'Value']))
        ? (v.profile as Attribute[])
        : undefined;
  const errors = isObject(v.errors) && Object.values(v.errors).every(isString) ? v.errors : undefined;
  const triggers = parseChoices(v.triggers);
  if (
    !form ||
    !edit ||
    tokens === undefined ||
    profile === undefined ||
    !errors ||
    !triggers ||
    !isString(v.signInUsername) ||
    !(v.registered === null || isString(v.registered)) ||
    typeof v.emailPending !== 'boolean' ||
    typeof v.signedOut !== 'boolean'
  )
    return undefined;
  return {
    form: { username: form.username, email: form.email, name: form.name },
    signInUsername: v.signInUsername,
    registered: v.registered,
    tokens: tokens as Tokens | null,
    profile,
    edit: { name: edit.name, email: edit.email, department: edit.department },
    emailPending: v.emailPending,
    signedOut: v.signedOut,
    errors: errors as Record<string, string>,
    triggers,
  };
}

/** The saved session of this tab, or undefined when there is none, it is unreadable or not this version's. */
export function readSignUpSession(): SignUpSession | undefined {
  let value: unknown;
  try {
    value = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
  } catch {
    return undefined;
  }
  if (!isObject(value) || value.v !== VERSION || !Array.isArray(value.actions) || !Array.isArray(value.calls))
    return undefined;
  const actions = value.actions.map(parseAction);
  const calls = value.calls.map((c) =>
    isObject(c) && isString(c.step) && STEPS.includes(c.step) && Number.isInteger(c.action)
      ? { step: c.step as Step, action: c.action as number }
      : undefined,
  );
  const screen = parseScreen(value.screen);
  const callCount = actions.filter((a) => a?.kind === 'call').length;
  if (!screen || actions.some((a) => !a) || calls.some((c) => !c) || calls.length !== callCount)
    return undefined;
  return { actions: actions as LabAction[], calls: calls as SignUpSession['calls'], screen };
}

/** Saves the session; false when the browser refuses (storage disabled or full). */
export function writeSignUpSession(session: SignUpSession): boolean {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ v: VERSION, ...session }));
    return true;
  } catch {
    return false;
  }
}

export function clearSignUpSession(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Storage refused: nothing was kept either.
  }
}
