import type { Cloud, TraceEvent } from '../sim/index';
import { nodeIdOf } from './pipeline-ids';

/**
 * Flows played against an imported stack through `cloud.fetch`, as a browser app without the SDK
 * would call the public (unsigned) Cognito APIs: a guest getting credentials from an identity pool,
 * and a test user signing up in a user pool, confirming with the code the pool "sent", signing in,
 * and trading the ID token for credentials. Each call is returned with its outcome, AWS error
 * included, so the view can show what the stack does with real requests.
 */
export interface PlayedCall {
  operation: string;
  ok: boolean;
  /** AWS's error code and message on failure; a one-line outcome on success. */
  summary: string;
  body?: Record<string, unknown>;
}

export interface PlayResult {
  calls: PlayedCall[];
  identityId?: string;
  /** The access key id of the credentials obtained (secrets stay out of the view). */
  accessKeyId?: string;
  /** The role the identity pool chose (its `role.selection` event), when it chose one. */
  roleArn?: string;
  /** Pipeline boxes the played requests went through (ids of `buildPipeline`'s nodes), in order. */
  touched: string[];
  /** The engine's explanation events of every call made (signatures, role choice, IAM decisions). */
  events: TraceEvent[];
  /** Why a step could not be played as asked (shown beside the calls). */
  note?: string;
  /** Temporary credentials, kept for the resource call that follows (never shown). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
}

/** Runs `play` with the cloud's trace events collected into the result, and the boxes it touched. */
export async function recorded(cloud: Cloud, play: (out: PlayResult) => Promise<void>): Promise<PlayResult> {
  const out: PlayResult = { calls: [], touched: [], events: [] };
  const stop = cloud.subscribe((event) => {
    out.events.push(event);
    const roleArn = (event.detail as { roleArn?: unknown } | undefined)?.roleArn;
    if (event.kind === 'role.selection' && typeof roleArn === 'string') {
      out.roleArn = roleArn;
      touch(out, nodeIdOf.role(roleArn));
    }
  });
  try {
    await play(out);
  } finally {
    stop();
  }
  return out;
}

export function touch(out: PlayResult, id: string): void {
  if (!out.touched.includes(id)) out.touched.push(id);
}

type Service = 'cognito-idp' | 'cognito-identity';
const TARGET: Record<Service, string> = {
  'cognito-idp': 'AWSCognitoIdentityProviderService',
  'cognito-identity': 'AWSCognitoIdentityService',
};

export async function call(
  cloud: Cloud,
  region: string,
  service: Service,
  operation: string,
  body: Record<string, unknown>,
): Promise<PlayedCall> {
  const response = await cloud.fetch(
    new Request(`https://${service}.${region}.amazonaws.com/`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': `${TARGET[service]}.${operation}`,
      },
      body: JSON.stringify(body),
    }),
  );
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    json = { message: text.slice(0, 200) };
  }
  if (response.ok) return { operation, ok: true, summary: `HTTP ${response.status}`, body: json };
  const code = String(json.__type ?? `HTTP ${response.status}`)
    .split('#')
    .pop();
  return { operation, ok: false, summary: `${code}: ${String(json.message ?? json.Message ?? '')}` };
}

export async function credentials(
  cloud: Cloud,
  region: string,
  identityPoolId: string,
  logins: Record<string, string> | undefined,
  out: PlayResult,
): Promise<void> {
  touch(out, nodeIdOf.identityPool(identityPoolId));
  const got = await call(cloud, region, 'cognito-identity', 'GetId', {
    IdentityPoolId: identityPoolId,
    ...(logins ? { Logins: logins } : {}),
  });
  out.calls.push(got);
  if (!got.ok) return;
  const identityId = String(got.body?.IdentityId ?? '');
  got.summary = `IdentityId ${identityId}`;
  out.identityId = identityId;
  const creds = await call(cloud, region, 'cognito-identity', 'GetCredentialsForIdentity', {
    IdentityId: identityId,
    ...(logins ? { Logins: logins } : {}),
  });
  out.calls.push(creds);
  if (!creds.ok) return;
  const c = creds.body?.Credentials as
    | { AccessKeyId?: string; SecretKey?: string; SessionToken?: string }
    | undefined;
  out.accessKeyId = c?.AccessKeyId;
  if (c?.AccessKeyId && c.SecretKey && c.SessionToken)
    out.credentials = {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretKey,
      sessionToken: c.SessionToken,
    };
  creds.summary = `credentials ${c?.AccessKeyId ?? ''} (temporary, with a session token)`;
  delete creds.body;
}

