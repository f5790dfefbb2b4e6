import {
  AdminAddUserToGroupCommand,
  AdminConfirmSignUpCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserPasswordCommand,
  AdminUserGlobalSignOutCommand,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  GetUserCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../index';
import { type AdminWorld, adminWorld, createCarol, deniedInIam, failure } from './test-admin-world';

const ALICE_PASSWORD = 'Atlas-Alice-2026!';

/** The public client's password sign-in, as the browser app makes it. */
const signIn = (ctx: AdminWorld, USERNAME: string, PASSWORD: string) =>
  ctx.idp().send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: ctx.cloud.demo.userPool.clientId,
      AuthParameters: { USERNAME, PASSWORD },
    }),
  );

const refresh = (ctx: AdminWorld, REFRESH_TOKEN: string) =>
  ctx.idp().send(
    new InitiateAuthCommand({
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: ctx.cloud.demo.userPool.clientId,
      AuthParameters: { REFRESH_TOKEN },
    }),
  );

const adminGet = (ctx: AdminWorld, Username: string) =>
  ctx.idp(ctx.role).send(new AdminGetUserCommand({ UserPoolId: ctx.poolId, Username }));

const notAuthorized = (message: string) => ({ name: 'NotAuthorizedException', message, status: 400 });

describe('cognito-idp AdminSetUserPassword', () => {
  it('a permanent password confirms a user who had a temporary one: the next sign-in gives tokens', async () => {
    const ctx = await adminWorld();
    await createCarol(ctx);
    await ctx.idp(ctx.role).send(
      new AdminSetUserPasswordCommand({
        UserPoolId: ctx.poolId,
        Username: 'carol',
        Password: 'Carol-Chosen-2026!',
        Permanent: true,
      }),
    );
    expect((await adminGet(ctx, 'carol')).UserStatus).toBe('CONFIRMED');
    const out = await signIn(ctx, 'carol', 'Carol-Chosen-2026!');
    expect(out.ChallengeName).toBeUndefined();
    expect(out.AuthenticationResult?.AccessToken).toBeTruthy();
    expect(await failure(signIn(ctx, 'carol', 'Temp-Pass-2026!'))).toEqual(
      notAuthorized('Incorrect username or password.'),
    );
  });

  it('a temporary password puts a confirmed user in FORCE_CHANGE_PASSWORD until it expires', async () => {
    const ctx = await adminWorld();
    await ctx.idp(ctx.role).send(
      new AdminSetUserPasswordCommand({
        UserPoolId: ctx.poolId,
        Username: 'alice',
        Password: 'Reset-By-Admin-1!',
      }),
    );
    expect((await adminGet(ctx, 'alice')).UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    const started = await signIn(ctx, 'alice', 'Reset-By-Admin-1!');
    expect(started.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(started.AuthenticationResult).toBeUndefined();
    ctx.clock.advance(8 * 24 * 3600 * 1000);
    expect(await failure(signIn(ctx, 'alice', 'Reset-By-Admin-1!'))).toEqual(
      notAuthorized('Temporary password has expired and must be reset by an administrator.'),
    );
  });

  it('refuses a password outside the policy and a Permanent that is not a Boolean, changing nothing', async () => {
    const ctx = await adminWorld();
    const weak = await failure(
      ctx.idp(ctx.role).send(
        new AdminSetUserPasswordCommand({
          UserPoolId: ctx.poolId,
          Username: 'alice',
          Password: 'short1',
          Permanent: true,
        }),
      ),
    );
    expect(weak.name).toBe('InvalidPasswordException');
    expect(weak.status).toBe(400);
    // The SDK only sends Booleans; the body is rewritten before it is signed, as a hand-made client would send it.
    const client = ctx.idp(ctx.role);
    client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { body?: unknown; headers: Record<string, string> };
        const text = new TextDecoder().decode(request.body as Uint8Array);
        request.body = text.replace('"Permanent":true', '"Permanent":"yes"');
        request.headers['content-length'] = String(new TextEncoder().encode(request.body as string).length);
        return next(args);
      },
      { step: 'build' },
    );
    const wrongKind = await failure(
      client.send(
        new AdminSetUserPasswordCommand({
          UserPoolId: ctx.poolId,
          Username: 'alice',
          Password: 'Another-Good-1!',
          Permanent: true,
        }),
      ),
    );
    expect(wrongKind).toEqual({
      name: 'SerializationException',
      message: 'STRING_VALUE can not be converted to a Boolean',
      status: 400,
    });
    expect((await adminGet(ctx, 'alice')).UserStatus).toBe('CONFIRMED');
    expect((await signIn(ctx, 'alice', ALICE_PASSWORD)).AuthenticationResult?.AccessToken).toBeTruthy();
  });
});

