import { GetCredentialsForIdentityCommand, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { describe, expect, it } from 'vitest';
import {
  googleIdToken,
  identityTestCloud,
  reconfigured,
  traced,
  userPoolIdToken,
  userPoolLoginKey,
} from './test-helpers';

const role = (accountId: string, name: string) =>
  `arn:aws:sts::${accountId}:assumed-role/${name}/CognitoIdentityCredentials`;

describe('cognito-identity GetCredentialsForIdentity (enhanced flow)', () => {
  it('gives a guest one-hour credentials of the unauthenticated role, scoped down by session policies', async () => {
    const { cloud, clock, identity } = await identityTestCloud();
    const { IdentityId } = await identity.send(
      new GetIdCommand({ IdentityPoolId: cloud.demo.identityPool.id }),
    );
    const { result, events } = await traced(cloud, 'token.issued', () =>
      identity.send(new GetCredentialsForIdentityCommand({ IdentityId })),
    );
    expect(result.IdentityId).toBe(IdentityId);
    expect(result.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(result.Credentials?.SecretKey).toHaveLength(40);
    expect(result.Credentials?.SessionToken).toBeTruthy();
    expect(result.Credentials?.Expiration).toEqual(new Date(clock.now() + 3600_000));
    const sts = events.find((e) => e.summary.includes('assumed-role'));
    expect(sts?.detail).toMatchObject({
      arn: role(cloud.demo.accountId, 'AtlasGuestRole'),
      sessionPolicies: expect.arrayContaining([
        'arn:aws:iam::aws:policy/AmazonCognitoUnAuthedIdentitiesSessionPolicy',
        'arn:aws:iam::aws:policy/AmazonCognitoUnauthenticatedIdentities',
      ]),
    });
  });

  it('writes Expiration as epoch seconds and the secret as SecretKey on the wire', async () => {
    const { cloud, clock, identity } = await identityTestCloud();
    const { IdentityId } = await identity.send(
      new GetIdCommand({ IdentityPoolId: cloud.demo.identityPool.id }),
    );
    const response = await cloud.fetch(
      new Request(`https://cognito-identity.${cloud.demo.region}.amazonaws.com/`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'AWSCognitoIdentityService.GetCredentialsForIdentity',
        },
        body: JSON.stringify({ IdentityId }),
      }),
    );
    const body = await response.json();
    expect(Object.keys(body.Credentials)).toEqual(['AccessKeyId', 'SecretKey', 'SessionToken', 'Expiration']);
    expect(body.Credentials.Expiration).toBe(Math.floor(clock.now() / 1000) + 3600);
  });

  it('gives a Google user the authenticated role with no session policy', async () => {
    const { cloud, clock, identity } = await identityTestCloud();
    const Logins = { 'accounts.google.com': await googleIdToken(cloud, clock.now()) };
    const { IdentityId } = await identity.send(
      new GetIdCommand({ IdentityPoolId: cloud.demo.identityPool.id, Logins }),
    );
    const { events } = await traced(cloud, 'token.issued', () =>
      identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins })),
    );
    const sts = events.find((e) => e.summary.includes('assumed-role'));
    expect(sts?.detail).toMatchObject({
      arn: role(cloud.demo.accountId, 'AtlasAuthenticatedRole'),
      sessionPolicies: [],
    });
  });

  it('refuses a guest on a pool that does not allow guests', async () => {
    const { cloud, clock, identity } = await identityTestCloud();
    const poolId = cloud.demo.identityPool.id;
    const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId: poolId }));
    const off = await reconfigured(cloud, clock.now, (s) => {
      const pool = s.cognitoIdentity.pools[poolId];
      if (pool) pool.AllowUnauthenticatedIdentities = false;
    });
    await expect(
      off.identity.send(new GetCredentialsForIdentityCommand({ IdentityId })),
    ).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Unauthenticated access is not supported for this identity pool.',
    });
  });

  it('surfaces a role whose trust policy names another pool as InvalidIdentityPoolConfigurationException', async () => {
    const { cloud, clock } = await identityTestCloud();
    const poolId = cloud.demo.identityPool.id;
    const secondId = 'us-east-1:11111111-2222-4333-8444-555555555555';
    const second = await reconfigured(cloud, clock.now, (s) => {
      const pool = s.cognitoIdentity.pools[poolId];
      // Same roles, different pool id: AtlasGuestRole trusts only aud = the demo pool.
      if (pool)
        s.cognitoIdentity.pools[secondId] = { ...pool, IdentityPoolId: secondId, IdentityPoolName: 'second' };
    });
    const { IdentityId } = await second.identity.send(new GetIdCommand({ IdentityPoolId: secondId }));
    const { result, events } = await traced(second.cloud, 'sts.refused', () =>
      second.identity.send(new GetCredentialsForIdentityCommand({ IdentityId })).catch((e: unknown) => e),
    );
    expect(result).toMatchObject({
      name: 'InvalidIdentityPoolConfigurationException',
      message: 'Invalid identity pool configuration. Check assigned IAM roles for this pool.',
    });
    expect(events[0]?.summary).toContain('Not authorized to perform sts:AssumeRoleWithWebIdentity');
  });

  it('refuses a signed-in identity that sends no logins', async () => {
    const { cloud, clock, identity } = await identityTestCloud();
    const Logins = { 'accounts.google.com': await googleIdToken(cloud, clock.now()) };
    const { IdentityId } = await identity.send(
      new GetIdCommand({ IdentityPoolId: cloud.demo.identityPool.id, Logins }),
    );
    await expect(identity.send(new GetCredentialsForIdentityCommand({ IdentityId }))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message:
        "Logins don't match. Please include at least one valid login for this identity or identity pool.",
    });
  });
});

