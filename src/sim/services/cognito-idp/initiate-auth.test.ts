import { GetUserCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { decodeJwt, failure, setup } from './test-setup';

const UUID = expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

async function signIn(
  ctx: Awaited<ReturnType<typeof setup>>,
  USERNAME = 'alice',
  PASSWORD = 'Atlas-Alice-2026!',
  ClientId = ctx.demo.userPool.clientId,
) {
  return ctx.idp.send(
    new InitiateAuthCommand({
      ClientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME, PASSWORD },
    }),
  );
}

describe('cognito-idp InitiateAuth USER_PASSWORD_AUTH', () => {
  it('returns ID, access and refresh tokens with every claim AWS puts in them', async () => {
    const ctx = await setup();
    const { demo, clock, idp } = ctx;
    const out = await signIn(ctx);
    const r = out.AuthenticationResult;
    expect(out.ChallengeParameters).toEqual({});
    expect(r?.ExpiresIn).toBe(3600);
    expect(r?.TokenType).toBe('Bearer');
    const me = await idp.send(new GetUserCommand({ AccessToken: r?.AccessToken }));
    const sub = me.UserAttributes?.find((a) => a.Name === 'sub')?.Value;
    const t = Math.floor(clock.now() / 1000);
    const iss = `https://cognito-idp.${demo.region}.amazonaws.com/${demo.userPool.id}`;
    const admins = `arn:aws:iam::${demo.accountId}:role/AtlasAdminsRole`;
    const readers = `arn:aws:iam::${demo.accountId}:role/AtlasReadersRole`;
    const id = decodeJwt(r?.IdToken as string);
    const access = decodeJwt(r?.AccessToken as string);
    expect(id.payload).toEqual({
      sub,
      'cognito:groups': ['admins', 'readers'],
      email_verified: true,
      iss,
      'cognito:username': 'alice',
      origin_jti: UUID,
      'cognito:roles': [admins, readers],
      aud: demo.userPool.clientId,
      event_id: UUID,
      token_use: 'id',
      auth_time: t,
      'cognito:preferred_role': admins,
      exp: t + 3600,
      iat: t,
      jti: UUID,
      email: 'alice@example.com',
      name: 'Alice Atlas',
      'custom:department': 'platform',
    });
    expect(access.payload).toEqual({
      sub,
      'cognito:groups': ['admins', 'readers'],
      iss,
      version: 2,
      client_id: demo.userPool.clientId,
      origin_jti: id.payload.origin_jti,
      event_id: id.payload.event_id,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      auth_time: t,
      exp: t + 3600,
      iat: t,
      jti: UUID,
      username: 'alice',
    });
    expect(access.payload.jti).not.toBe(id.payload.jti);
    // Different keys for the two kinds of token, so different kids (docs/aws-reference.md §1.1).
    expect(Object.keys(id.header)).toEqual(['kid', 'alg']);
    expect(id.header.alg).toBe('RS256');
    expect(id.header.kid).not.toBe(access.header.kid);
    // The refresh token is a five-part JWE, opaque to the client.
    const parts = String(r?.RefreshToken).split('.');
    expect(parts).toHaveLength(5);
    expect(parts.every((p) => p.length > 0)).toBe(true);
    expect(JSON.parse(Buffer.from(parts[0] as string, 'base64url').toString())).toEqual({
      alg: 'A256GCMKW',
      enc: 'A256GCM',
      iv: expect.any(String),
      tag: expect.any(String),
    });
  });

  it('gives a one-group user that group and its role as preferred role', async () => {
    const ctx = await setup();
    const out = await signIn(ctx, 'bob', 'Atlas-Bob-2026!');
    const id = decodeJwt(out.AuthenticationResult?.IdToken as string).payload;
    expect(id['cognito:groups']).toEqual(['readers']);
    expect(id['cognito:preferred_role']).toBe(`arn:aws:iam::${ctx.demo.accountId}:role/AtlasReadersRole`);
  });

  it('leaves out cognito:groups, cognito:roles and cognito:preferred_role for a user without groups', async () => {
    const ctx = await setup();
    const { SignUpCommand, ConfirmSignUpCommand } = await import('@aws-sdk/client-cognito-identity-provider');
    const ClientId = ctx.demo.userPool.clientId;
    await ctx.idp.send(
      new SignUpCommand({
        ClientId,
        Username: 'zoe',
        Password: 'Sunny-Day-42',
        UserAttributes: [{ Name: 'email', Value: 'zoe@example.com' }],
      }),
    );
    await ctx.idp.send(
      new ConfirmSignUpCommand({
        ClientId,
        Username: 'zoe',
        ConfirmationCode: ctx.demo.userPool.inbox()[0]?.code as string,
      }),
    );
    const out = await signIn(ctx, 'zoe', 'Sunny-Day-42');
    const id = decodeJwt(out.AuthenticationResult?.IdToken as string).payload;
    const access = decodeJwt(out.AuthenticationResult?.AccessToken as string).payload;
    for (const claim of ['cognito:groups', 'cognito:roles', 'cognito:preferred_role'])
      expect(id).not.toHaveProperty(claim);
    expect(access).not.toHaveProperty('cognito:groups');
    expect(id).toMatchObject({ email: 'zoe@example.com', email_verified: true, 'cognito:username': 'zoe' });
  });

  it('signs in with any letter case of the username (case-insensitive pool)', async () => {
    const ctx = await setup();
    const out = await signIn(ctx, 'ALICE');
    expect(decodeJwt(out.AuthenticationResult?.AccessToken as string).payload.username).toBe('alice');
  });

  it('answers a wrong password with "Incorrect username or password."', async () => {
    const ctx = await setup();
    expect(await failure(signIn(ctx, 'alice', 'Wrong-Password-1'))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
      status: 400,
    });
  });

  it('hides an unknown user on the ENABLED client and names it on the LEGACY client', async () => {
    const ctx = await setup();
    expect(await failure(signIn(ctx, 'nobody', 'Whatever-123!'))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
      status: 400,
    });
    expect(await failure(signIn(ctx, 'nobody', 'Whatever-123!', ctx.demo.userPool.otherClientId))).toEqual({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
      status: 400,
    });
  });

  it('answers UserNotConfirmedException for an unconfirmed user, even with a wrong password', async () => {
    const ctx = await setup();
    const { username, password } = ctx.demo.userPool.unconfirmedUser;
    const expected = { name: 'UserNotConfirmedException', message: 'User is not confirmed.', status: 400 };
    expect(await failure(signIn(ctx, username, password))).toEqual(expected);
    expect(await failure(signIn(ctx, username, 'Wrong-Password-1'))).toEqual(expected);
  });

  it('answers "User is disabled." for a disabled user', async () => {
    const ctx = await setup();
    const { username, password } = ctx.demo.userPool.disabledUser;
    expect(await failure(signIn(ctx, username, password))).toEqual({
      name: 'NotAuthorizedException',
      message: 'User is disabled.',
      status: 400,
    });
  });

  it('refuses a flow the client does not enable, and flows only AdminInitiateAuth takes', async () => {
    const ctx = await setup();
    expect(
      await failure(
        ctx.idp.send(
          new InitiateAuthCommand({
            ClientId: ctx.demo.userPool.otherClientId,
            AuthFlow: 'USER_SRP_AUTH',
            AuthParameters: { USERNAME: 'alice', SRP_A: 'ab' },
          }),
        ),
      ),
    ).toEqual({
      name: 'InvalidParameterException',
      message: 'USER_SRP_AUTH flow not enabled for this client',
      status: 400,
    });
    expect(
      await failure(
        ctx.idp.send(
          new InitiateAuthCommand({
            ClientId: ctx.demo.userPool.clientId,
            AuthFlow: 'CUSTOM_AUTH',
            AuthParameters: { USERNAME: 'alice' },
          }),
        ),
      ),
    ).toEqual({
      name: 'InvalidParameterException',
      message: 'CUSTOM_AUTH flow not enabled for this client',
      status: 400,
    });
  });

  it('requires USERNAME and PASSWORD', async () => {
    const ctx = await setup();
    expect(
      await failure(
        ctx.idp.send(
          new InitiateAuthCommand({
            ClientId: ctx.demo.userPool.clientId,
            AuthFlow: 'USER_PASSWORD_AUTH',
            AuthParameters: { PASSWORD: 'x' },
          }),
        ),
      ),
    ).toEqual({
      name: 'InvalidParameterException',
      message: 'Missing required parameter USERNAME',
      status: 400,
    });
  });

  it('locks the user out after 5 failures for 2^(n-5) seconds, not counting attempts while locked', async () => {
    const ctx = await setup();
    const { clock } = ctx;
    for (let i = 0; i < 5; i++)
      expect((await failure(signIn(ctx, 'alice', 'Wrong-Password-1'))).message).toBe(
        'Incorrect username or password.',
      );
    const locked = { name: 'NotAuthorizedException', message: 'Password attempts exceeded', status: 400 };
    // Locked for 1 s: even the right password is refused.
    expect(await failure(signIn(ctx))).toEqual(locked);
    clock.advance(1000);
    expect((await failure(signIn(ctx, 'alice', 'Wrong-Password-1'))).message).toBe(
      'Incorrect username or password.',
    );
    // Sixth failure: locked for 2 s.
    clock.advance(1999);
    expect(await failure(signIn(ctx))).toEqual(locked);
    clock.advance(1);
    expect((await signIn(ctx)).AuthenticationResult?.AccessToken).toBeTypeOf('string');
    // A success after the lock resets the count: one more failure does not lock.
    expect((await failure(signIn(ctx, 'alice', 'Wrong-Password-1'))).message).toBe(
      'Incorrect username or password.',
    );
    expect((await signIn(ctx)).AuthenticationResult).toBeDefined();
  });

  it('forgets failures after 15 quiet minutes', async () => {
    const ctx = await setup();
    for (let i = 0; i < 4; i++) await failure(signIn(ctx, 'alice', 'Wrong-Password-1'));
    ctx.clock.advance(15 * 60 * 1000);
    expect((await failure(signIn(ctx, 'alice', 'Wrong-Password-1'))).message).toBe(
      'Incorrect username or password.',
    );
    expect((await signIn(ctx)).AuthenticationResult).toBeDefined();
  });

  it('is deterministic: same seed and clock give identical token bytes', async () => {
    const a = await setup('same-seed');
    const b = await setup('same-seed');
    const ra = (await signIn(a)).AuthenticationResult;
    const rb = (await signIn(b)).AuthenticationResult;
    expect(rb).toEqual(ra);
    const c = await setup('other-seed');
    expect((await signIn(c)).AuthenticationResult?.IdToken).not.toBe(ra?.IdToken);
  });
});
