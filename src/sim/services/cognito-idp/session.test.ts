import {
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  GetUserAttributeVerificationCodeCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  RevokeTokenCommand,
  UpdateUserAttributesCommand,
  VerifyUserAttributeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { decodeJwt, failure, setup, withAutoVerified, withVerifyBeforeUpdate } from './test-setup';

type Ctx = Awaited<ReturnType<typeof setup>>;

async function signIn(ctx: Ctx, USERNAME = 'alice', PASSWORD = 'Atlas-Alice-2026!') {
  const out = await ctx.idp.send(
    new InitiateAuthCommand({
      ClientId: ctx.demo.userPool.clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME, PASSWORD },
    }),
  );
  return out.AuthenticationResult as {
    IdToken: string;
    AccessToken: string;
    RefreshToken: string;
    ExpiresIn: number;
  };
}

/** The user's attributes as GetUser lists them, by name. */
const attributesOf = async (ctx: Ctx, AccessToken: string) =>
  Object.fromEntries(
    (await ctx.idp.send(new GetUserCommand({ AccessToken }))).UserAttributes?.map((a) => [a.Name, a.Value]) ??
      [],
  );

const refresh = (
  ctx: Ctx,
  token: string,
  AuthFlow: 'REFRESH_TOKEN_AUTH' | 'REFRESH_TOKEN' = 'REFRESH_TOKEN_AUTH',
  ClientId = ctx.demo.userPool.clientId,
) => ctx.idp.send(new InitiateAuthCommand({ ClientId, AuthFlow, AuthParameters: { REFRESH_TOKEN: token } }));

describe('cognito-idp refresh', () => {
  it('mints new ID and access tokens in the same session, without a new refresh token', async () => {
    const ctx = await setup();
    const first = await signIn(ctx);
    ctx.clock.advance(10 * 60 * 1000);
    const out = await refresh(ctx, first.RefreshToken);
    const r = out.AuthenticationResult;
    expect(r?.RefreshToken).toBeUndefined();
    expect(Object.keys(r ?? {}).sort()).toEqual(['AccessToken', 'ExpiresIn', 'IdToken', 'TokenType']);
    const before = decodeJwt(first.IdToken).payload;
    const after = decodeJwt(r?.IdToken as string).payload;
    expect(after.auth_time).toBe(before.auth_time);
    expect(after.origin_jti).toBe(before.origin_jti);
    expect(after.jti).not.toBe(before.jti);
    expect(after.iat).toBe((before.iat as number) + 600);
    expect(after.exp).toBe((before.iat as number) + 600 + 3600);
  });

  it('accepts the REFRESH_TOKEN alias and GetTokensFromRefreshToken', async () => {
    const ctx = await setup();
    const first = await signIn(ctx);
    expect(
      (await refresh(ctx, first.RefreshToken, 'REFRESH_TOKEN')).AuthenticationResult?.IdToken,
    ).toBeTypeOf('string');
    const out = await ctx.idp.send(
      new GetTokensFromRefreshTokenCommand({
        ClientId: ctx.demo.userPool.clientId,
        RefreshToken: first.RefreshToken,
      }),
    );
    expect(out.AuthenticationResult?.AccessToken).toBeTypeOf('string');
  });

  it('refuses a tampered refresh token and one presented by another client', async () => {
    const ctx = await setup();
    const { RefreshToken } = await signIn(ctx);
    const parts = RefreshToken.split('.');
    const ct = parts[3] as string;
    parts[3] = (ct[0] === 'A' ? 'B' : 'A') + ct.slice(1);
    const invalid = { name: 'NotAuthorizedException', message: 'Invalid Refresh Token.', status: 400 };
    expect(await failure(refresh(ctx, parts.join('.')))).toEqual(invalid);
    expect(
      await failure(refresh(ctx, RefreshToken, 'REFRESH_TOKEN_AUTH', ctx.demo.userPool.otherClientId)),
    ).toEqual(invalid);
  });

  it('lets the refresh token expire after 30 days', async () => {
    const ctx = await setup();
    const { RefreshToken } = await signIn(ctx);
    ctx.clock.advance(30 * 24 * 3600 * 1000 - 1000);
    expect((await refresh(ctx, RefreshToken)).AuthenticationResult).toBeDefined();
    ctx.clock.advance(1000);
    expect(await failure(refresh(ctx, RefreshToken))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Refresh Token has expired',
      status: 400,
    });
  });
});

