import {
  type Credentials,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { sdkConfig } from '../../../../tests/support/cloud-handler';
import type { Cloud } from '../../index';
import { identityTestCloud, reconfigured, traced } from './test-helpers';

/** The credentials' own identity, asked of STS with them (who did the pool make me?). */
async function whoAmI(cloud: Cloud, nowMs: number, c: Credentials | undefined) {
  const sts = new STSClient({
    ...sdkConfig(cloud, {
      accessKeyId: c?.AccessKeyId ?? '',
      secretAccessKey: c?.SecretKey ?? '',
      sessionToken: c?.SessionToken,
    }),
    // The SDK signs with its own clock; put it on the simulation's.
    systemClockOffset: nowMs - Date.now(),
  });
  return (await sts.send(new GetCallerIdentityCommand({}))).Arn;
}

describe('cognito-identity Logins for the SAML provider', () => {
  it('links the NameID to one identity and assumes the role the assertion’s Role attribute names', async () => {
    const { cloud, clock, identity } = await identityTestCloud();
    const user = cloud.demo.saml.users[0] as { username: string; password: string };
    const Logins = {
      [cloud.demo.saml.providerArn]: await cloud.demo.saml.signIn(user.username, user.password),
    };
    const a = await identity.send(new GetIdCommand({ IdentityPoolId: cloud.demo.identityPool.id, Logins }));
    const b = await identity.send(new GetIdCommand({ IdentityPoolId: cloud.demo.identityPool.id, Logins }));
    expect(b.IdentityId).toBe(a.IdentityId);
    const { result, events } = await traced(cloud, 'role.selection', () =>
      identity.send(new GetCredentialsForIdentityCommand({ IdentityId: a.IdentityId, Logins })),
    );
    // dave's assertion lists exactly one pair: AtlasSamlRole with this provider.
    expect(events[0]?.detail).toMatchObject({ roleArn: cloud.demo.saml.roleArn });
    expect(await whoAmI(cloud, clock.now(), result.Credentials)).toBe(
      `arn:aws:sts::${cloud.demo.accountId}:assumed-role/AtlasSamlRole/CognitoIdentityCredentials`,
    );
  });

  it('lets CustomRoleArn choose among the roles the assertion lists, and refuses one it does not list', async () => {
    const { cloud, clock } = await identityTestCloud();
    const provider = cloud.demo.saml.providerArn;
    const signedIn = cloud.demo.identityPool.authenticatedRoleArn;
    // ExampleCorp now offers dave two roles.
    const two = await reconfigured(cloud, clock.now, (s) => {
      const dave = s.saml.users[0];
      if (dave) dave.awsRoles = [`${cloud.demo.saml.roleArn},${provider}`, `${signedIn},${provider}`];
    });
    const user = two.cloud.demo.saml.users[0] as { username: string; password: string };
    const Logins = { [provider]: await two.cloud.demo.saml.signIn(user.username, user.password) };
    const { IdentityId } = await two.identity.send(
      new GetIdCommand({ IdentityPoolId: cloud.demo.identityPool.id, Logins }),
    );
    const chosen = await two.identity.send(
      new GetCredentialsForIdentityCommand({ IdentityId, Logins, CustomRoleArn: signedIn }),
    );
    expect(await whoAmI(two.cloud, clock.now(), chosen.Credentials)).toBe(
      `arn:aws:sts::${cloud.demo.accountId}:assumed-role/AtlasAuthenticatedRole/CognitoIdentityCredentials`,
    );
    await expect(
      two.identity.send(
        new GetCredentialsForIdentityCommand({
          IdentityId,
          Logins,
          CustomRoleArn: cloud.demo.iam?.roles.AtlasAdminsRole,
        }),
      ),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });

  it('refuses an expired assertion with the pool’s "Token expired" text, in milliseconds', async () => {
    const { cloud, clock, identity } = await identityTestCloud();
    const user = cloud.demo.saml.users[0] as { username: string; password: string };
    const Logins = {
      [cloud.demo.saml.providerArn]: await cloud.demo.saml.signIn(user.username, user.password),
    };
    const issued = clock.now();
    clock.advance(6 * 60_000);
    await expect(
      identity.send(new GetIdCommand({ IdentityPoolId: cloud.demo.identityPool.id, Logins })),
    ).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: `Invalid login token. Token expired: ${clock.now()} >= ${issued + 5 * 60_000}`,
    });
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
