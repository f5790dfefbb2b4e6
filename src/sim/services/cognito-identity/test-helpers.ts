/**
 * Test helpers for the identity pool suites: a cloud on a test clock with an SDK client, a way to
 * reconfigure its state (through a snapshot, as a restored cloud would see it), and tokens signed
 * with the published demo keys, as the simulated Google would sign them.
 */
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { SignJWT } from 'jose';
import { createTestClock, sdkConfig } from '../../../../tests/support/cloud-handler';
import { type Cloud, createCloud } from '../../index';
import { createKeyRing } from '../../tokens/keys';
import type { WorldState } from '../../world';

export async function identityTestCloud() {
  const clock = createTestClock();
  const cloud = await createCloud({ now: clock.now });
  return { cloud, clock, identity: new CognitoIdentityClient(sdkConfig(cloud)) };
}

/** A copy of `cloud` whose state was changed by `mutate` (e.g. a second pool, guests disabled). */
export async function reconfigured(cloud: Cloud, now: () => number, mutate: (state: WorldState) => void) {
  const snapshot = cloud.snapshot();
  const state = JSON.parse(snapshot.state) as WorldState;
  mutate(state);
  const copy = await createCloud({ snapshot: { ...snapshot, state: JSON.stringify(state) }, now });
  return { cloud: copy, identity: new CognitoIdentityClient(sdkConfig(copy)) };
}

/** A Google ID token (RS256, the demo Google key) with the given claims over sensible defaults. */
export async function googleIdToken(cloud: Cloud, nowMs: number, claims: Record<string, unknown> = {}) {
  const keys = await createKeyRing('demo', cloud.demo.region);
  const iat = Math.floor(nowMs / 1000);
  const payload = {
    iss: 'https://accounts.google.com',
    azp: cloud.demo.google?.clientId,
    aud: cloud.demo.google?.clientId ?? googleClientIdFromState(cloud),
    sub: '110169484474386276334',
    email: 'carol@gmail.com',
    email_verified: true,
    iat,
    exp: iat + 3600,
    ...claims,
  };
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'RS256', kid: keys.google.kid, typ: 'JWT' })
    .sign(keys.google.privateKey);
}

function googleClientIdFromState(cloud: Cloud): string {
  const state = JSON.parse(cloud.snapshot().state) as WorldState;
  const pool = state.cognitoIdentity.pools[cloud.demo.identityPool.id];
  return pool?.SupportedLoginProviders['accounts.google.com'] ?? '';
}

/** An ID token of a demo user pool user, through the real InitiateAuth (USER_PASSWORD_AUTH). */
export async function userPoolIdToken(cloud: Cloud, username: string): Promise<string> {
  const { CognitoIdentityProviderClient, InitiateAuthCommand } = await import(
    '@aws-sdk/client-cognito-identity-provider'
  );
  const idp = new CognitoIdentityProviderClient(sdkConfig(cloud));
  const user = cloud.demo.userPool.users.find((u) => u.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  const out = await idp.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: cloud.demo.userPool.clientId,
      AuthParameters: { USERNAME: user.username, PASSWORD: user.password },
    }),
  );
  return out.AuthenticationResult?.IdToken as string;
}

/** The Logins key of the demo user pool. */
export const userPoolLoginKey = (cloud: Cloud) =>
  `cognito-idp.${cloud.demo.region}.amazonaws.com/${cloud.demo.userPool.id}`;

/** Trace events of kind `kind` emitted while `run` runs. */
export async function traced<T>(cloud: Cloud, kind: string, run: () => Promise<T>) {
  const events: { summary: string; detail?: unknown }[] = [];
  const stop = cloud.subscribe((e) => {
    if (e.kind === kind) events.push({ summary: e.summary, detail: e.detail });
  });
  try {
    return { result: await run(), events };
  } finally {
    stop();
  }
}
