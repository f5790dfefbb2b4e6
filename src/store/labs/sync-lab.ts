import type { Cloud, TraceEvent } from '../../sim/index';
import { createSyncClient, type SyncClient, type SyncEvent } from '../../sync/create-sync-client';
import { createDeviceNetwork, type DeviceNetwork } from '../../sync/device-network';
import { createIdbStorage } from '../../sync/idb-storage';
import { cognitoIdentitySource } from '../../sync/identity-source';
import { createMemoryStorage } from '../../sync/memory-storage';
import { LAB_CLOCK } from '../../sync/lab-clock';
import type { SharedCloud } from '../../sync/shared-cloud';
import { sharedCloudForTab } from '../../sync/shared-cloud-browser';
import type { ConflictResolution, SyncConflict } from '../../sync/types';

/**
 * The model behind the Cognito Sync view, free of React: the profile's one simulated cloud (shared with
 * the AppSync view and every other tab, src/sync/shared-cloud.ts; it runs on LAB_CLOCK), up to
 * four devices (each with its own IndexedDB database, network switch and sync client), and a timeline
 * of what crossed the wire. Devices sign in as the demo user alice, so they share one identity's data.
 */
export const DATASET = 'settings';
export const DEVICE_NAMES = ['phone', 'laptop', 'tablet', 'desktop'] as const;
const DEVICES_KEY = 'identity-atlas-sync-devices';

export interface WireEntry {
  /**
   * The entry's place in the order things happened, from 1 for the lab's first call or client event.
   * The wire timeline shows it as the entry's number, so it stays the same when older entries are dropped.
   */
  id: number;
  device: string;
  kind: 'wire' | 'event';
  title: string;
  status?: number;
  request?: string;
  response?: string;
  /** The engine's explanation events for this request (SigV4 check, IAM decision …), matched by request id. */
  events?: TraceEvent[];
}

export interface LabDevice {
  name: string;
  network: DeviceNetwork;
  client: SyncClient;
}

interface SavedDevice {
  name: string;
  online: boolean;
}

/**
 * Why a sync asks about conflicts after starting its round over (the client's `retry` event), and
 * whether it had asked the reader already: the dialog then says why it is back.
 */
export interface ConflictRetry {
  cause: 'local-change' | 'cloud-moved';
  askedBefore: boolean;
}

export type ConflictAsk = (
  device: string,
  conflicts: SyncConflict[],
  retry?: ConflictRetry,
) => Promise<ConflictResolution[] | false>;

const OPERATIONS: [RegExp, string, string][] = [
  [/\/records$/, 'GET', 'ListRecords'],
  [/\/datasets\/[^/]+$/, 'POST', 'UpdateRecords'],
  [/\/datasets\/[^/]+$/, 'DELETE', 'DeleteDataset'],
  [/\/datasets\/[^/]+$/, 'GET', 'DescribeDataset'],
  [/\/datasets$/, 'GET', 'ListDatasets'],
];

function operationOf(request: Request): string {
  const url = new URL(request.url);
  if (url.hostname.startsWith('cognito-identity.'))
    return (request.headers.get('x-amz-target') ?? '').split('.').pop() ?? 'cognito-identity';
  if (url.hostname.startsWith('cognito-idp.'))
    return (request.headers.get('x-amz-target') ?? '').split('.').pop() ?? 'cognito-idp';
  const hit = OPERATIONS.find(([path, method]) => method === request.method && path.test(url.pathname));
  return hit ? hit[2] : `${request.method} ${url.pathname}`;
}

/** Hides secrets in what the timeline shows (passwords, tokens, signatures) but keeps the shape. */
function redact(text: string): string {
  return text
    .replace(
      /("(?:PASSWORD|IdToken|AccessToken|RefreshToken|SecretKey|SessionToken)"\s*:\s*")([^"]{6})[^"]*"/g,
      '$1$2…"',
    )
    .replace(/(Signature=)[0-9a-f]{8}[0-9a-f]+/g, '$1…');
}

async function describeRequest(request: Request): Promise<string> {
  const headers = [...request.headers]
    .map(([k, v]) => `${k}: ${k === 'x-amz-security-token' ? `${v.slice(0, 12)}…` : v}`)
    .join('\n');
  const body = request.method === 'GET' || request.method === 'DELETE' ? '' : await request.clone().text();
  return redact(`${request.method} ${request.url}\n${headers}${body ? `\n\n${body}` : ''}`);
}

/** The BroadcastChannel on which a tab says one of its device caches (IndexedDB) changed. */
const DEVICE_CACHE_CHANNEL = 'identity-atlas-sync-devices';