describe('cognito-idp AdminDisableUser, AdminEnableUser and AdminUserGlobalSignOut', () => {
  it('disabling stops sign-in and revokes the tokens issued; enabling lets the user sign in again', async () => {
    const ctx = await adminWorld();
    const before = (await signIn(ctx, 'alice', ALICE_PASSWORD)).AuthenticationResult;
    await ctx.idp(ctx.role).send(new AdminDisableUserCommand({ UserPoolId: ctx.poolId, Username: 'alice' }));
    // Still listed, as the reference says, with Enabled false.
    const listed = await adminGet(ctx, 'alice');
    expect([listed.Enabled, listed.UserStatus]).toEqual([false, 'CONFIRMED']);
    expect(await failure(signIn(ctx, 'alice', ALICE_PASSWORD))).toEqual(notAuthorized('User is disabled.'));
    expect(await failure(ctx.idp().send(new GetUserCommand({ AccessToken: before?.AccessToken })))).toEqual(
      notAuthorized('Access Token has been revoked'),
    );
    expect(await failure(refresh(ctx, before?.RefreshToken ?? ''))).toEqual(
      notAuthorized('Refresh Token has been revoked'),
    );

    await ctx.idp(ctx.role).send(new AdminEnableUserCommand({ UserPoolId: ctx.poolId, Username: 'alice' }));
    expect((await adminGet(ctx, 'alice')).Enabled).toBe(true);
    const after = (await signIn(ctx, 'alice', ALICE_PASSWORD)).AuthenticationResult;
    expect((await ctx.idp().send(new GetUserCommand({ AccessToken: after?.AccessToken }))).Username).toBe(
      'alice',
    );
    // The tokens revoked by the disable stay revoked.
    expect(await failure(ctx.idp().send(new GetUserCommand({ AccessToken: before?.AccessToken })))).toEqual(
      notAuthorized('Access Token has been revoked'),
    );
  });

  it('a global sign-out by the administrator revokes every session but leaves sign-in open', async () => {
    const ctx = await adminWorld();
    const phone = (await signIn(ctx, 'alice', ALICE_PASSWORD)).AuthenticationResult;
    const laptop = (await signIn(ctx, 'alice', ALICE_PASSWORD)).AuthenticationResult;
    await ctx
      .idp(ctx.role)
      .send(new AdminUserGlobalSignOutCommand({ UserPoolId: ctx.poolId, Username: 'alice' }));
    for (const session of [phone, laptop]) {
      expect(
        await failure(ctx.idp().send(new GetUserCommand({ AccessToken: session?.AccessToken }))),
      ).toEqual(notAuthorized('Access Token has been revoked'));
      expect(await failure(refresh(ctx, session?.RefreshToken ?? ''))).toEqual(
        notAuthorized('Refresh Token has been revoked'),
      );
    }
    expect((await signIn(ctx, 'alice', ALICE_PASSWORD)).AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it('answers UserNotFoundException for a user the pool does not have', async () => {
    const ctx = await adminWorld();
    for (const command of [
      new AdminDisableUserCommand({ UserPoolId: ctx.poolId, Username: 'nobody' }),
      new AdminEnableUserCommand({ UserPoolId: ctx.poolId, Username: 'nobody' }),
      new AdminUserGlobalSignOutCommand({ UserPoolId: ctx.poolId, Username: 'nobody' }),
    ]) {
      expect(await failure(ctx.idp(ctx.role).send(command as AdminDisableUserCommand))).toEqual({
        name: 'UserNotFoundException',
        message: 'User does not exist.',
        status: 400,
      });
    }
  });
});

describe('cognito-idp AdminDeleteUser and AdminRemoveUserFromGroup', () => {
  it('deletes a user: gone for sign-in and for the Admin API; a second delete finds nobody', async () => {
    const ctx = await adminWorld();
    await ctx.idp(ctx.role).send(new AdminDeleteUserCommand({ UserPoolId: ctx.poolId, Username: 'alice' }));
    const gone = { name: 'UserNotFoundException', message: 'User does not exist.', status: 400 };
    expect(await failure(adminGet(ctx, 'alice'))).toEqual(gone);
    expect(
      await failure(
        ctx.idp(ctx.role).send(new AdminDeleteUserCommand({ UserPoolId: ctx.poolId, Username: 'alice' })),
      ),
    ).toEqual(gone);
    expect((await failure(signIn(ctx, 'alice', ALICE_PASSWORD))).name).toMatch(
      /^(UserNotFoundException|NotAuthorizedException)$/,
    );
  });

  it('is refused to a principal without the action, and the user stays', async () => {
    const ctx = await adminWorld();
    const denied = await failure(
      ctx.idp(ctx.developer).send(new AdminDeleteUserCommand({ UserPoolId: ctx.poolId, Username: 'alice' })),
    );
    expect(denied).toEqual(deniedInIam(ctx, 'AdminDeleteUser'));
    expect((await adminGet(ctx, 'alice')).Username).toBe('alice');
  });

  it('removes a user from a group; a group the pool lacks is ResourceNotFoundException', async () => {
    const ctx = await adminWorld();
    await createCarol(ctx);
    const idp = ctx.idp(ctx.role);
    await idp.send(
      new AdminAddUserToGroupCommand({ UserPoolId: ctx.poolId, Username: 'carol', GroupName: 'readers' }),
    );
    await idp.send(
      new AdminRemoveUserFromGroupCommand({
        UserPoolId: ctx.poolId,
        Username: 'carol',
        GroupName: 'readers',
      }),
    );
    const groups = await idp.send(
      new AdminListGroupsForUserCommand({ UserPoolId: ctx.poolId, Username: 'carol' }),
    );
    expect(groups.Groups).toEqual([]);
    const missing = await failure(
      idp.send(
        new AdminRemoveUserFromGroupCommand({ UserPoolId: ctx.poolId, Username: 'carol', GroupName: 'nope' }),
      ),
    );
    expect(missing).toEqual({ name: 'ResourceNotFoundException', message: 'Group not found.', status: 400 });
  });
});

describe('cognito-idp AdminConfirmSignUp', () => {
  const zoeSignsUp = (ctx: AdminWorld) =>
    ctx.idp().send(
      new SignUpCommand({
        ClientId: ctx.cloud.demo.userPool.clientId,
        Username: 'zoe',
        Password: 'Sunny-Day-42!',
        UserAttributes: [{ Name: 'email', Value: 'zoe@example.com' }],
      }),
    );
  const confirm = (ctx: AdminWorld, Username: string, creds = ctx.role) =>
    ctx.idp(creds).send(
      new AdminConfirmSignUpCommand({
        UserPoolId: ctx.poolId,
        Username,
        ClientMetadata: { source: 'support-desk' },
      }),
    );

  it('confirms a signed-up user without a code; the address stays unverified; post confirmation runs', async () => {
    const ctx = await adminWorld();
    const events: TraceEvent[] = [];
    ctx.cloud.subscribe((e) => events.push(e));
    ctx.cloud.demo.userPool.setTriggers({ postConfirmation: {} });
    expect((await zoeSignsUp(ctx)).UserConfirmed).toBe(false);
    expect(await failure(signIn(ctx, 'zoe', 'Sunny-Day-42!'))).toMatchObject({
      name: 'UserNotConfirmedException',
    });
    await expect(confirm(ctx, 'zoe')).resolves.toMatchObject({ $metadata: { httpStatusCode: 200 } });
    const zoe = await adminGet(ctx, 'zoe');
    expect(zoe.UserStatus).toBe('CONFIRMED');
    expect(zoe.UserAttributes?.find((a) => a.Name === 'email_verified')?.Value).not.toBe('true');
    const out = await signIn(ctx, 'zoe', 'Sunny-Day-42!');
    expect(out.AuthenticationResult?.AccessToken).toBeTruthy();
    const invoked = events
      .filter((e) => e.kind === 'lambda.invoke')
      .map((e) => e.detail as { event: unknown });
    expect(invoked).toHaveLength(1);
    expect(invoked[0]?.event).toMatchObject({
      triggerSource: 'PostConfirmation_ConfirmSignUp',
      userName: 'zoe',
      callerContext: { clientId: 'CLIENT_ID_NOT_APPLICABLE' },
      request: {
        userAttributes: { 'cognito:user_status': 'CONFIRMED', email: 'zoe@example.com' },
        clientMetadata: { source: 'support-desk' },
      },
    });
  });

  it('refuses a user who is not UNCONFIRMED, naming the status, and changes nothing', async () => {
    const ctx = await adminWorld();
    await zoeSignsUp(ctx);
    await confirm(ctx, 'zoe');
    expect(await failure(confirm(ctx, 'zoe'))).toEqual(
      notAuthorized('User cannot be confirmed. Current status is CONFIRMED'),
    );
    // A user the administrator created waits for a new password, not a confirmation.
    await createCarol(ctx);
    expect(await failure(confirm(ctx, 'carol'))).toEqual(
      notAuthorized('User cannot be confirmed. Current status is FORCE_CHANGE_PASSWORD'),
    );
    expect((await adminGet(ctx, 'carol')).UserStatus).toBe('FORCE_CHANGE_PASSWORD');
  });

  it('five confirmations at once: one confirms, four are refused, the trigger runs once', async () => {
    const ctx = await adminWorld();
    const events: TraceEvent[] = [];
    ctx.cloud.subscribe((e) => events.push(e));
    ctx.cloud.demo.userPool.setTriggers({ postConfirmation: {} });
    await zoeSignsUp(ctx);
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => confirm(ctx, 'zoe')));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refusals = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as Error).message] : []));
    expect(refusals).toEqual(Array(4).fill('User cannot be confirmed. Current status is CONFIRMED'));
    expect(events.filter((e) => e.kind === 'lambda.invoke')).toHaveLength(1);
  });

  it('a user named after an Object.prototype member is simply not found', async () => {
    const ctx = await adminWorld();
    for (const Username of ['constructor', '__proto__', 'toString']) {
      expect(await failure(confirm(ctx, Username))).toMatchObject({ name: 'UserNotFoundException' });
      expect(
        await failure(
          ctx.idp(ctx.role).send(new AdminResetUserPasswordCommand({ UserPoolId: ctx.poolId, Username })),
        ),
      ).toMatchObject({ name: 'UserNotFoundException' });
    }
  });

  it('names a missing user, and IAM decides before the pool is read', async () => {
    const ctx = await adminWorld();
    expect(await failure(confirm(ctx, 'nobody'))).toEqual({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
      status: 400,
    });
    await zoeSignsUp(ctx);
    expect(await failure(confirm(ctx, 'zoe', ctx.developer))).toEqual(deniedInIam(ctx, 'AdminConfirmSignUp'));
    expect((await adminGet(ctx, 'zoe')).UserStatus).toBe('UNCONFIRMED');
  });
});

