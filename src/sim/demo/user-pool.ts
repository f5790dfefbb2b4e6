import { createDict, getOwn, setOwn } from '../core/dict';
import { LOWER_ALPHANUMERIC } from '../core/random';
import { ADMIN_READ_ONLY, STANDARD_ATTRIBUTES } from '../services/cognito-idp/attributes';
import { DEFAULT_PASSWORD_POLICY } from '../services/cognito-idp/password';
import { passwordForms } from '../services/cognito-idp/srp-verifier';
import type { AppClientRecord, PoolRecord, UserRecord } from '../services/cognito-idp/state';
import type { Demo } from '../types';
import type { World } from '../world';
import { CONFIDENTIAL_CLIENT_NAME } from './confidential-client';
import type { DemoIds } from './ids';
import { MACHINE_CLIENT_NAME } from './machine-client';

/**
 * The demo user pool "atlas-users": two app clients (atlas-web, the app itself, and atlas-other-app,
 * whose tokens the attack scenarios present to the wrong audience), groups admins and readers with IAM
 * roles, confirmed users alice and bob, an unconfirmed and a disabled user for the error demos.
 *
 * PreventUserExistenceErrors: atlas-web is ENABLED (what the console picks for new clients and what
 * AWS recommends), so an unknown user looks like a wrong password there; atlas-other-app keeps the API
 * default LEGACY, so the same request answers UserNotFoundException — both lessons in one world.
 */
export const DEMO_USERS = {
  alice: {
    username: 'alice',
    password: 'Atlas-Alice-2026!',
    email: 'alice@example.com',
    name: 'Alice Atlas',
    groups: ['admins', 'readers'],
  },
  bob: {
    username: 'bob',
    password: 'Atlas-Bob-2026!',
    email: 'bob@example.com',
    name: 'Bob Builder',
    groups: ['readers'],
  },
  unconfirmed: {
    username: 'una',
    password: 'Atlas-Una-2026!',
    email: 'una@example.com',
    name: 'Una Unconfirmed',
    groups: [],
  },
  disabled: {
    username: 'dirk',
    password: 'Atlas-Dirk-2026!',
    email: 'dirk@example.com',
    name: 'Dirk Disabled',
    groups: ['readers'],
  },
} as const;

const HOUR = 3600;

/**
 * atlas-web's ReadAttributes and WriteAttributes: every attribute of the pool, custom:department too (the
 * sign-up view sets it, the departments scenario reads it from the ID token). Without lists a client reads
 * and writes only the standard attributes (client-attributes.ts), as atlas-other-app does. `identities`
 * stays readable (GetUser shows a federated user's); `sub` always is. The write list leaves out Cognito's
 * own attributes and phone_number_verified, but names email_verified: the Google provider maps it, and a
 * returning Google user's sign-in fails when the client may not write a mapped attribute
 * (federation-api.ts). SignUp and UpdateUserAttributes still never set a verified flag (attributes.ts).
 */
const WEB_READ = [...STANDARD_ATTRIBUTES.filter((a) => a !== 'sub'), 'custom:department'];
const WEB_WRITE = WEB_READ.filter((a) => !ADMIN_READ_ONLY.has(a) && a !== 'phone_number_verified');

function client(clientId: string, clientName: string, overrides: Partial<AppClientRecord>): AppClientRecord {
  return {
    clientId,
    clientName,
    explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    preventUserExistenceErrors: 'ENABLED',
    enableTokenRevocation: true,
    idTokenValiditySeconds: HOUR,
    accessTokenValiditySeconds: HOUR,
    refreshTokenValiditySeconds: 30 * 24 * HOUR,
    allowedOAuthFlows: ['code'],
    allowedOAuthScopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
    callbackUrls: ['https://app.identity-atlas.test/callback'],
    logoutUrls: ['https://app.identity-atlas.test/'],
    supportedIdentityProviders: ['COGNITO', 'Google', 'ExampleCorp'],
    ...overrides,
  };
}

