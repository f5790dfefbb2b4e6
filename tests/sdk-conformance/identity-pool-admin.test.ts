/**
 * The identity pool's signed configuration and inspection operations (DescribeIdentityPool,
 * Get/SetIdentityPoolRoles, DescribeIdentity, ListIdentities), the public UnlinkIdentity, and the
 * ways a signed call can fail: unsigned, or signed by a principal IAM does not allow.
 */
import {
  DescribeIdentityCommand,
  DescribeIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetIdentityPoolRolesCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  ListIdentitiesCommand,
  MergeDeveloperIdentitiesCommand,
  SetIdentityPoolRolesCommand,
  UnlinkIdentityCommand,
} from '@aws-sdk/client-cognito-identity';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { googleIdToken } from '../../src/sim/services/cognito-identity/test-helpers';
import { signInToUserPool, userPoolLoginKey } from '../pipeline/pipeline-support';
import { DEVELOPER_PROVIDER, gapCloud, publicIdentity, roleArn, signedIdentity, sts } from './support';

describe('cognito-identity DescribeIdentityPool and Get/SetIdentityPoolRoles', () => {
  it('describes the demo pool with the model’s member names', async () => {
    const { cloud, clock } = await gapCloud();
    const poolId = cloud.demo.identityPool.id;
    const out = await signedIdentity(cloud, clock).send(
      new DescribeIdentityPoolCommand({ IdentityPoolId: poolId }),
    );
    const { $metadata: _m, ...pool } = out;
    expect(pool).toEqual({
      IdentityPoolId: poolId,
      IdentityPoolName: 'atlas_identities',
      AllowUnauthenticatedIdentities: true,
      AllowClassicFlow: true,
      SupportedLoginProviders: { 'accounts.google.com': cloud.demo.google.clientId },
      DeveloperProviderName: DEVELOPER_PROVIDER,
      OpenIdConnectProviderARNs: [],
      CognitoIdentityProviders: [
        {
          ProviderName: userPoolLoginKey(cloud),
          ClientId: cloud.demo.userPool.clientId,
          ServerSideTokenCheck: false,
        },
      ],
      SamlProviderARNs: [cloud.demo.saml.providerArn],
      IdentityPoolTags: {},
    });
  });

  it('switches the user pool provider to rules-based mapping; credentials then follow the matching rule', async () => {
    const { cloud, clock } = await gapCloud();
    const poolId = cloud.demo.identityPool.id;
    const admin = signedIdentity(cloud, clock);
    const before = await admin.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: poolId }));
    const mappingKey = `${userPoolLoginKey(cloud)}:${cloud.demo.userPool.clientId}`;
    expect(before.RoleMappings).toEqual({
      [mappingKey]: { Type: 'Token', AmbiguousRoleResolution: 'AuthenticatedRole' },
    });
    const rules = {
      [mappingKey]: {
        Type: 'Rules' as const,
        AmbiguousRoleResolution: 'AuthenticatedRole' as const,
        RulesConfiguration: {
          Rules: [
            {
              Claim: 'cognito:username',
              MatchType: 'Equals' as const,
              Value: 'bob',
              RoleARN: roleArn(cloud, 'AtlasAdminsRole'),
            },
          ],
        },
      },
    };
    await admin.send(
      new SetIdentityPoolRolesCommand({ IdentityPoolId: poolId, Roles: before.Roles, RoleMappings: rules }),
    );
    const after = await admin.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: poolId }));
    expect(after.RoleMappings).toEqual(rules);
    expect(after.Roles).toEqual(before.Roles);

    const roleOf = async (index: number) => {
      const tokens = await signInToUserPool(cloud, clock, index);
      const logins = { [userPoolLoginKey(cloud)]: tokens.idToken };
      const client = publicIdentity(cloud, clock);
      const { IdentityId } = await client.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: logins }));
      const out = await client.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }));
      const c = out.Credentials;
      const who = await sts(cloud, clock, {
        accessKeyId: c?.AccessKeyId as string,
        secretAccessKey: c?.SecretKey as string,
        sessionToken: c?.SessionToken as string,
      }).send(new GetCallerIdentityCommand({}));
      return { username: tokens.username, arn: who.Arn };
    };
    const session = (role: string) =>
      `arn:aws:sts::${cloud.demo.accountId}:assumed-role/${role}/CognitoIdentityCredentials`;
    // bob matches the rule (though he is only a reader); alice matches nothing → the authenticated role,
    // although token-based mapping would have given her AtlasAdminsRole.
    const users = cloud.demo.userPool.users.map((u) => u.username);
    const bob = await roleOf(users.indexOf('bob'));
    const alice = await roleOf(users.indexOf('alice'));
    expect(bob.arn).toBe(session('AtlasAdminsRole'));
    expect(alice.arn).toBe(session('AtlasAuthenticatedRole'));
  });
});

