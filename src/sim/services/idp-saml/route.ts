import type { ServiceRoute } from '../../core/service';

/** Placeholder route for idp-saml: matches nothing until the service is implemented. */
export const idpSamlRoute: ServiceRoute = {
  service: 'idp-saml',
  matches: () => false,
  handle: async () => new Response(null, { status: 501 }),
};
