import { authenticate } from '../../auth/authenticate';
import type { ServiceRoute } from '../../core/service';
import { json11Handler, json11Protocol } from '../../protocol/json-1-1';
import { getParameter } from './get-parameter';

/**
 * SSM at `ssm.<region>.amazonaws.com`, AWS JSON 1.1 with target prefix `AmazonSSM`. The signature is
 * verified before the body is parsed (SigV4 hashes the body, so authentication reads a clone). A
 * failure is thrown and answered at dispatch in JSON 1.1, with SSM's own internal-fault code.
 */
export const ssmRoute: ServiceRoute = {
  service: 'ssm',
  protocol: json11Protocol('InternalServerError'),
  matches: (url, world) => url.hostname.toLowerCase() === `ssm.${world.region}.amazonaws.com`,
  async handle(request, ctx) {
    const caller = await authenticate(request.clone(), ctx, { service: 'ssm', dialect: 'json' });
    const url = new URL(request.url);
    const userAgent = request.headers.get('user-agent');
    return json11Handler({
      targetPrefix: 'AmazonSSM',
      operations: { GetParameter: (input) => getParameter(input, ctx, caller, url, userAgent) },
    })(request, ctx);
  },
};
