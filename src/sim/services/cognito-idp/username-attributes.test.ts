import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  ListUsersCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
  UpdateUserAttributesCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { createSrpClient } from '../../../../tests/user-pool-srp/srp-client';
import { type AdminWorld, adminWorld, changePool, failure } from './test-admin-world';
import { decodeJwt } from './test-setup';

/** The demo cloud with its pool's UsernameAttributes set (email, or email and phone number). */
async function emailPool(attributes: ('email' | 'phone_number')[] = ['email']) {
  const ctx = await adminWorld();
  await changePool(ctx, (pool) => {
    pool.usernameAttributes = attributes;
  });
  return ctx;
}

const PASSWORD = 'Sunny-Day-42';
/** The demo app client hides whether a user exists (PreventUserExistenceErrors ENABLED). */
const NO_SUCH_USER = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };
const clientOf = (ctx: AdminWorld) => ctx.cloud.demo.userPool.clientId;

async function signUp(
  ctx: AdminWorld,
  Username: string,
  UserAttributes = [{ Name: 'email', Value: Username }],
) {
  return ctx
    .idp()
    .send(new SignUpCommand({ ClientId: clientOf(ctx), Username, Password: PASSWORD, UserAttributes }));
}

/** Signs `email` up and confirms it with the code from the simulated inbox. */
async function signedUp(ctx: AdminWorld, email: string) {
  const out = await signUp(ctx, email);
  const code = ctx.cloud.demo.userPool.inbox().at(-1)?.code ?? '';
  await ctx
    .idp()
    .send(new ConfirmSignUpCommand({ ClientId: clientOf(ctx), Username: email, ConfirmationCode: code }));
  return out.UserSub ?? '';
}

/** AdminCreateUser by the demo backend role, no invitation sent. */
const adminCreate = (ctx: AdminWorld, Username: string) =>
  ctx
    .idp(ctx.role)
    .send(new AdminCreateUserCommand({ UserPoolId: ctx.poolId, Username, MessageAction: 'SUPPRESS' }));

const passwordSignIn = (ctx: AdminWorld, USERNAME: string) =>
  ctx.idp().send(
    new InitiateAuthCommand({
      ClientId: clientOf(ctx),
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME, PASSWORD },
    }),
  );