describe('cognito-identity role selection', () => {
  it('token-based: alice (admins, precedence 1) gets cognito:preferred_role AtlasAdminsRole', async () => {
    const { cloud, identity } = await identityTestCloud();
    const Logins = { [userPoolLoginKey(cloud)]: await userPoolIdToken(cloud, 'alice') };
    const { IdentityId } = await identity.send(
      new GetIdCommand({ IdentityPoolId: cloud.demo.identityPool.id, Logins }),
    );
    const { events } = await traced(cloud, 'role.selection', () =>
      identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins })),
    );
    expect(events).toHaveLength(1);
    expect(events[0]?.detail).toMatchObject({
      roleArn: `arn:aws:iam::${cloud.demo.accountId}:role/AtlasAdminsRole`,
    });
    expect(events[0]?.summary).toContain('cognito:preferred_role');
  });

  it('token-based: CustomRoleArn picks another role from cognito:roles', async () => {
    const { cloud, identity } = await identityTestCloud();
    const Logins = { [userPoolLoginKey(cloud)]: await userPoolIdToken(cloud, 'alice') };
    const { IdentityId } = await identity.send(
      new GetIdCommand({ IdentityPoolId: cloud.demo.identityPool.id, Logins }),
    );
    const CustomRoleArn = `arn:aws:iam::${cloud.demo.accountId}:role/AtlasReadersRole`;
    const { events } = await traced(cloud, 'role.selection', () =>
      identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins, CustomRoleArn })),
    );
    expect(events[0]?.detail).toMatchObject({ roleArn: CustomRoleArn });
  });

  it('token-based: a CustomRoleArn outside cognito:roles is denied', async () => {
    const { cloud, identity } = await identityTestCloud();
    const Logins = { [userPoolLoginKey(cloud)]: await userPoolIdToken(cloud, 'bob') };
    const { IdentityId } = await identity.send(
      new GetIdCommand({ IdentityPoolId: cloud.demo.identityPool.id, Logins }),
    );
    const CustomRoleArn = `arn:aws:iam::${cloud.demo.accountId}:role/AtlasAdminsRole`;
    await expect(
      identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins, CustomRoleArn })),
    ).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'The ambiguous role mapping rules denied this request.',
    });
  });

  it('rules-based: the first matching rule chooses; no match with Deny refuses', async () => {
    const { cloud, clock } = await identityTestCloud();
    const poolId = cloud.demo.identityPool.id;
    const webRole = `arn:aws:iam::${cloud.demo.accountId}:role/AtlasWebIdentityRole`;
    const ruled = await reconfigured(cloud, clock.now, (s) => {
      const pool = s.cognitoIdentity.pools[poolId];
      if (!pool) return;
      pool.RoleMappings['accounts.google.com'] = {
        Type: 'Rules',
        AmbiguousRoleResolution: 'Deny',
        RulesConfiguration: {
          Rules: [
            {
              Claim: 'email',
              MatchType: 'Equals',
              Value: 'nobody@gmail.com',
              RoleARN: pool.Roles.authenticated as string,
            },
            { Claim: 'email', MatchType: 'StartsWith', Value: 'carol@', RoleARN: webRole },
            {
              Claim: 'email',
              MatchType: 'Contains',
              Value: 'gmail',
              RoleARN: pool.Roles.authenticated as string,
            },
          ],
        },
      };
    });
    const carol = { 'accounts.google.com': await googleIdToken(cloud, clock.now()) };
    const a = await ruled.identity.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: carol }));
    const { events } = await traced(ruled.cloud, 'role.selection', () =>
      ruled.identity.send(new GetCredentialsForIdentityCommand({ IdentityId: a.IdentityId, Logins: carol })),
    );
    expect(events[0]?.detail).toMatchObject({ roleArn: webRole });
    expect(events[0]?.summary).toContain('rule 2');

    const erin = {
      'accounts.google.com': await googleIdToken(cloud, clock.now(), {
        sub: 'erin',
        email: 'erin@example.com',
      }),
    };
    const b = await ruled.identity.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: erin }));
    await expect(
      ruled.identity.send(new GetCredentialsForIdentityCommand({ IdentityId: b.IdentityId, Logins: erin })),
    ).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'The ambiguous role mapping rules denied this request.',
    });
  });
});
