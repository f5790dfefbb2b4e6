/**
 * Hostile JWTs at the three places that judge user pool tokens: Cognito's own GetUser (access token),
 * the identity pool's Logins (ID token) and API Gateway's Cognito authorizer (GET /me). Each must get
 * that service's own error, and none may change anything.
 */
import { describe, expect, it } from 'vitest';
import type { Cloud } from '../../src/sim/index';
import { createKeyRing } from '../../src/sim/tokens/keys';
import {
  algNone,
  decodePart,
  flipSignatureByte,
  googleToken,
  hostileCloud,
  hs256WithPublicKey,
  identity,
  idp,
  jsonError,
  resignWithStrangerKey,
  send,
  signIn,
  stateOf,
  userPoolLogin,
  changedPaths,
} from './hostile-support';

type Tokens = Awaited<ReturnType<typeof signIn>>;

/** Hostile variants of a good token, by name. */
async function variants(good: string, publicKey: CryptoKey): Promise<[string, string][]> {
  const [hsPem, hsJwk] = await hs256WithPublicKey(good, publicKey);
  return [
    ['garbage', 'not-a-jwt'],
    ['three parts of garbage', 'aaa.bbb.ccc'],
    ['a flipped signature byte', flipSignatureByte(good)],
    ['alg none', algNone(good)],
    ['HS256 signed with the PEM public key', hsPem as string],
    ['HS256 signed with the JWK public key', hsJwk as string],
    ['an unknown kid', await resignWithStrangerKey(good, 'no-such-kid')],
    [
      'a real kid, signed by another key',
      await resignWithStrangerKey(good, String(decodePart(good.split('.')[0] as string).kid)),
    ],
    [
      'claims edited after signing',
      `${good.split('.')[0]}.${Buffer.from(JSON.stringify({ ...decodePart(good.split('.')[1] as string), sub: 'someone-else' })).toString('base64url')}.${good.split('.')[2]}`,
    ],
  ];
}

/** The demo key ring (published keys): only the public halves are used here. */
const keysOf = (cloud: Cloud) => createKeyRing('demo', cloud.demo.region);

async function setup() {
  const { cloud, clock } = await hostileCloud();
  const tokens: Tokens = await signIn(cloud);
  return { cloud, clock, tokens };
}

const getUser = (cloud: Cloud, token: string) => idp(cloud, 'GetUser', { AccessToken: token });

describe('hostile JWTs at cognito-idp GetUser', () => {
  it('refuses every forged or broken access token with NotAuthorizedException "Invalid Access Token" and changes nothing', async () => {
    const { cloud, tokens } = await setup();
    const bad = await variants(tokens.AccessToken, (await keysOf(cloud)).userPoolAccessToken.publicKey);
    const before = stateOf(cloud);
    for (const [name, token] of bad) {
      const r = await getUser(cloud, token);
      expect({ name, ...jsonError(r) }).toEqual({
        name,
        status: 400,
        type: 'NotAuthorizedException',
        message: 'Invalid Access Token',
        header: 'NotAuthorizedException:',
      });
    }
    expect(changedPaths(before, stateOf(cloud))).toEqual([]);
  });

  it('refuses an ID token where the access token belongs', async () => {
    const { cloud, tokens } = await setup();
    const before = stateOf(cloud);
    expect(jsonError(await getUser(cloud, tokens.IdToken))).toMatchObject({
      status: 400,
      type: 'NotAuthorizedException',
      message: 'Invalid Access Token',
    });
    expect(changedPaths(before, stateOf(cloud))).toEqual([]);
  });

  it('says an expired access token has expired', async () => {
    const { cloud, clock, tokens } = await setup();
    clock.advance(3600_000 + 1000);
    const before = stateOf(cloud);
    expect(jsonError(await getUser(cloud, tokens.AccessToken))).toMatchObject({
      status: 400,
      type: 'NotAuthorizedException',
      message: 'Access Token has expired',
    });
    expect(changedPaths(before, stateOf(cloud))).toEqual([]);
  });

  it('says a signed-out access token has been revoked', async () => {
    const { cloud, tokens } = await setup();
    expect((await idp(cloud, 'GlobalSignOut', { AccessToken: tokens.AccessToken })).status).toBe(200);
    const before = stateOf(cloud);
    expect(jsonError(await getUser(cloud, tokens.AccessToken))).toMatchObject({
      status: 400,
      type: 'NotAuthorizedException',
      message: 'Access Token has been revoked',
    });
    expect(changedPaths(before, stateOf(cloud))).toEqual([]);
  });

  it('refuses a huge token without a 500', async () => {
    const { cloud, tokens } = await setup();
    const before = stateOf(cloud);
    const huge = `${tokens.AccessToken.split('.')[0]}.${'A'.repeat(600_000)}.${tokens.AccessToken.split('.')[2]}`;
    const r = await getUser(cloud, huge);
    expect(r.status).toBe(400);
    expect(r.json?.__type).toBe('NotAuthorizedException');
    expect(changedPaths(before, stateOf(cloud))).toEqual([]);
  });

  it('refuses characters outside the token pattern as a validation error', async () => {
    const { cloud } = await setup();
    const before = stateOf(cloud);
    const r = await getUser(cloud, '<script>alert(1)</script>');
    expect(jsonError(r)).toMatchObject({ status: 400, type: 'InvalidParameterException' });
    expect(String(r.json?.message)).toContain('accessToken');
    expect(changedPaths(before, stateOf(cloud))).toEqual([]);
  });
});

