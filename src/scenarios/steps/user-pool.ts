import { readJson } from '../../wire/aws-responses';
import { jsonRequest } from '../../wire/aws-requests';
import type { Demo } from '../../sim/index';
import type { ScenarioStep, StepContext } from '../types';

/** The `Logins` key of the demo user pool (docs/aws-reference.md §4.3). */
export function userPoolProviderName(demo: Demo): string {
  return `cognito-idp.${demo.region}.amazonaws.com/${demo.userPool?.id}`;
}

interface AuthenticationResult {
  AuthenticationResult?: { IdToken?: string; AccessToken?: string; RefreshToken?: string };
}

/** Keeps the three tokens of an `AuthenticationResult`, as Amplify keeps them in storage. */
export async function keepTokens(ctx: StepContext, response: Response): Promise<void> {
  const result = (await readJson<AuthenticationResult>(response))?.AuthenticationResult;
  if (result?.IdToken) ctx.vars.idToken = result.IdToken;
  if (result?.AccessToken) ctx.vars.accessToken = result.AccessToken;
  if (result?.RefreshToken) ctx.vars.refreshToken = result.RefreshToken;
}

export function userPoolSignIn(overrides: Partial<ScenarioStep> = {}): ScenarioStep {
  return {
    id: 'user-pool-sign-in',
    label: '1',
    title: 'Sign in to the user pool',
    from: 'app',
    to: 'userPool',
    packet: 'password',
    returns: 'jwt',
    operation: 'InitiateAuth',
    expect: 'success',
    narration: {
      what: 'The app sends the username and password to the user pool with InitiateAuth (USER_PASSWORD_AUTH). The call is not signed: it is a public API, and the password is the proof.',
      why: 'A user pool is a user directory. It checks who you are and answers with JSON Web Tokens. It never hands out AWS credentials by itself.',
      misunderstanding:
        'A user pool has no guest users: unauthenticated access exists only in identity pools. Real apps usually use SRP (USER_SRP_AUTH) so the password never leaves the device.',
    },
    code: (demo) => ({
      sdk: `import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';

const idp = new CognitoIdentityProviderClient({ region: '${demo.region}' });
const { AuthenticationResult } = await idp.send(new InitiateAuthCommand({
  AuthFlow: 'USER_PASSWORD_AUTH',
  ClientId: '${demo.userPool?.clientId ?? '<app client id>'}',
  AuthParameters: { USERNAME: '${demo.userPool?.users?.[0]?.username ?? 'alice'}', PASSWORD: '<password>' },
}));`,
      cli: `aws cognito-idp initiate-auth --region ${demo.region} \\
  --auth-flow USER_PASSWORD_AUTH \\
  --client-id ${demo.userPool?.clientId ?? '<app client id>'} \\
  --auth-parameters USERNAME=${demo.userPool?.users?.[0]?.username ?? 'alice'},PASSWORD='<password>'`,
    }),
    async run(ctx) {
      const user = ctx.demo.userPool?.users?.[0];
      const response = await ctx.fetch(
        jsonRequest(ctx.region, 'cognito-idp', 'InitiateAuth', {
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: ctx.demo.userPool?.clientId,
          AuthParameters: { USERNAME: user?.username, PASSWORD: user?.password },
        }),
      );
      await keepTokens(ctx, response);
    },
    ...overrides,
  };
}

export function getUserStep(overrides: Partial<ScenarioStep> = {}): ScenarioStep {
  return {
    id: 'get-user',
    label: '1.5',
    title: 'Use the access token with the user pool',
    from: 'app',
    to: 'userPool',
    packet: 'jwt',
    returns: 'data',
    operation: 'GetUser',
    expect: 'success',
    narration: {
      what: "The app calls GetUser with the access token in the body. The user pool checks the token's signature, expiry and revocation, and answers with the user's attributes.",
      why: "The access token is for calling the user pool's own APIs (and resource servers that check scopes). It carries client_id and scope, and it has no aud.",
      misunderstanding:
        'ID token vs access token: GetUser, GlobalSignOut and /oauth2/userInfo need the access token; identity pools need the ID token.',
    },
    code: (demo) => ({
      sdk: `import { CognitoIdentityProviderClient, GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';

const idp = new CognitoIdentityProviderClient({ region: '${demo.region}' });
const user = await idp.send(new GetUserCommand({ AccessToken: accessToken }));`,
      cli: `aws cognito-idp get-user --region ${demo.region} --access-token "$ACCESS_TOKEN"`,
    }),
    async run(ctx) {
      const token = ctx.need(ctx.vars.accessToken, 'the access token from the sign-in step');
      await ctx.fetch(jsonRequest(ctx.region, 'cognito-idp', 'GetUser', { AccessToken: token }));
    },
    ...overrides,
  };
}

