import { decodeJwt } from 'jose';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import type { UserPoolSignIn } from '../../sim/index';
import { useAppStoreApi } from '../../store/hooks';
import {
  type InboxMessage,
  type LabCall,
  LabReplayError,
  type UserPoolLab,
} from '../../store/labs/user-pool-lab';
import { SignInChoice } from './SignInChoice';
import { SignUpAccountStep } from './SignUpAccountStep';
import { SignUpForgotPassword } from './SignUpForgotPassword';
import { SignUpProfileStep } from './SignUpProfileStep';
import { SignUpSignOutStep } from './SignUpSignOutStep';
import { type Choices, NO_TRIGGERS, SignUpTriggers } from './SignUpTriggers';
import { CallResult, Field, failureText, Inbox, InboxPeek } from './sign-up-parts';
import {
  clearSignUpSession,
  readSignUpSession,
  type SignUpSession,
  type Step,
  writeSignUpSession,
} from './sign-up-session';
import { type FieldKey, fieldForError } from './sign-up-steps';
import './sign-up.css';

type Attribute = { Name: string; Value: string };
type Tokens = { AccessToken: string; IdToken: string; RefreshToken?: string };

const SIGN_UP_FIELDS: FieldKey[] = ['username', 'email', 'name', 'password'];

const attr = (list: Attribute[] | null, name: string) => list?.find((a) => a.Name === name)?.Value ?? '';

/** The cognito:username claim of an ID token (its payload read, not verified: the pool just issued it). */
function tokenUsername(idToken: string): string | undefined {
  try {
    const claim = decodeJwt(idToken)['cognito:username'];
    return typeof claim === 'string' ? claim : undefined;
  } catch {
    return undefined;
  }
}

/** The user pool's own life cycle, made visible: every button is one real call to the simulated pool. */
export default function SignUpView() {
  // "Start over" remounts the lab: a fresh cloud, and every field and answer cleared.
  const [generation, setGeneration] = useState(0);
  // A reload finds the tab's session (sign-up-session.ts), which the lab runs again.
  const [saved, setSaved] = useState(readSignUpSession);
  const startOver = useCallback(() => {
    clearSignUpSession();
    setSaved(undefined);
    setGeneration((g) => g + 1);
  }, []);
  return <SignUpLab key={generation} saved={saved} onStartOver={startOver} />;
}

/**
 * After a pool that could not start, the way to try again is a reload: the browser keeps a module that
 * failed to load as failed for the page's life (an import again gives the same error), and the saved
 * session, never overwritten by a lab that did not start, runs again after it.
 */
const reload = () => window.location.reload();