/**
 * `openShared` is the profile's shared cloud in the app; a test passes one over an in-memory disk.
 * Every date a device writes (deviceLastModifiedDate) and every signature date comes from LAB_CLOCK.
 */
export async function createSyncLab(
  onChange: () => void,
  ask: ConflictAsk,
  openShared: () => Promise<SharedCloud> = sharedCloudForTab,
) {
  const shared = await openShared();
  const cloud: Cloud = shared.cloud;
  // Announces, to this profile's other tabs, that a device's local cache changed (see reloadDevices).
  const deviceChannel =
    typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(DEVICE_CACHE_CHANNEL);
  const timeline: WireEntry[] = [];
  // Engine events arrive tagged with the request id the response carries in x-amzn-requestid.
  const eventsByRequest = new Map<string, TraceEvent[]>();
  cloud.subscribe((event) => {
    const list = eventsByRequest.get(event.requestId) ?? [];
    list.push(event);
    eventsByRequest.set(event.requestId, list);
    // Requests made outside this lab's fetch never claim their events; keep the map bounded.
    if (eventsByRequest.size > 500) eventsByRequest.delete(eventsByRequest.keys().next().value as string);
  });
  let nextId = 1;
  const log = (entry: Omit<WireEntry, 'id'>) => {
    timeline.unshift({ id: nextId++, ...entry });
    if (timeline.length > 200) timeline.pop();
    onChange();
  };
  const alice = cloud.demo.userPool.users[0] as { username: string; password: string };
  const devices: LabDevice[] = [];
  /** Per device, why its sync in progress last started its round over (the dialog says it when it asks). */
  const retried = new Map<string, ConflictRetry['cause']>();

  // The device list is the profile's, like the devices' caches: a tab writes only the entry of the device
  // it changed, over the list as it is now, so a device another tab added is never dropped.
  const saveDevice = (device: LabDevice) => {
    const saved = readSavedDevices() ?? [];
    const entry = { name: device.name, online: device.network.isOnline() };
    const at = saved.findIndex((d) => d.name === device.name);
    if (at >= 0) saved[at] = entry;
    else saved.push(entry);
    writeSavedDevices(saved);
  };

  function addDevice(name: string, online = true): LabDevice {
    const recordingFetch = async (request: Request): Promise<Response> => {
      const requestText = await describeRequest(request);
      // One read-latest/handle/write cycle of the shared cloud: no other tab's write is lost.
      const response = await shared.fetch(request);
      const body = await response.clone().text();
      const requestId = response.headers.get('x-amzn-requestid') ?? '';
      const events = eventsByRequest.get(requestId) ?? [];
      eventsByRequest.delete(requestId);
      log({
        device: name,
        kind: 'wire',
        title: operationOf(request),
        status: response.status,
        request: requestText,
        response: redact(`HTTP ${response.status}\n\n${body}`),
        events,
      });
      return response;
    };
    const network = createDeviceNetwork(recordingFetch, online);
    let idToken: string | undefined;
    const region = cloud.demo.region;
    const identityPoolId = cloud.demo.identityPool.id;
    const signIn = async () => {
      const response = await network.fetch(
        new Request(`https://cognito-idp.${region}.amazonaws.com/`, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-amz-json-1.1',
            'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
          },
          body: JSON.stringify({
            AuthFlow: 'USER_PASSWORD_AUTH',
            ClientId: cloud.demo.userPool.clientId,
            AuthParameters: { USERNAME: alice.username, PASSWORD: alice.password },
          }),
        }),
      );
      const out = (await response.json()) as { AuthenticationResult?: { IdToken: string } };
      idToken = out.AuthenticationResult?.IdToken;
    };
    const source = cognitoIdentitySource({
      fetch: network.fetch,
      region,
      identityPoolId,
      now: LAB_CLOCK.now,
      logins: () =>
        idToken ? { [`cognito-idp.${region}.amazonaws.com/${cloud.demo.userPool.id}`]: idToken } : undefined,
    });
    let storage = createIdbStorage(name);
    if (typeof indexedDB === 'undefined') storage = createMemoryStorage();
    const client = createSyncClient({
      fetch: network.fetch,
      storage,
      now: LAB_CLOCK.now,
      region,
      identityPoolId,
      deviceName: name,
      identity: async () => {
        if (!idToken) await signIn();
        return source();
      },
      onEvent: (event: SyncEvent) => {
        if (event.type === 'retry') retried.set(name, event.cause);
        log({
          device: name,
          kind: 'event',
          title: eventTitle(event),
          response: JSON.stringify(event, null, 2),
        });
      },
      // The device's cache is shared with this profile's other tabs: tell them it changed.
      onLocalChange: () => deviceChannel?.postMessage(name),
      // And one tab at a time writes it or moves it to a new identity.
      exclusive: (task) =>
        typeof navigator !== 'undefined' && navigator.locks
          ? navigator.locks.request(`${DEVICE_CACHE_CHANNEL}-${name}`, task)
          : task(),
    });
    client.subscribe(onChange);
    const device = { name, network, client };
    network.subscribe(() => {
      saveDevice(device);
      onChange();
    });
    devices.push(device);
    saveDevice(device);
    void client.load().catch(() => undefined);
    return device;
  }

  // A device open in two tabs shares its IndexedDB cache: when another tab changed the cloud (a sync)
  // or a device's cache (a local write, a sync's last commit, which lands after its cloud write), or
  // this tab comes back to the front, re-read each device's pending count and records.
  const reloadDevices = () => {
    for (const d of devices) void d.client.load().catch(() => undefined);
    onChange();
  };
  shared.onRemoteChange(reloadDevices);
  deviceChannel?.addEventListener('message', reloadDevices);
  if (typeof document !== 'undefined') {
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') reloadDevices();
    });
  }

  // Another tab added a device or switched one's network: show the same devices here.
  const adoptSavedDevices = () => {
    for (const d of readSavedDevices() ?? []) {
      const mine = devices.find((x) => x.name === d.name);
      if (!mine) addDevice(d.name, d.online);
      else if (mine.network.isOnline() !== d.online) mine.network.setOnline(d.online);
    }
    onChange();
  };
  if (typeof window !== 'undefined')
    window.addEventListener('storage', (e) => {
      if (e.key === DEVICES_KEY) adoptSavedDevices();
    });

  const saved = readSavedDevices();
  for (const d of saved?.length
    ? saved
    : [
        { name: 'phone', online: true },
        { name: 'laptop', online: true },
      ])
    addDevice(d.name, d.online);

  return {
    cloud,
    /** The clock behind every date this lab shows (named in the view). */
    clock: LAB_CLOCK,
    devices,
    timeline,
    addDevice(): LabDevice | undefined {
      const name = DEVICE_NAMES.find((n) => !devices.some((d) => d.name === n));
      if (!name) return undefined;
      const device = addDevice(name);
      onChange();
      return device;
    },
    synchronize(device: LabDevice) {
      retried.delete(device.name);
      let asked = false;
      return device.client.synchronize(DATASET, {
        onConflict: (_dataset, conflicts) => {
          const cause = retried.get(device.name);
          retried.delete(device.name);
          const retry = cause ? { cause, askedBefore: asked } : undefined;
          asked = true;
          return ask(device.name, conflicts, retry);
        },
      });
    },
  };
}

