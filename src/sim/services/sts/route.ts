import type { ServiceRoute } from '../../core/service';

/** Placeholder route for sts: matches nothing until the service is implemented. */
export const stsRoute: ServiceRoute = {
  service: 'sts',
  matches: () => false,
  handle: async () => new Response(null, { status: 501 }),
};
