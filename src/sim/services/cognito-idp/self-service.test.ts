/**
 * ChangePassword and DeleteUser, the signed-in user's own operations (API reference of each), driven
 * through the SDK with the user's access token.
 */
import {
  ChangePasswordCommand,
  DeleteUserCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { createSrpClient } from '../../../../tests/user-pool-srp/srp-client';
import { issueTokensForUser } from './federation-api';
import { failure, setup, worldOf } from './test-setup';

type Ctx = Awaited<ReturnType<typeof setup>>;

const ALICE = 'Atlas-Alice-2026!';
const NEW = 'Atlas-Alice-2027?';
const WRONG = { name: 'NotAuthorizedException', message: 'Incorrect username or password.', status: 400 };

const passwordAuth = (ctx: Ctx, USERNAME: string, PASSWORD: string, ClientId = ctx.demo.userPool.clientId) =>
  ctx.idp.send(
    new InitiateAuthCommand({
      ClientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME, PASSWORD },
    }),
  );

async function signIn(ctx: Ctx, username = 'alice', password = ALICE) {
  const out = await passwordAuth(ctx, username, password);
  return out.AuthenticationResult as { AccessToken: string; RefreshToken: string };
}

/** USER_SRP_AUTH end to end: the pool's SRP verifier must follow the password. */
async function srpSignIn(ctx: Ctx, USERNAME: string, password: string) {
  const srp = createSrpClient(ctx.demo.userPool.id);
  const ClientId = ctx.demo.userPool.clientId;
  const started = await ctx.idp.send(
    new InitiateAuthCommand({
      ClientId,
      AuthFlow: 'USER_SRP_AUTH',
      AuthParameters: { USERNAME, SRP_A: srp.srpA },
    }),
  );
  return ctx.idp.send(
    new RespondToAuthChallengeCommand({
      ClientId,
      ChallengeName: 'PASSWORD_VERIFIER',
      ChallengeResponses: srp.answer(started.ChallengeParameters ?? {}, password, ctx.clock.now()),
    }),
  );
}

const changePassword = (
  ctx: Ctx,
  AccessToken: string,
  PreviousPassword: string | undefined,
  ProposedPassword: string | undefined,
) => ctx.idp.send(new ChangePasswordCommand({ AccessToken, PreviousPassword, ProposedPassword }));

const poolState = (ctx: Ctx) => JSON.stringify(JSON.parse(ctx.cloud.snapshot().state).cognitoIdp);

/** An access token for alice, signed by the pool, whose scope lacks aws.cognito.signin.user.admin. */
async function openidOnlyToken(ctx: Ctx) {
  const { id: poolId, clientId } = ctx.demo.userPool;
  const out = await issueTokensForUser(worldOf(ctx), {
    poolId,
    clientId,
    username: 'alice',
    scopes: ['openid'],
    withRefreshToken: false,
  });
  return out.AccessToken;
}

