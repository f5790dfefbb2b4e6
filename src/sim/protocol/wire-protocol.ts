/**
 * What every wire protocol gives the engine: its internal-failure error and the one way it renders an
 * error; `serve`, the dispatch's one catch (hono's `#dispatch` turning an `HTTPException` into a
 * Response), and `answerFailure`, the one place a failure is recorded in the trace and rendered. The
 * protocols themselves and the registry keyed by name are in `registry.ts`.
 */
import { isAwsError } from '../core/errors';
import type { FailureContext, RequestContext, ServiceRoute, WireProtocol } from '../core/service';

export type { FailureContext, ProtocolName, WireProtocol } from '../core/service';

/**
 * Runs the route's handler; whatever it throws is answered in the route's protocol. Handlers never
 * catch to render: they throw, and this is the only place that turns the throw into a Response.
 */
export async function serve(route: ServiceRoute, request: Request, ctx: RequestContext): Promise<Response> {
  try {
    return await route.handle(request, ctx);
  } catch (error) {
    return answerFailure(route.protocol, error, { ctx, method: request.method });
  }
}

/**
 * The one place a failure is recorded and rendered: an AwsError as the answer AWS gives, anything
 * else as the protocol's internal failure, with the stack in the trace so the bug is visible.
 */
export function answerFailure(protocol: WireProtocol, error: unknown, failure: FailureContext): Response {
  const { ctx } = failure;
  if (isAwsError(error)) {
    ctx.emit('error', `${error.code}: ${error.message}`, {
      code: error.code,
      message: error.message,
      status: error.statusCode,
    });
    const response = protocol.render(error, failure);
    for (const [name, value] of Object.entries(error.headers)) response.headers.set(name, value);
    return response;
  }
  ctx.emit('error', `Internal failure in ${ctx.service}: ${String(error)}`, {
    stack: error instanceof Error ? error.stack : undefined,
  });
  return protocol.render(protocol.internalError(), failure);
}
