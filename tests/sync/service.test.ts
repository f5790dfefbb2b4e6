import {
  CognitoSyncClient,
  DeleteDatasetCommand,
  DescribeDatasetCommand,
  DescribeIdentityUsageCommand,
  ListDatasetsCommand,
  ListRecordsCommand,
  UpdateRecordsCommand,
} from '@aws-sdk/client-cognito-sync';
import { describe, expect, it } from 'vitest';
import { createCloudHandler, createTestClock } from '../support/cloud-handler';
import { createSyncTestCloud, TEST_POOL, type TestIdentity } from '../support/sync-cloud';
import { mergeSyncIdentities } from '../../src/sim/services/cognito-sync/merge';

function setup() {
  const clock = createTestClock();
  const cloud = createSyncTestCloud(clock.now);
  const client = (who: TestIdentity) =>
    new CognitoSyncClient({
      region: 'us-east-1',
      requestHandler: createCloudHandler(cloud),
      credentials: who.credentials,
      maxAttempts: 1,
      systemClockOffset: clock.now() - Date.now(),
    });
  return { clock, cloud, client };
}

const ids = (who: TestIdentity, DatasetName = 'settings') => ({
  IdentityPoolId: TEST_POOL,
  IdentityId: who.identityId,
  DatasetName,
});

async function put(
  c: CognitoSyncClient,
  who: TestIdentity,
  patches: { Key: string; Value?: string; SyncCount: number; Op?: 'replace' | 'remove' }[],
  name = 'settings',
) {
  const list = await c.send(new ListRecordsCommand({ ...ids(who, name), LastSyncCount: 0 }));
  return c.send(
    new UpdateRecordsCommand({
      ...ids(who, name),
      SyncSessionToken: list.SyncSessionToken,
      RecordPatches: patches.map((p) => ({ Op: p.Op ?? 'replace', ...p })),
    }),
  );
}

async function errorOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    const err = e as { name: string; message: string; $metadata: { httpStatusCode?: number } };
    return { name: err.name, message: err.message, status: err.$metadata.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}