export type SyncLab = Awaited<ReturnType<typeof createSyncLab>>;

/**
 * The saved device list, keeping only entries this lab can make (a known device name, once each): the
 * name becomes an IndexedDB database name. Nothing saved, unreadable or no storage: `null`.
 */
function readSavedDevices(): SavedDevice[] | null {
  let value: unknown;
  try {
    value = JSON.parse(localStorage.getItem(DEVICES_KEY) ?? 'null');
  } catch {
    return null;
  }
  if (!Array.isArray(value)) return null;
  const out: SavedDevice[] = [];
  for (const item of value as (Partial<SavedDevice> | null)[]) {
    const name = item?.name;
    if (DEVICE_NAMES.some((n) => n === name) && !out.some((o) => o.name === name))
      out.push({ name: name as string, online: item?.online !== false });
  }
  return out;
}

/** Saves the list; a browser that refuses (storage disabled or full) keeps the devices for this visit only. */
function writeSavedDevices(saved: SavedDevice[]): void {
  try {
    localStorage.setItem(DEVICES_KEY, JSON.stringify(saved));
  } catch {
    // Nothing to do: the devices and their IndexedDB caches still work; only the list is not remembered.
  }
}

function eventTitle(event: SyncEvent): string {
  switch (event.type) {
    case 'conflicts':
      return `Conflict on ${event.conflicts.map((c) => c.key).join(', ')}`;
    case 'resolved':
      return `Resolved: ${event.resolutions.map((r) => `${r.key} → ${r.value ?? '(removed)'} (${r.source})`).join(', ')}`;
    case 'retry':
      return `Retry ${event.attempt}: ${event.reason}`;
    case 'identity-changed':
      return `Identity ${event.from} → ${event.to}`;
    case 'dataset-deleted':
      return `Dataset ${event.dataset} was deleted in the cloud`;
    case 'merged':
      return `Merged datasets: ${event.names.join(', ')}`;
  }
}
