/**
 * Hostile Cognito Sync traffic on the real engine (identity pool credentials, SigV4, IAM): stale sync
 * counts, too many records, too large a value, invalid dataset names, two devices writing one key;
 * and a device whose IndexedDB is full (QuotaExceededError), which must lose nothing.
 */
import 'fake-indexeddb/auto';
import { CognitoSyncClient, ListRecordsCommand, UpdateRecordsCommand } from '@aws-sdk/client-cognito-sync';
import { describe, expect, it } from 'vitest';
import type { Cloud } from '../../src/sim/index';
import { createSyncClient } from '../../src/sync/create-sync-client';
import { createIdbStorage } from '../../src/sync/idb-storage';
import { cognitoIdentitySource } from '../../src/sync/identity-source';
import { createMemoryStorage } from '../../src/sync/memory-storage';
import { sdkConfig } from '../support/cloud-handler';
import { hostileCloud, identity, stateOf, changedPaths } from './hostile-support';

async function guest(cloud: Cloud) {
  const { IdentityId } = (await identity(cloud, 'GetId', { IdentityPoolId: cloud.demo.identityPool.id }))
    .json as { IdentityId: string };
  const c = (await identity(cloud, 'GetCredentialsForIdentity', { IdentityId })).json?.Credentials as Record<
    string,
    string
  >;
  return {
    identityId: IdentityId,
    credentials: {
      accessKeyId: c.AccessKeyId as string,
      secretAccessKey: c.SecretKey as string,
      sessionToken: c.SessionToken,
    },
  };
}

async function setup() {
  const { cloud, clock } = await hostileCloud();
  const me = await guest(cloud);
  const sync = new CognitoSyncClient({
    ...sdkConfig(cloud, me.credentials),
    systemClockOffset: clock.now() - Date.now(),
  });
  const ids = (DatasetName: string) => ({
    IdentityPoolId: cloud.demo.identityPool.id,
    IdentityId: me.identityId,
    DatasetName,
  });
  const session = async (name: string) =>
    (await sync.send(new ListRecordsCommand({ ...ids(name), LastSyncCount: 0 }))).SyncSessionToken;
  return { cloud, clock, me, sync, ids, session };
}

const failure = (e: { name: string; message: string; $metadata?: { httpStatusCode?: number } }) => ({
  name: e.name,
  status: e.$metadata?.httpStatusCode,
});

describe('hostile Cognito Sync requests', () => {
  it('refuses a stale SyncCount with ResourceConflictException and keeps the stored record', async () => {
    const { cloud, sync, ids, session } = await setup();
    await sync.send(
      new UpdateRecordsCommand({
        ...ids('settings'),
        SyncSessionToken: await session('settings'),
        RecordPatches: [{ Op: 'replace', Key: 'theme', Value: 'dark', SyncCount: 0 }],
      }),
    );
    const token = await session('settings');
    const before = stateOf(cloud);
    const error = await sync
      .send(
        new UpdateRecordsCommand({
          ...ids('settings'),
          SyncSessionToken: token,
          RecordPatches: [{ Op: 'replace', Key: 'theme', Value: 'light', SyncCount: 0 }],
        }),
      )
      .catch((e) => e);
    expect(failure(error)).toEqual({ name: 'ResourceConflictException', status: 409 });
    expect(changedPaths(before, stateOf(cloud))).toEqual([]);
  });

  it('refuses more than 1,024 records in a dataset with LimitExceededException and writes none of them', async () => {
    const { cloud, sync, ids, session } = await setup();
    const token = await session('big');
    const before = stateOf(cloud);
    const RecordPatches = Array.from({ length: 1025 }, (_, i) => ({
      Op: 'replace' as const,
      Key: `k${i}`,
      Value: 'v',
      SyncCount: 0,
    }));
    const error = await sync
      .send(new UpdateRecordsCommand({ ...ids('big'), SyncSessionToken: token, RecordPatches }))
      .catch((e) => e);
    expect(failure(error)).toEqual({ name: 'LimitExceededException', status: 400 });
    expect(changedPaths(before, stateOf(cloud))).toEqual([]);
  });

  it('refuses a value over 1,048,575 characters as an invalid parameter', async () => {
    const { cloud, sync, ids, session } = await setup();
    const token = await session('settings');
    const before = stateOf(cloud);
    const error = await sync
      .send(
        new UpdateRecordsCommand({
          ...ids('settings'),
          SyncSessionToken: token,
          RecordPatches: [{ Op: 'replace', Key: 'huge', Value: 'x'.repeat(1_048_576), SyncCount: 0 }],
        }),
      )
      .catch((e) => e);
    expect(error.$metadata?.httpStatusCode).toBe(400);
    expect(['InvalidParameterException', 'LimitExceededException']).toContain(error.name);
    expect(changedPaths(before, stateOf(cloud))).toEqual([]);
  });

  it('refuses invalid dataset names', async () => {
    const { cloud, sync, ids } = await setup();
    const before = stateOf(cloud);
    for (const name of ['has space', 'slash/inside', 'x'.repeat(129), '<script>']) {
      const error = await sync
        .send(new ListRecordsCommand({ ...ids(name), LastSyncCount: 0 }))
        .catch((e) => e);
      expect({ dataset: name, status: error.$metadata?.httpStatusCode }).toEqual({
        dataset: name,
        status: 400,
      });
      expect(error.name).toMatch(/^(InvalidParameterException|ValidationException)$/);
    }
    expect(changedPaths(before, stateOf(cloud))).toEqual([]);
  });

  it('refuses a forged sync session token', async () => {
    const { cloud, sync, ids } = await setup();
    const before = stateOf(cloud);
    const error = await sync
      .send(
        new UpdateRecordsCommand({
          ...ids('settings'),
          SyncSessionToken: 'forged-token',
          RecordPatches: [{ Op: 'replace', Key: 'a', Value: 'b', SyncCount: 0 }],
        }),
      )
      .catch((e) => e);
    expect(error.$metadata?.httpStatusCode).toBe(400);
    expect(changedPaths(before, stateOf(cloud))).toEqual([]);
  });
});