describe('cognito-sync ListRecords / UpdateRecords', () => {
  it('reports a missing dataset as not existing, with a session token', async () => {
    const { cloud, client } = setup();
    const alice = cloud.newIdentity();
    const out = await client(alice).send(new ListRecordsCommand({ ...ids(alice), LastSyncCount: 0 }));
    expect(out.Records).toEqual([]);
    expect(out.DatasetExists).toBe(false);
    expect(out.DatasetSyncCount).toBe(0);
    expect(out.DatasetDeletedAfterRequestedSyncCount).toBe(false);
    expect(out.SyncSessionToken).toMatch(/^[A-Za-z0-9+/]{64}$/);
  });

  it('creates the dataset on first write and stamps every patched record with the next sync count', async () => {
    const { clock, cloud, client } = setup();
    const alice = cloud.newIdentity();
    const c = client(alice);
    const device = new Date(clock.now() - 5000);
    const list = await c.send(new ListRecordsCommand({ ...ids(alice), LastSyncCount: 0 }));
    const out = await c.send(
      new UpdateRecordsCommand({
        ...ids(alice),
        SyncSessionToken: list.SyncSessionToken,
        ClientContext: 'eyJjbGllbnQiOnt9fQ==',
        RecordPatches: [
          { Op: 'replace', Key: 'theme', Value: 'dark', SyncCount: 0, DeviceLastModifiedDate: device },
          { Op: 'replace', Key: 'lang', Value: 'en', SyncCount: 0 },
        ],
      }),
    );
    expect(out.Records).toEqual([
      {
        Key: 'theme',
        Value: 'dark',
        SyncCount: 1,
        LastModifiedDate: new Date(clock.now()),
        LastModifiedBy: alice.identityId,
        DeviceLastModifiedDate: device,
      },
      {
        Key: 'lang',
        Value: 'en',
        SyncCount: 1,
        LastModifiedDate: new Date(clock.now()),
        LastModifiedBy: alice.identityId,
      },
    ]);
    const described = await c.send(new DescribeDatasetCommand(ids(alice)));
    expect(described.Dataset).toEqual({
      IdentityId: alice.identityId,
      DatasetName: 'settings',
      CreationDate: new Date(clock.now()),
      LastModifiedDate: new Date(clock.now()),
      LastModifiedBy: alice.identityId,
      DataStorage: 'themedarklangen'.length,
      NumRecords: 2,
    });
  });

  it('returns only records changed after lastSyncCount, removals as records without a value', async () => {
    const { cloud, client } = setup();
    const alice = cloud.newIdentity();
    const c = client(alice);
    await put(c, alice, [
      { Key: 'a', Value: '1', SyncCount: 0 },
      { Key: 'b', Value: '2', SyncCount: 0 },
    ]);
    await put(c, alice, [{ Key: 'a', SyncCount: 1, Op: 'remove' }]);
    const out = await c.send(new ListRecordsCommand({ ...ids(alice), LastSyncCount: 1 }));
    expect(out.DatasetSyncCount).toBe(2);
    expect(out.DatasetExists).toBe(true);
    expect(out.Records?.map((r) => [r.Key, r.Value, r.SyncCount])).toEqual([['a', undefined, 2]]);
  });

  it('rejects a stale SyncCount with ResourceConflictException and applies nothing of the request', async () => {
    const { cloud, client } = setup();
    const alice = cloud.newIdentity();
    const c = client(alice);
    await put(c, alice, [{ Key: 'score', Value: '5', SyncCount: 0 }]);
    const err = await errorOf(
      put(c, alice, [
        { Key: 'other', Value: 'x', SyncCount: 0 },
        { Key: 'score', Value: '6', SyncCount: 0 },
      ]),
    );
    expect(err).toEqual({
      name: 'ResourceConflictException',
      message: 'Current SyncCount for: score is: 1 not: 0',
      status: 409,
    });
    const out = await c.send(new ListRecordsCommand({ ...ids(alice), LastSyncCount: 0 }));
    expect(out.Records?.map((r) => r.Key)).toEqual(['score']);
  });

  it('rejects UpdateRecords whose SyncSessionToken was not handed out for this dataset', async () => {
    const { cloud, client } = setup();
    const alice = cloud.newIdentity();
    const c = client(alice);
    const list = await c.send(new ListRecordsCommand({ ...ids(alice, 'other'), LastSyncCount: 0 }));
    const err = await errorOf(
      c.send(
        new UpdateRecordsCommand({
          ...ids(alice),
          SyncSessionToken: list.SyncSessionToken,
          RecordPatches: [{ Op: 'replace', Key: 'k', Value: 'v', SyncCount: 0 }],
        }),
      ),
    );
    expect(err).toEqual({
      name: 'InvalidParameterException',
      message: 'SyncSessionToken not valid for these inputs',
      status: 400,
    });
  });

  it('rejects a session token after it expires', async () => {
    const { clock, cloud, client } = setup();
    const alice = cloud.newIdentity();
    const c = client(alice);
    const list = await c.send(new ListRecordsCommand({ ...ids(alice), LastSyncCount: 0 }));
    clock.advance(60 * 60 * 1000);
    const err = await errorOf(
      c.send(
        new UpdateRecordsCommand({
          ...ids(alice),
          SyncSessionToken: list.SyncSessionToken,
          RecordPatches: [{ Op: 'replace', Key: 'k', Value: 'v', SyncCount: 0 }],
        }),
      ),
    );
    expect(err.name).toBe('InvalidParameterException');
  });

  it('pages ListRecords with MaxResults and NextToken', async () => {
    const { cloud, client } = setup();
    const alice = cloud.newIdentity();
    const c = client(alice);
    await put(
      c,
      alice,
      ['a', 'b', 'c'].map((k) => ({ Key: k, Value: k, SyncCount: 0 })),
    );
    const first = await c.send(new ListRecordsCommand({ ...ids(alice), LastSyncCount: 0, MaxResults: 2 }));
    const second = await c.send(
      new ListRecordsCommand({
        ...ids(alice),
        LastSyncCount: 0,
        MaxResults: 2,
        NextToken: first.NextToken,
        SyncSessionToken: first.SyncSessionToken,
      }),
    );
    expect([first.Records?.map((r) => r.Key), second.Records?.map((r) => r.Key), second.NextToken]).toEqual([
      ['a', 'b'],
      ['c'],
      undefined,
    ]);
    expect(second.SyncSessionToken).toBe(first.SyncSessionToken);
  });
});

