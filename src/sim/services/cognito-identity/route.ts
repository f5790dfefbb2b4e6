import type { ServiceRoute } from '../../core/service';

/** Placeholder route for cognito-identity: matches nothing until the service is implemented. */
export const cognitoIdentityRoute: ServiceRoute = {
  service: 'cognito-identity',
  matches: () => false,
  handle: async () => new Response(null, { status: 501 }),
};
