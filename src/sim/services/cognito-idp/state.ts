/** Plain, JSON-serialisable state of the simulated cognito-idp service (filled in by its implementation). */
// biome-ignore lint/complexity/noBannedTypes: placeholder until the service lands
export type UserPoolState = {};

export function createUserPoolState(): UserPoolState {
  return {};
}