describe('cognito-sync access and limits', () => {
  it("refuses another identity's datasets with NotAuthorizedException", async () => {
    const { cloud, client } = setup();
    const alice = cloud.newIdentity();
    const bob = cloud.newIdentity();
    const err = await errorOf(
      client(bob).send(new ListDatasetsCommand({ IdentityPoolId: TEST_POOL, IdentityId: alice.identityId })),
    );
    expect(err).toEqual({
      name: 'NotAuthorizedException',
      message: 'These credentials are not valid for accessing this resource',
      status: 403,
    });
  });

  it('answers an IAM deny with AccessDeniedException naming the action and the dataset ARN', async () => {
    const { cloud, client } = setup();
    const alice = cloud.newIdentity();
    cloud.deny('cognito-sync:ListDatasets');
    const err = await errorOf(
      client(alice).send(
        new ListDatasetsCommand({ IdentityPoolId: TEST_POOL, IdentityId: alice.identityId }),
      ),
    );
    expect(err).toEqual({
      name: 'AccessDeniedException',
      message: `User: arn:aws:sts::123456789012:assumed-role/AtlasAuthenticatedRole/CognitoIdentityCredentials is not authorized to perform: cognito-sync:ListDatasets on resource: arn:aws:cognito-sync:us-east-1:123456789012:identitypool/${TEST_POOL}/identity/${alice.identityId}/dataset/null`,
      status: 403,
    });
    expect(cloud.events.some((e) => e.kind === 'iam.decision')).toBe(true);
  });

  it('validates dataset names with AWS pattern message', async () => {
    const { cloud, client } = setup();
    const alice = cloud.newIdentity();
    const err = await errorOf(client(alice).send(new DescribeDatasetCommand(ids(alice, 'bad name!'))));
    expect(err).toEqual({
      name: 'InvalidParameterException',
      message:
        "1 validation error detected: Value 'bad name!' at 'datasetName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.:-]+",
      status: 400,
    });
  });

  it('refuses a 21st dataset with LimitExceededException', async () => {
    const { cloud, client } = setup();
    const alice = cloud.newIdentity();
    const c = client(alice);
    for (let i = 0; i < 20; i++) await put(c, alice, [{ Key: 'k', Value: 'v', SyncCount: 0 }], `d${i}`);
    const err = await errorOf(put(c, alice, [{ Key: 'k', Value: 'v', SyncCount: 0 }], 'd20'));
    expect([err.name, err.status]).toEqual(['LimitExceededException', 400]);
    const usage = await c.send(
      new DescribeIdentityUsageCommand({ IdentityPoolId: TEST_POOL, IdentityId: alice.identityId }),
    );
    expect(usage.IdentityUsage?.DatasetCount).toBe(20);
  });

  it('refuses a write that would take a dataset over 1,024 records', async () => {
    const { cloud, client } = setup();
    const alice = cloud.newIdentity();
    const c = client(alice);
    await put(
      c,
      alice,
      Array.from({ length: 1024 }, (_, i) => ({ Key: `k${i}`, Value: '', SyncCount: 0 })),
    );
    const err = await errorOf(put(c, alice, [{ Key: 'one-more', Value: 'x', SyncCount: 0 }]));
    expect([err.name, err.status]).toEqual(['LimitExceededException', 400]);
    const d = await c.send(new DescribeDatasetCommand(ids(alice)));
    expect(d.Dataset?.NumRecords).toBe(1024);
  });

  it('refuses a write that would take a dataset over 1 MB', async () => {
    const { cloud, client } = setup();
    const alice = cloud.newIdentity();
    const big = 'x'.repeat(600_000);
    await put(client(alice), alice, [{ Key: 'a', Value: big, SyncCount: 0 }]);
    const err = await errorOf(put(client(alice), alice, [{ Key: 'b', Value: big, SyncCount: 0 }]));
    expect(err.name).toBe('LimitExceededException');
  });
});

describe('cognito-sync DeleteDataset and merges', () => {
  it('deletes permanently and tells a device that synced before the deletion', async () => {
    const { cloud, client } = setup();
    const alice = cloud.newIdentity();
    const c = client(alice);
    await put(c, alice, [{ Key: 'a', Value: '1', SyncCount: 0 }]);
    const deleted = await c.send(new DeleteDatasetCommand(ids(alice)));
    expect(deleted.Dataset?.NumRecords).toBe(1);
    expect((await errorOf(c.send(new DescribeDatasetCommand(ids(alice))))).name).toBe(
      'ResourceNotFoundException',
    );
    const old = await c.send(new ListRecordsCommand({ ...ids(alice), LastSyncCount: 1 }));
    expect([old.DatasetExists, old.DatasetDeletedAfterRequestedSyncCount]).toEqual([false, true]);
  });

  it('copies a merged identity’s datasets as <name>.<oldId> and lists them in MergedDatasetNames', async () => {
    const { cloud, client } = setup();
    const guest = cloud.newIdentity();
    const user = cloud.newIdentity();
    await put(client(guest), guest, [{ Key: 'draft', Value: 'guest text', SyncCount: 0 }]);
    expect(mergeSyncIdentities(cloud.world, TEST_POOL, guest.identityId, user.identityId)).toEqual([
      `settings.${guest.identityId}`,
    ]);
    const base = await client(user).send(new ListRecordsCommand({ ...ids(user), LastSyncCount: 0 }));
    expect(base.MergedDatasetNames).toEqual([`settings.${guest.identityId}`]);
    const merged = await client(user).send(
      new ListRecordsCommand({ ...ids(user, `settings.${guest.identityId}`), LastSyncCount: 0 }),
    );
    expect(merged.Records?.map((r) => [r.Key, r.Value, r.SyncCount])).toEqual([['draft', 'guest text', 1]]);
  });

  // DeleteDataset (API reference): "Datasets that this dataset was merged with will no longer report the
  // merge." Otherwise a client that folded the copy in and deleted it would be told of it on every sync.
  it('stops reporting a merged dataset in MergedDatasetNames once that dataset is deleted', async () => {
    const { cloud, client } = setup();
    const guest = cloud.newIdentity();
    const user = cloud.newIdentity();
    await put(client(guest), guest, [{ Key: 'draft', Value: 'guest text', SyncCount: 0 }]);
    mergeSyncIdentities(cloud.world, TEST_POOL, guest.identityId, user.identityId);
    await client(user).send(new DeleteDatasetCommand(ids(user, `settings.${guest.identityId}`)));
    const base = await client(user).send(new ListRecordsCommand({ ...ids(user), LastSyncCount: 0 }));
    expect(base.MergedDatasetNames).toBeUndefined();
  });
});
