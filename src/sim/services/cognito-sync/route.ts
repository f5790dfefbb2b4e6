import { AwsError } from '../../core/errors';
import type { ServiceRoute } from '../../core/service';
import { createSyncHandler, type SyncSecurity } from './handler';

/**
 * Cognito Sync at https://cognito-sync.<region>.amazonaws.com (REST-JSON, SigV4 service name
 * `cognito-sync`).
 */
const security: SyncSecurity = {
  async authenticate() {
    throw new AwsError(
      'InternalErrorException',
      'SigV4 verification is not wired into cognito-sync yet.',
      500,
      'Receiver',
    );
  },
  evaluate() {
    throw new AwsError(
      'InternalErrorException',
      'IAM evaluation is not wired into cognito-sync yet.',
      500,
      'Receiver',
    );
  },
};

export const cognitoSyncRoute: ServiceRoute = {
  service: 'cognito-sync',
  matches: (url, world) => url.hostname === `cognito-sync.${world.region}.amazonaws.com`,
  handle: createSyncHandler(security),
};
