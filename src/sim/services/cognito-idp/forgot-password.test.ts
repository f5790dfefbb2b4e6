import {
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { failure, setup } from './test-setup';

const NEW_PASSWORD = 'Brand-New-Pass-7!';

async function requestReset(ctx: Awaited<ReturnType<typeof setup>>, username = 'alice') {
  const out = await ctx.idp.send(
    new ForgotPasswordCommand({ ClientId: ctx.demo.userPool.clientId, Username: username }),
  );
  const code = ctx.demo.userPool
    .inbox()
    .filter((m) => m.purpose === 'FORGOT_PASSWORD')
    .at(-1)?.code as string;
  return { out, code };
}

const signIn = (ctx: Awaited<ReturnType<typeof setup>>, username: string, password: string) =>
  ctx.idp.send(
    new InitiateAuthCommand({
      ClientId: ctx.demo.userPool.clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  );

describe('cognito-idp ForgotPassword / ConfirmForgotPassword', () => {
  it('sends a reset code to the verified email and answers CodeDeliveryDetails', async () => {
    const ctx = await setup();
    const { out, code } = await requestReset(ctx);
    expect(out.CodeDeliveryDetails).toEqual({
      AttributeName: 'email',
      DeliveryMedium: 'EMAIL',
      Destination: 'a***@e***',
    });
    expect(ctx.demo.userPool.inbox().at(-1)).toEqual({
      to: 'alice@example.com',
      username: 'alice',
      code,
      purpose: 'FORGOT_PASSWORD',
      at: ctx.clock.now(),
    });
    expect(code).toMatch(/^\d{6}$/);
  });

  it('sets the new password: it signs in, the old one no longer does', async () => {
    const ctx = await setup();
    const old = ctx.demo.userPool.users[0]?.password as string;
    const { code } = await requestReset(ctx);
    await ctx.idp.send(
      new ConfirmForgotPasswordCommand({
        ClientId: ctx.demo.userPool.clientId,
        Username: 'alice',
        ConfirmationCode: code,
        Password: NEW_PASSWORD,
      }),
    );
    expect((await signIn(ctx, 'alice', NEW_PASSWORD)).AuthenticationResult?.IdToken).toBeTruthy();
    expect(await failure(signIn(ctx, 'alice', old))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
      status: 400,
    });
  });

  it('does not revoke refresh tokens issued before the reset', async () => {
    const ctx = await setup();
    const before = await signIn(ctx, 'alice', ctx.demo.userPool.users[0]?.password as string);
    const { code } = await requestReset(ctx);
    await ctx.idp.send(
      new ConfirmForgotPasswordCommand({
        ClientId: ctx.demo.userPool.clientId,
        Username: 'alice',
        ConfirmationCode: code,
        Password: NEW_PASSWORD,
      }),
    );
    const refreshed = await ctx.idp.send(
      new InitiateAuthCommand({
        ClientId: ctx.demo.userPool.clientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: before.AuthenticationResult?.RefreshToken as string },
      }),
    );
    expect(refreshed.AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it('refuses a wrong code, then an expired one, with AWS messages', async () => {
    const ctx = await setup();
    const { code } = await requestReset(ctx);
    const confirm = (c: string) =>
      ctx.idp.send(
        new ConfirmForgotPasswordCommand({
          ClientId: ctx.demo.userPool.clientId,
          Username: 'alice',
          ConfirmationCode: c,
          Password: NEW_PASSWORD,
        }),
      );
    const wrong = code === '000000' ? '111111' : '000000';
    expect(await failure(confirm(wrong))).toEqual({
      name: 'CodeMismatchException',
      message: 'Invalid verification code provided, please try again.',
      status: 400,
    });
    ctx.clock.advance(60 * 60 * 1000);
    expect(await failure(confirm(code))).toEqual({
      name: 'ExpiredCodeException',
      message: 'Invalid code provided, please request a code again.',
      status: 400,
    });
  });

  it('answers ExpiredCodeException when no code was requested', async () => {
    const ctx = await setup();
    const e = await failure(
      ctx.idp.send(
        new ConfirmForgotPasswordCommand({
          ClientId: ctx.demo.userPool.clientId,
          Username: 'bob',
          ConfirmationCode: '123456',
          Password: NEW_PASSWORD,
        }),
      ),
    );
    expect(e.name).toBe('ExpiredCodeException');
  });

  it('refuses a new password that breaks the policy and keeps the code usable', async () => {
    const ctx = await setup();
    const { code } = await requestReset(ctx);
    const confirm = (Password: string) =>
      ctx.idp.send(
        new ConfirmForgotPasswordCommand({
          ClientId: ctx.demo.userPool.clientId,
          Username: 'alice',
          ConfirmationCode: code,
          Password,
        }),
      );
    expect(await failure(confirm('alllowercase1!'))).toEqual({
      name: 'InvalidPasswordException',
      message: 'Password did not conform with policy: Password must have uppercase characters',
      status: 400,
    });
    await expect(confirm(NEW_PASSWORD)).resolves.toBeDefined();
  });

  it('stops the sixth wrong code and the sixth request in an hour with LimitExceededException', async () => {
    const ctx = await setup();
    const { code } = await requestReset(ctx);
    const wrong = code === '000000' ? '111111' : '000000';
    const confirm = () =>
      ctx.idp.send(
        new ConfirmForgotPasswordCommand({
          ClientId: ctx.demo.userPool.clientId,
          Username: 'alice',
          ConfirmationCode: wrong,
          Password: NEW_PASSWORD,
        }),
      );
    for (let i = 0; i < 5; i++) expect((await failure(confirm())).name).toBe('CodeMismatchException');
    expect(await failure(confirm())).toEqual({
      name: 'LimitExceededException',
      message: 'Attempt limit exceeded, please try after some time.',
      status: 400,
    });
    for (let i = 0; i < 4; i++) await requestReset(ctx);
    expect((await failure(requestReset(ctx))).name).toBe('LimitExceededException');
    ctx.clock.advance(60 * 60 * 1000);
    await expect(requestReset(ctx)).resolves.toBeDefined();
  });

  it('hides unknown users with PreventUserExistenceErrors ENABLED and names them with LEGACY', async () => {
    const ctx = await setup();
    const before = ctx.demo.userPool.inbox().length;
    const hidden = await ctx.idp.send(
      new ForgotPasswordCommand({ ClientId: ctx.demo.userPool.clientId, Username: 'nobody' }),
    );
    expect(hidden.CodeDeliveryDetails).toEqual({
      AttributeName: 'email',
      DeliveryMedium: 'EMAIL',
      Destination: 'n***@e***',
    });
    expect(ctx.demo.userPool.inbox()).toHaveLength(before);
    expect(
      await failure(
        ctx.idp.send(
          new ConfirmForgotPasswordCommand({
            ClientId: ctx.demo.userPool.clientId,
            Username: 'nobody',
            ConfirmationCode: '123456',
            Password: NEW_PASSWORD,
          }),
        ),
      ),
    ).toMatchObject({ name: 'CodeMismatchException' });
    expect(
      await failure(
        ctx.idp.send(
          new ForgotPasswordCommand({ ClientId: ctx.demo.userPool.otherClientId, Username: 'nobody' }),
        ),
      ),
    ).toEqual({
      name: 'UserNotFoundException',
      message: 'Username/client id combination not found.',
      status: 400,
    });
  });

  it('refuses a user with no verified email (LEGACY) with InvalidParameterException', async () => {
    const ctx = await setup();
    await ctx.idp.send(
      new SignUpCommand({
        ClientId: ctx.demo.userPool.clientId,
        Username: 'uma',
        Password: 'Sunny-Day-42!',
        UserAttributes: [{ Name: 'email', Value: 'uma@example.com' }],
      }),
    );
    expect(
      await failure(
        ctx.idp.send(
          new ForgotPasswordCommand({ ClientId: ctx.demo.userPool.otherClientId, Username: 'uma' }),
        ),
      ),
    ).toEqual({
      name: 'InvalidParameterException',
      message: 'Cannot reset password for the user as there is no registered/verified email or phone_number',
      status: 400,
    });
  });
});
