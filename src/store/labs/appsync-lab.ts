import { iamAuth, userPoolAuth } from '../../appsync-client/auth';
import { type AppSyncClient, createAppSyncClient } from '../../appsync-client/create-appsync-client';
import { createDeviceLink, type DeviceLink } from '../../appsync-client/device-link';
import { createIdbAppSyncStorage, deleteIdbAppSyncDevice } from '../../appsync-client/idb-storage';
import { createMemoryAppSyncStorage } from '../../appsync-client/storage';
import type { AppSyncAuth, ClientEvent } from '../../appsync-client/types';
import type { Cloud, ConflictHandler, TraceEvent } from '../../sim/index';
import { cognitoIdentitySource } from '../../sync/identity-source';
import { LAB_CLOCK } from '../../sync/lab-clock';
import type { SharedCloud } from '../../sync/shared-cloud';
import { resetSharedService, sharedCloudForTab } from '../../sync/shared-cloud-browser';
import { createWireLog } from './appsync-wire-log';

/**
 * The model behind the AppSync view, free of React (loaded with import() by the view): the profile's
 * one simulated cloud (shared with the Cognito Sync view and every other tab, src/sync/shared-cloud.ts;
 * another tab's mutations reach these devices' subscriptions as live data), and two users on their own devices — Alice (user pool, her ID token in
 * `Authorization`) and Carol (signs in with Google, gets identity pool credentials, signs with SigV4:
 * AWS_IAM). Each device has its own IndexedDB database, offline switch and AppSync client. Every date
 * (the clients' `now`, token lifetimes, the times shown) comes from the shared cloud's LAB_CLOCK.
 */
export interface LabDevice {
  id: string;
  label: string;
  user: string;
  mode: AppSyncAuth['mode'];
  link: DeviceLink;
  client: AppSyncClient;
  /** Client events worth showing: live messages, conflicts, merges, rejections (newest first). */
  events: { at: number; event: ClientEvent }[];
}

/** An engine conflict report (trace kind `appsync.conflict`). */
export interface ConflictRecord {
  at: number;
  detail: {
    strategy: ConflictHandler;
    server: Record<string, unknown>;
    incoming: Record<string, unknown>;
    outcome: string;
    result?: Record<string, unknown>;
    decisions?: { field: string; rule: string }[];
  };
}

const ONLINE_KEY = 'identity-atlas-appsync-online';

/**
 * Each device's saved network switch (absent: online). Only boolean entries count, in a map with no
 * prototype: a value that is not an object (another version's, or typed in by hand) means nothing saved.
 */
function savedOnline(): Record<string, boolean> {
  const out = Object.create(null) as Record<string, boolean>;
  try {
    const value: unknown = JSON.parse(localStorage.getItem(ONLINE_KEY) ?? '{}');
    if (value && typeof value === 'object' && !Array.isArray(value))
      for (const [id, online] of Object.entries(value)) if (typeof online === 'boolean') out[id] = online;
  } catch {
    // Unreadable or no storage: every device starts online.
  }
  return out;
}

/**
 * Saves one device's switch over the map as it is now: the devices are the profile's (their outboxes
 * live in IndexedDB), so a tab never writes back another tab's switch as it last knew it.
 */
function saveOnline(id: string, online: boolean): void {
  try {
    localStorage.setItem(ONLINE_KEY, JSON.stringify({ ...savedOnline(), [id]: online }));
  } catch {
    // Storage refused (private mode, full): the switch holds for this page only.
  }
}

