import { GetIdCommand } from '@aws-sdk/client-cognito-identity';
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { sdkConfig } from '../../../../tests/support/cloud-handler';
import { identityTestCloud, userPoolIdToken, userPoolLoginKey } from './test-helpers';

describe('cognito-identity Logins for the user pool', () => {
  it('maps the same user pool user to the same identity', async () => {
    const { cloud, identity } = await identityTestCloud();
    const key = userPoolLoginKey(cloud);
    const a = await identity.send(
      new GetIdCommand({
        IdentityPoolId: cloud.demo.identityPool.id,
        Logins: { [key]: await userPoolIdToken(cloud, 'bob') },
      }),
    );
    const b = await identity.send(
      new GetIdCommand({
        IdentityPoolId: cloud.demo.identityPool.id,
        Logins: { [key]: await userPoolIdToken(cloud, 'bob') },
      }),
    );
    expect(b.IdentityId).toBe(a.IdentityId);
  });

  it('refuses an access token in place of the ID token: it has no aud', async () => {
    const { cloud, identity } = await identityTestCloud();
    const user = cloud.demo.userPool.users[0] as { username: string; password: string };
    const idp = new CognitoIdentityProviderClient(sdkConfig(cloud));
    const auth = await idp.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: cloud.demo.userPool.clientId,
        AuthParameters: { USERNAME: user.username, PASSWORD: user.password },
      }),
    );
    await expect(
      identity.send(
        new GetIdCommand({
          IdentityPoolId: cloud.demo.identityPool.id,
          Logins: { [userPoolLoginKey(cloud)]: auth.AuthenticationResult?.AccessToken as string },
        }),
      ),
    ).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Invalid login token. Missing a required claim: aud',
    });
  });

  it('refuses an ID token under another pool’s Logins key', async () => {
    const { cloud, identity } = await identityTestCloud();
    await expect(
      identity.send(
        new GetIdCommand({
          IdentityPoolId: cloud.demo.identityPool.id,
          Logins: {
            'cognito-idp.us-east-1.amazonaws.com/us-east-1_Other0000': await userPoolIdToken(cloud, 'bob'),
          },
        }),
      ),
    ).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Token is not from a supported provider of this identity pool.',
    });
  });
});
