/** Plain, JSON-serialisable state of the simulated cognito-sync service (filled in by its implementation). */
// biome-ignore lint/complexity/noBannedTypes: placeholder until the service lands
export type CognitoSyncState = {};

export function createCognitoSyncState(): CognitoSyncState {
  return {};
}
