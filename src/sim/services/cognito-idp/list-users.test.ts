import {
  AdminAddUserToGroupCommand,
  AdminDisableUserCommand,
  ListUsersCommand,
  ListUsersInGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { adminWorld, createCarol, deniedInIam, failure } from './test-admin-world';

const names = (out: { Users?: { Username?: string }[] }) => (out.Users ?? []).map((u) => u.Username);

describe('ListUsers (signed, authorised by IAM)', () => {
  it('refuses a principal whose policies do not allow cognito-idp:ListUsers, in IAM words', async () => {
    const ctx = await adminWorld();
    const error = await failure(
      ctx.idp(ctx.developer).send(new ListUsersCommand({ UserPoolId: ctx.poolId })),
    );
    expect(error).toEqual(deniedInIam(ctx, 'ListUsers'));
  });

  it('lists every user with its status and dates, a page at a time', async () => {
    const ctx = await adminWorld();
    const all = await ctx.idp(ctx.role).send(new ListUsersCommand({ UserPoolId: ctx.poolId }));
    const everyone = names(all);
    expect(everyone).toContain('alice');
    const alice = all.Users?.find((u) => u.Username === 'alice');
    expect(alice?.UserStatus).toBe('CONFIRMED');
    expect(alice?.Enabled).toBe(true);
    expect(alice?.UserCreateDate).toBeInstanceOf(Date);
    expect(alice?.Attributes).toContainEqual({ Name: 'custom:department', Value: 'platform' });
    expect(all.PaginationToken).toBeUndefined();
    // Two at a time, following the token, gives the same users in the same order.
    const paged: (string | undefined)[] = [];
    let token: string | undefined;
    do {
      const page = await ctx
        .idp(ctx.role)
        .send(new ListUsersCommand({ UserPoolId: ctx.poolId, Limit: 2, PaginationToken: token }));
      expect(page.Users?.length).toBeLessThanOrEqual(2);
      paged.push(...names(page));
      token = page.PaginationToken;
    } while (token);
    expect(paged).toEqual(everyone);
  });

  it('filters on one searchable attribute, exactly (=) or by prefix (^=)', async () => {
    const ctx = await adminWorld();
    await createCarol(ctx);
    const list = (Filter: string) =>
      ctx.idp(ctx.role).send(new ListUsersCommand({ UserPoolId: ctx.poolId, Filter }));
    expect(names(await list('email = "carol@example.com"'))).toEqual(['carol']);
    expect(names(await list('username ^= "car"'))).toEqual(['carol']);
    // username is case-sensitive; cognito:user_status is not.
    expect(names(await list('username = "CAROL"'))).toEqual([]);
    const forced = await list('cognito:user_status = "force_change_password"');
    expect(names(forced)).toContain('carol');
    expect(forced.Users?.every((u) => u.UserStatus === 'FORCE_CHANGE_PASSWORD')).toBe(true);
    await ctx.idp(ctx.role).send(new AdminDisableUserCommand({ UserPoolId: ctx.poolId, Username: 'carol' }));
    const disabled = await list('status = "Disabled"');
    expect(names(disabled)).toContain('carol');
    expect(disabled.Users?.every((u) => u.Enabled === false)).toBe(true);
    expect(names(await list('status = "Enabled"'))).not.toContain('carol');
    // An empty filter lists everyone.
    expect(names(await list('')).length).toBeGreaterThan(1);
  });

  it('keeps only the attributes asked for', async () => {
    const ctx = await adminWorld();
    const out = await ctx.idp(ctx.role).send(
      new ListUsersCommand({
        UserPoolId: ctx.poolId,
        Filter: 'username = "alice"',
        AttributesToGet: ['email'],
      }),
    );
    expect(out.Users?.[0]?.Attributes?.map((a) => a.Name)).toEqual(['email']);
  });

  it('refuses a filter that does not parse, or on a custom attribute, and one past 256 characters', async () => {
    const ctx = await adminWorld();
    const list = (Filter: string) =>
      failure(ctx.idp(ctx.role).send(new ListUsersCommand({ UserPoolId: ctx.poolId, Filter })));
    const parsing = {
      name: 'InvalidParameterException',
      message: 'Error while parsing filter.',
      status: 400,
    };
    expect(await list('foo')).toEqual(parsing);
    expect(await list('email == "a"')).toEqual(parsing);
    expect(await list('custom:department = "platform"')).toEqual(parsing);
    expect(await list(`email = "${'a'.repeat(260)}"`)).toEqual({
      name: 'InvalidParameterException',
      message: expect.stringContaining(
        "at 'filter' failed to satisfy constraint: Member must have length less than or equal to 256",
      ),
      status: 400,
    });
    const limit = await failure(
      ctx.idp(ctx.role).send(new ListUsersCommand({ UserPoolId: ctx.poolId, Limit: 61 })),
    );
    expect(limit.name).toBe('InvalidParameterException');
  });
});

describe('ListUsersInGroup (signed, authorised by IAM)', () => {
  const inGroup = (
    ctx: Awaited<ReturnType<typeof adminWorld>>,
    GroupName: string,
    Limit?: number,
    NextToken?: string,
  ) =>
    ctx
      .idp(ctx.role)
      .send(new ListUsersInGroupCommand({ UserPoolId: ctx.poolId, GroupName, Limit, NextToken }));

  it('lists the members of one group, a page at a time, and follows a new member', async () => {
    const ctx = await adminWorld();
    expect(names(await inGroup(ctx, 'admins'))).toEqual(['alice']);
    const readers = names(await inGroup(ctx, 'readers'));
    expect(readers).toEqual(expect.arrayContaining(['alice', 'bob']));
    expect(readers).not.toContain('una');
    const first = await inGroup(ctx, 'readers', 1);
    expect(names(first)).toEqual([readers[0]]);
    expect(first.NextToken).toBeTruthy();
    expect(names(await inGroup(ctx, 'readers', 1, first.NextToken))).toEqual([readers[1]]);
    await createCarol(ctx);
    await ctx
      .idp(ctx.role)
      .send(
        new AdminAddUserToGroupCommand({ UserPoolId: ctx.poolId, Username: 'carol', GroupName: 'admins' }),
      );
    const admins = await inGroup(ctx, 'admins');
    expect(names(admins)).toEqual(['alice', 'carol']);
    expect(admins.Users?.find((u) => u.Username === 'carol')?.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
  });

  it('answers a group the pool lacks with ResourceNotFoundException, and IAM first', async () => {
    const ctx = await adminWorld();
    expect(await failure(inGroup(ctx, 'Admins'))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'Group not found.',
      status: 400,
    });
    expect(
      await failure(
        ctx
          .idp(ctx.developer)
          .send(new ListUsersInGroupCommand({ UserPoolId: ctx.poolId, GroupName: 'admins' })),
      ),
    ).toEqual(deniedInIam(ctx, 'ListUsersInGroup'));
  });
});
