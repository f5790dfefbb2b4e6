import { createDict, getOwn, setOwn } from '../core/dict';
import type { Demo } from '../index';
import type { IdentityPoolConfig } from '../services/cognito-identity/state';
import type { World } from '../world';
import type { DemoIds } from './ids';

/** The developer provider name of the demo pool (GetOpenIdTokenForDeveloperIdentity's Logins key). */
export const DEMO_DEVELOPER_PROVIDER = 'login.identity-atlas.demo';
export const DEMO_IDENTITY_POOL_NAME = 'atlas_identities';

const roleArn = (world: World, name: string) => `arn:aws:iam::${world.accountId}:role/${name}`;

/** The demo identity pool's configuration, as DescribeIdentityPool and GetIdentityPoolRoles return it. */
export function demoIdentityPoolConfig(world: World, ids: DemoIds): IdentityPoolConfig {
  const userPoolProvider = `cognito-idp.${world.region}.amazonaws.com/${ids.userPoolId}`;
  return {
    IdentityPoolId: ids.identityPoolId,
    IdentityPoolName: DEMO_IDENTITY_POOL_NAME,
    AllowUnauthenticatedIdentities: true,
    AllowClassicFlow: true,
    SupportedLoginProviders: { 'accounts.google.com': ids.googleClientId },
    DeveloperProviderName: DEMO_DEVELOPER_PROVIDER,
    OpenIdConnectProviderARNs: [],
    CognitoIdentityProviders: [
      { ProviderName: userPoolProvider, ClientId: ids.userPoolClientId, ServerSideTokenCheck: false },
    ],
    SamlProviderARNs: [`arn:aws:iam::${world.accountId}:saml-provider/ExampleCorpIdP`],
    IdentityPoolTags: createDict(),
    Roles: {
      authenticated: roleArn(world, 'AtlasAuthenticatedRole'),
      unauthenticated: roleArn(world, 'AtlasGuestRole'),
    },
    // Token-based mapping for the user pool app client: group roles via cognito:preferred_role,
    // everyone else gets the authenticated role.
    RoleMappings: {
      [`${userPoolProvider}:${ids.userPoolClientId}`]: {
        Type: 'Token',
        AmbiguousRoleResolution: 'AuthenticatedRole',
      },
    },
  };
}

/** Seeds the demo world's identity-pool part into fresh state (runs once per new cloud, never on restore). */
export async function seedIdentityPool(world: World, ids: DemoIds): Promise<void> {
  setOwn(world.state.cognitoIdentity.pools, ids.identityPoolId, demoIdentityPoolConfig(world, ids));
}

/** The identity-pool part of `cloud.demo`, rebuilt from state (also after a restore). */
export function describeIdentityPool(world: World, ids: DemoIds): Partial<Demo> {
  const pool = getOwn(world.state.cognitoIdentity.pools, ids.identityPoolId);
  if (!pool) return {};
  return {
    identityPool: {
      id: pool.IdentityPoolId,
      authenticatedRoleArn: pool.Roles.authenticated ?? '',
      unauthenticatedRoleArn: pool.Roles.unauthenticated ?? '',
    },
  };
}
