/** Plain, JSON-serialisable state of the simulated sts service (filled in by its implementation). */
// biome-ignore lint/complexity/noBannedTypes: placeholder until the service lands
export type StsState = {};

export function createStsState(): StsState {
  return {};
}