describe('UsernameAttributes: sign up and sign in with an email address', () => {
  it('makes the username the sub, stores the address as email, and signs in with the address', async () => {
    const ctx = await emailPool();
    const sub = await signedUp(ctx, 'zoe@example.com');
    expect(sub).toMatch(/^[0-9a-f-]{36}$/);
    // The code went to the address, for a user whose username is the sub.
    expect(ctx.cloud.demo.userPool.inbox().at(-1)).toMatchObject({ to: 'zoe@example.com', username: sub });
    const admin = await ctx
      .idp(ctx.role)
      .send(new AdminGetUserCommand({ UserPoolId: ctx.poolId, Username: 'zoe@example.com' }));
    expect(admin.Username).toBe(sub);
    expect(admin.UserAttributes).toContainEqual({ Name: 'email', Value: 'zoe@example.com' });
    const listed = await ctx
      .idp(ctx.role)
      .send(new ListUsersCommand({ UserPoolId: ctx.poolId, Filter: 'email = "zoe@example.com"' }));
    expect(listed.Users?.map((u) => u.Username)).toEqual([sub]);
    // Signing in with the address (in another case: the pool is case-insensitive) or with the sub.
    for (const name of ['zoe@example.com', 'Zoe@Example.com', sub]) {
      const tokens = (await passwordSignIn(ctx, name)).AuthenticationResult;
      const id = decodeJwt(tokens?.IdToken ?? '').payload;
      expect(id['cognito:username']).toBe(sub);
      expect(id.sub).toBe(sub);
      expect(id.email).toBe('zoe@example.com');
    }
  });

  it('fills a required email from the Username when the sign-up leaves it out', async () => {
    const ctx = await emailPool();
    // The demo pool requires email: the Username supplies it.
    const out = await signUp(ctx, 'yan@example.com', []);
    expect(out.UserConfirmed).toBe(false);
    expect(ctx.cloud.demo.userPool.inbox().at(-1)?.to).toBe('yan@example.com');
  });

  it('signs in through SRP with USER_ID_FOR_SRP, the generated username, in the password hash', async () => {
    const ctx = await emailPool();
    const sub = await signedUp(ctx, 'zoe@example.com');
    const srp = createSrpClient(ctx.poolId);
    const started = await ctx.idp().send(
      new InitiateAuthCommand({
        ClientId: clientOf(ctx),
        AuthFlow: 'USER_SRP_AUTH',
        AuthParameters: { USERNAME: 'zoe@example.com', SRP_A: srp.srpA },
      }),
    );
    expect(started.ChallengeParameters?.USER_ID_FOR_SRP).toBe(sub);
    const done = await ctx.idp().send(
      new RespondToAuthChallengeCommand({
        ClientId: clientOf(ctx),
        ChallengeName: 'PASSWORD_VERIFIER',
        ChallengeResponses: srp.answer(started.ChallengeParameters ?? {}, PASSWORD, ctx.clock.now()),
      }),
    );
    expect(done.AuthenticationResult?.AccessToken).toBeTypeOf('string');
  });

  it('refuses a Username that is not an address, or an email attribute that disagrees, creating no one', async () => {
    const ctx = await emailPool();
    expect(await failure(signUp(ctx, 'zoe', []))).toEqual({
      name: 'InvalidParameterException',
      message: 'Username should be an email.',
      status: 400,
    });
    expect(
      await failure(signUp(ctx, 'zoe@example.com', [{ Name: 'email', Value: 'other@example.com' }])),
    ).toEqual({
      name: 'InvalidParameterException',
      message: 'User email should be empty or same as username, since username attribute is email',
      status: 400,
    });
    const both = await emailPool(['email', 'phone_number']);
    expect((await failure(signUp(both, 'zoe', []))).message).toBe(
      'Username should be either an email or a phone number.',
    );
    expect(ctx.cloud.demo.userPool.inbox()).toEqual([]);
    expect(await failure(passwordSignIn(ctx, 'zoe@example.com'))).toMatchObject(NO_SUCH_USER);
  });

  it('refuses an address another user has, at sign-up, by an administrator and in an attribute update', async () => {
    const ctx = await emailPool();
    await signedUp(ctx, 'zoe@example.com');
    const taken = {
      name: 'UsernameExistsException',
      message: 'An account with the given email already exists.',
    };
    expect(await failure(signUp(ctx, 'ZOE@example.com', []))).toMatchObject(taken);
    expect(await failure(adminCreate(ctx, 'zoe@example.com'))).toMatchObject(taken);
    // Yan moves to Zoe's address: refused; to a new one: he signs in with it from then on.
    await signedUp(ctx, 'yan@example.com');
    const yan = (await passwordSignIn(ctx, 'yan@example.com')).AuthenticationResult?.AccessToken ?? '';
    const moveTo = (Value: string) =>
      ctx
        .idp()
        .send(
          new UpdateUserAttributesCommand({ AccessToken: yan, UserAttributes: [{ Name: 'email', Value }] }),
        );
    expect(await failure(moveTo('zoe@example.com'))).toEqual({
      name: 'AliasExistsException',
      message: 'An account with the given email already exists.',
      status: 400,
    });
    await moveTo('yan@new.example.com');
    await expect(passwordSignIn(ctx, 'yan@new.example.com')).resolves.toBeDefined();
    expect(await failure(passwordSignIn(ctx, 'yan@example.com'))).toMatchObject(NO_SUCH_USER);
  });

  it('lets an administrator create a user by address, the username generated', async () => {
    const ctx = await emailPool();
    const out = await adminCreate(ctx, 'kai@example.com');
    const sub = out.User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
    expect(out.User?.Username).toBe(sub);
    expect(out.User?.Attributes).toContainEqual({ Name: 'email', Value: 'kai@example.com' });
    expect(await failure(adminCreate(ctx, 'kai'))).toMatchObject({
      name: 'InvalidParameterException',
      message: 'Username should be an email.',
    });
  });

  it('does not take an address for a username in a pool without username attributes', async () => {
    const ctx = await adminWorld();
    await ctx.idp().send(
      new SignUpCommand({
        ClientId: clientOf(ctx),
        Username: 'zoe',
        Password: PASSWORD,
        UserAttributes: [{ Name: 'email', Value: 'zoe@example.com' }],
      }),
    );
    const code = ctx.cloud.demo.userPool.inbox().at(-1)?.code ?? '';
    await ctx
      .idp()
      .send(new ConfirmSignUpCommand({ ClientId: clientOf(ctx), Username: 'zoe', ConfirmationCode: code }));
    expect(await failure(passwordSignIn(ctx, 'zoe@example.com'))).toMatchObject(NO_SUCH_USER);
    await expect(passwordSignIn(ctx, 'zoe')).resolves.toBeDefined();
  });
});
