import type { AuthorizationRequest, EvaluationResult } from '../sim/index';
import type { BuiltWorld } from './build-world';
import type { WorldView } from './callers';
import { reviewCognito } from './findings-cognito';
import { reviewIdentityPools } from './findings-identity';
import type { MatrixModel } from './matrix';

/**
 * What a careful reviewer flags, each with a stable code, where it is in the template, AWS's
 * recommendation (the documentation page) and, where the engine can show it, the proof: the
 * evaluation of the request that demonstrates the risk, or the matrix cell that shows it.
 */
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

const ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

export function reviewStack(view: WorldView, built: ReviewInput['built'], model: MatrixModel): Finding[] {
  const input: ReviewInput = { view, built, model };
  const findings = [...reviewIdentityPools(input), ...reviewCognito(input)];
  return findings.sort(
    (a, b) =>
      ORDER[a.severity] - ORDER[b.severity] || a.code.localeCompare(b.code) || a.path.localeCompare(b.path),
  );
}
