/**
 * The demo's server side for the user pool's Admin* API: a role `AtlasBackendRole` that the demo IAM
 * user may assume (its trust policy names the user), allowed the Admin operations on the demo pool's
 * ARN and nothing else, and an app client `atlas-backend` with `ALLOW_ADMIN_USER_PASSWORD_AUTH` — the
 * browser client atlas-web has no admin flow. Seeded last so its ids leave every earlier id unchanged.
 */
import { getOwn, setOwn } from '../core/dict';
import { LOWER_ALPHANUMERIC } from '../core/random';
import { createRole, putInlinePolicy } from '../iam/state';
import type { AppClientRecord } from '../services/cognito-idp/state';
import type { Demo } from '../types';
import type { World } from '../world';
import { DEMO_USER_NAME } from './iam';
import type { DemoIds } from './ids';

export const BACKEND_ROLE_NAME = 'AtlasBackendRole';
export const BACKEND_CLIENT_NAME = 'atlas-backend';
/** What the backend may call: the sign-in and user-management Admin operations this simulation answers. */
export const BACKEND_ACTIONS = [
  'cognito-idp:AdminInitiateAuth',
  'cognito-idp:AdminRespondToAuthChallenge',
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminConfirmSignUp',
  'cognito-idp:AdminGetUser',
  'cognito-idp:ListUsers',
  'cognito-idp:ListUsersInGroup',
  'cognito-idp:GetGroup',
  'cognito-idp:ListGroups',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminListGroupsForUser',
  'cognito-idp:AdminRemoveUserFromGroup',
  'cognito-idp:AdminResetUserPassword',
  'cognito-idp:AdminSetUserPassword',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminEnableUser',
  'cognito-idp:AdminUserGlobalSignOut',
  'cognito-idp:AdminDeleteUser',
  'cognito-idp:AdminUpdateUserAttributes',
] as const;

export async function seedAdminBackend(world: World, ids: DemoIds): Promise<void> {
  const pool = getOwn(world.state.cognitoIdp.pools, ids.userPoolId);
  const user = getOwn(world.state.iam.users, DEMO_USER_NAME);
  if (!pool || !user) return;
  const role = createRole(world, {
    roleName: BACKEND_ROLE_NAME,
    description: 'A backend that manages and signs in user pool users with the Admin API',
    trustPolicy: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: user.arn }, Action: 'sts:AssumeRole' }],
    },
  });
  putInlinePolicy(role, 'UserPoolAdministration', {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'AdminApiOnTheDemoPool', Effect: 'Allow', Action: [...BACKEND_ACTIONS], Resource: pool.arn },
    ],
  });
  const clientId = world.random.string(26, LOWER_ALPHANUMERIC);
  const web = getOwn(pool.clients, ids.userPoolClientId);
  const client: AppClientRecord = {
    clientId,
    clientName: BACKEND_CLIENT_NAME,
    explicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    preventUserExistenceErrors: 'ENABLED',
    enableTokenRevocation: true,
    idTokenValiditySeconds: web?.idTokenValiditySeconds ?? 3600,
    accessTokenValiditySeconds: web?.accessTokenValiditySeconds ?? 3600,
    refreshTokenValiditySeconds: web?.refreshTokenValiditySeconds ?? 30 * 24 * 3600,
    allowedOAuthFlows: [],
    allowedOAuthScopes: [],
    callbackUrls: [],
    logoutUrls: [],
    supportedIdentityProviders: ['COGNITO'],
  };
  setOwn(pool.clients, clientId, client);
}

export function describeAdminBackend(world: World, ids: DemoIds): Partial<Demo> {
  const pool = getOwn(world.state.cognitoIdp.pools, ids.userPoolId);
  const role = getOwn(world.state.iam.roles, BACKEND_ROLE_NAME);
  const client = Object.values(pool?.clients ?? {}).find((c) => c.clientName === BACKEND_CLIENT_NAME);
  if (!pool || !role || !client) return {};
  return {
    adminBackend: {
      roleArn: role.arn,
      userPoolArn: pool.arn,
      clientId: client.clientId,
      actions: [...BACKEND_ACTIONS],
    },
  };
}
