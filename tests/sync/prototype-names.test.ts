/**
 * A Cognito Sync dataset and records named after Object.prototype members (`__proto__`,
 * `constructor`, `toString`), written on one device and received on another, each with its own
 * IndexedDB storage, through the real engine (issue 10 §1: "the phone says synced, pending 0 and
 * the laptop never receives it").
 */
import 'fake-indexeddb/auto';
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { type Cloud, createCloud } from '../../src/sim/index';
import { createSyncClient } from '../../src/sync/create-sync-client';
import { createDeviceNetwork } from '../../src/sync/device-network';
import { createIdbStorage } from '../../src/sync/idb-storage';
import { cognitoIdentitySource } from '../../src/sync/identity-source';
import { createTestClock, sdkConfig } from '../support/cloud-handler';

async function aliceLogins(cloud: Cloud) {
  const user = cloud.demo.userPool.users[0] as { username: string; password: string };
  const out = await new CognitoIdentityProviderClient(sdkConfig(cloud)).send(
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

function device(cloud: Cloud, now: () => number, deviceId: string, logins: Record<string, string>) {
  const region = cloud.demo.region;
  const identityPoolId = cloud.demo.identityPool.id;
  const network = createDeviceNetwork(cloud.fetch);
  return createSyncClient({
    fetch: network.fetch,
    storage: createIdbStorage(deviceId),
    now,
    region,
    identityPoolId,
    identity: cognitoIdentitySource({
      fetch: network.fetch,
      region,
      identityPoolId,
      now,
      logins: () => logins,
    }),
  });
}

const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];

describe('sync client with names from Object.prototype', () => {
  it('round-trips a dataset "__proto__" holding records "__proto__", "constructor" … from phone to laptop', async () => {
    const clock = createTestClock();
    const cloud = await createCloud({ now: clock.now });
    const logins = await aliceLogins(cloud);
    const phone = device(cloud, clock.now, `phone-${crypto.randomUUID()}`, logins);
    const laptop = device(cloud, clock.now, `laptop-${crypto.randomUUID()}`, logins);

    for (const name of NAMES) await phone.put('__proto__', name, `value of ${name}`);
    expect(await phone.synchronize('__proto__')).toEqual({ ok: true });
    expect(phone.getStatus()).toMatchObject({ state: 'idle', pending: 0 });

    expect(await laptop.synchronize('__proto__')).toEqual({ ok: true });
    for (const name of NAMES) expect(await laptop.get('__proto__', name)).toBe(`value of ${name}`);
    const all = await laptop.getAll('__proto__');
    expect(Object.keys(all).sort()).toEqual([...NAMES].sort());
    expect(Object.getOwnPropertyDescriptor(all, '__proto__')?.value).toBe('value of __proto__');
  });

  it('round-trips an edit back from the laptop and a removal of "constructor"', async () => {
    const clock = createTestClock();
    const cloud = await createCloud({ now: clock.now });
    const logins = await aliceLogins(cloud);
    const phone = device(cloud, clock.now, `phone-${crypto.randomUUID()}`, logins);
    const laptop = device(cloud, clock.now, `laptop-${crypto.randomUUID()}`, logins);
    await phone.put('constructor', '__proto__', 'one');
    await phone.put('constructor', 'constructor', 'two');
    await phone.synchronize('constructor');
    await laptop.synchronize('constructor');
    clock.advance(1000);
    await laptop.put('constructor', '__proto__', 'edited on the laptop');
    await laptop.remove('constructor', 'constructor');
    expect(await laptop.synchronize('constructor')).toEqual({ ok: true });
    expect(await phone.synchronize('constructor')).toEqual({ ok: true });
    expect(await phone.get('constructor', '__proto__')).toBe('edited on the laptop');
    expect(await phone.get('constructor', 'constructor')).toBeUndefined();
    expect(Object.keys(await phone.getAll('constructor'))).toEqual(['__proto__']);
  });
});
