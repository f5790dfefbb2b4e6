/** Plain, JSON-serialisable state of the simulated execute-api service (filled in by its implementation). */
// biome-ignore lint/complexity/noBannedTypes: placeholder until the service lands
export type ExecuteApiState = {};

export function createExecuteApiState(): ExecuteApiState {
  return {};
}
