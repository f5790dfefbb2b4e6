import type { ServiceRoute } from '../../core/service';

/** Placeholder route for ssm: matches nothing until the service is implemented. */
export const ssmRoute: ServiceRoute = {
  service: 'ssm',
  matches: () => false,
  handle: async () => new Response(null, { status: 501 }),
};
