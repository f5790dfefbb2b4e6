import { hasOwn } from '../../core/dict';
import type { ServiceRoute } from '../../core/service';
import { apiIdFromHost, handleExecuteApi } from './handler';

/** `<apiId>.execute-api.<region>.amazonaws.com`; a host naming no deployed API does not resolve. */
export const executeApiRoute: ServiceRoute = {
  service: 'execute-api',
  matches: (url, world) => {
    const apiId = apiIdFromHost(url.hostname.toLowerCase(), world.region);
    return hasOwn(world.state.executeApi.apis, apiId);
  },
  handle: handleExecuteApi,
};
