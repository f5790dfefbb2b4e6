import { authenticate } from '../../auth/authenticate';
import type { ServiceRoute } from '../../core/service';
import { json11Handler } from '../../protocol/json-1-1';
import { answerFailure } from '../../protocol/wire-protocol';
import { json11Protocol } from '../../protocol/json-1-1';
import { getParameter } from './get-parameter';

/**
 * SSM at `ssm.<region>.amazonaws.com`, AWS JSON 1.1 with target prefix `AmazonSSM`. The signature is
 * verified before the body is parsed (SigV4 hashes the body, so authentication reads a clone).
 */
const SSM_PROTOCOL = json11Protocol('InternalServerError');

export const ssmRoute: ServiceRoute = {
  service: 'ssm',
  protocol: SSM_PROTOCOL,
  matches: (url, world) => url.hostname.toLowerCase() === `ssm.${world.region}.amazonaws.com`,
  async handle(request, ctx) {
    let caller: Awaited<ReturnType<typeof authenticate>>;
    try {
      caller = await authenticate(request.clone(), ctx, { service: 'ssm', dialect: 'json' });
    } catch (error) {
      return answerFailure(SSM_PROTOCOL, error, { ctx, method: request.method });
    }
    const url = new URL(request.url);
    const userAgent = request.headers.get('user-agent');
    return json11Handler({
      targetPrefix: 'AmazonSSM',
      internalErrorCode: 'InternalServerError',
      operations: { GetParameter: (input) => getParameter(input, ctx, caller, url, userAgent) },
    })(request, ctx);
  },
};
