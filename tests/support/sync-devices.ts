import { createSyncClient, type SyncClientOptions } from '../../src/sync/create-sync-client';
import { createDeviceNetwork } from '../../src/sync/device-network';
import { createMemoryStorage } from '../../src/sync/memory-storage';
import type { SyncStorage } from '../../src/sync/storage';
import { type SyncTestCloud, TEST_POOL, TEST_REGION, type TestIdentity } from './sync-cloud';

/**
 * A simulated device for client tests: its own network switch, storage and identity. `intercept`
 * lets a test act on each request before or after the cloud sees it (another device writing in
 * between, a response lost, a tab closed).
 */
export interface DeviceOptions extends Partial<SyncClientOptions> {
  storage?: SyncStorage;
  intercept?: (request: Request, send: (r: Request) => Promise<Response>) => Promise<Response>;
}

export function createTestDevice(
  cloud: SyncTestCloud,
  now: () => number,
  who: { current: TestIdentity; authenticated?: boolean },
  options: DeviceOptions = {},
) {
  const network = createDeviceNetwork((request) =>
    options.intercept ? options.intercept(request, cloud.fetch) : cloud.fetch(request),
  );
  const storage = options.storage ?? createMemoryStorage();
  const client = createSyncClient({
    fetch: network.fetch,
    storage,
    now,
    region: TEST_REGION,
    identityPoolId: TEST_POOL,
    identity: async () => ({
      identityId: who.current.identityId,
      authenticated: who.authenticated ?? false,
      credentials: who.current.credentials,
    }),
    ...options,
  });
  return { client, network, storage };
}

export const isUpdateRecords = (r: Request) =>
  r.method === 'POST' && /\/datasets\/[^/]+$/.test(new URL(r.url).pathname);