export async function seedUserPool(world: World, ids: DemoIds): Promise<void> {
  const now = world.now();
  const role = (name: string) => `arn:aws:iam::${world.accountId}:role/${name}`;
  // Drawn here (not in demo/ids.ts) so the other ids keep their values; fresh worlds only.
  const otherClientId = world.random.string(26, LOWER_ALPHANUMERIC);
  const pool: PoolRecord = {
    id: ids.userPoolId,
    name: 'atlas-users',
    arn: `arn:aws:cognito-idp:${world.region}:${world.accountId}:userpool/${ids.userPoolId}`,
    creationDate: now,
    passwordPolicy: { ...DEFAULT_PASSWORD_POLICY },
    autoVerifiedAttributes: ['email'],
    caseSensitiveUsernames: false,
    schema: [
      { name: 'email', mutable: true, required: true, dataType: 'String' },
      { name: 'custom:department', mutable: true, required: false, dataType: 'String' },
    ],
    domainPrefix: ids.userPoolDomainPrefix,
    clients: {
      [ids.userPoolClientId]: client(ids.userPoolClientId, 'atlas-web', {
        readAttributes: [...WEB_READ],
        writeAttributes: [...WEB_WRITE],
      }),
      [otherClientId]: client(otherClientId, 'atlas-other-app', {
        explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        preventUserExistenceErrors: 'LEGACY',
        allowedOAuthFlows: [],
        allowedOAuthScopes: [],
        callbackUrls: [],
        logoutUrls: [],
        supportedIdentityProviders: ['COGNITO'],
      }),
    },
    groups: {
      admins: {
        groupName: 'admins',
        description: 'Atlas administrators',
        precedence: 1,
        roleArn: role('AtlasAdminsRole'),
        creationDate: now,
      },
      readers: {
        groupName: 'readers',
        description: 'Atlas readers',
        precedence: 2,
        roleArn: role('AtlasReadersRole'),
        creationDate: now,
      },
    },
    users: createDict(),
  };
  setOwn(world.state.cognitoIdp.pools, pool.id, pool);
  const departments: Record<string, string> = { alice: 'platform', bob: 'research' };
  for (const [kind, u] of Object.entries(DEMO_USERS)) {
    const sub = world.random.uuid();
    const user: UserRecord = {
      username: u.username,
      sub,
      status: kind === 'unconfirmed' ? 'UNCONFIRMED' : 'CONFIRMED',
      enabled: kind !== 'disabled',
      createdAt: now,
      lastModifiedAt: now,
      attributes: {
        sub,
        email: u.email,
        email_verified: kind === 'unconfirmed' ? 'false' : 'true',
        name: u.name,
        ...(departments[u.username] ? { 'custom:department': departments[u.username] as string } : {}),
      },
      // The hash for USER_PASSWORD_AUTH and the SRP verifier for USER_SRP_AUTH (the verifier draws no
      // randomness, so the seeded ids after it keep their values).
      ...(await passwordForms(world, pool.id, u.username, u.password)),
      groups: [...u.groups],
      attributeCodes: createDict(),
      failedAttempts: 0,
    };
    setOwn(pool.users, u.username, user);
  }
}

export function describeUserPool(world: World, ids: DemoIds): Partial<Demo> {
  const pool = getOwn(world.state.cognitoIdp.pools, ids.userPoolId);
  const clients = Object.values(pool?.clients ?? {});
  const clientNamed = (name: string) => clients.find((c) => c.clientName === name);
  const otherClientId = clientNamed('atlas-other-app')?.clientId ?? '';
  const confidential = clientNamed(CONFIDENTIAL_CLIENT_NAME);
  const machine = clientNamed(MACHINE_CLIENT_NAME);
  const userPool: Demo['userPool'] = {
    id: ids.userPoolId,
    clientId: ids.userPoolClientId,
    users: [DEMO_USERS.alice, DEMO_USERS.bob].map(({ username, password }) => ({ username, password })),
    otherClientId,
    domain: `https://${ids.userPoolDomainPrefix}.auth.${world.region}.amazoncognito.com`,
    unconfirmedUser: { username: DEMO_USERS.unconfirmed.username, password: DEMO_USERS.unconfirmed.password },
    disabledUser: { username: DEMO_USERS.disabled.username, password: DEMO_USERS.disabled.password },
    ...(confidential?.clientSecret
      ? { confidentialClient: { clientId: confidential.clientId, clientSecret: confidential.clientSecret } }
      : {}),
    ...(machine?.clientSecret
      ? {
          machineClient: {
            clientId: machine.clientId,
            clientSecret: machine.clientSecret,
            scope: machine.allowedOAuthScopes.join(' '),
          },
        }
      : {}),
    setTriggers: (config) => {
      const target = getOwn(world.state.cognitoIdp.pools, ids.userPoolId);
      if (target) target.lambdaTriggers = structuredClone(config);
    },
    getTriggers: () =>
      structuredClone(getOwn(world.state.cognitoIdp.pools, ids.userPoolId)?.lambdaTriggers ?? {}),
    setSignIn: (mode) => {
      const target = getOwn(world.state.cognitoIdp.pools, ids.userPoolId);
      if (!target) return;
      delete target.usernameAttributes;
      delete target.aliasAttributes;
      if (mode === 'email') target.usernameAttributes = ['email'];
      if (mode === 'username-or-email') target.aliasAttributes = ['email'];
    },
    getSignIn: () => {
      const target = getOwn(world.state.cognitoIdp.pools, ids.userPoolId);
      if (target?.usernameAttributes?.includes('email')) return 'email';
      return target?.aliasAttributes?.includes('email') ? 'username-or-email' : 'username';
    },
    inbox: () =>
      world.state.cognitoIdp.inbox
        .filter((m) => m.poolId === ids.userPoolId)
        .map(({ to, username, code, purpose, at }) => ({ to, username, code, purpose, at })),
  };
  return { userPool };
}
