/** Plain, JSON-serialisable IAM state: users, roles, managed policies, identity providers (filled in by its implementation). */
// biome-ignore lint/complexity/noBannedTypes: placeholder until IAM lands
export type IamState = {};

export function createIamState(): IamState {
  return {};
}
