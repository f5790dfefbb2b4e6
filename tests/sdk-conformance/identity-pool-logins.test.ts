/**
 * Login edge cases of the identity pool (docs/aws-reference.md §1.9, §4.11): a second login of one provider on an
 * identity is a conflict, and a revoked user pool token is refused only when the pool's provider
 * entry has ServerSideTokenCheck on (offline verification cannot see revocation).
 */
import { GetCredentialsForIdentityCommand, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import {
  CognitoIdentityProviderClient,
  GlobalSignOutCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { googleIdToken, reconfigured } from '../../src/sim/services/cognito-identity/test-helpers';
import { clientConfig, signInToUserPool, userPoolLoginKey } from '../pipeline/pipeline-support';
import { gapCloud, publicIdentity } from './support';

describe('cognito-identity ResourceConflictException', () => {
  it('refuses a second Google login on an identity that already has one', async () => {
    const { cloud, clock } = await gapCloud();
    const poolId = cloud.demo.identityPool.id;
    const client = publicIdentity(cloud, clock);
    const alice = await signInToUserPool(cloud, clock, 0);
    const carol = await googleIdToken(cloud, clock.now());
    const erin = await googleIdToken(cloud, clock.now(), { sub: 'erin', email: 'erin@gmail.com' });
    const userPool = { [userPoolLoginKey(cloud)]: alice.idToken };
    const { IdentityId } = await client.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: userPool }));
    // Linking carol's Google login to alice's identity is fine (one login per provider) …
    await client.send(
      new GetCredentialsForIdentityCommand({
        IdentityId,
        Logins: { ...userPool, 'accounts.google.com': carol },
      }),
    );
    // … a second Google user on the same identity is not.
    await expect(
      client.send(
        new GetCredentialsForIdentityCommand({
          IdentityId,
          Logins: { ...userPool, 'accounts.google.com': erin },
        }),
      ),
    ).rejects.toMatchObject({ name: 'ResourceConflictException', $metadata: { httpStatusCode: 400 } });
    // Nothing changed: carol still resolves to alice's identity, erin to none of it.
    const again = await client.send(
      new GetIdCommand({ IdentityPoolId: poolId, Logins: { 'accounts.google.com': carol } }),
    );
    expect(again.IdentityId).toBe(IdentityId);
  });
});

describe('cognito-identity ServerSideTokenCheck', () => {
  async function signedOutAlice() {
    const { cloud, clock } = await gapCloud();
    const alice = await signInToUserPool(cloud, clock, 0);
    const idp = new CognitoIdentityProviderClient(clientConfig(cloud, clock));
    await idp.send(new GlobalSignOutCommand({ AccessToken: alice.accessToken }));
    return { cloud, clock, logins: { [userPoolLoginKey(cloud)]: alice.idToken } };
  }

  it('off (the demo default): a token revoked by GlobalSignOut is still accepted', async () => {
    const { cloud, clock, logins } = await signedOutAlice();
    const out = await publicIdentity(cloud, clock).send(
      new GetIdCommand({ IdentityPoolId: cloud.demo.identityPool.id, Logins: logins }),
    );
    expect(out.IdentityId).toMatch(/^us-east-1:/);
  });

  it('on: the same revoked token is refused with NotAuthorizedException', async () => {
    const { cloud, clock, logins } = await signedOutAlice();
    const poolId = cloud.demo.identityPool.id;
    const checked = await reconfigured(cloud, clock.now, (s) => {
      for (const p of s.cognitoIdentity.pools[poolId]?.CognitoIdentityProviders ?? [])
        p.ServerSideTokenCheck = true;
    });
    await expect(
      publicIdentity(checked.cloud, clock).send(new GetIdCommand({ IdentityPoolId: poolId, Logins: logins })),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException', $metadata: { httpStatusCode: 400 } });
  });

  it('on: a token that was not revoked still works', async () => {
    const { cloud, clock } = await gapCloud();
    const poolId = cloud.demo.identityPool.id;
    const checked = await reconfigured(cloud, clock.now, (s) => {
      for (const p of s.cognitoIdentity.pools[poolId]?.CognitoIdentityProviders ?? [])
        p.ServerSideTokenCheck = true;
    });
    const bob = await signInToUserPool(checked.cloud, clock, 1);
    const out = await publicIdentity(checked.cloud, clock).send(
      new GetIdCommand({ IdentityPoolId: poolId, Logins: { [userPoolLoginKey(cloud)]: bob.idToken } }),
    );
    expect(out.IdentityId).toMatch(/^us-east-1:/);
  });
});
