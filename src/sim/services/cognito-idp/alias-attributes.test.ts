import {
  AdminUpdateUserAttributesCommand,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { type AdminWorld, adminWorld, changePool, failure } from './test-admin-world';
import { decodeJwt } from './test-setup';

/** The demo cloud with AliasAttributes email and preferred_username on its pool. */
async function aliasPool() {
  const ctx = await adminWorld();
  await changePool(ctx, (pool) => {
    pool.aliasAttributes = ['email', 'preferred_username'];
  });
  return ctx;
}

const PASSWORD = 'Sunny-Day-42';
/** The demo app client hides whether a user exists (PreventUserExistenceErrors ENABLED). */
const NO_SUCH_USER = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };
const clientOf = (ctx: AdminWorld) => ctx.cloud.demo.userPool.clientId;

const signUp = (ctx: AdminWorld, Username: string, email: string) =>
  ctx.idp().send(
    new SignUpCommand({
      ClientId: clientOf(ctx),
      Username,
      Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: email }],
    }),
  );

const confirm = (ctx: AdminWorld, Username: string, ForceAliasCreation?: boolean) => {
  const code =
    [...ctx.cloud.demo.userPool.inbox()].reverse().find((m) => m.username === Username)?.code ?? '';
  return ctx
    .idp()
    .send(
      new ConfirmSignUpCommand({
        ClientId: clientOf(ctx),
        Username,
        ConfirmationCode: code,
        ForceAliasCreation,
      }),
    );
};

/** The cognito:username of whoever signs in with `name`. */
async function signInAs(ctx: AdminWorld, name: string) {
  const out = await ctx.idp().send(
    new InitiateAuthCommand({
      ClientId: clientOf(ctx),
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: name, PASSWORD },
    }),
  );
  return decodeJwt(out.AuthenticationResult?.IdToken ?? '').payload['cognito:username'];
}

describe('AliasAttributes: a chosen username, and sign-in by a verified alias', () => {
  it('signs a confirmed user in by the email the confirmation verified, and not before', async () => {
    const ctx = await aliasPool();
    await signUp(ctx, 'zoe', 'zoe@example.com');
    // Unconfirmed, the address is not yet verified: it names nobody.
    expect(await failure(signInAs(ctx, 'zoe@example.com'))).toMatchObject(NO_SUCH_USER);
    await confirm(ctx, 'zoe');
    expect(await signInAs(ctx, 'zoe@example.com')).toBe('zoe');
    expect(await signInAs(ctx, 'ZOE@example.com')).toBe('zoe');
    expect(await signInAs(ctx, 'zoe')).toBe('zoe');
  });

  it('refuses a username in the form of an email address', async () => {
    const ctx = await aliasPool();
    expect(await failure(signUp(ctx, 'zoe@example.com', 'zoe@example.com'))).toEqual({
      name: 'InvalidParameterException',
      message: 'Username cannot be of email format, since user pool is configured for email alias.',
      status: 400,
    });
  });

  it('refuses a second confirmation of the same address, unless ForceAliasCreation moves the alias', async () => {
    const ctx = await aliasPool();
    await signUp(ctx, 'zoe', 'shared@example.com');
    await confirm(ctx, 'zoe');
    await signUp(ctx, 'yan', 'shared@example.com');
    expect(await failure(confirm(ctx, 'yan'))).toEqual({
      name: 'AliasExistsException',
      message: 'An account with the email already exists.',
      status: 400,
    });
    // Nothing changed: Yan is still unconfirmed and the address still names Zoe.
    expect(await failure(signInAs(ctx, 'yan'))).toMatchObject({ name: 'UserNotConfirmedException' });
    expect(await signInAs(ctx, 'shared@example.com')).toBe('zoe');
    await confirm(ctx, 'yan', true);
    expect(await signInAs(ctx, 'shared@example.com')).toBe('yan');
    // Zoe keeps her account and her username; her address is no longer verified.
    expect(await signInAs(ctx, 'zoe')).toBe('zoe');
  });

  it('signs a confirmed user in by preferred_username', async () => {
    const ctx = await aliasPool();
    await signUp(ctx, 'zoe', 'zoe@example.com');
    await confirm(ctx, 'zoe');
    await ctx.idp(ctx.role).send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: ctx.poolId,
        Username: 'zoe',
        UserAttributes: [{ Name: 'preferred_username', Value: 'zed' }],
      }),
    );
    expect(await signInAs(ctx, 'zed')).toBe('zoe');
  });
});
