import {
  AdminAddUserToGroupCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminListGroupsForUserCommand,
  AdminRespondToAuthChallengeCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';

import { adminWorld, createCarol, deniedInIam, failure } from './test-admin-world';

describe('cognito-idp Admin API (signed, authorised by IAM)', () => {
  it('refuses an unsigned call with MissingAuthenticationTokenException', async () => {
    const { cloud, poolId } = await adminWorld();
    const response = await cloud.fetch(
      new Request(`https://cognito-idp.${cloud.demo.region}.amazonaws.com/`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'AWSCognitoIdentityProviderService.AdminGetUser',
        },
        body: JSON.stringify({ UserPoolId: poolId, Username: 'alice' }),
      }),
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      __type: 'MissingAuthenticationTokenException',
      message: 'Missing Authentication Token',
    });
  });

  it('refuses a principal whose policies do not allow the action, in IAM words', async () => {
    const ctx = await adminWorld();
    const error = await failure(
      ctx.idp(ctx.developer).send(new AdminGetUserCommand({ UserPoolId: ctx.poolId, Username: 'alice' })),
    );
    expect(error).toEqual(deniedInIam(ctx, 'AdminGetUser'));
  });

  it('lets the backend role read a user with AdminGetUser', async () => {
    const ctx = await adminWorld();
    const out = await ctx
      .idp(ctx.role)
      .send(new AdminGetUserCommand({ UserPoolId: ctx.poolId, Username: 'alice' }));
    expect(out.Username).toBe('alice');
    expect(out.UserStatus).toBe('CONFIRMED');
    expect(out.Enabled).toBe(true);
    expect(out.UserAttributes).toContainEqual({ Name: 'custom:department', Value: 'platform' });
    const missing = await failure(
      ctx.idp(ctx.role).send(new AdminGetUserCommand({ UserPoolId: ctx.poolId, Username: 'nobody' })),
    );
    expect(missing).toEqual({ name: 'UserNotFoundException', message: 'User does not exist.', status: 400 });
  });

  it('creates a user with a temporary password who must choose a new one (AdminInitiateAuth → NEW_PASSWORD_REQUIRED)', async () => {
    const ctx = await adminWorld();
    const created = await createCarol(ctx);
    expect(created.User?.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    expect(created.User?.Attributes).toContainEqual({ Name: 'email', Value: 'carol@example.com' });
    const started = await ctx.idp(ctx.role).send(
      new AdminInitiateAuthCommand({
        UserPoolId: ctx.poolId,
        ClientId: ctx.backend.clientId,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'carol', PASSWORD: 'Temp-Pass-2026!' },
      }),
    );
    expect(started.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(started.AuthenticationResult).toBeUndefined();
    expect(JSON.parse(started.ChallengeParameters?.userAttributes ?? '{}')).toEqual({
      email: 'carol@example.com',
    });
    const done = await ctx.idp(ctx.role).send(
      new AdminRespondToAuthChallengeCommand({
        UserPoolId: ctx.poolId,
        ClientId: ctx.backend.clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: started.Session,
        ChallengeResponses: { USERNAME: 'carol', NEW_PASSWORD: 'Carol-Own-2026!' },
      }),
    );
    expect(done.AuthenticationResult?.IdToken).toBeTruthy();
    const after = await ctx
      .idp(ctx.role)
      .send(new AdminGetUserCommand({ UserPoolId: ctx.poolId, Username: 'carol' }));
    expect(after.UserStatus).toBe('CONFIRMED');
  });

  it('sends the same challenge to the public InitiateAuth, and a password outside the policy does not use it up', async () => {
    const ctx = await adminWorld();
    await createCarol(ctx);
    const clientId = ctx.cloud.demo.userPool.clientId;
    const started = await ctx.idp().send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: 'carol', PASSWORD: 'Temp-Pass-2026!' },
      }),
    );
    expect(started.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const answer = (NEW_PASSWORD: string) =>
      ctx.idp().send(
        new RespondToAuthChallengeCommand({
          ClientId: clientId,
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: started.Session,
          ChallengeResponses: { USERNAME: 'carol', NEW_PASSWORD },
        }),
      );
    const weak = await failure(answer('short1'));
    expect(weak.name).toBe('InvalidPasswordException');
    const done = await answer('Carol-Own-2026!');
    expect(done.AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it('refuses a temporary password after TemporaryPasswordValidityDays', async () => {
    const ctx = await adminWorld();
    await createCarol(ctx);
    ctx.clock.advance(8 * 24 * 3600 * 1000);
    const expired = await failure(
      ctx.idp().send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: ctx.cloud.demo.userPool.clientId,
          AuthParameters: { USERNAME: 'carol', PASSWORD: 'Temp-Pass-2026!' },
        }),
      ),
    );
    expect(expired).toEqual({
      name: 'NotAuthorizedException',
      message: 'Temporary password has expired and must be reset by an administrator.',
      status: 400,
    });
  });

  it('needs ALLOW_ADMIN_USER_PASSWORD_AUTH on the app client', async () => {
    const ctx = await adminWorld();
    const error = await failure(
      ctx.idp(ctx.role).send(
        new AdminInitiateAuthCommand({
          UserPoolId: ctx.poolId,
          ClientId: ctx.cloud.demo.userPool.clientId,
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'alice', PASSWORD: 'x' },
        }),
      ),
    );
    expect(error).toEqual({
      name: 'InvalidParameterException',
      message: 'ADMIN_USER_PASSWORD_AUTH flow not enabled for this client',
      status: 400,
    });
  });

  it('adds a user to a group and lists the groups', async () => {
    const ctx = await adminWorld();
    await createCarol(ctx);
    await ctx
      .idp(ctx.role)
      .send(
        new AdminAddUserToGroupCommand({ UserPoolId: ctx.poolId, Username: 'carol', GroupName: 'readers' }),
      );
    const out = await ctx
      .idp(ctx.role)
      .send(new AdminListGroupsForUserCommand({ UserPoolId: ctx.poolId, Username: 'carol' }));
    expect(out.Groups?.map((g) => [g.GroupName, g.RoleArn])).toEqual([
      ['readers', ctx.cloud.demo.iam?.roles.AtlasReadersRole],
    ]);
    const noGroup = await failure(
      ctx
        .idp(ctx.role)
        .send(
          new AdminAddUserToGroupCommand({ UserPoolId: ctx.poolId, Username: 'carol', GroupName: 'nope' }),
        ),
    );
    expect(noGroup.name).toBe('ResourceNotFoundException');
  });

  it('refuses to create a user that exists', async () => {
    const ctx = await adminWorld();
    await createCarol(ctx);
    const again = await failure(createCarol(ctx));
    expect(again.name).toBe('UsernameExistsException');
  });
});