export function globalSignOutStep(overrides: Partial<ScenarioStep> = {}): ScenarioStep {
  return {
    id: 'global-sign-out',
    label: '2',
    title: 'Sign out everywhere (GlobalSignOut)',
    from: 'app',
    to: 'userPool',
    packet: 'jwt',
    returns: 'data',
    operation: 'GlobalSignOut',
    expect: 'success',
    narration: {
      what: "The app calls GlobalSignOut with the access token. The user pool revokes the user's refresh tokens and marks the access and ID tokens it issued as revoked for its own APIs.",
      why: 'Signing out in Cognito ends the session at the user pool. It cannot reach into copies of tokens or AWS credentials already handed out.',
      misunderstanding:
        'Global sign-out does not kill JWTs everywhere: Cognito’s own APIs reject them, but offline verifiers such as API Gateway accept them until exp (an identity pool rejects the ID token only when its ServerSideTokenCheck is on, which it is not in this demo), and AWS credentials stay valid until they expire.',
    },
    code: (demo) => ({
      sdk: `await idp.send(new GlobalSignOutCommand({ AccessToken: accessToken })); // region ${demo.region}`,
      cli: `aws cognito-idp global-sign-out --region ${demo.region} --access-token "$ACCESS_TOKEN"`,
    }),
    async run(ctx) {
      const token = ctx.need(ctx.vars.accessToken, 'the access token from the sign-in step');
      await ctx.fetch(jsonRequest(ctx.region, 'cognito-idp', 'GlobalSignOut', { AccessToken: token }));
    },
    ...overrides,
  };
}

export function refreshStep(overrides: Partial<ScenarioStep> = {}): ScenarioStep {
  return {
    id: 'refresh',
    label: '3',
    title: 'Try the refresh token',
    from: 'app',
    to: 'userPool',
    packet: 'jwt',
    returns: 'jwt',
    operation: 'InitiateAuth',
    expect: 'success',
    narration: {
      what: 'The app sends the refresh token with InitiateAuth (REFRESH_TOKEN_AUTH) to get fresh ID and access tokens.',
      why: 'ID and access tokens live an hour by default; the refresh token (30 days by default) gets new ones without the password.',
      misunderstanding:
        'Refresh does not return a new refresh token unless rotation is on, and auth_time stays at the original sign-in.',
    },
    code: (demo) => ({
      sdk: `await idp.send(new InitiateAuthCommand({
  AuthFlow: 'REFRESH_TOKEN_AUTH',
  ClientId: '${demo.userPool?.clientId ?? '<app client id>'}',
  AuthParameters: { REFRESH_TOKEN: refreshToken },
}));`,
      cli: `aws cognito-idp initiate-auth --region ${demo.region} --auth-flow REFRESH_TOKEN_AUTH \\
  --client-id ${demo.userPool?.clientId ?? '<app client id>'} --auth-parameters REFRESH_TOKEN="$REFRESH_TOKEN"`,
    }),
    async run(ctx) {
      const token = ctx.need(ctx.vars.refreshToken, 'the refresh token from the sign-in step');
      const response = await ctx.fetch(
        jsonRequest(ctx.region, 'cognito-idp', 'InitiateAuth', {
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          ClientId: ctx.demo.userPool?.clientId,
          AuthParameters: { REFRESH_TOKEN: token },
        }),
      );
      await keepTokens(ctx, response);
    },
    ...overrides,
  };
}
