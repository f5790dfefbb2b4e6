import { authenticate } from '../../auth/authenticate';
import type { ServiceRoute } from '../../core/service';
import { evaluate } from '../../iam/evaluate';
import { createSyncHandler } from './handler';
import { restJsonProtocol } from '../../protocol/registry';

/**
 * Cognito Sync at https://cognito-sync.<region>.amazonaws.com (REST-JSON, SigV4 signing name
 * `cognito-sync`), authenticated and authorised by the shared SigV4 and IAM engines.
 */
export const cognitoSyncRoute: ServiceRoute = {
  service: 'cognito-sync',
  protocol: restJsonProtocol,
  matches: (url, world) => url.hostname === `cognito-sync.${world.region}.amazonaws.com`,
  handle: createSyncHandler({
    authenticate: (request, ctx) =>
      authenticate(request, ctx, { service: 'cognito-sync', dialect: 'rest-json' }),
    evaluate,
  }),
};
