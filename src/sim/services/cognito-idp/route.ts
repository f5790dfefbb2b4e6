import type { ServiceRoute } from '../../core/service';

/** Placeholder route for cognito-idp: matches nothing until the service is implemented. */
export const cognitoIdpRoute: ServiceRoute = {
  service: 'cognito-idp',
  matches: () => false,
  handle: async () => new Response(null, { status: 501 }),
};
