/**
 * What every wire protocol gives the engine: its internal-failure error and the one way it renders an
 * error, and `answerFailure`, the one place a failure is recorded in the trace and rendered. The
 * protocols themselves and the registry keyed by name are in `registry.ts`.
 */
import { isAwsError } from '../core/errors';
import type { WireProtocol, FailureContext } from '../core/service';

export type { FailureContext, ProtocolName, WireProtocol } from '../core/service';

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
    return protocol.render(error, failure);
  }
  ctx.emit('error', `Internal failure in ${ctx.service}: ${String(error)}`, {
    stack: error instanceof Error ? error.stack : undefined,
  });
  return protocol.render(protocol.internalError(), failure);
}
