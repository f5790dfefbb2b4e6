import { createHmac } from 'node:crypto';
import {
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { failure, setup } from './test-setup';

/** Computed independently of the engine, with Node's own HMAC, as AWS's guide describes. */
const secretHash = (secret: string, username: string, clientId: string) =>
  createHmac('sha256', secret)
    .update(username + clientId)
    .digest('base64');

async function confidential() {
  const ctx = await setup();
  const client = ctx.demo.userPool.confidentialClient as { clientId: string; clientSecret: string };
  const alice = ctx.demo.userPool.users[0] as { username: string; password: string };
  return { ...ctx, client, alice };
}

describe('cognito-idp SECRET_HASH of a confidential app client', () => {
  it('the demo names a confidential client with a 51-character generated secret', async () => {
    const { client, demo } = await confidential();
    expect(client.clientId).toMatch(/^[a-z0-9]{26}$/);
    expect(client.clientSecret).toMatch(/^[a-z0-9]{51}$/);
    expect(client.clientId).not.toBe(demo.userPool.clientId);
  });

  it('signs in with SECRET_HASH = Base64(HMAC-SHA256(secret, username + clientId))', async () => {
    const { idp, client, alice } = await confidential();
    const out = await idp.send(
      new InitiateAuthCommand({
        ClientId: client.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: {
          USERNAME: alice.username,
          PASSWORD: alice.password,
          SECRET_HASH: secretHash(client.clientSecret, alice.username, client.clientId),
        },
      }),
    );
    expect(out.AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it('refuses a missing SECRET_HASH and a wrong one with AWS messages', async () => {
    const { idp, client, alice } = await confidential();
    const send = (extra: Record<string, string>) =>
      idp.send(
        new InitiateAuthCommand({
          ClientId: client.clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: alice.username, PASSWORD: alice.password, ...extra },
        }),
      );
    expect(await failure(send({}))).toEqual({
      name: 'NotAuthorizedException',
      message: `Client ${client.clientId} is configured with secret but SECRET_HASH was not received`,
      status: 400,
    });
    expect(
      await failure(send({ SECRET_HASH: secretHash('not-the-secret', alice.username, client.clientId) })),
    ).toEqual({
      name: 'NotAuthorizedException',
      message: `Unable to verify secret hash for client ${client.clientId}`,
      status: 400,
    });
    // A hash over another user's name does not fit this user.
    expect(
      (await failure(send({ SECRET_HASH: secretHash(client.clientSecret, 'bob', client.clientId) }))).message,
    ).toBe(`Unable to verify secret hash for client ${client.clientId}`);
  });

  it('requires SecretHash on SignUp, ConfirmSignUp and ForgotPassword, and changes nothing without it', async () => {
    const { idp, client, demo } = await confidential();
    const base = {
      ClientId: client.clientId,
      Username: 'zoe',
      Password: 'Sunny-Day-42!',
      UserAttributes: [{ Name: 'email', Value: 'zoe@example.com' }],
    };
    const refused = {
      name: 'NotAuthorizedException',
      message: `Unable to verify secret hash for client ${client.clientId}`,
      status: 400,
    };
    expect(await failure(idp.send(new SignUpCommand(base)))).toEqual(refused);
    expect(demo.userPool.inbox()).toHaveLength(0);
    const SecretHash = secretHash(client.clientSecret, 'zoe', client.clientId);
    await idp.send(new SignUpCommand({ ...base, SecretHash }));
    const code = demo.userPool.inbox()[0]?.code as string;
    expect(
      await failure(
        idp.send(
          new ConfirmSignUpCommand({ ClientId: client.clientId, Username: 'zoe', ConfirmationCode: code }),
        ),
      ),
    ).toEqual(refused);
    await idp.send(
      new ConfirmSignUpCommand({
        ClientId: client.clientId,
        Username: 'zoe',
        ConfirmationCode: code,
        SecretHash,
      }),
    );
    expect(
      await failure(idp.send(new ForgotPasswordCommand({ ClientId: client.clientId, Username: 'zoe' }))),
    ).toEqual(refused);
  });

  it('checks SECRET_HASH on REFRESH_TOKEN_AUTH over the user’s username', async () => {
    const { idp, client, alice } = await confidential();
    const hash = secretHash(client.clientSecret, alice.username, client.clientId);
    const signIn = await idp.send(
      new InitiateAuthCommand({
        ClientId: client.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: alice.username, PASSWORD: alice.password, SECRET_HASH: hash },
      }),
    );
    const REFRESH_TOKEN = signIn.AuthenticationResult?.RefreshToken as string;
    const refresh = (extra: Record<string, string>) =>
      idp.send(
        new InitiateAuthCommand({
          ClientId: client.clientId,
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN, ...extra },
        }),
      );
    expect((await failure(refresh({}))).message).toBe(
      `Client ${client.clientId} is configured with secret but SECRET_HASH was not received`,
    );
    expect((await refresh({ SECRET_HASH: hash })).AuthenticationResult?.IdToken).toBeTruthy();
  });

  it('the public client needs no secret: a browser app sends none', async () => {
    const { idp, demo, alice } = await confidential();
    const out = await idp.send(
      new InitiateAuthCommand({
        ClientId: demo.userPool.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: alice.username, PASSWORD: alice.password },
      }),
    );
    expect(out.AuthenticationResult).toBeDefined();
  });
});

