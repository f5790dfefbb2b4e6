import { jsonRequest } from '../wire/aws-requests';
import { secretHash } from '../wire/secret-hash';
import { keepTokens, userPoolSignIn } from './steps/user-pool';
import type { Scenario, ScenarioStep, StepContext } from './types';

/**
 * What-ifs of the user pool that app builders meet every week (issue 11 B.2, B.3, B.5): a client
 * secret shipped in a browser bundle, a forgotten password, and claims added by a trigger.
 */

const NEW_PASSWORD = 'Atlas-Bob-Reset-7!';

function confidential(ctx: StepContext) {
  return ctx.need(ctx.demo.userPool?.confidentialClient, 'the confidential app client');
}

const bob = (ctx: StepContext) => ctx.need(ctx.demo.userPool?.users?.[1], 'the demo user bob');

function secretSignIn(withHash: boolean): ScenarioStep {
  return {
    id: withHash ? 'secret-hash-from-bundle' : 'secret-hash-missing',
    label: withHash ? '2' : '1',
    title: withHash
      ? 'Anyone with the bundle computes SECRET_HASH and signs in'
      : 'Sign in through the confidential client without SECRET_HASH',
    from: 'app',
    to: 'userPool',
    packet: 'password',
    returns: 'jwt',
    operation: 'InitiateAuth',
    expect: withHash ? 'success' : 'denied',
    ...(withHash ? {} : { refusal: 'is configured with secret but SECRET_HASH was not received' }),
    narration: withHash
      ? {
          what: 'The client secret was shipped in the JavaScript bundle, so any visitor can read it and compute Base64(HMAC-SHA256(secret, username + clientId)). Cognito checks the hash, it matches, and the sign-in succeeds: the secret proved nothing about who is calling.',
          why: 'A client secret authenticates a client that can keep a secret: a server. A browser app cannot; everything it ships is public. Browser apps use a public app client (no secret) and the authorization code flow with PKCE.',
          misunderstanding:
            'A client secret in a single-page app is not “extra security”: it is a published string. Generate no secret for a browser client.',
        }
      : {
          what: 'The atlas-server-app app client has a secret, so every public call that names a user must carry SECRET_HASH. Without it Cognito refuses with NotAuthorizedException before looking at the password.',
          why: 'The hash binds the call to the client’s secret and to the username, so only holders of the secret can use this client.',
        },
    code: (demo) => ({
      sdk: `const SECRET_HASH = createHmac('sha256', '<client secret>')
  .update(username + '${demo.userPool?.confidentialClient?.clientId ?? '<client id>'}').digest('base64');
await idp.send(new InitiateAuthCommand({
  AuthFlow: 'USER_PASSWORD_AUTH',
  ClientId: '${demo.userPool?.confidentialClient?.clientId ?? '<client id>'}',
  AuthParameters: { USERNAME: username, PASSWORD: password${withHash ? ', SECRET_HASH' : ''} },
}));`,
    }),
    async run(ctx) {
      const client = confidential(ctx);
      const user = ctx.need(ctx.demo.userPool?.users?.[0], 'the demo user alice');
      const hash = withHash
        ? await secretHash(client.clientSecret, user.username, client.clientId)
        : undefined;
      const response = await ctx.fetch(
        jsonRequest(ctx.region, 'cognito-idp', 'InitiateAuth', {
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: client.clientId,
          AuthParameters: {
            USERNAME: user.username,
            PASSWORD: user.password,
            ...(hash ? { SECRET_HASH: hash } : {}),
          },
        }),
      );
      await keepTokens(ctx, response);
    },
  };
}

export const clientSecretInBrowser: Scenario = {
  id: 'what-if-client-secret-in-browser',
  title: 'What if a browser app holds a client secret?',
  summary: 'SECRET_HASH is required, but anyone who reads the bundle can compute it.',
  group: 'what-if',
  identity: 'userPool',
  actors: ['app', 'userPool'],
  steps: [secretSignIn(false), secretSignIn(true)],
};

const forgotStep: ScenarioStep = {
  id: 'forgot-password',
  label: '1',
  title: 'Bob asks for a password reset code (ForgotPassword)',
  from: 'app',
  to: 'userPool',
  packet: 'password',
  returns: 'data',
  operation: 'ForgotPassword',
  expect: 'success',
  narration: {
    what: 'ForgotPassword sends a 6-digit code to Bob’s verified email and answers CodeDeliveryDetails with a masked address. The code is valid for one hour.',
    why: 'Only a verified email or phone can receive a reset code: a user who verified neither cannot reset (InvalidParameterException), which is why auto-confirming users without verifying them bites later.',
    misunderstanding:
      'With PreventUserExistenceErrors ENABLED an unknown username gets the same kind of answer (a simulated delivery), so this call does not tell an attacker who has an account.',
  },
  code: (demo) => ({
    sdk: `await idp.send(new ForgotPasswordCommand({ ClientId: '${demo.userPool?.clientId ?? '<client id>'}', Username: 'bob' }));`,
    cli: `aws cognito-idp forgot-password --client-id ${demo.userPool?.clientId ?? '<client id>'} --username bob`,
  }),
  async run(ctx) {
    await ctx.fetch(
      jsonRequest(ctx.region, 'cognito-idp', 'ForgotPassword', {
        ClientId: ctx.demo.userPool?.clientId,
        Username: bob(ctx).username,
      }),
    );
  },
};

