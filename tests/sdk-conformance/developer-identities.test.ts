/**
 * Developer-authenticated identities through the SDK (docs/aws-reference.md §4.2, §4.5, §4.6, §4.11): the backend
 * signs GetOpenIdTokenForDeveloperIdentity with the IAM user's keys, the client then uses the token in
 * the enhanced flow (Logins {"cognito-identity.amazonaws.com": token}) or the basic flow (STS
 * AssumeRoleWithWebIdentity); Lookup and Merge work on developer user ids.
 */
import {
  GetCredentialsForIdentityCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  LookupDeveloperIdentityCommand,
  MergeDeveloperIdentitiesCommand,
} from '@aws-sdk/client-cognito-identity';
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import {
  DEVELOPER_PROVIDER,
  decode,
  gapCloud,
  publicIdentity,
  roleArn,
  signedIdentity,
  sts,
} from './support';

describe('cognito-identity GetOpenIdTokenForDeveloperIdentity (signed by the IAM user)', () => {
  it('creates an identity and issues an RS512 token for it, 900 s by default', async () => {
    const { cloud, clock } = await gapCloud();
    const poolId = cloud.demo.identityPool.id;
    const out = await signedIdentity(cloud, clock).send(
      new GetOpenIdTokenForDeveloperIdentityCommand({
        IdentityPoolId: poolId,
        Logins: { [DEVELOPER_PROVIDER]: 'user-42' },
      }),
    );
    expect(out.IdentityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    const { header, claims } = decode(out.Token as string);
    expect(header).toEqual({ alg: 'RS512', kid: 'us-east-1-1', typ: 'JWS' });
    const iat = Math.floor(clock.now() / 1000);
    expect(claims).toMatchObject({
      sub: out.IdentityId,
      aud: poolId,
      iss: 'https://cognito-identity.amazonaws.com',
      amr: ['authenticated', DEVELOPER_PROVIDER, `${DEVELOPER_PROVIDER}:${poolId}:user-42`],
      iat,
      exp: iat + 900,
    });
  });

  it('maps the same developer user id to the same identity and honours TokenDuration', async () => {
    const { cloud, clock } = await gapCloud();
    const backend = signedIdentity(cloud, clock);
    const ask = (TokenDuration?: number) =>
      backend.send(
        new GetOpenIdTokenForDeveloperIdentityCommand({
          IdentityPoolId: cloud.demo.identityPool.id,
          Logins: { [DEVELOPER_PROVIDER]: 'user-7' },
          TokenDuration,
        }),
      );
    const first = await ask();
    const second = await ask(3600);
    expect(second.IdentityId).toBe(first.IdentityId);
    const { claims } = decode(second.Token as string);
    expect((claims.exp as number) - (claims.iat as number)).toBe(3600);
  });

  it('enhanced developer flow: GetCredentialsForIdentity with the Cognito token gives the authenticated role', async () => {
    const { cloud, clock } = await gapCloud();
    const dev = await signedIdentity(cloud, clock).send(
      new GetOpenIdTokenForDeveloperIdentityCommand({
        IdentityPoolId: cloud.demo.identityPool.id,
        Logins: { [DEVELOPER_PROVIDER]: 'user-42' },
      }),
    );
    const out = await publicIdentity(cloud, clock).send(
      new GetCredentialsForIdentityCommand({
        IdentityId: dev.IdentityId,
        Logins: { 'cognito-identity.amazonaws.com': dev.Token as string },
      }),
    );
    expect(out.IdentityId).toBe(dev.IdentityId);
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(out.Credentials?.Expiration).toEqual(new Date(clock.now() + 3600_000));
    const who = await sts(cloud, clock, {
      accessKeyId: out.Credentials?.AccessKeyId as string,
      secretAccessKey: out.Credentials?.SecretKey as string,
      sessionToken: out.Credentials?.SessionToken as string,
    }).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe(
      `arn:aws:sts::${cloud.demo.accountId}:assumed-role/AtlasAuthenticatedRole/CognitoIdentityCredentials`,
    );
  });

  it('basic developer flow: STS AssumeRoleWithWebIdentity accepts the Cognito token for a role trusting the pool', async () => {
    const { cloud, clock } = await gapCloud();
    const poolId = cloud.demo.identityPool.id;
    const dev = await signedIdentity(cloud, clock).send(
      new GetOpenIdTokenForDeveloperIdentityCommand({
        IdentityPoolId: poolId,
        Logins: { [DEVELOPER_PROVIDER]: 'user-42' },
      }),
    );
    const out = await sts(cloud, clock).send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: cloud.demo.webIdentityRoleArn,
        RoleSessionName: 'dev-basic',
        WebIdentityToken: dev.Token,
      }),
    );
    expect(out.SubjectFromWebIdentityToken).toBe(dev.IdentityId);
    expect(out.Audience).toBe(poolId);
    expect(out.AssumedRoleUser?.Arn).toBe(
      `arn:aws:sts::${cloud.demo.accountId}:assumed-role/AtlasWebIdentityRole/dev-basic`,
    );
    // The guest role trusts only amr "unauthenticated": a developer (authenticated) token is refused.
    await expect(
      sts(cloud, clock).send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: roleArn(cloud, 'AtlasGuestRole'),
          RoleSessionName: 'dev-basic',
          WebIdentityToken: dev.Token,
        }),
      ),
    ).rejects.toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
  });
});

