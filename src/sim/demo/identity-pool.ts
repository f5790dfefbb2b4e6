import { createDict, getOwn, setOwn } from '../core/dict';
import type { Demo } from '../types';
import type { IdentityPoolConfig } from '../services/cognito-identity/state';
import type { World } from '../world';
import { classicIdentityPoolId, type DemoIds } from './ids';

/** The developer provider name of the demo pool (GetOpenIdTokenForDeveloperIdentity's Logins key). */
export const DEMO_DEVELOPER_PROVIDER = 'login.identity-atlas.demo';
export const DEMO_IDENTITY_POOL_NAME = 'atlas_identities';
export const DEMO_CLASSIC_IDENTITY_POOL_NAME = 'atlas_classic_identities';

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

/**
 * The second demo pool, for the basic (classic) flow. AWS refuses the basic flow in any pool that has
 * role mappings ("Basic (classic) flow is not supported with RoleMappings, please use enhanced flow.",
 * identity pools guide, "Role-based access control"), so the basic flow needs a pool without them:
 * classic flow allowed, guests allowed, the user pool, Google and the developer provider as logins, its
 * own pair of roles. No SAML provider: Cognito supports SAML logins only in the enhanced flow
 * (identity pools guide, "Customizing your user role with SAML").
 */
export function demoClassicIdentityPoolConfig(world: World, ids: DemoIds): IdentityPoolConfig {
  return {
    IdentityPoolId: classicIdentityPoolId(ids),
    IdentityPoolName: DEMO_CLASSIC_IDENTITY_POOL_NAME,
    AllowUnauthenticatedIdentities: true,
    AllowClassicFlow: true,
    SupportedLoginProviders: { 'accounts.google.com': ids.googleClientId },
    DeveloperProviderName: DEMO_DEVELOPER_PROVIDER,
    OpenIdConnectProviderARNs: [],
    CognitoIdentityProviders: [
      {
        ProviderName: `cognito-idp.${world.region}.amazonaws.com/${ids.userPoolId}`,
        ClientId: ids.userPoolClientId,
        ServerSideTokenCheck: false,
      },
    ],
    SamlProviderARNs: [],
    IdentityPoolTags: createDict(),
    Roles: {
      authenticated: roleArn(world, 'AtlasClassicAuthenticatedRole'),
      unauthenticated: roleArn(world, 'AtlasClassicGuestRole'),
    },
    RoleMappings: createDict(),
  };
}

/** Seeds the demo world's identity-pool part into fresh state (runs once per new cloud, never on restore). */
export async function seedIdentityPool(world: World, ids: DemoIds): Promise<void> {
  setOwn(world.state.cognitoIdentity.pools, ids.identityPoolId, demoIdentityPoolConfig(world, ids));
  const classic = demoClassicIdentityPoolConfig(world, ids);
  setOwn(world.state.cognitoIdentity.pools, classic.IdentityPoolId, classic);
}

/** The identity-pool part of `cloud.demo`, rebuilt from state (also after a restore). */
export function describeIdentityPool(world: World, ids: DemoIds): Partial<Demo> {
  const pools = world.state.cognitoIdentity.pools;
  const pool = getOwn(pools, ids.identityPoolId);
  if (!pool) return {};
  const summary = (p: IdentityPoolConfig) => ({
    id: p.IdentityPoolId,
    authenticatedRoleArn: p.Roles.authenticated ?? '',
    unauthenticatedRoleArn: p.Roles.unauthenticated ?? '',
  });
  // A snapshot saved before the classic pool existed describes it as it would have been seeded.
  const classic = getOwn(pools, classicIdentityPoolId(ids)) ?? demoClassicIdentityPoolConfig(world, ids);
  return { identityPool: summary(pool), classicIdentityPool: summary(classic) };
}
