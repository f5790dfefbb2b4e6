import { compactDecrypt, createLocalJWKSet, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { GlobalSignOutCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { isRevoked, UserPoolTokenFailure, verifyUserPoolToken } from '../../tokens/verify';
import { createRandom } from '../../core/random';
import { createTraceHub } from '../../core/trace';
import { drawDemoIds } from '../../demo/ids';
import { seedUserPool } from '../../demo/user-pool';
import { createKeyRing } from '../../tokens/keys';
import { openRefreshToken } from '../../tokens/refresh-token';
import type { World, WorldState } from '../../world';
import { issueTokensForUser } from './federation-api';
import { createUserPoolState } from './state';
import { createTestClock } from '../../../../tests/support/cloud-handler';
import { decodeJwt, setup, worldOf } from './test-setup';

async function signIn(ctx: Awaited<ReturnType<typeof setup>>) {
  const out = await ctx.idp.send(
    new InitiateAuthCommand({
      ClientId: ctx.demo.userPool.clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'alice', PASSWORD: 'Atlas-Alice-2026!' },
    }),
  );
  return out.AuthenticationResult as { IdToken: string; AccessToken: string; RefreshToken: string };
}

const base = (ctx: Awaited<ReturnType<typeof setup>>) =>
  `https://cognito-idp.${ctx.demo.region}.amazonaws.com/${ctx.demo.userPool.id}`;

describe('user pool discovery documents', () => {
  it('serves both public keys at .well-known/jwks.json, and tokens verify against them with jose', async () => {
    const ctx = await setup();
    const res = await ctx.cloud.fetch(new Request(`${base(ctx)}/.well-known/jwks.json`));
    expect(res.status).toBe(200);
    const jwks = (await res.json()) as { keys: Record<string, string>[] };
    expect(jwks.keys).toHaveLength(2);
    for (const k of jwks.keys) expect(Object.keys(k)).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
    const { IdToken, AccessToken } = await signIn(ctx);
    const keySet = createLocalJWKSet(jwks as never);
    const currentDate = new Date(ctx.clock.now());
    const id = await jwtVerify(IdToken, keySet, {
      issuer: base(ctx),
      audience: ctx.demo.userPool.clientId,
      currentDate,
    });
    expect(id.payload.token_use).toBe('id');
    const access = await jwtVerify(AccessToken, keySet, { issuer: base(ctx), currentDate });
    expect(access.payload.client_id).toBe(ctx.demo.userPool.clientId);
  });

  it('rejects a token altered by one character', async () => {
    const ctx = await setup();
    const jwks = (await (
      await ctx.cloud.fetch(new Request(`${base(ctx)}/.well-known/jwks.json`))
    ).json()) as never;
    const { IdToken } = await signIn(ctx);
    const [h, p, s] = IdToken.split('.') as [string, string, string];
    // Change one character of the payload (flip a letter in the middle).
    const i = Math.floor(p.length / 2);
    const altered = `${h}.${p.slice(0, i)}${p[i] === 'a' ? 'b' : 'a'}${p.slice(i + 1)}.${s}`;
    await expect(
      jwtVerify(altered, createLocalJWKSet(jwks), { currentDate: new Date(ctx.clock.now()) }),
    ).rejects.toMatchObject({
      code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
    });
  });

  it('serves the OpenID configuration with the hosted-domain endpoints', async () => {
    const ctx = await setup();
    const res = await ctx.cloud.fetch(new Request(`${base(ctx)}/.well-known/openid-configuration`));
    const domain = ctx.demo.userPool.domain;
    expect(domain).toMatch(/^https:\/\/identity-atlas-[a-z0-9]{6}\.auth\.us-east-1\.amazoncognito\.com$/);
    expect(await res.json()).toEqual({
      authorization_endpoint: `${domain}/oauth2/authorize`,
      end_session_endpoint: `${domain}/logout`,
      id_token_signing_alg_values_supported: ['RS256'],
      issuer: base(ctx),
      jwks_uri: `${base(ctx)}/.well-known/jwks.json`,
      response_types_supported: ['code', 'token'],
      revocation_endpoint: `${domain}/oauth2/revoke`,
      scopes_supported: ['openid', 'email', 'phone', 'profile'],
      subject_types_supported: ['public'],
      token_endpoint: `${domain}/oauth2/token`,
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      userinfo_endpoint: `${domain}/oauth2/userInfo`,
    });
  });

  it('answers 404 for an unknown pool', async () => {
    const ctx = await setup();
    const res = await ctx.cloud.fetch(
      new Request(`https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Nope12345/.well-known/jwks.json`),
    );
    expect(res.status).toBe(404);
  });
});

describe('verifyUserPoolToken (offline, for other services)', () => {
  it('returns the claims of a good token', async () => {
    const ctx = await setup();
    const world = worldOf(ctx);
    const { IdToken } = await signIn(ctx);
    const r = await verifyUserPoolToken(world, IdToken, {
      tokenUse: 'id',
      clientId: ctx.demo.userPool.clientId,
    });
    expect(r.ok && r.claims).toEqual(decodeJwt(IdToken).payload);
  });

  it('names each failure', async () => {
    const ctx = await setup();
    const world = worldOf(ctx);
    const { IdToken, AccessToken } = await signIn(ctx);
    const reason = async (token: string, options = {}) => {
      const r = await verifyUserPoolToken(world, token, options);
      return r.ok ? 'ok' : r.reason;
    };
    expect(await reason('not.a.jwt')).toBe(UserPoolTokenFailure.Malformed);
    expect(await reason(AccessToken, { tokenUse: 'id' })).toBe(UserPoolTokenFailure.MissingClaim);
    expect(await reason(IdToken, { tokenUse: 'access' })).toBe(UserPoolTokenFailure.MissingClaim);
    expect(await reason(IdToken, { tokenUse: 'id', clientId: ctx.demo.userPool.otherClientId })).toBe(
      UserPoolTokenFailure.WrongClient,
    );
    expect(await reason(IdToken, { poolId: 'us-east-1_Other1234' })).toBe(UserPoolTokenFailure.WrongIssuer);
    const [h, p, s] = IdToken.split('.') as [string, string, string];
    expect(await reason(`${h}.${p}.${s.slice(0, -3)}${s.endsWith('AAA') ? 'BBB' : 'AAA'}`)).toBe(
      UserPoolTokenFailure.BadSignature,
    );
    ctx.clock.advance(3600 * 1000);
    const expired = await verifyUserPoolToken(world, IdToken);
    expect(expired).toMatchObject({
      ok: false,
      reason: 'expired',
      exp: decodeJwt(IdToken).payload.exp,
      now: Math.floor(ctx.clock.now() / 1000),
    });
  });

  it('keeps accepting a signed-out token offline, while isRevoked tells Cognito it is revoked', async () => {
    const ctx = await setup();
    const { AccessToken } = await signIn(ctx);
    await ctx.idp.send(new GlobalSignOutCommand({ AccessToken }));
    const world = worldOf(ctx);
    const r = await verifyUserPoolToken(world, AccessToken, { tokenUse: 'access' });
    expect(r.ok).toBe(true);
    expect(r.ok && isRevoked(world, r.claims)).toBe(true);
  });
});

describe('refresh token encryption', () => {
  it('is a standard A256GCMKW/A256GCM JWE that jose decrypts with the pool key', async () => {
    const ctx = await setup();
    const world = worldOf(ctx);
    const { RefreshToken, IdToken } = await signIn(ctx);
    const { plaintext, protectedHeader } = await compactDecrypt(RefreshToken, world.keys.refreshToken);
    expect(protectedHeader).toMatchObject({ alg: 'A256GCMKW', enc: 'A256GCM' });
    const payload = JSON.parse(new TextDecoder().decode(plaintext));
    const id = decodeJwt(IdToken).payload;
    expect(payload).toEqual({
      jti: expect.any(String),
      origin_jti: id.origin_jti,
      pool: ctx.demo.userPool.id,
      client_id: ctx.demo.userPool.clientId,
      username: 'alice',
      sub: id.sub,
      iat: id.iat,
      exp: (id.iat as number) + 30 * 24 * 3600,
    });
  });

  it('works with freshly generated keys too', async () => {
    const clock = createTestClock();
    const random = createRandom('generated-keys');
    const ids = drawDemoIds(random, 'us-east-1');
    const keys = await createKeyRing('generate', 'us-east-1', async () => 'unused-certificate');
    const state = { cognitoIdp: createUserPoolState() } as WorldState;
    const world: World = {
      region: 'us-east-1',
      accountId: ids.accountId,
      now: clock.now,
      random,
      keys,
      trace: createTraceHub(),
      state,
    };
    await seedUserPool(world, ids);
    const tokens = await issueTokensForUser(world, {
      poolId: ids.userPoolId,
      clientId: ids.userPoolClientId,
      username: 'bob',
      scopes: ['openid'],
      withRefreshToken: true,
    });
    expect(
      (await verifyUserPoolToken(world, tokens.IdToken, { tokenUse: 'id', clientId: ids.userPoolClientId }))
        .ok,
    ).toBe(true);
    expect((await verifyUserPoolToken(world, tokens.AccessToken, { tokenUse: 'access' })).ok).toBe(true);
    expect((await openRefreshToken(world, tokens.RefreshToken as string))?.username).toBe('bob');
  }, 60_000);
});
