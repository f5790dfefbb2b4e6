import {
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../index';
import { decodeJwt, failure, setup } from './test-setup';

interface Invocation {
  event: { triggerSource: string; request: { userAttributes?: Record<string, string> } };
  response: { response: unknown };
}

async function traced() {
  const ctx = await setup();
  const events: TraceEvent[] = [];
  ctx.cloud.subscribe((e) => events.push(e));
  const invocations = () =>
    events.filter((e) => e.kind === 'lambda.invoke').map((e) => e.detail as Invocation);
  return { ...ctx, events, invocations };
}

const signUp = (ctx: Awaited<ReturnType<typeof traced>>, Username = 'zoe') =>
  ctx.idp.send(
    new SignUpCommand({
      ClientId: ctx.demo.userPool.clientId,
      Username,
      Password: 'Sunny-Day-42!',
      UserAttributes: [{ Name: 'email', Value: `${Username}@example.com` }],
      ValidationData: [{ Name: 'invite', Value: 'A-1' }],
    }),
  );

const aliceSignIn = (ctx: Awaited<ReturnType<typeof traced>>, AuthFlow = 'USER_PASSWORD_AUTH' as const) =>
  ctx.idp.send(
    new InitiateAuthCommand({
      ClientId: ctx.demo.userPool.clientId,
      AuthFlow,
      AuthParameters: { USERNAME: 'alice', PASSWORD: ctx.demo.userPool.users[0]?.password as string },
    }),
  );

describe('cognito-idp Lambda triggers (simulated functions)', () => {
  it('pre sign-up auto-confirms and auto-verifies: no code is sent, UserConfirmed is true', async () => {
    const ctx = await traced();
    ctx.demo.userPool.setTriggers({ preSignUp: { autoConfirmUser: true, autoVerifyEmail: true } });
    const out = await signUp(ctx);
    expect(out.UserConfirmed).toBe(true);
    expect(out.CodeDeliveryDetails).toBeUndefined();
    // The trace must not tell the learner the auto-confirmed user is waiting for a code.
    expect(ctx.events.filter((e) => e.kind === 'state').map((e) => e.summary)).toContain(
      'User zoe signed up (CONFIRMED)',
    );
    expect(ctx.demo.userPool.inbox()).toHaveLength(0);
    const [call] = ctx.invocations();
    expect(call?.event).toEqual({
      version: '1',
      triggerSource: 'PreSignUp_SignUp',
      region: 'us-east-1',
      userPoolId: ctx.demo.userPool.id,
      userName: 'zoe',
      callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: ctx.demo.userPool.clientId },
      request: { userAttributes: { email: 'zoe@example.com' }, validationData: { invite: 'A-1' } },
      response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
    });
    expect(call?.response.response).toEqual({
      autoConfirmUser: true,
      autoVerifyEmail: true,
      autoVerifyPhone: false,
    });
    const idToken = decodeJwt(
      (
        await ctx.idp.send(
          new InitiateAuthCommand({
            ClientId: ctx.demo.userPool.clientId,
            AuthFlow: 'USER_PASSWORD_AUTH',
            AuthParameters: { USERNAME: 'zoe', PASSWORD: 'Sunny-Day-42!' },
          }),
        )
      ).AuthenticationResult?.IdToken as string,
    );
    expect(idToken.payload.email_verified).toBe(true);
  });

  it('a pre sign-up function that throws refuses the sign-up and stores no user', async () => {
    const ctx = await traced();
    ctx.demo.userPool.setTriggers({ preSignUp: { reject: 'Invitation code required' } });
    expect(await failure(signUp(ctx))).toEqual({
      name: 'UserLambdaValidationException',
      message: 'PreSignUp failed with error Invitation code required.',
      status: 400,
    });
    ctx.demo.userPool.setTriggers({});
    await expect(signUp(ctx)).resolves.toMatchObject({ UserConfirmed: false });
  });

  it('post confirmation runs after ConfirmSignUp; when it throws the user is confirmed all the same', async () => {
    const ctx = await traced();
    await signUp(ctx);
    ctx.demo.userPool.setTriggers({ postConfirmation: { reject: 'CRM unavailable' } });
    const code = ctx.demo.userPool.inbox()[0]?.code as string;
    expect(
      await failure(
        ctx.idp.send(
          new ConfirmSignUpCommand({
            ClientId: ctx.demo.userPool.clientId,
            Username: 'zoe',
            ConfirmationCode: code,
          }),
        ),
      ),
    ).toMatchObject({
      name: 'UserLambdaValidationException',
      message: 'PostConfirmation failed with error CRM unavailable.',
    });
    const event = ctx.invocations()[0]?.event;
    expect(event?.triggerSource).toBe('PostConfirmation_ConfirmSignUp');
    expect(event?.request.userAttributes).toMatchObject({
      'cognito:user_status': 'CONFIRMED',
      email_verified: 'true',
    });
    ctx.demo.userPool.setTriggers({});
    const auth = await ctx.idp.send(
      new InitiateAuthCommand({
        ClientId: ctx.demo.userPool.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'zoe', PASSWORD: 'Sunny-Day-42!' },
      }),
    );
    expect(auth.AuthenticationResult).toBeDefined();
  });

  it('pre authentication can refuse a sign-in before the password is checked', async () => {
    const ctx = await traced();
    ctx.demo.userPool.setTriggers({ preAuthentication: { reject: 'Sign-ins are paused' } });
    expect(await failure(aliceSignIn(ctx))).toEqual({
      name: 'UserLambdaValidationException',
      message: 'PreAuthentication failed with error Sign-ins are paused.',
      status: 400,
    });
    expect(ctx.invocations()[0]?.event.triggerSource).toBe('PreAuthentication_Authentication');
  });

  it('pre token generation V1_0 adds and suppresses ID token claims and overrides groups in both tokens', async () => {
    const ctx = await traced();
    ctx.demo.userPool.setTriggers({
      preTokenGeneration: {
        version: 'V1_0',
        claimsToAddOrOverride: { tenant: 'acme', sub: 'forged', name: 'Renamed' },
        claimsToSuppress: ['email', 'name'],
        groupOverrideDetails: { groupsToOverride: ['auditors'] },
      },
    });
    const out = (await aliceSignIn(ctx)).AuthenticationResult;
    const id = decodeJwt(out?.IdToken as string).payload;
    const access = decodeJwt(out?.AccessToken as string).payload;
    expect(id.tenant).toBe('acme');
    expect(id.email).toBeUndefined();
    expect(id.name).toBeUndefined(); // suppressed wins over added
    expect(id.sub).not.toBe('forged'); // reserved: Cognito keeps its value
    expect(id['cognito:groups']).toEqual(['auditors']);
    expect(id['cognito:roles']).toBeUndefined();
    expect(access['cognito:groups']).toEqual(['auditors']);
    expect(access.tenant).toBeUndefined(); // V1_0 changes the ID token's claims only
    const call = ctx.invocations()[0];
    expect(call?.event).toMatchObject({
      version: '1',
      triggerSource: 'TokenGeneration_Authentication',
      request: {
        groupConfiguration: {
          groupsToOverride: ['admins', 'readers'],
          iamRolesToOverride: [
            expect.stringContaining(':role/AtlasAdminsRole'),
            expect.stringContaining(':role/AtlasReadersRole'),
          ],
          preferredRole: expect.stringContaining(':role/AtlasAdminsRole'),
        },
      },
      response: { claimsOverrideDetails: null },
    });
    expect(ctx.events.some((e) => e.kind === 'lambda.ignored')).toBe(true);
  });

  it('pre token generation V2_0 customises the access token, its scopes, and runs again on refresh', async () => {
    const ctx = await traced();
    ctx.demo.userPool.setTriggers({
      preTokenGeneration: {
        version: 'V2_0',
        idTokenGeneration: { claimsToAddOrOverride: { plan: 'gold' } },
        accessTokenGeneration: {
          claimsToAddOrOverride: { department: 'platform' },
          scopesToAdd: ['reports/read'],
        },
      },
    });
    const out = (await aliceSignIn(ctx)).AuthenticationResult;
    const access = decodeJwt(out?.AccessToken as string).payload;
    expect(access.department).toBe('platform');
    expect(access.scope).toBe('aws.cognito.signin.user.admin reports/read');
    expect(decodeJwt(out?.IdToken as string).payload.plan).toBe('gold');
    expect(ctx.invocations()[0]?.event).toMatchObject({
      version: '2',
      request: { scopes: ['aws.cognito.signin.user.admin'] },
      response: { claimsAndScopeOverrideDetails: null },
    });
    await ctx.idp.send(
      new InitiateAuthCommand({
        ClientId: ctx.demo.userPool.clientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: out?.RefreshToken as string },
      }),
    );
    expect(ctx.invocations()[1]?.event.triggerSource).toBe('TokenGeneration_RefreshTokens');
  });

  it('getTriggers returns a copy of what was set, kept in the snapshot', async () => {
    const ctx = await traced();
    const config = { preSignUp: { autoConfirmUser: true } };
    ctx.demo.userPool.setTriggers(config);
    config.preSignUp.autoConfirmUser = false;
    expect(ctx.demo.userPool.getTriggers()).toEqual({ preSignUp: { autoConfirmUser: true } });
    const state = JSON.parse(ctx.cloud.snapshot().state);
    expect(state.cognitoIdp.pools[ctx.demo.userPool.id].lambdaTriggers).toEqual({
      preSignUp: { autoConfirmUser: true },
    });
  });
});
