/** Plain, JSON-serialisable state of the simulated idp-saml service (filled in by its implementation). */
// biome-ignore lint/complexity/noBannedTypes: placeholder until the service lands
export type SamlState = {};

export function createSamlState(): SamlState {
  return {};
}
