import { readJson } from '../../wire/aws-responses';
import type { Narration, ScenarioStep, StepContext } from '../types';

/**
 * Cognito Sync's two calls of one synchronize() round, over REST-JSON as the SDK sends them (paths
 * from the cognito-sync 2014-06-30 model), signed with the identity's temporary credentials. Each
 * device keeps its own sync session token in `vars.extra`, as each device's SDK would.
 *
 * The rule the steps teach (Cognito Sync API reference, UpdateRecords): "The server will reject an
 * UpdateRecords request with a ResourceConflictException if you try to patch a record with a new value
 * but a stale sync count … To obtain the current sync count for a record, call ListRecords."
 */

export const SYNC_DATASET = 'settings';
export const SYNC_KEY = 'theme';

export type Device = 'phone' | 'laptop';

const DEVICE_NAME: Record<Device, string> = { phone: 'Alice’s phone', laptop: 'Alice’s laptop' };

function datasetUrl(ctx: StepContext): string {
  const e = encodeURIComponent;
  const pool = ctx.need(ctx.demo.identityPool?.id, 'the identity pool id');
  const identityId = ctx.need(ctx.vars.identityId, 'the identity id');
  return `https://cognito-sync.${ctx.region}.amazonaws.com/identitypools/${e(pool)}/identities/${e(identityId)}/datasets/${SYNC_DATASET}`;
}

const sessionVar = (device: Device) => `${device}SyncSession`;

/** ListRecords: the pull that opens a sync session (and, after a refusal, fetches the newer record). */
export function listRecordsStep(
  device: Device,
  lastSyncCount: number,
  overrides: Partial<ScenarioStep> & { narration: Narration },
): ScenarioStep {
  return {
    id: `${device}-list-records`,
    label: '3',
    title: `${DEVICE_NAME[device]} pulls the dataset (ListRecords)`,
    from: 'app',
    to: 'sync',
    packet: 'signedRequest',
    returns: 'data',
    via: ['iam'],
    operation: 'ListRecords',
    expect: 'success',
    code: (demo) => ({
      sdk: `const { Records, DatasetSyncCount, SyncSessionToken } = await sync.send(new ListRecordsCommand({
  IdentityPoolId: '${demo.identityPool?.id ?? '<identity pool id>'}',
  IdentityId,
  DatasetName: '${SYNC_DATASET}',
  LastSyncCount: ${lastSyncCount},
}));`,
      cli: `aws cognito-sync list-records --identity-pool-id ${demo.identityPool?.id ?? '<identity pool id>'} \\
  --identity-id "$IDENTITY_ID" --dataset-name ${SYNC_DATASET} --last-sync-count ${lastSyncCount}`,
    }),
    async run(ctx) {
      const credentials = ctx.need(ctx.vars.credentials, 'AWS credentials from the identity pool');
      const url = `${datasetUrl(ctx)}/records?lastSyncCount=${lastSyncCount}`;
      const response = await ctx.fetch(await ctx.sign(new Request(url), credentials, 'cognito-sync'));
      const out = await readJson<{ SyncSessionToken?: string }>(response);
      if (out?.SyncSessionToken) ctx.vars.extra[sessionVar(device)] = out.SyncSessionToken;
    },
    ...overrides,
  };
}

/** UpdateRecords: the push of one record with the sync count the device last saw for it. */
export function updateRecordsStep(
  device: Device,
  value: string,
  syncCount: number,
  overrides: Partial<ScenarioStep> & { narration: Narration },
): ScenarioStep {
  return {
    id: `${device}-update-records`,
    label: '3',
    title: `${DEVICE_NAME[device]} pushes ${SYNC_KEY} = ${value} (UpdateRecords, SyncCount ${syncCount})`,
    from: 'app',
    to: 'sync',
    packet: 'signedRequest',
    returns: 'data',
    via: ['iam'],
    operation: 'UpdateRecords',
    expect: 'success',
    code: (demo) => ({
      sdk: `await sync.send(new UpdateRecordsCommand({
  IdentityPoolId: '${demo.identityPool?.id ?? '<identity pool id>'}',
  IdentityId,
  DatasetName: '${SYNC_DATASET}',
  SyncSessionToken, // from this device's ListRecords
  RecordPatches: [{ Op: 'replace', Key: '${SYNC_KEY}', Value: '${value}', SyncCount: ${syncCount} }],
}));`,
      cli: `aws cognito-sync update-records --identity-pool-id ${demo.identityPool?.id ?? '<identity pool id>'} \\
  --identity-id "$IDENTITY_ID" --dataset-name ${SYNC_DATASET} --sync-session-token "$SYNC_SESSION_TOKEN" \\
  --record-patches Op=replace,Key=${SYNC_KEY},Value=${value},SyncCount=${syncCount}`,
    }),
    async run(ctx) {
      const credentials = ctx.need(ctx.vars.credentials, 'AWS credentials from the identity pool');
      const token = ctx.need(
        ctx.vars.extra[sessionVar(device)],
        `the sync session token ${DEVICE_NAME[device]} got from ListRecords`,
      );
      const request = new Request(datasetUrl(ctx), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          DeviceId: device,
          SyncSessionToken: token,
          RecordPatches: [
            {
              Op: 'replace',
              Key: SYNC_KEY,
              Value: value,
              SyncCount: syncCount,
              DeviceLastModifiedDate: Math.floor(ctx.now() / 1000),
            },
          ],
        }),
      });
      await ctx.fetch(await ctx.sign(request, credentials, 'cognito-sync'));
    },
    ...overrides,
  };
}
