import 'fake-indexeddb/auto';
import { type AppSyncClient, createAppSyncClient } from '../../src/appsync-client/create-appsync-client';
import { createDeviceLink, type DeviceLink } from '../../src/appsync-client/device-link';
import { iamAuth, userPoolAuth, apiKeyAuth } from '../../src/appsync-client/auth';
import { createIdbAppSyncStorage } from '../../src/appsync-client/idb-storage';
import type { AppSyncAuth, ClientEvent } from '../../src/appsync-client/types';
import { createCloud } from '../../src/sim/index';
import { cognitoIdentitySource } from '../../src/sync/identity-source';
import { graphql, idTokenFor } from '../appsync/appsync-support';
import { createTestClock } from '../support/cloud-handler';

let dbCounter = 0;

export async function world() {
  const clock = createTestClock();
  const cloud = await createCloud({ now: clock.now });
  const app = cloud.demo.appSync;
  if (!app) throw new Error('no AppSync in the demo');
  dbCounter += 1;
  const prefix = `t${dbCounter}-`;
  return { clock, cloud, app, prefix };
}

export type TestWorld = Awaited<ReturnType<typeof world>>;

/** A request gate: while `holding`, requests wait in `held` until released by hand (tldraw TestSocketPair style). */
export function gate(inner: (request: Request) => Promise<Response>) {
  const held: { request: Request; release(): Promise<void>; dropReply(): Promise<void> }[] = [];
  const state = { holding: false };
  const fetch = (request: Request): Promise<Response> => {
    if (!state.holding) return inner(request);
    return new Promise<Response>((resolve, reject) => {
      held.push({
        request,
        release: async () => {
          resolve(await inner(request));
        },
        // The request reaches the server but the page that sent it is gone (a reload).
        dropReply: async () => {
          await inner(request);
          reject(new Error('the page that sent this request was unloaded'));
        },
      });
    });
  };
  return { fetch, held, state };
}

export async function userPoolDevice(
  w: TestWorld,
  userIndex: number,
  deviceName: string,
  opts: { fetchWrap?: (f: DeviceLink['fetch']) => DeviceLink['fetch']; online?: boolean } = {},
) {
  const token = await idTokenFor(w.cloud, userIndex);
  return device(
    w,
    deviceName,
    userPoolAuth(async () => token),
    opts,
  );
}

export async function googleIamDevice(w: TestWorld, deviceName: string) {
  const carol = w.cloud.demo.google.users[0] as { username: string; password: string };
  const googleToken = await w.cloud.demo.google.signIn(carol.username, carol.password);
  const link = createDeviceLink(w.cloud);
  const source = cognitoIdentitySource({
    fetch: link.fetch,
    region: w.cloud.demo.region,
    identityPoolId: w.cloud.demo.identityPool.id,
    now: w.clock.now,
    logins: () => ({ 'accounts.google.com': googleToken }),
  });
  const auth = iamAuth({
    credentials: async () => (await source()).credentials,
    region: w.cloud.demo.region,
    now: w.clock.now,
  });
  return {
    ...(await device(w, deviceName, auth, {}, link)),
    identityId: async () => (await source()).identityId,
  };
}

export async function apiKeyDevice(w: TestWorld, deviceName: string) {
  return device(w, deviceName, apiKeyAuth(w.app.apiKey));
}

export async function device(
  w: TestWorld,
  deviceName: string,
  auth: AppSyncAuth,
  opts: { fetchWrap?: (f: DeviceLink['fetch']) => DeviceLink['fetch']; online?: boolean } = {},
  existingLink?: DeviceLink,
) {
  const link = existingLink ?? createDeviceLink(w.cloud, opts.online ?? true);
  const fetch = opts.fetchWrap ? opts.fetchWrap(link.fetch) : link.fetch;
  let n = 0;
  const open = () => {
    const client = createAppSyncClient({
      url: w.app.url,
      realtimeUrl: w.app.realtimeUrl,
      fetch,
      connect: link.connect,
      storage: createIdbAppSyncStorage(`${w.prefix}${deviceName}`),
      now: w.clock.now,
      auth,
      network: link,
      newId: () => `${deviceName}-item-${++n}`,
    });
    const events: ClientEvent[] = [];
    client.onEvent((e) => events.push(e));
    return { client, events };
  };
  const first = open();
  return { link, ...first, reload: open };
}

/** Lets microtasks and the simulated socket's deliveries run. */
export async function settle(...clients: AppSyncClient[]) {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 2));
    for (const c of clients) await c.idle();
  }
}

/** What AppSync holds, read over the wire with the API key (tombstones included, via a base sync). */
export async function serverItems(w: TestWorld) {
  const res = await graphql(
    w.cloud,
    { 'x-api-key': w.app.apiKey },
    '{ syncItems { items { id text done owner tags _version _deleted } } }',
  );
  return (res.body.data?.syncItems as { items: Record<string, unknown>[] } | undefined)?.items ?? [];
}