describe('cognito-idp AdminResetUserPassword', () => {
  const reset = (ctx: AdminWorld, Username: string, creds = ctx.role) =>
    ctx.idp(creds).send(new AdminResetUserPasswordCommand({ UserPoolId: ctx.poolId, Username }));
  const resetCodeOf = (ctx: AdminWorld, username: string) =>
    ctx.cloud.demo.userPool
      .inbox()
      .filter((m) => m.purpose === 'FORGOT_PASSWORD' && m.username === username)
      .at(-1)?.code;

  it('stops the password, even the right one, until the user sets a new one with the code it sent', async () => {
    const ctx = await adminWorld();
    await expect(reset(ctx, 'alice')).resolves.toMatchObject({ $metadata: { httpStatusCode: 200 } });
    expect((await adminGet(ctx, 'alice')).UserStatus).toBe('RESET_REQUIRED');
    expect(await failure(signIn(ctx, 'alice', ALICE_PASSWORD))).toEqual({
      name: 'PasswordResetRequiredException',
      message: 'Password reset required for the user',
      status: 400,
    });
    const code = resetCodeOf(ctx, 'alice');
    expect(code).toMatch(/^\d{6}$/);
    await ctx.idp().send(
      new ConfirmForgotPasswordCommand({
        ClientId: ctx.cloud.demo.userPool.clientId,
        Username: 'alice',
        ConfirmationCode: code,
        Password: 'Alice-Anew-2026!',
      }),
    );
    expect((await adminGet(ctx, 'alice')).UserStatus).toBe('CONFIRMED');
    expect((await signIn(ctx, 'alice', 'Alice-Anew-2026!')).AuthenticationResult?.AccessToken).toBeTruthy();
    expect(await failure(signIn(ctx, 'alice', ALICE_PASSWORD))).toEqual(
      notAuthorized('Incorrect username or password.'),
    );
  });

  it('cannot reset a temporary password: neither the administrator nor ForgotPassword, and nothing changes', async () => {
    const ctx = await adminWorld();
    await createCarol(ctx);
    const refused = notAuthorized('User password cannot be reset in the current state.');
    expect(await failure(reset(ctx, 'carol'))).toEqual(refused);
    expect(
      await failure(
        ctx
          .idp()
          .send(new ForgotPasswordCommand({ ClientId: ctx.cloud.demo.userPool.clientId, Username: 'carol' })),
      ),
    ).toEqual(refused);
    expect((await adminGet(ctx, 'carol')).UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    expect(resetCodeOf(ctx, 'carol')).toBeUndefined();
    expect((await signIn(ctx, 'carol', 'Temp-Pass-2026!')).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  });

  it('is refused without the IAM action, and names a missing user', async () => {
    const ctx = await adminWorld();
    expect(await failure(reset(ctx, 'alice', ctx.developer))).toEqual(
      deniedInIam(ctx, 'AdminResetUserPassword'),
    );
    expect((await adminGet(ctx, 'alice')).UserStatus).toBe('CONFIRMED');
    expect(await failure(reset(ctx, 'nobody'))).toEqual({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
      status: 400,
    });
  });
});