describe('cognito-idp GetUser and access token checks', () => {
  it('returns the username and attributes, sub first', async () => {
    const ctx = await setup();
    const { AccessToken } = await signIn(ctx);
    const me = await ctx.idp.send(new GetUserCommand({ AccessToken }));
    expect(me.Username).toBe('alice');
    expect(me.UserAttributes).toEqual([
      { Name: 'sub', Value: decodeJwt(AccessToken).payload.sub },
      { Name: 'email', Value: 'alice@example.com' },
      { Name: 'email_verified', Value: 'true' },
      { Name: 'name', Value: 'Alice Atlas' },
      { Name: 'custom:department', Value: 'platform' },
    ]);
  });

  it('accepts the access token until one second before exp and refuses it at exp', async () => {
    const ctx = await setup();
    const { AccessToken } = await signIn(ctx);
    ctx.clock.advance(3599 * 1000);
    expect((await ctx.idp.send(new GetUserCommand({ AccessToken }))).Username).toBe('alice');
    ctx.clock.advance(1000);
    expect(await failure(ctx.idp.send(new GetUserCommand({ AccessToken })))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Access Token has expired',
      status: 400,
    });
  });

  it('refuses an ID token and an altered access token as "Invalid Access Token"', async () => {
    const ctx = await setup();
    const { AccessToken, IdToken } = await signIn(ctx);
    const invalid = { name: 'NotAuthorizedException', message: 'Invalid Access Token', status: 400 };
    expect(await failure(ctx.idp.send(new GetUserCommand({ AccessToken: IdToken })))).toEqual(invalid);
    const last = AccessToken.at(-2) === 'A' ? 'B' : 'A';
    expect(
      await failure(
        ctx.idp.send(
          new GetUserCommand({ AccessToken: `${AccessToken.slice(0, -2)}${last}${AccessToken.at(-1)}` }),
        ),
      ),
    ).toEqual(invalid);
  });
});

describe('cognito-idp revocation', () => {
  it('GlobalSignOut revokes the access and refresh tokens of every session of the user, for Cognito', async () => {
    const ctx = await setup();
    const one = await signIn(ctx);
    const two = await signIn(ctx);
    const bob = await signIn(ctx, 'bob', 'Atlas-Bob-2026!');
    await ctx.idp.send(new GlobalSignOutCommand({ AccessToken: one.AccessToken }));
    const revoked = { name: 'NotAuthorizedException', message: 'Access Token has been revoked', status: 400 };
    expect(await failure(ctx.idp.send(new GetUserCommand({ AccessToken: one.AccessToken })))).toEqual(
      revoked,
    );
    expect(await failure(ctx.idp.send(new GetUserCommand({ AccessToken: two.AccessToken })))).toEqual(
      revoked,
    );
    expect(await failure(refresh(ctx, two.RefreshToken))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Refresh Token has been revoked',
      status: 400,
    });
    // Other users and later sign-ins are untouched.
    expect((await ctx.idp.send(new GetUserCommand({ AccessToken: bob.AccessToken }))).Username).toBe('bob');
    const three = await signIn(ctx);
    expect((await ctx.idp.send(new GetUserCommand({ AccessToken: three.AccessToken }))).Username).toBe(
      'alice',
    );
  });

  it('RevokeToken revokes the refresh token and the access tokens of its session only', async () => {
    const ctx = await setup();
    const one = await signIn(ctx);
    const two = await signIn(ctx);
    const refreshed = (await refresh(ctx, one.RefreshToken)).AuthenticationResult?.AccessToken as string;
    await ctx.idp.send(
      new RevokeTokenCommand({ ClientId: ctx.demo.userPool.clientId, Token: one.RefreshToken }),
    );
    expect((await failure(ctx.idp.send(new GetUserCommand({ AccessToken: one.AccessToken })))).message).toBe(
      'Access Token has been revoked',
    );
    expect((await failure(ctx.idp.send(new GetUserCommand({ AccessToken: refreshed })))).message).toBe(
      'Access Token has been revoked',
    );
    expect((await failure(refresh(ctx, one.RefreshToken))).message).toBe('Refresh Token has been revoked');
    expect((await ctx.idp.send(new GetUserCommand({ AccessToken: two.AccessToken }))).Username).toBe('alice');
  });

  it('RevokeToken refuses an access token and a token of another client', async () => {
    const ctx = await setup();
    const { AccessToken, RefreshToken } = await signIn(ctx);
    expect(
      (
        await failure(
          ctx.idp.send(new RevokeTokenCommand({ ClientId: ctx.demo.userPool.clientId, Token: AccessToken })),
        )
      ).name,
    ).toBe('UnsupportedTokenTypeException');
    expect(
      (
        await failure(
          ctx.idp.send(
            new RevokeTokenCommand({ ClientId: ctx.demo.userPool.otherClientId, Token: RefreshToken }),
          ),
        )
      ).name,
    ).toBe('UnauthorizedException');
  });
});