describe('cognito-idp /oauth2/token client authentication of a confidential client', () => {
  async function refreshToken() {
    const ctx = await confidential();
    const signIn = await ctx.idp.send(
      new InitiateAuthCommand({
        ClientId: ctx.client.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: {
          USERNAME: ctx.alice.username,
          PASSWORD: ctx.alice.password,
          SECRET_HASH: secretHash(ctx.client.clientSecret, ctx.alice.username, ctx.client.clientId),
        },
      }),
    );
    return { ...ctx, token: signIn.AuthenticationResult?.RefreshToken as string };
  }
  const post = (
    ctx: Awaited<ReturnType<typeof refreshToken>>,
    form: Record<string, string>,
    authorization?: string,
  ) =>
    ctx.cloud.fetch(
      new Request(`${ctx.demo.userPool.domain}/oauth2/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(authorization ? { authorization } : {}),
        },
        body: new URLSearchParams(form).toString(),
      }),
    );

  it('accepts client_secret_basic (Authorization: Basic base64(client_id:client_secret))', async () => {
    const ctx = await refreshToken();
    const basic = `Basic ${btoa(`${ctx.client.clientId}:${ctx.client.clientSecret}`)}`;
    const res = await post(ctx, { grant_type: 'refresh_token', refresh_token: ctx.token }, basic);
    expect(res.status).toBe(200);
    expect(Object.keys(await res.json())).toEqual(['access_token', 'expires_in', 'token_type']);
  });

  it('accepts client_secret_post', async () => {
    const ctx = await refreshToken();
    const res = await post(ctx, {
      grant_type: 'refresh_token',
      refresh_token: ctx.token,
      client_id: ctx.client.clientId,
      client_secret: ctx.client.clientSecret,
    });
    expect(res.status).toBe(200);
  });

  it('answers invalid_client (401) to a missing or wrong secret', async () => {
    const ctx = await refreshToken();
    const missing = await post(ctx, {
      grant_type: 'refresh_token',
      refresh_token: ctx.token,
      client_id: ctx.client.clientId,
    });
    expect([missing.status, await missing.json()]).toEqual([401, { error: 'invalid_client' }]);
    const wrong = await post(
      ctx,
      { grant_type: 'refresh_token', refresh_token: ctx.token },
      `Basic ${btoa(`${ctx.client.clientId}:guessed`)}`,
    );
    expect([wrong.status, await wrong.json()]).toEqual([401, { error: 'invalid_client' }]);
  });
});
