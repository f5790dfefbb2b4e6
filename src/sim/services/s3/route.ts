import type { ServiceRoute } from '../../core/service';

/** Placeholder route for s3: matches nothing until the service is implemented. */
export const s3Route: ServiceRoute = {
  service: 's3',
  matches: () => false,
  handle: async () => new Response(null, { status: 501 }),
};