/** A guest of the identity pool: GetId without logins, then GetCredentialsForIdentity (the enhanced flow). */
export function playGuest(cloud: Cloud, region: string, identityPoolId: string): Promise<PlayResult> {
  return recorded(cloud, (out) => credentials(cloud, region, identityPoolId, undefined, out));
}

export interface TestUser {
  userPoolId: string;
  clientId: string;
  username: string;
  password: string;
  email: string;
  /** Trade the ID token at this identity pool, if given. */
  identityPoolId?: string;
}

/** SignUp, ConfirmSignUp (with the code from the simulated inbox), InitiateAuth, then the identity pool if any. */
export function playUser(cloud: Cloud, region: string, user: TestUser): Promise<PlayResult> {
  return recorded(cloud, (out) => signUpAndIn(cloud, region, user, out));
}

type PoolState = {
  cognitoIdp: {
    inbox: { poolId: string; username: string; code: string }[];
    pools: Record<string, { usernameAttributes?: string[] }>;
  };
};

async function signUpAndIn(cloud: Cloud, region: string, user: TestUser, out: PlayResult): Promise<void> {
  touch(out, nodeIdOf.userPool(user.userPoolId));
  touch(out, nodeIdOf.client(user.clientId));
  const before = JSON.parse(cloud.snapshot().state) as PoolState;
  // A pool whose username attribute is email takes the address as the Username (and makes the username
  // itself); every later call names the user by it.
  const byEmail = Object.hasOwn(before.cognitoIdp.pools, user.userPoolId)
    ? before.cognitoIdp.pools[user.userPoolId]?.usernameAttributes?.includes('email') === true
    : false;
  const name = byEmail ? user.email : user.username;
  const signUp = await call(cloud, region, 'cognito-idp', 'SignUp', {
    ClientId: user.clientId,
    Username: name,
    Password: user.password,
    UserAttributes: [{ Name: 'email', Value: user.email }],
  });
  out.calls.push(signUp);
  if (!signUp.ok) return;
  const sub = String(signUp.body?.UserSub ?? '');
  const inbox = (JSON.parse(cloud.snapshot().state) as PoolState).cognitoIdp.inbox;
  const code = [...inbox]
    .reverse()
    .find(
      (m) =>
        m.poolId === user.userPoolId &&
        (m.username === sub || m.username.toLowerCase() === user.username.toLowerCase()),
    )?.code;
  const confirm = await call(cloud, region, 'cognito-idp', 'ConfirmSignUp', {
    ClientId: user.clientId,
    Username: name,
    ConfirmationCode: code ?? '000000',
  });
  out.calls.push(confirm);
  if (!confirm.ok) return;
  const auth = await call(cloud, region, 'cognito-idp', 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: user.clientId,
    AuthParameters: { USERNAME: name, PASSWORD: user.password },
  });
  out.calls.push(auth);
  if (!auth.ok) return;
  const idToken = String(
    (auth.body?.AuthenticationResult as { IdToken?: string } | undefined)?.IdToken ?? '',
  );
  auth.summary = idToken
    ? 'signed in: ID, access and refresh tokens'
    : `challenge ${String(auth.body?.ChallengeName ?? '')}`;
  delete auth.body;
  if (!idToken || !user.identityPoolId) return;
  await credentials(
    cloud,
    region,
    user.identityPoolId,
    { [`cognito-idp.${region}.amazonaws.com/${user.userPoolId}`]: idToken },
    out,
  );
}
