/** Plain, JSON-serialisable state of the simulated cognito-identity service (filled in by its implementation). */
// biome-ignore lint/complexity/noBannedTypes: placeholder until the service lands
export type IdentityPoolState = {};

export function createIdentityPoolState(): IdentityPoolState {
  return {};
}
