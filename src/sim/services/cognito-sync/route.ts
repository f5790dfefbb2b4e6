import type { ServiceRoute } from '../../core/service';

/** Placeholder route for cognito-sync: matches nothing until the service is implemented. */
export const cognitoSyncRoute: ServiceRoute = {
  service: 'cognito-sync',
  matches: () => false,
  handle: async () => new Response(null, { status: 501 }),
};
