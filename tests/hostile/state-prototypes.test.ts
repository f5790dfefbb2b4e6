/**
 * Walks the engine's live state and fails on any dictionary that inherits from Object.prototype
 * (issue 10 §1). A seeded world and a restored snapshot hold null-prototype objects only; after a
 * tour of the operations that create entries at run time (sign-up, sign-in, identities, STS
 * sessions, Cognito Sync datasets and records, AppSync items), every dictionary field of the state
 * types (read from the types, see tests/support/state-dictionaries.ts) still has a null prototype.
 */
import { CognitoSyncClient, ListRecordsCommand, UpdateRecordsCommand } from '@aws-sdk/client-cognito-sync';
import { describe, expect, it } from 'vitest';
import { worldsForTests } from '../../src/sim/core/world-registry';
import { type Cloud, createCloud } from '../../src/sim/index';
import { idTokenFor } from '../appsync/appsync-support';
import { sdkConfig } from '../support/cloud-handler';
import { stateDictionaryFields } from '../support/state-dictionaries';
import { hostileCloud, idp, identity, signIn } from './hostile-support';

const DICTIONARIES = new Set(stateDictionaryFields());

interface Offence {
  path: string;
  why: string;
}

/** Paths of objects that break the rule; `everything` demands null prototypes of every object, not only dictionaries. */
function offences(state: unknown, everything: boolean): Offence[] {
  const out: Offence[] = [];
  const walk = (value: unknown, path: string, isDictionary: boolean) => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        walk(item, `${path}[${i}]`, false);
      });
      return;
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== null && (everything || isDictionary))
      out.push({ path, why: proto === Object.prototype ? 'Object.prototype' : 'another prototype' });
    for (const key of Object.keys(value)) {
      const child = (value as Record<string, unknown>)[key];
      // The values of a dictionary of dictionaries (identityProviders: pool → name → provider) are dictionaries too.
      const nested = isDictionary && path.endsWith('.identityProviders');
      walk(child, `${path}.${key}`, nested || (!isDictionary && DICTIONARIES.has(key)));
    }
  };
  walk(state, '$', false);
  return out;
}

const stateOfLive = (cloud: Cloud) => {
  const world = worldsForTests.get(cloud);
  if (!world) throw new Error('no live world for this cloud');
  return world.state;
};

async function tour(cloud: Cloud, now: () => number) {
  const signedUp = await idp(cloud, 'SignUp', {
    ClientId: cloud.demo.userPool.clientId,
    Username: 'walker',
    Password: 'Walk1ng-passw0rd!',
    UserAttributes: [{ Name: 'email', Value: 'walker@example.com' }],
  });
  expect(signedUp.status).toBe(200);
  await signIn(cloud);
  const { IdentityId } = (await identity(cloud, 'GetId', { IdentityPoolId: cloud.demo.identityPool.id }))
    .json as { IdentityId: string };
  const c = (await identity(cloud, 'GetCredentialsForIdentity', { IdentityId })).json?.Credentials as Record<
    string,
    string
  >;
  const sync = new CognitoSyncClient({
    ...sdkConfig(cloud, {
      accessKeyId: c.AccessKeyId as string,
      secretAccessKey: c.SecretKey as string,
      sessionToken: c.SessionToken,
    }),
    systemClockOffset: now() - Date.now(),
  });
  const ids = { IdentityPoolId: cloud.demo.identityPool.id, IdentityId, DatasetName: 'walk' };
  const listed = await sync.send(new ListRecordsCommand({ ...ids, LastSyncCount: 0 }));
  await sync.send(
    new UpdateRecordsCommand({
      ...ids,
      SyncSessionToken: listed.SyncSessionToken,
      RecordPatches: [{ Op: 'replace', Key: 'step', Value: 'one', SyncCount: 0 }],
    }),
  );
  const app = cloud.demo.appSync;
  if (app) {
    const r = await cloud.fetch(
      new Request(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: await idTokenFor(cloud, 0) },
        body: JSON.stringify({ query: 'mutation { createItem(input: { text: "walk" }) { id } }' }),
      }),
    );
    expect(r.status).toBe(200);
  }
}

describe('engine state prototypes', () => {
  it('a seeded world holds null-prototype objects only', async () => {
    const { cloud } = await hostileCloud();
    expect(offences(stateOfLive(cloud), true)).toEqual([]);
  });

  it('a restored snapshot holds null-prototype objects only', async () => {
    const { cloud, clock } = await hostileCloud();
    await tour(cloud, clock.now);
    const restored = await createCloud({ now: clock.now, snapshot: cloud.snapshot() });
    expect(offences(stateOfLive(restored), true)).toEqual([]);
  });

  it('every dictionary created at run time has a null prototype', async () => {
    const { cloud, clock } = await hostileCloud();
    await tour(cloud, clock.now);
    const state = stateOfLive(cloud);
    // The tour reached the run-time creation sites the walk is meant to see.
    expect(Object.keys(state.cognitoSync.identities).length).toBeGreaterThan(0);
    expect(Object.keys(state.sts.sessions).length).toBeGreaterThan(0);
    expect(offences(state, false)).toEqual([]);
  });

  it('knows the dictionary fields it guards', () => {
    for (const field of [
      'users',
      'attributes',
      'datasets',
      'records',
      'objects',
      'metadata',
      'logins',
      'items',
    ])
      expect(DICTIONARIES.has(field)).toBe(true);
  });
});
