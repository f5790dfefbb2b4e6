import type { Scenario } from '../../scenarios/types';

/**
 * How the lesson names a step in its sentences: "step 2" where the phase label is the scenario's only
 * step with it, "step 5, “Probe: the ID token at API Gateway”" where several share it (the sign-out
 * probes are all phase 5), so "Run step 5" never leaves the reader guessing which of four.
 */
export function stepName(scenario: Scenario, index: number, title: string): string {
  const label = scenario.steps[index]?.label ?? '';
  const shared = scenario.steps.filter((s) => s.label === label).length > 1;
  return shared ? `step ${label}, “${title}”` : `step ${label}`;
}
