import { signSyncRequest } from './signer';
import type { AwsCredentials, RemoteRecord } from './types';

/**
 * The three Cognito Sync calls the device makes, over REST-JSON exactly as the AWS SDK would send
 * them (paths and query names from the service model), signed with the identity's credentials and
 * sent through the device's `fetch`. A network failure rejects (TypeError) and is left to the caller;
 * an AWS error becomes a SyncApiError carrying AWS's code, status and message.
 */
export class SyncApiError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, status: number, message: string) {
    super(message);
    this.name = 'SyncApiError';
    this.code = code;
    this.status = status;
  }
}

export interface SyncApiContext {
  fetch: (request: Request) => Promise<Response>;
  region: string;
  identityPoolId: string;
  identityId: string;
  credentials: AwsCredentials;
  now: () => number;
}

export interface ListRecordsPage {
  records: RemoteRecord[];
  nextToken?: string;
  datasetSyncCount: number;
  datasetExists: boolean;
  datasetDeletedAfterRequestedSyncCount: boolean;
  mergedDatasetNames: string[];
  syncSessionToken: string;
}

interface WireRecord {
  Key: string;
  Value?: string;
  SyncCount: number;
  LastModifiedDate?: number;
  LastModifiedBy?: string;
  DeviceLastModifiedDate?: number;
}

const seconds = (v: number | undefined) => (v === undefined ? undefined : Math.round(v * 1000));

const fromWire = (r: WireRecord): RemoteRecord => ({
  key: r.Key,
  value: r.Value ?? null,
  syncCount: r.SyncCount,
  lastModifiedDate: seconds(r.LastModifiedDate),
  lastModifiedBy: r.LastModifiedBy,
  deviceLastModifiedDate: seconds(r.DeviceLastModifiedDate),
});

function datasetUrl(c: SyncApiContext, dataset: string): string {
  const e = encodeURIComponent;
  return `https://cognito-sync.${c.region}.amazonaws.com/identitypools/${e(c.identityPoolId)}/identities/${e(c.identityId)}/datasets/${e(dataset)}`;
}

async function call(
  c: SyncApiContext,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<unknown> {
  const text = body === undefined ? undefined : JSON.stringify(body);
  const request = await signSyncRequest(
    {
      method,
      url,
      headers: { ...(text === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: text,
    },
    c.credentials,
    c.region,
    c.now(),
  );
  const response = await c.fetch(request);
  const payload = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    const type = response.headers.get('x-amzn-errortype') ?? String(payload.__type ?? 'UnknownError');
    const code = type.split(':')[0] as string;
    throw new SyncApiError(code, response.status, String(payload.message ?? payload.Message ?? code));
  }
  return payload;
}

export async function listRecords(
  c: SyncApiContext,
  dataset: string,
  lastSyncCount: number,
  nextToken?: string,
  syncSessionToken?: string,
): Promise<ListRecordsPage> {
  const q = new URLSearchParams({ lastSyncCount: String(lastSyncCount) });
  if (nextToken) q.set('nextToken', nextToken);
  if (syncSessionToken) q.set('syncSessionToken', syncSessionToken);
  const out = (await call(c, 'GET', `${datasetUrl(c, dataset)}/records?${q}`)) as {
    Records?: WireRecord[];
    NextToken?: string;
    DatasetSyncCount?: number;
    DatasetExists?: boolean;
    DatasetDeletedAfterRequestedSyncCount?: boolean;
    MergedDatasetNames?: string[];
    SyncSessionToken: string;
  };
  return {
    records: (out.Records ?? []).map(fromWire),
    nextToken: out.NextToken,
    datasetSyncCount: out.DatasetSyncCount ?? 0,
    datasetExists: out.DatasetExists ?? false,
    datasetDeletedAfterRequestedSyncCount: out.DatasetDeletedAfterRequestedSyncCount ?? false,
    mergedDatasetNames: out.MergedDatasetNames ?? [],
    syncSessionToken: out.SyncSessionToken,
  };
}

export interface RecordPatch {
  op: 'replace' | 'remove';
  key: string;
  value?: string;
  syncCount: number;
  deviceLastModifiedDate: number;
}

export async function updateRecords(
  c: SyncApiContext,
  dataset: string,
  syncSessionToken: string,
  patches: RecordPatch[],
  deviceId?: string,
): Promise<RemoteRecord[]> {
  const body = {
    ...(deviceId ? { DeviceId: deviceId } : {}),
    RecordPatches: patches.map((p) => ({
      Op: p.op,
      Key: p.key,
      ...(p.value === undefined ? {} : { Value: p.value }),
      SyncCount: p.syncCount,
      DeviceLastModifiedDate: p.deviceLastModifiedDate / 1000,
    })),
    SyncSessionToken: syncSessionToken,
  };
  const out = (await call(c, 'POST', datasetUrl(c, dataset), body)) as { Records?: WireRecord[] };
  return (out.Records ?? []).map(fromWire);
}

export async function deleteDataset(c: SyncApiContext, dataset: string): Promise<void> {
  await call(c, 'DELETE', datasetUrl(c, dataset));
}
