import type { ServiceRoute } from '../../core/service';

/** Placeholder route for execute-api: matches nothing until the service is implemented. */
export const executeApiRoute: ServiceRoute = {
  service: 'execute-api',
  matches: () => false,
  handle: async () => new Response(null, { status: 501 }),
};