describe('hostile conditions for the sync client', () => {
  function device(cloud: Cloud, now: () => number, storage = createMemoryStorage()) {
    const options = { region: cloud.demo.region, identityPoolId: cloud.demo.identityPool.id };
    return createSyncClient({
      fetch: cloud.fetch,
      storage,
      now,
      identity: cognitoIdentitySource({ fetch: cloud.fetch, now, ...options }),
      ...options,
    });
  }

  it('settles two devices writing the same key to one value, without losing either write silently', async () => {
    const { cloud, clock } = await hostileCloud();
    const a = device(cloud, clock.now);
    await a.synchronize('settings');
    const identityId = a.getStatus().identityId as string;
    const b = createSyncClient({
      fetch: cloud.fetch,
      storage: createMemoryStorage(),
      now: clock.now,
      region: cloud.demo.region,
      identityPoolId: cloud.demo.identityPool.id,
      identity: cognitoIdentitySource({
        fetch: cloud.fetch,
        now: clock.now,
        region: cloud.demo.region,
        identityPoolId: cloud.demo.identityPool.id,
        identityId,
      }),
    });
    const conflicts: string[] = [];
    await a.put('settings', 'theme', 'from-a');
    clock.advance(1000);
    await b.put('settings', 'theme', 'from-b');
    expect((await a.synchronize('settings')).ok).toBe(true);
    const outcome = await b.synchronize('settings', {
      onConflict: (_d, found) => {
        conflicts.push(...found.map((c) => `${c.local.value}|${c.remote.value}`));
        return found.map((c) => ({ key: c.key, value: c.local.value, source: 'local' as const }));
      },
    });
    expect(outcome.ok).toBe(true);
    expect(conflicts).toEqual(['from-b|from-a']);
    await a.synchronize('settings');
    expect([await a.get('settings', 'theme'), await b.get('settings', 'theme')]).toEqual([
      'from-b',
      'from-b',
    ]);
  });

  it('loses nothing when IndexedDB is full (QuotaExceededError), and syncs everything once space is back', async () => {
    const { cloud, clock } = await hostileCloud();
    const storage = createIdbStorage(`hostile-quota-${Math.random().toString(36).slice(2)}`);
    const client = device(cloud, clock.now, storage);
    await client.put('notes', 'kept', 'written before the disk filled');
    const proto = IDBObjectStore.prototype as unknown as { put: (...a: unknown[]) => unknown };
    const realPut = proto.put;
    proto.put = function full() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      await expect(client.put('notes', 'lost?', 'written while full')).rejects.toMatchObject({
        problem: 'quota',
      });
      expect(client.getStatus()).toMatchObject({ state: 'error' });
      expect(client.getStatus().lastError).toMatch(/full/i);
      const during = await client.synchronize('notes');
      expect(during.ok).toBe(false);
    } finally {
      proto.put = realPut;
    }
    expect(await client.getAll('notes')).toEqual({ kept: 'written before the disk filled' });
    expect((await client.records('notes')).filter((r) => r.dirty).map((r) => r.key)).toEqual(['kept']);
    expect((await client.synchronize('notes')).ok).toBe(true);
    const state = JSON.parse(stateOf(cloud)) as { cognitoSync: unknown };
    expect(JSON.stringify(state.cognitoSync)).toContain('written before the disk filled');
    expect(JSON.stringify(state.cognitoSync)).not.toContain('written while full');
  });
});