/** `openShared` is the profile's shared cloud in the app; a test passes one over an in-memory disk. */
export async function createAppSyncLab(
  onChange: () => void,
  openShared: () => Promise<SharedCloud> = sharedCloudForTab,
) {
  const now = LAB_CLOCK.now;
  const shared = await openShared();
  const cloud: Cloud = shared.cloud;
  const app = cloud.demo.appSync;
  if (!app) throw new Error('This cloud has no AppSync API.');
  const wire = createWireLog(onChange);
  const conflicts: ConflictRecord[] = [];
  cloud.subscribe((event: TraceEvent) => {
    if (event.service !== 'appsync' && !event.requestId) return;
    wire.trace(event);
    if (event.kind === 'appsync.conflict') {
      conflicts.unshift({ at: event.at, detail: event.detail as ConflictRecord['detail'] });
      onChange();
    }
  });
  const region = cloud.demo.region;
  const online = savedOnline();
  const devices: LabDevice[] = [];

  function addDevice(id: string, label: string, user: string, makeAuth: (link: DeviceLink) => AppSyncAuth) {
    const link = createDeviceLink(
      {
        // Each request is one cycle of the shared cloud (latest state in, new state saved and announced).
        fetch: (request) => shared.fetch(request),
        connect: (url, protocol) => shared.connect(url, protocol),
      },
      online[id] ?? true,
      {
        onExchange: (request, response) => void wire.http(label, request, response),
        onSocketMessage: (direction, data) => {
          if (JSON.parse(data).type !== 'ka') wire.socket(label, direction, data);
        },
      },
    );
    const auth = makeAuth(link);
    const client = createAppSyncClient({
      url: app?.url as string,
      realtimeUrl: app?.realtimeUrl as string,
      fetch: link.fetch,
      connect: link.connect,
      storage: typeof indexedDB === 'undefined' ? createMemoryAppSyncStorage() : createIdbAppSyncStorage(id),
      now,
      auth,
      network: link,
    });
    const device: LabDevice = { id, label, user, mode: auth.mode, link, client, events: [] };
    const events = device.events;
    client.onEvent((event) => {
      events.unshift({ at: now(), event });
      if (events.length > 60) events.pop();
      onChange();
    });
    client.subscribe(onChange);
    link.subscribe(() => {
      saveOnline(id, link.isOnline());
      onChange();
    });
    devices.push(device);
    return device;
  }

  const offline = () => Promise.reject(new TypeError('Failed to fetch'));

  // Alice: a user pool user. The ID token is fetched through her device's network (InitiateAuth).
  const alice = cloud.demo.userPool.users[0] as { username: string; password: string };
  let aliceToken: { token: string; expires: number } | undefined;
  addDevice('alice-laptop', "Alice's laptop", `${alice.username} (user pool)`, (link) =>
    userPoolAuth(async () => {
      if (aliceToken && aliceToken.expires > now() + 60_000) return aliceToken.token;
      const response = await link.fetch(
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
      const out = (await response.json()) as {
        AuthenticationResult?: { IdToken: string; ExpiresIn: number };
      };
      if (!out.AuthenticationResult) throw new Error('Alice could not sign in.');
      aliceToken = {
        token: out.AuthenticationResult.IdToken,
        expires: now() + out.AuthenticationResult.ExpiresIn * 1000,
      };
      return aliceToken.token;
    }),
  );

  // Carol: signs in with Google, exchanges the Google ID token at the identity pool (enhanced flow),
  // and signs every AppSync request with the temporary credentials (AWS_IAM).
  const carol = cloud.demo.google.users[0] as { username: string; password: string };
  let googleToken: { token: string; at: number } | undefined;
  addDevice('carol-tablet', "Carol's tablet", `${carol.username} (Google → identity pool → IAM)`, (link) => {
    const source = cognitoIdentitySource({
      fetch: link.fetch,
      region,
      identityPoolId: cloud.demo.identityPool.id,
      now,
      logins: () => (googleToken ? { 'accounts.google.com': googleToken.token } : undefined),
    });
    return iamAuth({
      region,
      now,
      credentials: async () => {
        if (!link.isOnline()) return offline();
        if (!googleToken || googleToken.at < now() - 50 * 60_000) {
          googleToken = {
            token: await cloud.demo.google.signIn(carol.username, carol.password),
            at: now(),
          };
        }
        return (await source()).credentials;
      },
    });
  });

  for (const d of devices) void d.client.start();
  // Another tab switched a device's network: it is the same device, so switch it here too.
  if (typeof window !== 'undefined')
    window.addEventListener('storage', (e) => {
      if (e.key !== ONLINE_KEY) return;
      const saved = savedOnline();
      for (const d of devices) {
        const next = saved[d.id] ?? true;
        if (d.link.isOnline() !== next) d.link.setOnline(next);
      }
    });
  // Another tab changed the cloud (the conflict handler, items): show it.
  shared.onRemoteChange(onChange);

  return {
    cloud,
    devices,
    wire,
    conflicts,
    /** The clock behind every date this lab shows (named in the view). */
    clock: LAB_CLOCK,
    strategy: () => app.getConflictHandler(),
    /** Forgets the verdicts and every device's live messages (the guided scenario's restart). */
    clearHistory() {
      conflicts.length = 0;
      for (const d of devices) d.events.length = 0;
      onChange();
    },
    setStrategy(handler: ConflictHandler) {
      app.setConflictHandler(handler);
      onChange();
      // Then as one cycle of the shared cloud, so it is saved and every tab takes it in.
      void shared.change((latest) => latest.demo.appSync?.setConflictHandler(handler)).then(onChange);
    },
    /**
     * Forgets the lab: the AppSync API's data in the shared cloud (the rest of the account, such as the
     * Cognito Sync view's datasets, stays), both devices' databases and switches. The page reloads after.
     */
    async reset() {
      for (const d of devices) d.client.stop();
      await Promise.all([
        resetSharedService(shared, 'appsync'),
        ...devices.map((d) => deleteIdbAppSyncDevice(d.id)),
      ]);
      localStorage.removeItem(ONLINE_KEY);
    },
  };
}

export type AppSyncLab = Awaited<ReturnType<typeof createAppSyncLab>>;