describe('cognito-identity LookupDeveloperIdentity and MergeDeveloperIdentities', () => {
  async function twoDeveloperUsers() {
    const { cloud, clock } = await gapCloud();
    const backend = signedIdentity(cloud, clock);
    const poolId = cloud.demo.identityPool.id;
    const register = (userId: string) =>
      backend.send(
        new GetOpenIdTokenForDeveloperIdentityCommand({
          IdentityPoolId: poolId,
          Logins: { [DEVELOPER_PROVIDER]: userId },
        }),
      );
    const alpha = await register('alpha');
    const beta = await register('beta');
    return { cloud, clock, backend, poolId, register, alpha, beta };
  }

  it('looks an identity up by developer user id and by identity id', async () => {
    const { backend, poolId, alpha } = await twoDeveloperUsers();
    const byUser = await backend.send(
      new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId, DeveloperUserIdentifier: 'alpha' }),
    );
    expect(byUser.IdentityId).toBe(alpha.IdentityId);
    expect(byUser.DeveloperUserIdentifierList).toEqual(['alpha']);
    const byId = await backend.send(
      new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId, IdentityId: alpha.IdentityId }),
    );
    expect(byId.DeveloperUserIdentifierList).toEqual(['alpha']);
  });

  it('answers ResourceConflictException when the user id and the identity id do not belong together', async () => {
    const { backend, poolId, alpha } = await twoDeveloperUsers();
    await expect(
      backend.send(
        new LookupDeveloperIdentityCommand({
          IdentityPoolId: poolId,
          IdentityId: alpha.IdentityId,
          DeveloperUserIdentifier: 'beta',
        }),
      ),
    ).rejects.toMatchObject({ name: 'ResourceConflictException', $metadata: { httpStatusCode: 400 } });
  });

  it('answers ResourceNotFoundException for an unknown developer user id', async () => {
    const { backend, poolId } = await twoDeveloperUsers();
    await expect(
      backend.send(
        new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId, DeveloperUserIdentifier: 'nobody' }),
      ),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 400 } });
  });

  it('merges the source user into the destination identity; both user ids then resolve to it', async () => {
    const { backend, poolId, register, alpha, beta } = await twoDeveloperUsers();
    const merged = await backend.send(
      new MergeDeveloperIdentitiesCommand({
        IdentityPoolId: poolId,
        DeveloperProviderName: DEVELOPER_PROVIDER,
        SourceUserIdentifier: 'beta',
        DestinationUserIdentifier: 'alpha',
      }),
    );
    expect(merged.IdentityId).toBe(alpha.IdentityId);
    const lookup = await backend.send(
      new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId, IdentityId: alpha.IdentityId }),
    );
    // "Cognito supports the association of multiple developer user identifiers with an identity ID"
    // (LookupDeveloperIdentity API reference).
    expect([...(lookup.DeveloperUserIdentifierList ?? [])].sort()).toEqual(['alpha', 'beta']);
    const betaAgain = await register('beta');
    expect(betaAgain.IdentityId).toBe(alpha.IdentityId);
    expect(betaAgain.IdentityId).not.toBe(beta.IdentityId);
    const alphaAgain = await register('alpha');
    expect(alphaAgain.IdentityId).toBe(alpha.IdentityId);
  });

  it('refuses to register a developer user id that belongs to another identity', async () => {
    const { backend, poolId, alpha } = await twoDeveloperUsers();
    await expect(
      backend.send(
        new GetOpenIdTokenForDeveloperIdentityCommand({
          IdentityPoolId: poolId,
          IdentityId: alpha.IdentityId,
          Logins: { [DEVELOPER_PROVIDER]: 'beta' },
        }),
      ),
    ).rejects.toMatchObject({
      name: 'DeveloperUserAlreadyRegisteredException',
      $metadata: { httpStatusCode: 400 },
    });
  });
});