describe('cognito-idp ChangePassword', () => {
  it('answers {} and swaps the password for both sign-in flows, leaving issued tokens valid', async () => {
    const ctx = await setup();
    const { AccessToken, RefreshToken } = await signIn(ctx);
    const out = await changePassword(ctx, AccessToken, ALICE, NEW);
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(Object.keys(out).filter((k) => k !== '$metadata')).toEqual([]);
    expect(await failure(passwordAuth(ctx, 'alice', ALICE))).toEqual(WRONG);
    expect(await failure(srpSignIn(ctx, 'alice', ALICE))).toEqual(WRONG);
    expect((await passwordAuth(ctx, 'alice', NEW)).AuthenticationResult?.AccessToken).toBeTypeOf('string');
    expect((await srpSignIn(ctx, 'alice', NEW)).AuthenticationResult?.AccessToken).toBeTypeOf('string');
    // No revocation: the token that made the change and the session's refresh token still work.
    expect((await ctx.idp.send(new GetUserCommand({ AccessToken }))).Username).toBe('alice');
    const refreshed = await ctx.idp.send(
      new InitiateAuthCommand({
        ClientId: ctx.demo.userPool.clientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: RefreshToken },
      }),
    );
    expect(refreshed.AuthenticationResult?.AccessToken).toBeTypeOf('string');
  });

  it('refuses a wrong or missing previous password as sign-in does, keeping the old one', async () => {
    const ctx = await setup();
    const { AccessToken } = await signIn(ctx);
    expect(await failure(changePassword(ctx, AccessToken, 'Not-Her-Password-1!', NEW))).toEqual(WRONG);
    expect(await failure(changePassword(ctx, AccessToken, undefined, NEW))).toEqual(WRONG);
    expect(await failure(passwordAuth(ctx, 'alice', NEW))).toEqual(WRONG);
    expect((await passwordAuth(ctx, 'alice', ALICE)).AuthenticationResult).toBeDefined();
  });

  it('counts wrong previous passwords toward the lockout that sign-in enforces', async () => {
    const ctx = await setup();
    const { AccessToken } = await signIn(ctx);
    for (let i = 0; i < 5; i++) {
      expect(await failure(changePassword(ctx, AccessToken, `Wrong-Guess-${i}!`, NEW))).toEqual(WRONG);
    }
    expect(await failure(passwordAuth(ctx, 'alice', ALICE))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Password attempts exceeded',
      status: 400,
    });
    const before = poolState(ctx);
    expect(await failure(changePassword(ctx, AccessToken, ALICE, NEW))).toEqual({
      name: 'LimitExceededException',
      message: 'Attempt limit exceeded, please try after some time.',
      status: 400,
    });
    expect(poolState(ctx)).toBe(before);
    // The first lock lasts 1 s; after it the right previous password works.
    ctx.clock.advance(1000);
    await changePassword(ctx, AccessToken, ALICE, NEW);
    expect((await passwordAuth(ctx, 'alice', NEW)).AuthenticationResult).toBeDefined();
  });

  it('refuses a proposed password against the pool policy as SignUp does, changing nothing', async () => {
    const ctx = await setup();
    const { AccessToken } = await signIn(ctx);
    const before = poolState(ctx);
    for (const [proposed, reason] of [
      ['Sh0rt!x', 'Password not long enough'],
      ['alllower-42', 'Password must have uppercase characters'],
      ['NoSymbols42', 'Password must have symbol characters'],
    ]) {
      expect(await failure(changePassword(ctx, AccessToken, ALICE, proposed))).toEqual({
        name: 'InvalidPasswordException',
        message: `Password did not conform with policy: ${reason}`,
        status: 400,
      });
    }
    expect(poolState(ctx)).toBe(before);
    expect((await passwordAuth(ctx, 'alice', ALICE)).AuthenticationResult).toBeDefined();
  });

  it('checks the shape of both passwords before anything else, changing nothing', async () => {
    const ctx = await setup();
    const { AccessToken } = await signIn(ctx);
    const before = poolState(ctx);
    const invalid = (message: string) => ({ name: 'InvalidParameterException', message, status: 400 });
    expect(await failure(changePassword(ctx, AccessToken, ALICE, 'Ab1!'))).toEqual(
      invalid(
        "1 validation error detected: Value at 'proposedPassword' failed to satisfy constraint: Member must have length greater than or equal to 6",
      ),
    );
    expect(await failure(changePassword(ctx, AccessToken, ALICE, undefined))).toEqual(
      invalid(
        "1 validation error detected: Value null at 'proposedPassword' failed to satisfy constraint: Member must not be null",
      ),
    );
    expect(await failure(changePassword(ctx, AccessToken, 'x'.repeat(257), NEW))).toEqual(
      invalid(
        "1 validation error detected: Value at 'previousPassword' failed to satisfy constraint: Member must have length less than or equal to 256",
      ),
    );
    // A wrong previous password with a bad shape is a shape error, not a failed attempt.
    expect((await failure(changePassword(ctx, AccessToken, ' Wrong-1! ', NEW))).name).toBe(
      'InvalidParameterException',
    );
    expect(poolState(ctx)).toBe(before);
  });

  it('needs an unrevoked access token with the aws.cognito.signin.user.admin scope', async () => {
    const ctx = await setup();
    const scopeless = await openidOnlyToken(ctx);
    expect(await failure(changePassword(ctx, scopeless, ALICE, NEW))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Access Token does not have required scopes',
      status: 400,
    });
    const { AccessToken } = await signIn(ctx);
    await ctx.idp.send(new GlobalSignOutCommand({ AccessToken }));
    expect(await failure(changePassword(ctx, AccessToken, ALICE, NEW))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Access Token has been revoked',
      status: 400,
    });
    expect((await passwordAuth(ctx, 'alice', ALICE)).AuthenticationResult).toBeDefined();
  });
});

