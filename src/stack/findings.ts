import type { WorldView } from './callers';
import { reviewCognito } from './findings-cognito';
import type { DuplicateKey } from './errors';
import { reviewDuplicateKeys } from './findings-template';
import { reviewIdentityPools } from './findings-identity';
import type { MatrixModel } from './matrix';
import type { Finding, ReviewInput, Severity } from './findings-types';

/**
 * What a careful reviewer flags, each with a stable code, where it is in the template, AWS's
 * recommendation (the documentation page) and, where the engine can show it, the proof: the
 * evaluation of the request that demonstrates the risk, or the matrix cell that shows it.
 */
export type { Finding, ReviewInput, Severity } from './findings-types';

const ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

export function reviewStack(
  view: WorldView,
  built: ReviewInput['built'],
  model: MatrixModel,
  duplicates: readonly DuplicateKey[] = [],
): Finding[] {
  const input: ReviewInput = { view, built, model };
  const findings = [
    ...reviewIdentityPools(input),
    ...reviewCognito(input),
    ...reviewDuplicateKeys(duplicates),
  ];
  return findings.sort(
    (a, b) =>
      ORDER[a.severity] - ORDER[b.severity] || a.code.localeCompare(b.code) || a.path.localeCompare(b.path),
  );
}
