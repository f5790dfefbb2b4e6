import type { ServiceRoute } from '../../core/service';

/** Placeholder route for idp-google: matches nothing until the service is implemented. */
export const idpGoogleRoute: ServiceRoute = {
  service: 'idp-google',
  matches: () => false,
  handle: async () => new Response(null, { status: 501 }),
};