describe('cognito-idp DeleteUser', () => {
  it('answers {} and removes the user: sign-in then fails as for a user who never existed', async () => {
    const ctx = await setup();
    const { AccessToken } = await signIn(ctx);
    const out = await ctx.idp.send(new DeleteUserCommand({ AccessToken }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(Object.keys(out).filter((k) => k !== '$metadata')).toEqual([]);
    const { clientId, otherClientId } = ctx.demo.userPool;
    // Both existence-error settings: ENABLED (the demo client) and LEGACY (the other client).
    for (const client of [clientId, otherClientId]) {
      const deleted = await failure(passwordAuth(ctx, 'alice', ALICE, client));
      expect(deleted).toEqual(await failure(passwordAuth(ctx, 'nobody-at-all', ALICE, client)));
    }
    expect((await failure(passwordAuth(ctx, 'alice', ALICE, otherClientId))).name).toBe(
      'UserNotFoundException',
    );
    // Other users are untouched.
    expect((await signIn(ctx, 'bob', 'Atlas-Bob-2026!')).AccessToken).toBeTypeOf('string');
  });

  it("refuses the deleted user's old access token in GetUser, ChangePassword and DeleteUser", async () => {
    const ctx = await setup();
    const { AccessToken } = await signIn(ctx);
    const other = await signIn(ctx);
    await ctx.idp.send(new DeleteUserCommand({ AccessToken }));
    const gone = { name: 'UserNotFoundException', message: 'User does not exist.', status: 400 };
    for (const token of [AccessToken, other.AccessToken]) {
      expect(await failure(ctx.idp.send(new GetUserCommand({ AccessToken: token })))).toEqual(gone);
    }
    expect(await failure(changePassword(ctx, other.AccessToken, ALICE, NEW))).toEqual(gone);
    expect(await failure(ctx.idp.send(new DeleteUserCommand({ AccessToken })))).toEqual(gone);
  });

  it('needs an unrevoked token with the admin scope and a well-formed one, deleting nothing', async () => {
    const ctx = await setup();
    const before = poolState(ctx);
    const scopeless = await openidOnlyToken(ctx);
    expect(await failure(ctx.idp.send(new DeleteUserCommand({ AccessToken: scopeless })))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Access Token does not have required scopes',
      status: 400,
    });
    expect(await failure(ctx.idp.send(new DeleteUserCommand({ AccessToken: 'not a token' })))).toEqual({
      name: 'InvalidParameterException',
      message:
        "1 validation error detected: Value at 'accessToken' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9-_=.]+",
      status: 400,
    });
    expect(poolState(ctx)).toBe(before);
    const { AccessToken } = await signIn(ctx);
    await ctx.idp.send(new GlobalSignOutCommand({ AccessToken }));
    expect(await failure(ctx.idp.send(new DeleteUserCommand({ AccessToken })))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Access Token has been revoked',
      status: 400,
    });
    expect((await passwordAuth(ctx, 'alice', ALICE)).AuthenticationResult).toBeDefined();
  });
});
