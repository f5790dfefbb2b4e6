import {
  AdminCreateUserCommand,
  ListUsersCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { adminWorld, changePool, failure } from './test-admin-world';

describe('AdminCreateUserConfig AllowAdminCreateUserOnly', () => {
  it('refuses SignUp as Cognito does, creating no one, while an administrator still creates users', async () => {
    const ctx = await adminWorld();
    await changePool(ctx, (pool) => {
      pool.adminCreateUserOnly = true;
    });
    const before = await ctx.idp(ctx.role).send(new ListUsersCommand({ UserPoolId: ctx.poolId }));
    const refused = await failure(
      ctx.idp().send(
        new SignUpCommand({
          ClientId: ctx.cloud.demo.userPool.clientId,
          Username: 'zoe',
          Password: 'Sunny-Day-42',
          UserAttributes: [{ Name: 'email', Value: 'zoe@example.com' }],
        }),
      ),
    );
    expect(refused).toEqual({
      name: 'NotAuthorizedException',
      message: 'SignUp is not permitted for this user pool',
      status: 400,
    });
    const after = await ctx.idp(ctx.role).send(new ListUsersCommand({ UserPoolId: ctx.poolId }));
    expect(after.Users?.length).toBe(before.Users?.length);
    expect(ctx.cloud.demo.userPool.inbox()).toEqual([]);
    const created = await ctx
      .idp(ctx.role)
      .send(
        new AdminCreateUserCommand({ UserPoolId: ctx.poolId, Username: 'zoe', MessageAction: 'SUPPRESS' }),
      );
    expect(created.User?.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
  });

  it('lets an administrator leave out a required attribute and mark an email verified', async () => {
    const ctx = await adminWorld();
    // The demo pool requires email: SignUp needs it, AdminCreateUser does not (developer guide).
    const bare = await ctx
      .idp(ctx.role)
      .send(
        new AdminCreateUserCommand({ UserPoolId: ctx.poolId, Username: 'kai', MessageAction: 'SUPPRESS' }),
      );
    expect(bare.User?.Attributes?.map((a) => a.Name)).toEqual(['sub']);
    const verified = await ctx.idp(ctx.role).send(
      new AdminCreateUserCommand({
        UserPoolId: ctx.poolId,
        Username: 'lea',
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: 'lea@example.com' },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
    expect(verified.User?.Attributes).toContainEqual({ Name: 'email_verified', Value: 'true' });
  });
});