describe('cognito-identity DescribeIdentity, ListIdentities and UnlinkIdentity', () => {
  it('describes a Google identity (dates are epoch seconds on the wire, Dates in the SDK) and lists it', async () => {
    const { cloud, clock } = await gapCloud();
    const poolId = cloud.demo.identityPool.id;
    const google = { 'accounts.google.com': await googleIdToken(cloud, clock.now()) };
    const created = clock.now();
    const { IdentityId } = await publicIdentity(cloud, clock).send(
      new GetIdCommand({ IdentityPoolId: poolId, Logins: google }),
    );
    clock.advance(5_000);
    const guest = await publicIdentity(cloud, clock).send(new GetIdCommand({ IdentityPoolId: poolId }));
    const admin = signedIdentity(cloud, clock);
    const { $metadata: _m, ...described } = await admin.send(new DescribeIdentityCommand({ IdentityId }));
    expect(described).toEqual({
      IdentityId,
      Logins: ['accounts.google.com'],
      CreationDate: new Date(created),
      LastModifiedDate: new Date(created),
    });
    const page1 = await admin.send(new ListIdentitiesCommand({ IdentityPoolId: poolId, MaxResults: 1 }));
    expect(page1.IdentityPoolId).toBe(poolId);
    expect(page1.Identities?.map((i) => i.IdentityId)).toEqual([IdentityId]);
    expect(page1.NextToken).toBeTypeOf('string');
    const page2 = await admin.send(
      new ListIdentitiesCommand({ IdentityPoolId: poolId, MaxResults: 1, NextToken: page1.NextToken }),
    );
    expect(page2.Identities?.map((i) => i.IdentityId)).toEqual([guest.IdentityId]);
    expect(page2.NextToken).toBeUndefined();
  });

  it('lists identities a merge disabled unless HideDisabled is true', async () => {
    const { cloud, clock } = await gapCloud();
    const poolId = cloud.demo.identityPool.id;
    const admin = signedIdentity(cloud, clock);
    const register = (userId: string) =>
      admin.send(
        new GetOpenIdTokenForDeveloperIdentityCommand({
          IdentityPoolId: poolId,
          Logins: { [DEVELOPER_PROVIDER]: userId },
        }),
      );
    const a = await register('a');
    clock.advance(1_000);
    const b = await register('b');
    await admin.send(
      new MergeDeveloperIdentitiesCommand({
        IdentityPoolId: poolId,
        DeveloperProviderName: DEVELOPER_PROVIDER,
        SourceUserIdentifier: 'b',
        DestinationUserIdentifier: 'a',
      }),
    );
    const ids = async (HideDisabled?: boolean) =>
      (
        await admin.send(new ListIdentitiesCommand({ IdentityPoolId: poolId, MaxResults: 60, HideDisabled }))
      ).Identities?.map((i) => i.IdentityId);
    expect(await ids()).toEqual([a.IdentityId, b.IdentityId]);
    expect(await ids(true)).toEqual([a.IdentityId]);
  });

  it('requires MaxResults, as the service model does', async () => {
    const { cloud, clock } = await gapCloud();
    await expect(
      signedIdentity(cloud, clock).send(
        new ListIdentitiesCommand({ IdentityPoolId: cloud.demo.identityPool.id } as never),
      ),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value null at 'maxResults' failed to satisfy constraint: Member must not be null",
    });
  });

  it('unlinks a login: the identity keeps its id, loses the login, and the login then maps to a new identity', async () => {
    const { cloud, clock } = await gapCloud();
    const poolId = cloud.demo.identityPool.id;
    const client = publicIdentity(cloud, clock);
    const google = { 'accounts.google.com': await googleIdToken(cloud, clock.now()) };
    const { IdentityId } = await client.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: google }));
    await client.send(
      new UnlinkIdentityCommand({ IdentityId, Logins: google, LoginsToRemove: ['accounts.google.com'] }),
    );
    const described = await signedIdentity(cloud, clock).send(new DescribeIdentityCommand({ IdentityId }));
    expect(described.Logins).toEqual([]);
    const again = await client.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: google }));
    expect(again.IdentityId).not.toBe(IdentityId);
  });

  it('refuses UnlinkIdentity without one of the identity’s own logins', async () => {
    const { cloud, clock } = await gapCloud();
    const poolId = cloud.demo.identityPool.id;
    const client = publicIdentity(cloud, clock);
    const carol = { 'accounts.google.com': await googleIdToken(cloud, clock.now()) };
    const erin = { 'accounts.google.com': await googleIdToken(cloud, clock.now(), { sub: 'erin' }) };
    const { IdentityId } = await client.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: carol }));
    await expect(
      client.send(
        new UnlinkIdentityCommand({ IdentityId, Logins: erin, LoginsToRemove: ['accounts.google.com'] }),
      ),
    ).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message:
        "Logins don't match. Please include at least one valid login for this identity or identity pool.",
    });
  });
});

