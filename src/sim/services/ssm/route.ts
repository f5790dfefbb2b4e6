import { authenticate } from '../../auth/authenticate';
import { isAwsError } from '../../core/errors';
import type { ServiceRoute } from '../../core/service';
import { json11Handler, renderJson11Error } from '../../protocol/json-1-1';
import { getParameter } from './get-parameter';

/**
 * SSM at `ssm.<region>.amazonaws.com`, AWS JSON 1.1 with target prefix `AmazonSSM`. The signature is
 * verified before the body is parsed (SigV4 hashes the body, so authentication reads a clone).
 */
export const ssmRoute: ServiceRoute = {
  service: 'ssm',
  matches: (url, world) => url.hostname.toLowerCase() === `ssm.${world.region}.amazonaws.com`,
  async handle(request, ctx) {
    let caller: Awaited<ReturnType<typeof authenticate>>;
    try {
      caller = await authenticate(request.clone(), ctx, { service: 'ssm', dialect: 'json' });
    } catch (error) {
      if (!isAwsError(error)) throw error;
      ctx.emit('error', `${error.code}: ${error.message}`, {
        code: error.code,
        message: error.message,
        status: error.statusCode,
      });
      return renderJson11Error(error, ctx.requestId);
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