describe('cognito-idp UpdateUserAttributes / VerifyUserAttribute', () => {
  it('makes a changed email unverified, sends a code, and verifies it', async () => {
    const ctx = await setup();
    const { AccessToken } = await signIn(ctx);
    const out = await ctx.idp.send(
      new UpdateUserAttributesCommand({
        AccessToken,
        UserAttributes: [{ Name: 'email', Value: 'alice@new.example' }],
      }),
    );
    expect(out.CodeDeliveryDetailsList).toEqual([
      { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'a***@n***' },
    ]);
    const attrs = () => attributesOf(ctx, AccessToken);
    expect(await attrs()).toMatchObject({ email: 'alice@new.example', email_verified: 'false' });
    const message = ctx.demo.userPool.inbox().at(-1);
    expect(message).toMatchObject({
      to: 'alice@new.example',
      username: 'alice',
      purpose: 'VERIFY_ATTRIBUTE',
    });
    expect(
      (
        await failure(
          ctx.idp.send(
            new VerifyUserAttributeCommand({
              AccessToken,
              AttributeName: 'email',
              Code: message?.code === '999999' ? '999998' : '999999',
            }),
          ),
        )
      ).name,
    ).toBe('CodeMismatchException');
    await ctx.idp.send(
      new VerifyUserAttributeCommand({ AccessToken, AttributeName: 'email', Code: message?.code as string }),
    );
    expect((await attrs()).email_verified).toBe('true');
  });

  it('makes a changed phone number unverified and sends its code by SMS where the pool verifies phones', async () => {
    const ctx = await withAutoVerified(['email', 'phone_number']);
    const { AccessToken } = await signIn(ctx);
    const out = await ctx.idp.send(
      new UpdateUserAttributesCommand({
        AccessToken,
        UserAttributes: [{ Name: 'phone_number', Value: '+12065559876' }],
      }),
    );
    const sms = { AttributeName: 'phone_number', DeliveryMedium: 'SMS', Destination: '+*******9876' };
    expect(out.CodeDeliveryDetailsList).toEqual([sms]);
    const attrs = () => attributesOf(ctx, AccessToken);
    expect(await attrs()).toMatchObject({ phone_number: '+12065559876', phone_number_verified: 'false' });
    expect(ctx.demo.userPool.inbox().at(-1)).toMatchObject({
      to: '+12065559876',
      purpose: 'VERIFY_ATTRIBUTE',
    });
    // Asked again, a new code goes the same way; the latest one verifies the number.
    const again = await ctx.idp.send(
      new GetUserAttributeVerificationCodeCommand({ AccessToken, AttributeName: 'phone_number' }),
    );
    expect(again.CodeDeliveryDetails).toEqual(sms);
    const code = ctx.demo.userPool.inbox().at(-1)?.code as string;
    await ctx.idp.send(
      new VerifyUserAttributeCommand({ AccessToken, AttributeName: 'phone_number', Code: code }),
    );
    expect((await attrs()).phone_number_verified).toBe('true');
  });

  it('leaves a changed phone number unverified and sends nothing where the pool verifies email only', async () => {
    const ctx = await setup();
    const { AccessToken } = await signIn(ctx);
    const before = ctx.demo.userPool.inbox().length;
    const out = await ctx.idp.send(
      new UpdateUserAttributesCommand({
        AccessToken,
        UserAttributes: [{ Name: 'phone_number', Value: '+12065559876' }],
      }),
    );
    expect(out.CodeDeliveryDetailsList).toBeUndefined();
    expect(ctx.demo.userPool.inbox()).toHaveLength(before);
    const user = await ctx.idp.send(new GetUserCommand({ AccessToken }));
    expect(user.UserAttributes).toContainEqual({ Name: 'phone_number_verified', Value: 'false' });
    expect(
      await failure(
        ctx.idp.send(
          new GetUserAttributeVerificationCodeCommand({ AccessToken, AttributeName: 'phone_number' }),
        ),
      ),
    ).toEqual({
      name: 'InvalidParameterException',
      message: 'Invalid attribute name: phone_number',
      status: 400,
    });
  });

  it('refuses to write sub and attributes outside the schema', async () => {
    const ctx = await setup();
    const { AccessToken } = await signIn(ctx);
    expect(
      await failure(
        ctx.idp.send(
          new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: 'sub', Value: 'x' }] }),
        ),
      ),
    ).toEqual({
      name: 'NotAuthorizedException',
      message: 'A client attempted to write unauthorized attribute',
      status: 400,
    });
    expect(
      (
        await failure(
          ctx.idp.send(
            new UpdateUserAttributesCommand({
              AccessToken,
              UserAttributes: [{ Name: 'custom:nope', Value: 'x' }],
            }),
          ),
        )
      ).message,
    ).toBe(
      'Attributes did not conform to the schema: custom:nope: Attribute does not exist in the schema.\n',
    );
  });

  it('refuses an attribute value over 2,048 characters and a name over 32, changing nothing', async () => {
    const ctx = await setup();
    const { AccessToken } = await signIn(ctx);
    const long = await failure(
      ctx.idp.send(
        new UpdateUserAttributesCommand({
          AccessToken,
          UserAttributes: [{ Name: 'name', Value: 'x'.repeat(2049) }],
        }),
      ),
    );
    expect(long).toEqual({
      name: 'InvalidParameterException',
      message:
        "1 validation error detected: Value at 'userAttributes.1.member.value' failed to satisfy constraint: Member must have length less than or equal to 2048",
      status: 400,
    });
    const name = await failure(
      ctx.idp.send(
        new UpdateUserAttributesCommand({
          AccessToken,
          UserAttributes: [{ Name: `custom:${'d'.repeat(30)}`, Value: 'x' }],
        }),
      ),
    );
    expect(name.name).toBe('InvalidParameterException');
    expect(name.message).toContain('Member must have length less than or equal to 32');
    const user = await ctx.idp.send(new GetUserCommand({ AccessToken }));
    expect(user.UserAttributes?.find((a) => a.Name === 'name')?.Value).not.toBe('x'.repeat(2049));
  });

  it('puts updated attributes into tokens minted by the next refresh', async () => {
    const ctx = await setup();
    const { AccessToken, RefreshToken } = await signIn(ctx);
    await ctx.idp.send(
      new UpdateUserAttributesCommand({
        AccessToken,
        UserAttributes: [{ Name: 'custom:department', Value: 'security' }],
      }),
    );
    const id = decodeJwt((await refresh(ctx, RefreshToken)).AuthenticationResult?.IdToken as string).payload;
    expect(id['custom:department']).toBe('security');
  });
});

