import {
  AdminListGroupsForUserCommand,
  GetGroupCommand,
  ListGroupsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { adminWorld, deniedInIam, failure } from './test-admin-world';

describe('GetGroup and ListGroups (signed, authorised by IAM)', () => {
  it("answers a group with the role and precedence that decide the token's role claims", async () => {
    const ctx = await adminWorld();
    const { Group } = await ctx
      .idp(ctx.role)
      .send(new GetGroupCommand({ UserPoolId: ctx.poolId, GroupName: 'admins' }));
    expect(Group).toMatchObject({
      GroupName: 'admins',
      UserPoolId: ctx.poolId,
      Description: 'Atlas administrators',
      Precedence: 1,
      RoleArn: expect.stringMatching(/:role\/AtlasAdminsRole$/),
    });
    expect(Group?.CreationDate).toBeInstanceOf(Date);
    // Group names are case-sensitive.
    expect(
      await failure(
        ctx.idp(ctx.role).send(new GetGroupCommand({ UserPoolId: ctx.poolId, GroupName: 'Admins' })),
      ),
    ).toEqual({ name: 'ResourceNotFoundException', message: 'Group not found.', status: 400 });
  });

  it('lists the groups a page at a time, and refuses a token it did not issue', async () => {
    const ctx = await adminWorld();
    const list = (Limit?: number, NextToken?: string) =>
      ctx.idp(ctx.role).send(new ListGroupsCommand({ UserPoolId: ctx.poolId, Limit, NextToken }));
    const all = await list();
    expect(all.Groups?.map((g) => g.GroupName)).toEqual(['admins', 'readers']);
    expect(all.NextToken).toBeUndefined();
    const first = await list(1);
    expect(first.Groups?.map((g) => g.GroupName)).toEqual(['admins']);
    const second = await list(1, first.NextToken);
    expect(second.Groups?.map((g) => g.GroupName)).toEqual(['readers']);
    expect(second.NextToken).toBeUndefined();
    expect(await failure(list(1, 'not-a-token'))).toMatchObject({ name: 'InvalidParameterException' });
  });

  it("pages a user's groups the same way, and refuses a token it did not issue", async () => {
    const ctx = await adminWorld();
    const groupsOf = (Limit?: number, NextToken?: string) =>
      ctx
        .idp(ctx.role)
        .send(
          new AdminListGroupsForUserCommand({ UserPoolId: ctx.poolId, Username: 'alice', Limit, NextToken }),
        );
    const first = await groupsOf(1);
    expect(first.Groups?.map((g) => g.GroupName)).toEqual(['admins']);
    const second = await groupsOf(1, first.NextToken);
    expect(second.Groups?.map((g) => g.GroupName)).toEqual(['readers']);
    expect(second.NextToken).toBeUndefined();
    // A number is not a token this pool issued: before, it silently restarted the listing at that position.
    expect(await failure(groupsOf(1, '1'))).toMatchObject({
      name: 'InvalidParameterException',
      message: 'Invalid pagination token.',
    });
  });

  it('refuses a principal without the actions, in IAM words', async () => {
    const ctx = await adminWorld();
    const dev = ctx.idp(ctx.developer);
    expect(await failure(dev.send(new ListGroupsCommand({ UserPoolId: ctx.poolId })))).toEqual(
      deniedInIam(ctx, 'ListGroups'),
    );
    expect(
      await failure(dev.send(new GetGroupCommand({ UserPoolId: ctx.poolId, GroupName: 'admins' }))),
    ).toEqual(deniedInIam(ctx, 'GetGroup'));
  });
});
