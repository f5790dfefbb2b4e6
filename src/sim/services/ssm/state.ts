/** Plain, JSON-serialisable state of the simulated ssm service (filled in by its implementation). */
// biome-ignore lint/complexity/noBannedTypes: placeholder until the service lands
export type SsmState = {};

export function createSsmState(): SsmState {
  return {};
}
