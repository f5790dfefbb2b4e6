import 'fake-indexeddb/auto';
import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  CognitoSyncClient,
  ListDatasetsCommand,
  ListRecordsCommand,
  UpdateRecordsCommand,
} from '@aws-sdk/client-cognito-sync';
import { describe, expect, it } from 'vitest';
import { type Cloud, createCloud } from '../../src/sim/index';
import { createSyncClient } from '../../src/sync/create-sync-client';
import { createDeviceNetwork } from '../../src/sync/device-network';
import { cognitoIdentitySource } from '../../src/sync/identity-source';
import { createMemoryStorage } from '../../src/sync/memory-storage';
import { createTestClock, sdkConfig } from '../support/cloud-handler';

/** The whole path on the real engine: identity pool credentials, SigV4 verification, IAM, Cognito Sync. */
async function setup() {
  const clock = createTestClock();
  const cloud = await createCloud({ now: clock.now });
  return { clock, cloud };
}

async function guestCredentials(cloud: Cloud, logins?: Record<string, string>) {
  const identity = new CognitoIdentityClient(sdkConfig(cloud));
  const { IdentityId } = await identity.send(
    new GetIdCommand({ IdentityPoolId: cloud.demo.identityPool.id, Logins: logins }),
  );
  const out = await identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }));
  const c = out.Credentials;
  return {
    identityId: IdentityId as string,
    credentials: {
      accessKeyId: c?.AccessKeyId as string,
      secretAccessKey: c?.SecretKey as string,
      sessionToken: c?.SessionToken,
    },
  };
}

async function aliceLogins(cloud: Cloud) {
  const idp = new CognitoIdentityProviderClient(sdkConfig(cloud));
  const user = cloud.demo.userPool.users[0] as { username: string; password: string };
  const out = await idp.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: cloud.demo.userPool.clientId,
      AuthParameters: { USERNAME: user.username, PASSWORD: user.password },
    }),
  );
  return {
    [`cognito-idp.${cloud.demo.region}.amazonaws.com/${cloud.demo.userPool.id}`]: out.AuthenticationResult
      ?.IdToken as string,
  };
}

describe('cognito-sync on the real engine', () => {
  it('lets an identity write and read its own dataset with identity pool credentials', async () => {
    const { clock, cloud } = await setup();
    const me = await guestCredentials(cloud);
    const sync = new CognitoSyncClient({
      ...sdkConfig(cloud, me.credentials),
      systemClockOffset: clock.now() - Date.now(),
    });
    const ids = {
      IdentityPoolId: cloud.demo.identityPool.id,
      IdentityId: me.identityId,
      DatasetName: 'settings',
    };
    const list = await sync.send(new ListRecordsCommand({ ...ids, LastSyncCount: 0 }));
    const out = await sync.send(
      new UpdateRecordsCommand({
        ...ids,
        SyncSessionToken: list.SyncSessionToken,
        RecordPatches: [{ Op: 'replace', Key: 'theme', Value: 'dark', SyncCount: 0 }],
      }),
    );
    expect(out.Records?.map((r) => [r.Key, r.Value, r.SyncCount])).toEqual([['theme', 'dark', 1]]);
  });

  it("refuses another identity's data: the role policy scoped to the caller's own sub says AccessDenied", async () => {
    const { clock, cloud } = await setup();
    const me = await guestCredentials(cloud);
    const other = await guestCredentials(cloud);
    const sync = new CognitoSyncClient({
      ...sdkConfig(cloud, me.credentials),
      systemClockOffset: clock.now() - Date.now(),
    });
    const error = await sync
      .send(
        new ListDatasetsCommand({ IdentityPoolId: cloud.demo.identityPool.id, IdentityId: other.identityId }),
      )
      .catch((e) => e);
    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['AccessDeniedException', 403]);
    expect(error.message).toContain(
      'is not authorized to perform: cognito-sync:ListDatasets on resource: arn:aws:cognito-sync:',
    );
  });

  it('syncs two devices through the sync client, and merges a guest into alice when she signs in', async () => {
    const { clock, cloud } = await setup();
    const region = cloud.demo.region;
    const identityPoolId = cloud.demo.identityPool.id;
    const logins = await aliceLogins(cloud);
    const laptopNet = createDeviceNetwork(cloud.fetch);
    const laptop = createSyncClient({
      fetch: laptopNet.fetch,
      storage: createMemoryStorage(),
      now: clock.now,
      region,
      identityPoolId,
      identity: cognitoIdentitySource({
        fetch: laptopNet.fetch,
        region,
        identityPoolId,
        now: clock.now,
        logins: () => logins,
      }),
    });
    await laptop.put('settings', 'theme', 'alice-theme');
    expect(await laptop.synchronize('settings')).toEqual({ ok: true });

    let signedIn = false;
    const phoneNet = createDeviceNetwork(cloud.fetch);
    const phone = createSyncClient({
      fetch: phoneNet.fetch,
      storage: createMemoryStorage(),
      now: clock.now,
      region,
      identityPoolId,
      identity: cognitoIdentitySource({
        fetch: phoneNet.fetch,
        region,
        identityPoolId,
        now: clock.now,
        logins: () => (signedIn ? logins : undefined),
      }),
    });
    await phone.put('settings', 'draft', 'written as a guest');
    expect((await phone.synchronize('settings')).ok).toBe(true);
    const guestId = phone.getStatus().identityId;
    signedIn = true;
    expect((await phone.synchronize('settings')).ok).toBe(true);
    expect(phone.getStatus().identityId).toBe(laptop.getStatus().identityId);
    await laptop.synchronize('settings');
    expect(await laptop.getAll('settings')).toEqual({ theme: 'alice-theme', draft: 'written as a guest' });
    expect(await phone.datasets()).toContain(`settings.${guestId}`);
  });
});