const confirmStep: ScenarioStep = {
  id: 'confirm-forgot-password',
  label: '2',
  title: 'Bob sets a new password with the code (ConfirmForgotPassword)',
  from: 'app',
  to: 'userPool',
  packet: 'password',
  returns: 'data',
  operation: 'ConfirmForgotPassword',
  expect: 'success',
  narration: {
    what: 'The app sends the code from the inbox and the new password. Cognito checks the code, then the password policy, and stores the new password.',
    why: 'Too many wrong codes or reset requests in an hour earn LimitExceededException: AWS allows between 5 and 20, depending on risk (this simulation allows 5). The code is short, so guessing is rate-limited.',
    misunderstanding:
      'A reset does not sign Bob out elsewhere: refresh tokens issued before it keep working until GlobalSignOut or RevokeToken.',
  },
  code: (demo) => ({
    sdk: `await idp.send(new ConfirmForgotPasswordCommand({
  ClientId: '${demo.userPool?.clientId ?? '<client id>'}', Username: 'bob',
  ConfirmationCode: '<code from the email>', Password: '<new password>',
}));`,
  }),
  async run(ctx) {
    const code = ctx.demo.userPool
      ?.inbox()
      .filter((m) => m.purpose === 'FORGOT_PASSWORD')
      .at(-1)?.code;
    await ctx.fetch(
      jsonRequest(ctx.region, 'cognito-idp', 'ConfirmForgotPassword', {
        ClientId: ctx.demo.userPool?.clientId,
        Username: bob(ctx).username,
        ConfirmationCode: ctx.need(code, 'the reset code in the inbox'),
        Password: NEW_PASSWORD,
      }),
    );
  },
};

const signInWithNewPassword: ScenarioStep = {
  ...userPoolSignIn(),
  id: 'sign-in-new-password',
  label: '3',
  title: 'Bob signs in with the new password',
  narration: {
    what: 'USER_PASSWORD_AUTH with the new password succeeds; the old password now answers “Incorrect username or password.”',
    why: 'The new password replaces the old one at once: the old one no longer signs in anywhere, though sessions already open keep their tokens.',
  },
  async run(ctx) {
    const response = await ctx.fetch(
      jsonRequest(ctx.region, 'cognito-idp', 'InitiateAuth', {
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: ctx.demo.userPool?.clientId,
        AuthParameters: { USERNAME: bob(ctx).username, PASSWORD: NEW_PASSWORD },
      }),
    );
    await keepTokens(ctx, response);
  },
};

export const forgottenPassword: Scenario = {
  id: 'what-if-forgotten-password',
  title: 'What if a user forgets their password?',
  summary:
    'ForgotPassword sends a one-hour code to a verified address; ConfirmForgotPassword sets the new password.',
  group: 'what-if',
  identity: 'userPool',
  actors: ['app', 'userPool'],
  steps: [forgotStep, confirmStep, signInWithNewPassword],
};

export const preTokenClaims: Scenario = {
  id: 'what-if-pre-token-generation',
  title: 'What if the app needs another claim in the token?',
  summary: 'A pre token generation trigger (V2_0) adds claims and a scope before Cognito signs the tokens.',
  group: 'what-if',
  identity: 'userPool',
  actors: ['app', 'userPool'],
  steps: [
    userPoolSignIn({
      id: 'sign-in-with-pre-token-trigger',
      narration: {
        what: 'The pool has a pre token generation function (event V2_0) that adds "tenant": "atlas" to both tokens and the scope reports/read to the access token. Cognito sends it the event (userAttributes, groupConfiguration, scopes), applies its answer, then signs: the inspector shows the Lambda event and response.',
        why: 'The pool signs the tokens, so only the pool, through its trigger, can change what they say.',
        misunderstanding:
          'Pre token generation is how you add claims; the client cannot edit the ID token (its signature would break), and V1_0 changes the ID token only: access token claims and scopes need V2_0, which needs the Essentials or Plus feature plan.',
      },
      async run(ctx) {
        ctx.demo.userPool?.setTriggers({
          preTokenGeneration: {
            version: 'V2_0',
            idTokenGeneration: { claimsToAddOrOverride: { tenant: 'atlas' } },
            accessTokenGeneration: {
              claimsToAddOrOverride: { tenant: 'atlas' },
              scopesToAdd: ['reports/read'],
            },
          },
        });
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
    }),
  ],
};
