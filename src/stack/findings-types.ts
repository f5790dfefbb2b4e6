import type { AuthorizationRequest, EvaluationResult } from '../sim/index';
import type { BuiltWorld } from './build-world';
import type { WorldView } from './callers';
import type { MatrixModel } from './matrix';

export type Severity = 'high' | 'medium' | 'low';

export interface Finding {
  code: string;
  severity: Severity;
  /** Where in the template (`Resources.X.Properties.Y`); `world` for a world built without one. */
  path: string;
  message: string;
  docs: string;
  /** The engine's proof: one evaluated request, or the matrix cell that shows the risk. */
  proof?: { request: AuthorizationRequest; result: EvaluationResult } | { caller: string; action: string };
}

export interface ReviewInput {
  view: WorldView;
  built: Pick<BuiltWorld, 'resources' | 'origins'>;
  model: MatrixModel;
}
