import { describe, expect, it } from 'vitest';
import { accessTokenHash } from '../../tokens/user-pool-jwt';
import { verifyUserPoolToken } from '../../tokens/verify';
import { readableAttributes } from './client-attributes';
import { findOrCreateFederatedUser, issueTokensForUser } from './federation-api';
import { decodeJwt, setup, worldOf } from './test-setup';

const UUID = expect.stringMatching(/^[0-9a-f-]{36}$/);

/** Dave, signed in through the demo's SAML provider ExampleCorp. */
const DAVE = {
  providerName: 'ExampleCorp',
  providerType: 'SAML' as const,
  userId: 'dave',
  issuer: 'https://idp.example-corp.test',
  attributes: { email: 'dave@example-corp.test' },
};

describe('cognito-idp federation API (used by the hosted-domain OAuth endpoints)', () => {
  it('creates Google_<sub> as EXTERNAL_PROVIDER with identities and the automatic group, once', async () => {
    const ctx = await setup();
    const world = worldOf(ctx);
    const poolId = ctx.demo.userPool.id;
    const input = {
      providerName: 'Google',
      providerType: 'Google' as const,
      userId: '100699090485695364248',
      attributes: { email: 'carol@gmail.com', name: 'Carol' },
    };
    const user = findOrCreateFederatedUser(world, poolId, input);
    expect(user).toMatchObject({
      username: 'Google_100699090485695364248',
      status: 'EXTERNAL_PROVIDER',
      enabled: true,
      groups: [`${poolId}_Google`],
    });
    expect(JSON.parse(user.attributes.identities as string)).toEqual([
      {
        userId: '100699090485695364248',
        providerName: 'Google',
        providerType: 'Google',
        issuer: null,
        primary: 'true',
        dateCreated: String(ctx.clock.now()),
      },
    ]);
    expect(user.attributes).toMatchObject({
      email: 'carol@gmail.com',
      email_verified: 'false',
      name: 'Carol',
    });
    expect(world.state.cognitoIdp.pools[poolId]?.groups[`${poolId}_Google`]).toBeDefined();
    // The second sign-in finds the same profile and rewrites mapped attributes.
    const again = findOrCreateFederatedUser(world, poolId, {
      ...input,
      attributes: { email: 'carol@gmail.com', name: 'Carol C.' },
    });
    expect(again.sub).toBe(user.sub);
    expect(again.attributes.name).toBe('Carol C.');
    expect(again.groups).toEqual([`${poolId}_Google`]);
  });

  it('issues OAuth tokens with at_hash, nonce, identities and the requested scopes', async () => {
    const ctx = await setup();
    const world = worldOf(ctx);
    const { id: poolId, clientId } = ctx.demo.userPool;
    const user = findOrCreateFederatedUser(world, poolId, DAVE);
    const t = Math.floor(ctx.clock.now() / 1000);
    const out = await issueTokensForUser(world, {
      poolId,
      clientId,
      username: user.username,
      scopes: ['openid', 'email', 'profile'],
      nonce: 'n-0S6_WzA2Mj',
      withRefreshToken: true,
    });
    expect(out.ExpiresIn).toBe(3600);
    expect(out.TokenType).toBe('Bearer');
    expect(out.RefreshToken?.split('.')).toHaveLength(5);
    const iss = `https://cognito-idp.us-east-1.amazonaws.com/${poolId}`;
    expect(decodeJwt(out.IdToken).payload).toEqual({
      at_hash: await accessTokenHash(out.AccessToken),
      sub: user.sub,
      'cognito:groups': [`${poolId}_ExampleCorp`],
      email_verified: false,
      iss,
      'cognito:username': 'ExampleCorp_dave',
      nonce: 'n-0S6_WzA2Mj',
      origin_jti: UUID,
      aud: clientId,
      identities: [
        {
          userId: 'dave',
          providerName: 'ExampleCorp',
          providerType: 'SAML',
          issuer: 'https://idp.example-corp.test',
          primary: 'true',
          dateCreated: String(ctx.clock.now()),
        },
      ],
      event_id: UUID,
      token_use: 'id',
      auth_time: t,
      exp: t + 3600,
      iat: t,
      jti: UUID,
      email: 'dave@example-corp.test',
    });
    const access = decodeJwt(out.AccessToken).payload;
    expect(access.scope).toBe('openid email profile');
    expect(access.username).toBe('ExampleCorp_dave');
    expect((await verifyUserPoolToken(world, out.IdToken, { tokenUse: 'id', clientId })).ok).toBe(true);
  });

  it("lets the app's client read a federated user's identities (its ReadAttributes name them), as GetUser does", async () => {
    const ctx = await setup();
    const world = worldOf(ctx);
    const { id: poolId, clientId } = ctx.demo.userPool;
    const user = findOrCreateFederatedUser(world, poolId, DAVE);
    const client = world.state.cognitoIdp.pools[poolId]?.clients[clientId];
    expect(client?.readAttributes).toBeDefined();
    expect(Object.keys(readableAttributes(client, user))).toEqual([
      'sub',
      'identities',
      'email',
      'email_verified',
    ]);
  });

  it('keeps a given auth_time and omits the refresh token when asked', async () => {
    const ctx = await setup();
    const world = worldOf(ctx);
    const { id: poolId, clientId } = ctx.demo.userPool;
    const out = await issueTokensForUser(world, {
      poolId,
      clientId,
      username: 'alice',
      scopes: ['openid'],
      authTime: 1_700_000_000,
      withRefreshToken: false,
    });
    expect(out.RefreshToken).toBeUndefined();
    expect(decodeJwt(out.IdToken).payload.auth_time).toBe(1_700_000_000);
  });
});
