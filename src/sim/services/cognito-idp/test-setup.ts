import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createTestClock, sdkConfig } from '../../../../tests/support/cloud-handler';
import { createRandom } from '../../core/random';
import { createTraceHub } from '../../core/trace';
import { type Cloud, createCloud } from '../../index';
import type { World, WorldState } from '../../world';

/** Test fixture: a fresh demo cloud on a movable clock and an SDK client pointed at it. */
export async function setup(seed = 'cognito-idp-tests') {
  const clock = createTestClock();
  const cloud = await createCloud({ now: clock.now, seed });
  const idp = new CognitoIdentityProviderClient(sdkConfig(cloud));
  return { clock, cloud, idp, demo: cloud.demo };
}

/** The error an SDK call rejected with, as the fields tests compare. */
export async function failure(
  promise: Promise<unknown>,
): Promise<{ name: string; message: string; status?: number }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}

export function decodeJwt(token: string): {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
} {
  const [h = '', p = ''] = token.split('.');
  const json = (s: string) =>
    JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Record<string, unknown>;
  return { header: json(h), payload: json(p) };
}

/**
 * A read-only World rebuilt from the cloud's snapshot at this moment (same keys, state and clock), for
 * calling engine helpers such as verifyUserPoolToken directly. Later requests do not show up in it.
 */
export function worldOf(ctx: { cloud: Cloud; clock: { now(): number } }): World {
  const snap = ctx.cloud.snapshot();
  return {
    region: snap.region,
    accountId: snap.ids.accountId,
    now: ctx.clock.now,
    random: createRandom(snap.random),
    keys: snap.keys,
    trace: createTraceHub(),
    state: JSON.parse(snap.state) as WorldState,
  };
}

/** The demo cloud with its pool's record changed by `change` (a snapshot round trip). */
async function withPoolChanged(change: (pool: Record<string, unknown>) => void) {
  const ctx = await setup();
  const snap = ctx.cloud.snapshot();
  const state = JSON.parse(snap.state);
  change(state.cognitoIdp.pools[ctx.demo.userPool.id]);
  await ctx.cloud.restore({ ...snap, state: JSON.stringify(state) });
  return ctx;
}

/** The demo cloud with its pool's AutoVerifiedAttributes replaced. */
export function withAutoVerified(attributes: ('email' | 'phone_number')[]) {
  return withPoolChanged((pool) => {
    pool.autoVerifiedAttributes = attributes;
  });
}

/**
 * The demo cloud with its pool's AutoVerifiedAttributes and UserAttributeUpdateSettings
 * AttributesRequireVerificationBeforeUpdate replaced.
 */
export function withVerifyBeforeUpdate(
  attributes: ('email' | 'phone_number')[],
  autoVerified: ('email' | 'phone_number')[] = attributes,
) {
  return withPoolChanged((pool) => {
    pool.autoVerifiedAttributes = autoVerified;
    pool.attributesRequireVerificationBeforeUpdate = attributes;
  });
}
