import { hasOwn } from '../../core/dict';
import type { ServiceRoute } from '../../core/service';
import { apiGatewayProtocol } from '../../protocol/registry';
import { toBase64 } from '../s3/bytes';
import { apiIdFromHost, handleExecuteApi } from './handler';

/** `<apiId>.execute-api.<region>.amazonaws.com`; a host naming no deployed API does not resolve. */
export const executeApiRoute: ServiceRoute = {
  service: 'execute-api',
  protocol: apiGatewayProtocol,
  matches: (url, world) => {
    const apiId = apiIdFromHost(url.hostname.toLowerCase(), world.region);
    return hasOwn(world.state.executeApi.apis, apiId);
  },
  handle: handleExecuteApi,
  // `x-amz-apigw-id` (API Gateway's extendedRequestId): 16 base64 characters, on every reply.
  newExtendedRequestId: (world) => toBase64(world.random.bytes(11)),
};