function SignUpLab({ saved, onStartOver }: { saved?: SignUpSession; onStartOver(): void }) {
  const [lab, setLab] = useState<UserPoolLab | null | undefined>(undefined);
  const screen = saved?.screen;
  const [busy, setBusy] = useState(false);
  const [reveal, setReveal] = useState(false);
  const [calls, setCalls] = useState<{ call: LabCall; step: Step; action: number }[]>([]);
  // One button press is one action; it may make two calls (UpdateUserAttributes, then GetUser).
  const action = useRef(0);
  const [mail, setMail] = useState<InboxMessage[]>([]);
  const [errors, setErrors] = useState<Partial<Record<FieldKey, string>>>(screen?.errors ?? {});
  const [form, setForm] = useState({
    ...(screen?.form ?? { username: '', email: '', name: '' }),
    password: '',
  });
  const [signIn, setSignIn] = useState({ username: screen?.signInUsername ?? '', password: '' });
  const [confirmCode, setConfirmCode] = useState('');
  const [registered, setRegistered] = useState<string | null>(screen?.registered ?? null);
  const [tokens, setTokens] = useState<Tokens | null>(screen?.tokens ?? null);
  const [profile, setProfile] = useState<Attribute[] | null>(screen?.profile ?? null);
  const [edit, setEdit] = useState(screen?.edit ?? { name: '', email: '', department: '' });
  const [verifyCode, setVerifyCode] = useState('');
  const [emailPending, setEmailPending] = useState(screen?.emailPending ?? false);
  const [signedOut, setSignedOut] = useState(screen?.signedOut ?? false);
  const [triggers, setTriggers] = useState<Choices>(screen?.triggers ?? NO_TRIGGERS);
  /** How the pool's users sign in: chosen before the first call, as a pool's is when it is created. */
  // A reload shows the saved choice at once, not the default while the pool starts again.
  const [signInMode, setSignInMode] = useState<UserPoolSignIn>(() => {
    const chosen = saved?.actions.filter((a) => a.kind === 'signIn').at(-1);
    return chosen?.kind === 'signIn' ? chosen.mode : 'username';
  });
  /** Whether this tab's session storage took the last save (the view says so when it did not). */
  const [kept, setKept] = useState(true);
  /** Why the pool could not start, when it could not. */
  const [startError, setStartError] = useState('');
  const store = useAppStoreApi();

  useEffect(() => {
    let live = true;
    store
      .getState()
      .openUserPoolLab(saved?.actions)
      .then(
        (l) => {
          if (!live) return;
          if (saved) {
            setCalls(
              l.replayed.map((call, i) => ({ call, ...(saved.calls[i] as SignUpSession['calls'][0]) })),
            );
            action.current = Math.max(0, ...saved.calls.map((c) => c.action));
            setMail(l.inbox());
          }
          setSignInMode(l.getSignIn());
          setLab(l);
        },
        (error: unknown) => {
          if (!live) return;
          // A saved session that no longer replays is dropped, with the screen it belonged to: the lab
          // starts over on a fresh pool (as "Start over" does). A pool that could not be made at all (the
          // engine's code did not load: a reload on a failing network) says so and keeps the session for
          // another try: the reader's work is not lost to a network error.
          if (saved && error instanceof LabReplayError) onStartOver();
          else {
            setStartError(error instanceof Error ? error.message : String(error));
            setLab(null);
          }
        },
      );
    return () => {
      live = false;
    };
  }, [store, saved, onStartOver]);

  // After every change, what a reload needs: the lab's actions and what the view shows.
  useEffect(() => {
    if (!lab) return;
    setKept(
      writeSignUpSession({
        actions: lab.actions(),
        calls: calls.map(({ step, action: pressed }) => ({ step, action: pressed })),
        screen: {
          form: { username: form.username, email: form.email, name: form.name },
          signInUsername: signIn.username,
          registered,
          tokens,
          profile,
          edit,
          emailPending,
          signedOut,
          errors: errors as Record<string, string>,
          triggers,
        },
      }),
    );
  }, [
    lab,
    calls,
    form.username,
    form.email,
    form.name,
    signIn.username,
    registered,
    tokens,
    profile,
    edit,
    emailPending,
    signedOut,
    errors,
    triggers,
  ]);

  /** One call: recorded, the inbox re-read, and an error put next to the field it belongs to. */
  const run = useCallback(
    async (operation: string, body: Record<string, unknown>, step: Step, field?: FieldKey) => {
      if (!lab) return undefined;
      const call = await lab.call(operation, body);
      const current = action.current;
      setCalls((list) => [...list, { call, step, action: current }]);
      setMail(lab.inbox());
      setErrors((old) => {
        const next = { ...old };
        for (const key of field ? [field] : SIGN_UP_FIELDS) delete next[key];
        if (call.error) {
          const key = field ?? fieldForError(operation, call.error.code, call.error.message);
          // With email as the username there is no username box: the email box gets what concerns it.
          next[signInMode === 'email' && key === 'username' ? 'email' : key] = failureText(call);
        }
        return next;
      });
      return call;
    },
    [lab, signInMode],
  );

  // `busy` changes a render later: a second press in between must not start a second action.
  const working = useRef(false);
  const act = (work: () => Promise<void>) => async (event?: FormEvent) => {
    event?.preventDefault();
    if (working.current || !lab) return;
    working.current = true;
    setBusy(true);
    action.current += 1;
    try {
      await work();
    } finally {
      working.current = false;
      setBusy(false);
    }
  };
  /** A field edited: the error the pool gave about its old value no longer applies. */
  const edited = (key: FieldKey) =>
    setErrors((old) => {
      if (old[key] === undefined) return old;
      const next = { ...old };
      delete next[key];
      return next;
    });

  const loadProfile = async (accessToken: string) => {
    const call = await run('GetUser', { AccessToken: accessToken }, 'profile', 'profile');
    const list = call?.body?.UserAttributes as Attribute[] | undefined;
    if (list) {
      setProfile(list);
      setEdit({
        name: attr(list, 'name'),
        email: attr(list, 'email'),
        department: attr(list, 'custom:department'),
      });
    }
  };

  const onSignUp = act(async () => {
    const UserAttributes = [
      { Name: 'email', Value: form.email },
      ...(form.name ? [{ Name: 'name', Value: form.name }] : []),
    ];
    // With email as the username, the address goes as the Username (and as the email attribute).
    const Username = signInMode === 'email' ? form.email : form.username;
    const call = await run(
      'SignUp',
      { ClientId: lab?.clientId, Username, Password: form.password, UserAttributes },
      'signUp',
    );
    if (call && !call.error) {
      setRegistered(Username);
      setSignIn({ username: Username, password: '' });
    }
  });

  /** Before the first call only: a pool's sign-in choice is made when it is created. */
  const chooseSignIn = (mode: UserPoolSignIn) => {
    if (!lab || calls.length > 0 || working.current) return;
    lab.setSignIn(mode);
    setSignInMode(mode);
    setErrors({});
  };

  const onConfirm = act(async () => {
    await run(
      'ConfirmSignUp',
      { ClientId: lab?.clientId, Username: registered, ConfirmationCode: confirmCode },
      'confirm',
      'confirmCode',
    );
  });

  const onResend = act(async () => {
    await run(
      'ResendConfirmationCode',
      { ClientId: lab?.clientId, Username: registered },
      'confirm',
      'confirmCode',
    );
  });

  const onSignIn = act(async () => {
    const call = await run(
      'InitiateAuth',
      {
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: lab?.clientId,
        AuthParameters: { USERNAME: signIn.username, PASSWORD: signIn.password },
      },
      'signIn',
      'signIn',
    );
    const result = call?.body?.AuthenticationResult as Tokens | undefined;
    if (result) {
      setTokens(result);
      setSignedOut(false);
      await loadProfile(result.AccessToken);
    }
  });

  const onSave = act(async () => {
    if (!tokens || !profile) return;
    const wanted: Attribute[] = [
      { Name: 'name', Value: edit.name },
      { Name: 'email', Value: edit.email },
      { Name: 'custom:department', Value: edit.department },
    ].filter((a) => a.Value !== attr(profile, a.Name));
    if (wanted.length === 0) {
      setErrors((e) => ({ ...e, profile: 'Nothing changed: edit a field first.' }));
      return;
    }
    const call = await run(
      'UpdateUserAttributes',
      { AccessToken: tokens.AccessToken, UserAttributes: wanted },
      'profile',
      'profile',
    );
    if (call && !call.error) {
      if (call.body?.CodeDeliveryDetailsList) setEmailPending(true);
      await loadProfile(tokens.AccessToken);
    }
  });

  const onVerify = act(async () => {
    if (!tokens) return;
    const call = await run(
      'VerifyUserAttribute',
      { AccessToken: tokens.AccessToken, AttributeName: 'email', Code: verifyCode },
      'profile',
      'verifyCode',
    );
    if (call && !call.error) {
      setEmailPending(false);
      setVerifyCode('');
      await loadProfile(tokens.AccessToken);
    }
  });

  const onNewVerifyCode = act(async () => {
    if (tokens)
      await run(
        'GetUserAttributeVerificationCode',
        { AccessToken: tokens.AccessToken, AttributeName: 'email' },
        'profile',
        'verifyCode',
      );
  });

  const onSignOut = act(async () => {
    if (!tokens) return;
    const call = await run('GlobalSignOut', { AccessToken: tokens.AccessToken }, 'signOut', 'signOut');
    if (call && !call.error) setSignedOut(true);
  });

  const onOldToken = act(async () => {
    if (tokens) await run('GetUser', { AccessToken: tokens.AccessToken }, 'signOut', 'signOut');
  });

  /** ChangePassword; true when the pool took the new password (the step then empties its boxes). */
  const onChangePassword = async (previous: string, proposed: string) => {
    let changed = false;
    await act(async () => {
      if (!tokens) return;
      const body = {
        AccessToken: tokens.AccessToken,
        PreviousPassword: previous,
        ProposedPassword: proposed,
      };
      const call = await run('ChangePassword', body, 'account', 'account');
      changed = call !== undefined && !call.error;
    })();
    return changed;
  };

  const onDelete = act(async () => {
    if (tokens) await run('DeleteUser', { AccessToken: tokens.AccessToken }, 'account', 'account');
  });

  const onDeletedToken = act(async () => {
    if (tokens) await run('GetUser', { AccessToken: tokens.AccessToken }, 'account', 'account');
  });

  /** The calls of the step's latest action, each shown with its explanation and wire. */
  const latest = (step: Step) => {
    const mine = calls.filter((c) => c.step === step);
    const newest = mine.at(-1)?.action;
    return mine
      .filter((c) => c.action === newest)
      .map(({ call }) => <CallResult key={call.id} call={call} reveal={reveal} />);
  };
  // Buttons are `disabled` only until the pool starts. While a call runs they are aria-disabled: a
  // disabled button drops the keyboard focus to the page, and act() ignores a press meanwhile.
  const disabled = !lab;

  return (
    <section className="view signup-view" aria-labelledby="signup-title">
      <h2 id="signup-title">Sign up: a user pool user’s life, call by call</h2>
      <p className="hint">
        Each button below sends one real request to the simulated user pool (AWS JSON 1.1, as a browser app
        sends it). Codes arrive in the simulated inbox. Nothing here is canned.
      </p>
      {/* The reader is told what is kept, where, and for how long: passwords are among it. */}
      <p className="note signup-ephemeral">
        <strong>This user pool lives in this tab.</strong> A reload keeps it: your calls (the passwords they
        sent included) are kept in this tab’s session storage and run again on a fresh pool. Closing the tab
        or “Start over” discards them. Use made-up passwords.
        {kept ? null : <strong> This browser refused to keep them: a reload will start afresh.</strong>}
      </p>
      <div className="signup-toolbar">
        <label className="reveal">
          <input type="checkbox" checked={reveal} onChange={() => setReveal((r) => !r)} /> Reveal passwords
          and tokens in the requests
        </label>
        <button
          type="button"
          onClick={() => (working.current ? undefined : onStartOver())}
          aria-disabled={busy || undefined}
        >
          Start over with a fresh pool
        </button>
      </div>
      {lab === undefined ? <p aria-live="polite">Starting the simulated user pool…</p> : null}
      {lab === null ? (
        <div className="signup-start-error" role="alert">
          <p>
            The simulated user pool could not start: {startError || 'no reason was given'}.
            {saved
              ? ' Your saved session is still kept in this tab; it runs again when the pool starts.'
              : null}
          </p>
          <button type="button" onClick={reload}>
            Reload and try again
          </button>
        </div>
      ) : null}
      <div className="signup-layout">
        <ol className="signup-steps">
          <li>
            <form className="signup-step" onSubmit={onSignUp} aria-labelledby="su-step-1">
              <h3 id="su-step-1">1. Sign up</h3>
              <SignInChoice
                mode={signInMode}
                locked={calls.length > 0}
                disabled={disabled}
                onChoose={chooseSignIn}
              />
              {signInMode === 'email' ? null : (
                <Field
                  id="su-username"
                  label="Username"
                  value={form.username}
                  onChange={(username) => {
                    setForm({ ...form, username });
                    edited('username');
                  }}
                  error={errors.username}
                  autoComplete="off"
                />
              )}
              <Field
                id="su-email"
                label="Email"
                type="email"
                value={form.email}
                onChange={(email) => {
                  setForm({ ...form, email });
                  edited('email');
                }}
                error={errors.email}
                autoComplete="off"
              />
              <Field
                id="su-name"
                label="Name"
                value={form.name}
                onChange={(name) => {
                  setForm({ ...form, name });
                  edited('name');
                }}
                error={errors.name}
                autoComplete="off"
              />
              <Field
                id="su-password"
                label="Password"
                type="password"
                value={form.password}
                onChange={(password) => {
                  setForm({ ...form, password });
                  edited('password');
                }}
                error={errors.password}
                autoComplete="new-password"
                hint="The pool’s policy: at least 8 characters, with upper case, lower case, a number and a symbol."
              />
              <button type="submit" className="primary" disabled={disabled} aria-disabled={busy || undefined}>
                Sign up
              </button>
              {latest('signUp')}
            </form>
          </li>
          {registered ? (
            <li>
              <form className="signup-step" onSubmit={onConfirm} aria-labelledby="su-step-2">
                <h3 id="su-step-2">2. Confirm the code from the email</h3>
                <p className="hint">
                  The code went to the address you gave: read it in the{' '}
                  <a href="#signup-inbox">simulated inbox</a>.
                </p>
                <InboxPeek message={mail.at(-1)} />
                <Field
                  id="su-confirm-code"
                  label="Confirmation code"
                  value={confirmCode}
                  onChange={(code) => {
                    setConfirmCode(code);
                    edited('confirmCode');
                  }}
                  error={errors.confirmCode}
                  autoComplete="one-time-code"
                  inputMode="numeric"
                />
                <div className="signup-buttons">
                  <button
                    type="submit"
                    className="primary"
                    disabled={disabled}
                    aria-disabled={busy || undefined}
                  >
                    Confirm
                  </button>
                  <button
                    type="button"
                    onClick={() => void onResend()}
                    disabled={disabled}
                    aria-disabled={busy || undefined}
                  >
                    Send the code again
                  </button>
                </div>
                {latest('confirm')}
              </form>
            </li>
          ) : null}
          {registered ? (
            <li>
              <form className="signup-step" onSubmit={onSignIn} aria-labelledby="su-step-3">
                <h3 id="su-step-3">3. Sign in</h3>
                <p className="hint">
                  Try it before confirming, even with a wrong password: the pool answers
                  UserNotConfirmedException.
                </p>
                <Field
                  id="su-signin-username"
                  label="Sign-in username"
                  value={signIn.username}
                  onChange={(username) => {
                    setSignIn({ ...signIn, username });
                    edited('signIn');
                  }}
                  autoComplete="off"
                />
                <Field
                  id="su-signin-password"
                  label="Sign-in password"
                  type="password"
                  value={signIn.password}
                  onChange={(password) => {
                    setSignIn({ ...signIn, password });
                    edited('signIn');
                  }}
                  error={errors.signIn}
                  autoComplete="current-password"
                />
                <button
                  type="submit"
                  className="primary"
                  disabled={disabled}
                  aria-disabled={busy || undefined}
                >
                  Sign in
                </button>
                {latest('signIn')}
              </form>
              <SignUpForgotPassword
                clientId={lab?.clientId}
                username={registered}
                disabled={disabled}
                codeSent={calls.some(({ call }) => call.operation === 'ForgotPassword' && !call.error)}
                error={errors.forgot}
                results={latest('forgot')}
                busy={busy}
                send={async (operation, body) => {
                  let call: LabCall | undefined;
                  await act(async () => {
                    call = await run(operation, body, 'forgot', 'forgot');
                  })();
                  return call;
                }}
              />
            </li>
          ) : null}
          {tokens && profile ? (
            <SignUpProfileStep
              generatedUsername={signInMode === 'email' && tokens ? tokenUsername(tokens.IdToken) : undefined}
              profile={profile}
              edit={edit}
              setEdit={setEdit}
              errors={errors}
              disabled={disabled}
              busy={busy}
              signedOut={signedOut}
              emailPending={emailPending}
              mail={mail}
              verifyCode={verifyCode}
              setVerifyCode={setVerifyCode}
              onSave={onSave}
              onVerify={onVerify}
              onNewVerifyCode={() => void onNewVerifyCode()}
              results={latest('profile')}
            />
          ) : null}
          {tokens ? (
            <SignUpSignOutStep
              error={errors.signOut}
              disabled={disabled}
              busy={busy}
              signedOut={signedOut}
              onSignOut={() => void onSignOut()}
              onOldToken={() => void onOldToken()}
              results={latest('signOut')}
            />
          ) : null}
          {tokens ? (
            <SignUpAccountStep
              error={errors.account}
              disabled={disabled}
              busy={busy}
              deleted={calls.some(({ call }) => call.operation === 'DeleteUser' && !call.error)}
              onChangePassword={onChangePassword}
              onDelete={() => void onDelete()}
              onOldToken={() => void onDeletedToken()}
              results={latest('account')}
            />
          ) : null}
        </ol>
        <aside className="signup-aside">
          <SignUpTriggers
            initial={triggers}
            onChange={(config, choices) => {
              lab?.setTriggers(config);
              setTriggers(choices);
            }}
          />
          <Inbox messages={mail} />
        </aside>
      </div>
    </section>
  );
}
