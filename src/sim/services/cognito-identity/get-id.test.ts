import { GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { describe, expect, it } from 'vitest';
import { googleIdToken, identityTestCloud, reconfigured } from './test-helpers';

const ID_PATTERN = /^us-east-1:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('cognito-identity GetId', () => {
  it('gives a guest a new identity id of the form <region>:<uuid> every time', async () => {
    const { cloud, identity } = await identityTestCloud();
    const a = await identity.send(new GetIdCommand({ IdentityPoolId: cloud.demo.identityPool.id }));
    const b = await identity.send(new GetIdCommand({ IdentityPoolId: cloud.demo.identityPool.id }));
    expect(a.IdentityId).toMatch(ID_PATTERN);
    expect(b.IdentityId).toMatch(ID_PATTERN);
    expect(a.IdentityId).not.toBe(b.IdentityId);
  });

  it('refuses guests on a pool that does not allow unauthenticated identities', async () => {
    const { cloud, clock } = await identityTestCloud();
    const poolId = cloud.demo.identityPool.id;
    const { identity } = await reconfigured(cloud, clock.now, (s) => {
      const pool = s.cognitoIdentity.pools[poolId];
      if (pool) pool.AllowUnauthenticatedIdentities = false;
    });
    await expect(identity.send(new GetIdCommand({ IdentityPoolId: poolId }))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Unauthenticated access is not supported for this identity pool.',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('answers ResourceNotFoundException for an unknown pool', async () => {
    const { identity } = await identityTestCloud();
    const poolId = 'us-east-1:00000000-0000-4000-8000-000000000000';
    await expect(identity.send(new GetIdCommand({ IdentityPoolId: poolId }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `IdentityPool '${poolId}' not found.`,
    });
  });

  it('validates the pool id shape as the service model does', async () => {
    const { identity } = await identityTestCloud();
    await expect(identity.send(new GetIdCommand({ IdentityPoolId: 'not a pool' }))).rejects.toMatchObject({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value 'not a pool' at 'identityPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+",
    });
  });

  it('maps the same Google login to the same identity', async () => {
    const { cloud, clock, identity } = await identityTestCloud();
    const poolId = cloud.demo.identityPool.id;
    const first = await identity.send(
      new GetIdCommand({
        IdentityPoolId: poolId,
        Logins: { 'accounts.google.com': await googleIdToken(cloud, clock.now()) },
      }),
    );
    clock.advance(60_000);
    const again = await identity.send(
      new GetIdCommand({
        IdentityPoolId: poolId,
        Logins: { 'accounts.google.com': await googleIdToken(cloud, clock.now()) },
      }),
    );
    const other = await identity.send(
      new GetIdCommand({
        IdentityPoolId: poolId,
        Logins: { 'accounts.google.com': await googleIdToken(cloud, clock.now(), { sub: '999' }) },
      }),
    );
    expect(first.IdentityId).toMatch(ID_PATTERN);
    expect(again.IdentityId).toBe(first.IdentityId);
    expect(other.IdentityId).not.toBe(first.IdentityId);
  });

  describe('refuses bad login tokens with the identity pool’s messages', () => {
    const cases: [string, (t: string) => string | Promise<string>, Record<string, unknown>, string][] = [
      [
        'an altered token',
        (t) => `${t.slice(0, -4)}AAAA`,
        {},
        "Invalid login token. Couldn't verify signed token.",
      ],
      [
        'a token from another issuer',
        (t) => t,
        { iss: 'https://login.example.test' },
        "Invalid login token. Issuer doesn't match providerName",
      ],
      [
        'a token for another client id',
        (t) => t,
        { aud: 'someone-else.apps.googleusercontent.com' },
        'Token is not from a supported provider of this identity pool.',
      ],
    ];
    for (const [name, alter, claims, message] of cases) {
      it(`refuses ${name}`, async () => {
        const { cloud, clock, identity } = await identityTestCloud();
        const token = await alter(await googleIdToken(cloud, clock.now(), claims));
        await expect(
          identity.send(
            new GetIdCommand({
              IdentityPoolId: cloud.demo.identityPool.id,
              Logins: { 'accounts.google.com': token },
            }),
          ),
        ).rejects.toMatchObject({ name: 'NotAuthorizedException', message });
      });
    }

    it('refuses an expired token, quoting the clock and exp', async () => {
      const { cloud, clock, identity } = await identityTestCloud();
      const token = await googleIdToken(cloud, clock.now());
      const exp = Math.floor(clock.now() / 1000) + 3600;
      clock.advance(3601_000);
      await expect(
        identity.send(
          new GetIdCommand({
            IdentityPoolId: cloud.demo.identityPool.id,
            Logins: { 'accounts.google.com': token },
          }),
        ),
      ).rejects.toMatchObject({
        name: 'NotAuthorizedException',
        message: `Invalid login token. Token expired: ${Math.floor(clock.now() / 1000)} >= ${exp}`,
      });
    });

    it('refuses a provider the pool does not support', async () => {
      const { cloud, clock, identity } = await identityTestCloud();
      await expect(
        identity.send(
          new GetIdCommand({
            IdentityPoolId: cloud.demo.identityPool.id,
            Logins: { 'graph.facebook.com': await googleIdToken(cloud, clock.now()) },
          }),
        ),
      ).rejects.toMatchObject({
        name: 'NotAuthorizedException',
        message: 'Token is not from a supported provider of this identity pool.',
      });
    });
  });
});