describe('cognito-identity signed operations refuse callers', () => {
  it('answers MissingAuthenticationTokenException (403) for an unsigned call to a signed operation', async () => {
    const { cloud } = await gapCloud();
    const response = await cloud.fetch(
      new Request(`https://cognito-identity.${cloud.demo.region}.amazonaws.com/`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'AWSCognitoIdentityService.DescribeIdentityPool',
        },
        body: JSON.stringify({ IdentityPoolId: cloud.demo.identityPool.id }),
      }),
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      __type: 'MissingAuthenticationTokenException',
      message: 'Missing Authentication Token',
    });
  });

  it('refuses a signed call whose principal IAM does not allow (a role session without cognito-identity)', async () => {
    const { cloud, clock } = await gapCloud();
    const assumed = await sts(cloud, clock, {
      accessKeyId: cloud.demo.iamUser.accessKeyId,
      secretAccessKey: cloud.demo.iamUser.secretAccessKey,
    }).send(new AssumeRoleCommand({ RoleArn: cloud.demo.assumableRoleArn, RoleSessionName: 'dev' }));
    const c = assumed.Credentials;
    const client = signedIdentity(cloud, clock, {
      accessKeyId: c?.AccessKeyId as string,
      secretAccessKey: c?.SecretAccessKey as string,
      sessionToken: c?.SessionToken as string,
    });
    const poolId = cloud.demo.identityPool.id;
    await expect(
      client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: poolId })),
    ).rejects.toMatchObject({
      name: 'AccessDeniedException',
      $metadata: { httpStatusCode: 400 },
      message: expect.stringContaining(
        `User: arn:aws:sts::${cloud.demo.accountId}:assumed-role/AtlasDeveloperRole/dev is not authorized to perform: cognito-identity:DescribeIdentityPool on resource: arn:aws:cognito-identity:${cloud.demo.region}:${cloud.demo.accountId}:identitypool/${poolId}`,
      ),
    });
  });
});