/**
 * UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate (API reference,
 * UserAttributeUpdateSettingsType; UpdateUserAttributes; VerifyUserAttribute): the original value stays
 * until the new one is verified with the code sent to it.
 */
describe('cognito-idp UpdateUserAttributes with verification before update', () => {
  const update = (ctx: Ctx, AccessToken: string, Name: string, Value: string) =>
    ctx.idp.send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name, Value }] }));
  const verify = (ctx: Ctx, AccessToken: string, AttributeName: string, Code: string) =>
    ctx.idp.send(new VerifyUserAttributeCommand({ AccessToken, AttributeName, Code }));

  it('keeps the verified original email until the code sent to the new one is verified', async () => {
    const ctx = await withVerifyBeforeUpdate(['email']);
    const { AccessToken, RefreshToken } = await signIn(ctx);
    const out = await update(ctx, AccessToken, 'email', 'alice@new.example');
    expect(out.CodeDeliveryDetailsList).toEqual([
      { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'a***@n***' },
    ]);
    const message = ctx.demo.userPool.inbox().at(-1);
    expect(message).toMatchObject({ to: 'alice@new.example', purpose: 'VERIFY_ATTRIBUTE' });
    const attrs = () => attributesOf(ctx, AccessToken);
    expect(await attrs()).toMatchObject({ email: 'alice@example.com', email_verified: 'true' });
    expect(Object.values(await attrs())).not.toContain('alice@new.example');
    // Tokens minted meanwhile carry the original value, and the password sign-in still works.
    const id = decodeJwt((await refresh(ctx, RefreshToken)).AuthenticationResult?.IdToken as string).payload;
    expect(id).toMatchObject({ email: 'alice@example.com', email_verified: true });
    await signIn(ctx);
    await verify(ctx, AccessToken, 'email', message?.code as string);
    expect(await attrs()).toMatchObject({ email: 'alice@new.example', email_verified: 'true' });
  });

  it('replaces the pending value on a second update: only the latest code swaps it in', async () => {
    const ctx = await withVerifyBeforeUpdate(['email']);
    const { AccessToken } = await signIn(ctx);
    await update(ctx, AccessToken, 'email', 'alice@first.example');
    const first = ctx.demo.userPool.inbox().at(-1)?.code as string;
    await update(ctx, AccessToken, 'email', 'alice@second.example');
    const second = ctx.demo.userPool.inbox().at(-1);
    expect(second?.to).toBe('alice@second.example');
    expect((await attributesOf(ctx, AccessToken)).email).toBe('alice@example.com');
    if (first !== second?.code)
      expect((await failure(verify(ctx, AccessToken, 'email', first))).name).toBe('CodeMismatchException');
    await verify(ctx, AccessToken, 'email', second?.code as string);
    expect(await attributesOf(ctx, AccessToken)).toMatchObject({
      email: 'alice@second.example',
      email_verified: 'true',
    });
  });

  it('keeps the pending value across a snapshot restore', async () => {
    const { createCloud } = await import('../../index');
    const { CognitoIdentityProviderClient } = await import('@aws-sdk/client-cognito-identity-provider');
    const { sdkConfig } = await import('../../../../tests/support/cloud-handler');
    const ctx = await withVerifyBeforeUpdate(['email']);
    const { AccessToken } = await signIn(ctx);
    await update(ctx, AccessToken, 'email', 'alice@new.example');
    const code = ctx.demo.userPool.inbox().at(-1)?.code as string;
    const restored = await createCloud({ snapshot: ctx.cloud.snapshot(), now: ctx.clock.now });
    const idp = new CognitoIdentityProviderClient(sdkConfig(restored));
    const other = { ...ctx, idp };
    expect((await attributesOf(other, AccessToken)).email).toBe('alice@example.com');
    await verify(other, AccessToken, 'email', code);
    expect((await attributesOf(other, AccessToken)).email).toBe('alice@new.example');
  });

  it('holds only the listed attributes: a phone number in the same request changes at once', async () => {
    const ctx = await withVerifyBeforeUpdate(['email'], ['email', 'phone_number']);
    const { AccessToken } = await signIn(ctx);
    const out = await ctx.idp.send(
      new UpdateUserAttributesCommand({
        AccessToken,
        UserAttributes: [
          { Name: 'email', Value: 'alice@new.example' },
          { Name: 'phone_number', Value: '+12065559876' },
        ],
      }),
    );
    expect(out.CodeDeliveryDetailsList?.map((d) => d.AttributeName)).toEqual(['email', 'phone_number']);
    expect(await attributesOf(ctx, AccessToken)).toMatchObject({
      email: 'alice@example.com',
      email_verified: 'true',
      phone_number: '+12065559876',
      phone_number_verified: 'false',
    });
  });

  it('holds a phone number and sends its code by SMS to the new number', async () => {
    const ctx = await withVerifyBeforeUpdate(['phone_number'], ['email', 'phone_number']);
    const { AccessToken } = await signIn(ctx);
    await update(ctx, AccessToken, 'phone_number', '+12065550001');
    await verify(ctx, AccessToken, 'phone_number', ctx.demo.userPool.inbox().at(-1)?.code as string);
    const out = await update(ctx, AccessToken, 'phone_number', '+12065559876');
    expect(out.CodeDeliveryDetailsList).toEqual([
      { AttributeName: 'phone_number', DeliveryMedium: 'SMS', Destination: '+*******9876' },
    ]);
    const message = ctx.demo.userPool.inbox().at(-1);
    expect(message).toMatchObject({ to: '+12065559876', purpose: 'VERIFY_ATTRIBUTE' });
    expect(await attributesOf(ctx, AccessToken)).toMatchObject({
      phone_number: '+12065550001',
      phone_number_verified: 'true',
    });
    await verify(ctx, AccessToken, 'phone_number', message?.code as string);
    expect((await attributesOf(ctx, AccessToken)).phone_number).toBe('+12065559876');
  });
});

describe('cognito-idp across a snapshot restore', () => {
  it('keeps users, sessions and keys: a refresh token from before the restore still works', async () => {
    const { createCloud } = await import('../../index');
    const { CognitoIdentityProviderClient } = await import('@aws-sdk/client-cognito-identity-provider');
    const { sdkConfig } = await import('../../../../tests/support/cloud-handler');
    const ctx = await setup();
    const { RefreshToken } = await signIn(ctx);
    const restored = await createCloud({ snapshot: ctx.cloud.snapshot(), now: ctx.clock.now });
    expect(restored.demo.userPool.otherClientId).toBe(ctx.demo.userPool.otherClientId);
    const idp = new CognitoIdentityProviderClient(sdkConfig(restored));
    const out = await idp.send(
      new InitiateAuthCommand({
        ClientId: restored.demo.userPool.clientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: RefreshToken },
      }),
    );
    expect(decodeJwt(out.AuthenticationResult?.IdToken as string).payload['cognito:username']).toBe('alice');
  });
});