describe('hostile JWTs in identity pool Logins', () => {
  const getId = (cloud: Cloud, token: string, provider = userPoolLogin(cloud)) =>
    identity(cloud, 'GetId', { IdentityPoolId: cloud.demo.identityPool.id, Logins: { [provider]: token } });

  it('refuses forged or broken ID tokens with "Couldn\'t verify signed token." and creates no identity', async () => {
    const { cloud, tokens } = await setup();
    const bad = await variants(tokens.IdToken, (await keysOf(cloud)).userPoolIdToken.publicKey);
    const before = stateOf(cloud);
    for (const [name, token] of bad) {
      expect({ name, ...jsonError(await getId(cloud, token)) }).toEqual({
        name,
        status: 400,
        type: 'NotAuthorizedException',
        message: "Invalid login token. Couldn't verify signed token.",
        header: 'NotAuthorizedException:',
      });
    }
    expect(changedPaths(before, stateOf(cloud))).toEqual([]);
  });

  it('refuses an access token: it has no aud', async () => {
    const { cloud, tokens } = await setup();
    const before = stateOf(cloud);
    expect(jsonError(await getId(cloud, tokens.AccessToken))).toMatchObject({
      status: 400,
      message: 'Invalid login token. Missing a required claim: aud',
    });
    expect(changedPaths(before, stateOf(cloud))).toEqual([]);
  });

  it('refuses an expired ID token with the pool\'s "Token expired" message', async () => {
    const { cloud, clock, tokens } = await setup();
    clock.advance(3600_000 + 5000);
    const before = stateOf(cloud);
    const r = await getId(cloud, tokens.IdToken);
    expect(jsonError(r)).toMatchObject({ status: 400, type: 'NotAuthorizedException' });
    expect(String(r.json?.message)).toMatch(/^Invalid login token\. Token expired: \d+ >= \d+$/);
    expect(changedPaths(before, stateOf(cloud))).toEqual([]);
  });

  it('refuses an ID token of an app client the pool does not list (wrong aud)', async () => {
    const { cloud } = await setup();
    const other = await signIn(cloud, cloud.demo.userPool.otherClientId);
    const before = stateOf(cloud);
    expect(jsonError(await getId(cloud, other.IdToken))).toMatchObject({
      status: 400,
      type: 'NotAuthorizedException',
    });
    expect(changedPaths(before, stateOf(cloud))).toEqual([]);
  });

  it('refuses a user pool token under a Logins key naming another pool (wrong iss)', async () => {
    const { cloud, tokens } = await setup();
    const before = stateOf(cloud);
    const r = await getId(
      cloud,
      tokens.IdToken,
      `cognito-idp.${cloud.demo.region}.amazonaws.com/${cloud.demo.region}_NotMyPool`,
    );
    expect(jsonError(r)).toMatchObject({ status: 400, type: 'NotAuthorizedException' });
    expect(changedPaths(before, stateOf(cloud))).toEqual([]);
  });

  it('refuses a Google token with a foreign issuer, a foreign audience, or a not-yet-valid nbf', async () => {
    const { cloud, clock } = await setup();
    const before = stateOf(cloud);
    const cases: [string, Record<string, unknown>, string][] = [
      ['issuer', { iss: 'https://evil.example' }, "Invalid login token. Issuer doesn't match providerName"],
      ['audience', { aud: 'someone-elses-client.apps.googleusercontent.com', azp: 'x' }, ''],
      [
        'nbf',
        { nbf: Math.floor(clock.now() / 1000) + 3600 },
        "Invalid login token. Couldn't verify signed token.",
      ],
    ];
    for (const [name, claims, message] of cases) {
      const r = await getId(cloud, await googleToken(cloud, clock.now(), claims), 'accounts.google.com');
      expect({ name, status: r.status, type: r.json?.__type }).toEqual({
        name,
        status: 400,
        type: 'NotAuthorizedException',
      });
      if (message) expect(r.json?.message).toBe(message);
    }
    expect(changedPaths(before, stateOf(cloud))).toEqual([]);
  });
});

describe('hostile JWTs at API Gateway (Cognito authorizer, GET /me)', () => {
  const me = (cloud: Cloud, token: string) =>
    send(cloud, new Request(`${cloud.demo.api.url}/me`, { headers: { authorization: token } }));

  it('answers 401 {"message":"Unauthorized"} to every forged, broken, expired or missing token', async () => {
    const { cloud, clock, tokens } = await setup();
    const bad = await variants(tokens.IdToken, (await keysOf(cloud)).userPoolIdToken.publicKey);
    const before = stateOf(cloud);
    for (const [name, token] of [
      ...bad,
      ['a huge token', `${tokens.IdToken}${'A'.repeat(20_000)}`] as [string, string],
    ]) {
      const r = await me(cloud, token);
      expect({ name, status: r.status, body: r.json }).toEqual({
        name,
        status: 401,
        body: { message: 'Unauthorized' },
      });
      expect(r.headers.get('x-amzn-errortype')).toBe('UnauthorizedException');
    }
    const missing = await send(cloud, new Request(`${cloud.demo.api.url}/me`));
    expect({ status: missing.status, body: missing.json }).toEqual({
      status: 401,
      body: { message: 'Unauthorized' },
    });
    clock.advance(3600_000 + 1000);
    expect((await me(cloud, tokens.IdToken)).status).toBe(401);
    expect(changedPaths(before, stateOf(cloud))).toEqual([]);
  });

  it('still accepts a signed-out ID token until it expires: API Gateway verifies offline', async () => {
    const { cloud, tokens } = await setup();
    await idp(cloud, 'GlobalSignOut', { AccessToken: tokens.AccessToken });
    const r = await me(cloud, tokens.IdToken);
    expect(r.status).toBe(200);
  });
});
