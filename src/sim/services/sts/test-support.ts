/** Shared setup for the STS tests: a demo cloud on a test clock and SDK clients into it. */
import { STSClient } from '@aws-sdk/client-sts';
import { createTestClock, sdkConfig } from '../../../../tests/support/cloud-handler';
import { type Cloud, type CloudSnapshot, createCloud } from '../../index';
import type { WorldState } from '../../world';

export interface Creds {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export async function stsWorld(options: { edit?: (state: WorldState) => void } = {}) {
  const clock = createTestClock();
  let cloud: Cloud = await createCloud({ now: clock.now });
  if (options.edit) {
    const snap: CloudSnapshot = cloud.snapshot();
    const state = JSON.parse(snap.state) as WorldState;
    options.edit(state);
    cloud = await createCloud({ now: clock.now, snapshot: { ...snap, state: JSON.stringify(state) } });
  }
  const user: Creds = {
    accessKeyId: cloud.demo.iamUser.accessKeyId,
    secretAccessKey: cloud.demo.iamUser.secretAccessKey,
  };
  // The SDK signs with its own clock; the offset puts it on the test clock (make a new client after advancing).
  const sts = (creds?: Creds, region?: string) =>
    new STSClient({
      ...sdkConfig(cloud, creds),
      systemClockOffset: clock.now() - Date.now(),
      ...(region ? { region } : {}),
    });
  const events: { kind: string; summary: string; detail?: unknown }[] = [];
  cloud.subscribe((e) => events.push(e));
  return { cloud, clock, user, sts, events };
}

/** The parts of STS credentials another client signs with. */
export function asCreds(
  c: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string } | undefined,
): Creds {
  return {
    accessKeyId: c?.AccessKeyId ?? '',
    secretAccessKey: c?.SecretAccessKey ?? '',
    sessionToken: c?.SessionToken,
  };
}

/** Runs `fn` and returns the SDK error it throws (fails the test if it resolves). */
export async function sdkError(
  fn: () => Promise<unknown>,
): Promise<{ name: string; message: string; status?: number }> {
  try {
    await fn();
  } catch (error) {
    const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}
