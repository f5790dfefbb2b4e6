import { GetIdCommand, GetOpenIdTokenCommand } from '@aws-sdk/client-cognito-identity';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { googleIdToken, identityTestCloud, reconfigured } from './test-helpers';

describe('cognito-identity GetOpenIdToken (basic flow)', () => {
  it('issues a guest an RS512 token with amr unauthenticated, valid 600 s', async () => {
    const { cloud, clock, identity } = await identityTestCloud();
    const poolId = cloud.demo.classicIdentityPool.id;
    const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId: poolId }));
    const out = await identity.send(new GetOpenIdTokenCommand({ IdentityId }));
    const iat = Math.floor(clock.now() / 1000);
    expect(out.IdentityId).toBe(IdentityId);
    expect(decodeProtectedHeader(out.Token as string)).toEqual({
      kid: 'us-east-1-1',
      typ: 'JWS',
      alg: 'RS512',
    });
    expect(decodeJwt(out.Token as string)).toEqual({
      sub: IdentityId,
      aud: poolId,
      amr: ['unauthenticated'],
      iss: 'https://cognito-identity.amazonaws.com',
      'https://cognito-identity.amazonaws.com/identity-pool-arn': `arn:aws:cognito-identity:us-east-1:${cloud.demo.accountId}:identitypool/${poolId}`,
      exp: iat + 600,
      iat,
    });
  });

  it('signs with the key published at the issuer’s jwks_uri, on the global and Regional hosts', async () => {
    const { cloud, identity } = await identityTestCloud();
    const { IdentityId } = await identity.send(
      new GetIdCommand({ IdentityPoolId: cloud.demo.classicIdentityPool.id }),
    );
    const { Token } = await identity.send(new GetOpenIdTokenCommand({ IdentityId }));
    for (const host of ['cognito-identity.amazonaws.com', 'cognito-identity.us-east-1.amazonaws.com']) {
      const response = await cloud.fetch(new Request(`https://${host}/.well-known/jwks_uri`));
      expect(response.status).toBe(200);
      const jwks = await response.json();
      expect(jwks.keys).toHaveLength(1);
      expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS512', use: 'sig', kid: 'us-east-1-1' });
      const { payload } = await jwtVerify(Token as string, createLocalJWKSet(jwks), {
        currentDate: new Date(2026, 10, 26),
      });
      expect(payload.sub).toBe(IdentityId);
    }
    const discovery = await (
      await cloud.fetch(
        new Request('https://cognito-identity.amazonaws.com/.well-known/openid-configuration'),
      )
    ).json();
    expect(discovery).toMatchObject({
      issuer: 'https://cognito-identity.amazonaws.com',
      jwks_uri: 'https://cognito-identity.amazonaws.com/.well-known/jwks_uri',
    });
  });

  it('names the provider and the user in amr for a Google login', async () => {
    const { cloud, clock, identity } = await identityTestCloud();
    const Logins = { 'accounts.google.com': await googleIdToken(cloud, clock.now(), { sub: '4242' }) };
    const { IdentityId } = await identity.send(
      new GetIdCommand({ IdentityPoolId: cloud.demo.classicIdentityPool.id, Logins }),
    );
    const { Token } = await identity.send(new GetOpenIdTokenCommand({ IdentityId, Logins }));
    expect(decodeJwt(Token as string).amr).toEqual([
      'authenticated',
      'accounts.google.com',
      'accounts.google.com:4242',
    ]);
  });

  it('refuses a signed-in identity that sends no logins', async () => {
    const { cloud, clock, identity } = await identityTestCloud();
    const Logins = { 'accounts.google.com': await googleIdToken(cloud, clock.now()) };
    const { IdentityId } = await identity.send(
      new GetIdCommand({ IdentityPoolId: cloud.demo.classicIdentityPool.id, Logins }),
    );
    await expect(identity.send(new GetOpenIdTokenCommand({ IdentityId }))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message:
        "Logins don't match. Please include at least one valid login for this identity or identity pool.",
    });
  });

  it('refuses when the pool has the basic flow switched off', async () => {
    const { cloud, clock, identity } = await identityTestCloud();
    const poolId = cloud.demo.classicIdentityPool.id;
    const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId: poolId }));
    const off = await reconfigured(cloud, clock.now, (s) => {
      const pool = s.cognitoIdentity.pools[poolId];
      if (pool) pool.AllowClassicFlow = false;
    });
    await expect(off.identity.send(new GetOpenIdTokenCommand({ IdentityId }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'Basic (classic) flow is not enabled, please use enhanced flow.',
    });
  });

  it('answers ResourceNotFoundException for an unknown identity', async () => {
    const { identity } = await identityTestCloud();
    const id = 'us-east-1:00000000-0000-4000-8000-000000000000';
    await expect(identity.send(new GetOpenIdTokenCommand({ IdentityId: id }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Identity '${id}' not found.`,
    });
  });
});

describe('cognito-identity linking and merging', () => {
  it('links a guest who signs in with a new login: same identity id, now authenticated', async () => {
    const { cloud, clock, identity } = await identityTestCloud();
    const poolId = cloud.demo.classicIdentityPool.id;
    const guest = await identity.send(new GetIdCommand({ IdentityPoolId: poolId }));
    const Logins = { 'accounts.google.com': await googleIdToken(cloud, clock.now(), { sub: 'new-user' }) };
    const linked = await identity.send(new GetOpenIdTokenCommand({ IdentityId: guest.IdentityId, Logins }));
    expect(linked.IdentityId).toBe(guest.IdentityId);
    expect((decodeJwt(linked.Token as string).amr as string[])[0]).toBe('authenticated');
    const again = await identity.send(new GetIdCommand({ IdentityPoolId: poolId, Logins }));
    expect(again.IdentityId).toBe(guest.IdentityId);
  });

  it('merges a guest into the identity that already owns the login, and disables the guest', async () => {
    const { cloud, clock, identity } = await identityTestCloud();
    const poolId = cloud.demo.classicIdentityPool.id;
    const Logins = { 'accounts.google.com': await googleIdToken(cloud, clock.now(), { sub: 'carol' }) };
    const owner = await identity.send(new GetIdCommand({ IdentityPoolId: poolId, Logins }));
    const guest = await identity.send(new GetIdCommand({ IdentityPoolId: poolId }));
    const merged = await identity.send(new GetOpenIdTokenCommand({ IdentityId: guest.IdentityId, Logins }));
    expect(merged.IdentityId).toBe(owner.IdentityId);
    expect(decodeJwt(merged.Token as string).sub).toBe(owner.IdentityId);
    await expect(
      identity.send(new GetOpenIdTokenCommand({ IdentityId: guest.IdentityId })),
    ).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: `Access to Identity '${guest.IdentityId}' is forbidden.`,
    });
  });

  it("refuses to attach a login to someone else's signed-in identity", async () => {
    const { cloud, clock, identity } = await identityTestCloud();
    const poolId = cloud.demo.classicIdentityPool.id;
    const victim = await identity.send(
      new GetIdCommand({
        IdentityPoolId: poolId,
        Logins: { 'accounts.google.com': await googleIdToken(cloud, clock.now(), { sub: 'victim' }) },
      }),
    );
    const attacker = { 'accounts.google.com': await googleIdToken(cloud, clock.now(), { sub: 'attacker' }) };
    await expect(
      identity.send(new GetOpenIdTokenCommand({ IdentityId: victim.IdentityId, Logins: attacker })),
    ).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message:
        "Logins don't match. Please include at least one valid login for this identity or identity pool.",
    });
  });

  it('refuses a Cognito OpenID token as a GetId login', async () => {
    const { cloud, identity } = await identityTestCloud();
    const poolId = cloud.demo.classicIdentityPool.id;
    const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId: poolId }));
    const { Token } = await identity.send(new GetOpenIdTokenCommand({ IdentityId }));
    await expect(
      identity.send(
        new GetIdCommand({
          IdentityPoolId: poolId,
          Logins: { 'cognito-identity.amazonaws.com': Token as string },
        }),
      ),
    ).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: "Invalid login token. Can't pass in a Cognito token.",
    });
  });
});

describe('cognito-identity GetOpenIdToken in a pool with role mappings', () => {
  const ROLE_MAPPINGS = 'Basic (classic) flow is not supported with RoleMappings, please use enhanced flow.';

  it('refuses every caller pool-wide, a bare IdentityId included, before it reads the logins', async () => {
    const { cloud, clock, identity } = await identityTestCloud();
    const poolId = cloud.demo.identityPool.id;
    const guest = await identity.send(new GetIdCommand({ IdentityPoolId: poolId }));
    await expect(
      identity.send(new GetOpenIdTokenCommand({ IdentityId: guest.IdentityId })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException', message: ROLE_MAPPINGS });
    // Google has no mapping in this pool; the refusal is the pool's, not the provider's.
    const Logins = { 'accounts.google.com': await googleIdToken(cloud, clock.now(), { sub: 'g-1' }) };
    const google = await identity.send(new GetIdCommand({ IdentityPoolId: poolId, Logins }));
    await expect(
      identity.send(new GetOpenIdTokenCommand({ IdentityId: google.IdentityId, Logins })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException', message: ROLE_MAPPINGS });
    // A login that would not even verify gets the same answer: the logins are never looked at.
    await expect(
      identity.send(
        new GetOpenIdTokenCommand({
          IdentityId: guest.IdentityId,
          Logins: { 'accounts.google.com': 'not-a-token' },
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterException', message: ROLE_MAPPINGS });
  });

  it('refuses a SAML login in the basic flow, even in a pool without role mappings', async () => {
    const { cloud, clock } = await identityTestCloud();
    const poolId = cloud.demo.identityPool.id;
    const saml = cloud.demo.saml.providerArn;
    const unmapped = await reconfigured(cloud, clock.now, (s) => {
      const pool = s.cognitoIdentity.pools[poolId];
      if (pool) pool.RoleMappings = {};
    });
    const user = cloud.demo.saml.users[0] as { username: string; password: string };
    const Logins = { [saml]: await unmapped.cloud.demo.saml.signIn(user.username, user.password) };
    const { IdentityId } = await unmapped.identity.send(new GetIdCommand({ IdentityPoolId: poolId, Logins }));
    await expect(
      unmapped.identity.send(new GetOpenIdTokenCommand({ IdentityId, Logins })),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'Basic (classic) flow is not supported with SAML, please use enhanced flow.',
    });
  });
});
