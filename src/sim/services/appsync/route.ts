import type { Exclusive } from '../../core/request-queue';
import { getOwn } from '../../core/dict';
import type { ServiceRoute } from '../../core/service';
import { appsyncGraphqlProtocol } from '../../protocol/registry';
import type { World } from '../../world';
import type { GraphqlApi } from './state';

/**
 * AppSync's GraphQL endpoint, https://<apiId>.appsync-api.<region>.amazonaws.com/graphql. The
 * handler (and graphql-js with it) is imported on first use, so the first page never downloads it.
 */
export function appSyncApiForHost(
  world: World,
  hostname: string,
  kind: 'appsync-api' | 'appsync-realtime-api',
): GraphqlApi | undefined {
  const suffix = `.${kind}.${world.region}.amazonaws.com`;
  if (!hostname.endsWith(suffix)) return undefined;
  return getOwn(world.state.appsync.apis, hostname.slice(0, -suffix.length));
}

export const appsyncRoute: ServiceRoute = {
  service: 'appsync',
  protocol: appsyncGraphqlProtocol,
  matches: (url, world) => appSyncApiForHost(world, url.hostname, 'appsync-api') !== undefined,
  async handle(request, ctx) {
    const api = appSyncApiForHost(ctx.world, new URL(request.url).hostname, 'appsync-api') as GraphqlApi;
    const { handleGraphqlRequest } = await import('./handler');
    return handleGraphqlRequest(api, request, ctx);
  },
};

/** Opens a simulated real-time connection (wss://<apiId>.appsync-realtime-api.<region>.amazonaws.com/graphql). */
export async function connectRealtime(world: World, address: string, protocol: string, exclusive: Exclusive) {
  const url = new URL(address);
  const api = appSyncApiForHost(world, url.hostname, 'appsync-realtime-api');
  if (url.protocol !== 'wss:' || !api || url.pathname !== '/graphql') {
    throw new TypeError(`WebSocket connection to '${address}' failed`);
  }
  const { openRealtimeSocket } = await import('./realtime');
  return openRealtimeSocket(world, api, url, protocol, exclusive);
}
