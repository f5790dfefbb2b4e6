import {
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetOpenIdTokenCommand,
} from '@aws-sdk/client-cognito-identity';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { identityTestCloud, traced } from './test-helpers';

describe('cognito-identity Logins for the SAML provider', () => {
  it('links the NameID to one identity and gives it the authenticated role in the enhanced flow', async () => {
    const { cloud, identity } = await identityTestCloud();
    const user = cloud.demo.saml.users[0] as { username: string; password: string };
    const Logins = {
      [cloud.demo.saml.providerArn]: await cloud.demo.saml.signIn(user.username, user.password),
    };
    const a = await identity.send(new GetIdCommand({ IdentityPoolId: cloud.demo.identityPool.id, Logins }));
    const b = await identity.send(new GetIdCommand({ IdentityPoolId: cloud.demo.identityPool.id, Logins }));
    expect(b.IdentityId).toBe(a.IdentityId);
    const { Token } = await identity.send(new GetOpenIdTokenCommand({ IdentityId: a.IdentityId, Logins }));
    const amr = decodeJwt(Token as string).amr as string[];
    expect(amr.slice(0, 2)).toEqual(['authenticated', cloud.demo.saml.providerArn]);
    const { events } = await traced(cloud, 'role.selection', () =>
      identity.send(new GetCredentialsForIdentityCommand({ IdentityId: a.IdentityId, Logins })),
    );
    expect(events[0]?.detail).toMatchObject({ roleArn: cloud.demo.identityPool.authenticatedRoleArn });
  });

  it('refuses an altered SAML response', async () => {
    const { cloud, identity } = await identityTestCloud();
    const user = cloud.demo.saml.users[0] as { username: string; password: string };
    const xml = atob(await cloud.demo.saml.signIn(user.username, user.password)).replace(
      user.username,
      'mallory',
    );
    await expect(
      identity.send(
        new GetIdCommand({
          IdentityPoolId: cloud.demo.identityPool.id,
          Logins: { [cloud.demo.saml.providerArn]: btoa(xml) },
        }),
      ),
    ).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: "Invalid login token. Couldn't verify signed token.",
    });
  });
});
