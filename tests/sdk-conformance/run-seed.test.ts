/**
 * `CloudOptions.runSeed`: every scenario plays on a fresh cloud, and before this option every fresh
 * cloud drew the same identity ids and access keys in the same order, so the guest of one scenario and
 * the Google user of another showed the same identity id. With a run seed the demo world is unchanged
 * (the same account, pools, users), while what is minted while playing differs per run name, and the
 * same run name still replays byte for byte.
 */
import { GetCredentialsForIdentityCommand, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { describe, expect, it } from 'vitest';
import { createCloud } from '../../src/sim/index';
import { createTestClock } from '../support/cloud-handler';
import { clientConfig } from '../pipeline/pipeline-support';

async function guestRun(runSeed?: string) {
  const clock = createTestClock();
  const cloud = await createCloud({ now: clock.now, ...(runSeed === undefined ? {} : { runSeed }) });
  const identity = new CognitoIdentityClient(clientConfig(cloud, clock));
  const { IdentityId } = await identity.send(
    new GetIdCommand({ IdentityPoolId: cloud.demo.identityPool.id }),
  );
  const { Credentials } = await identity.send(new GetCredentialsForIdentityCommand({ IdentityId }));
  return {
    world: {
      account: cloud.demo.accountId,
      userPool: cloud.demo.userPool.id,
      identityPool: cloud.demo.identityPool.id,
      bucket: cloud.demo.bucket,
    },
    identityId: IdentityId,
    accessKeyId: Credentials?.AccessKeyId,
  };
}

describe('createCloud runSeed', () => {
  it('keeps the demo world and changes the identity id and access key minted afterwards', async () => {
    const guest = await guestRun('guest');
    const google = await guestRun('google-direct');
    expect(google.world).toEqual(guest.world);
    expect(guest.identityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    expect(guest.accessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(google.identityId).not.toBe(guest.identityId);
    expect(google.accessKeyId).not.toBe(guest.accessKeyId);
  });

  it('gives the same ids again for the same run name (replays stay exact)', async () => {
    const first = await guestRun('guest');
    const again = await guestRun('guest');
    expect(again).toEqual(first);
  });

  it('without a run seed, the stream is the one the seed alone gives (older snapshots and tests unchanged)', async () => {
    const plain = await guestRun();
    const plainAgain = await guestRun();
    const named = await guestRun('guest');
    expect(plainAgain).toEqual(plain);
    expect(named.identityId).not.toBe(plain.identityId);
  });
});
