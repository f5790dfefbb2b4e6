/**
 * The ids of the pipeline's boxes, shared by the graph builder (which draws them) and the flows played
 * against a stack (which say which boxes their requests went through), so both name a box the same way.
 */
const roleName = (arnOrName: string): string => arnOrName.split('/').pop() ?? arnOrName;

export const nodeIdOf = {
  userPool: (poolId: string) => `user-pool:${poolId}`,
  client: (clientId: string) => `client:${clientId}`,
  /** A user pool's identity provider (Google, SAML, OIDC …) by its provider name. */
  poolIdp: (poolId: string, providerName: string) => `pool-idp:${poolId}:${providerName}`,
  /** A provider an identity pool names directly: `accounts.google.com`, a SAML or OIDC provider ARN. */
  login: (provider: string) => `login:${provider}`,
  identityPool: (identityPoolId: string) => `identity-pool:${identityPoolId}`,
  /** By role ARN or name (paths aside, a role's name is unique in an account). */
  role: (arnOrName: string) => `role:${roleName(arnOrName)}`,
  resource: (kind: string, name: string) => `resource:${kind}:${name}`,
};
