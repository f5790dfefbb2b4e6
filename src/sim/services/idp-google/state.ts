/** Plain, JSON-serialisable state of the simulated idp-google service (filled in by its implementation). */
// biome-ignore lint/complexity/noBannedTypes: placeholder until the service lands
export type GoogleState = {};

export function createGoogleState(): GoogleState {
  return {};
}
