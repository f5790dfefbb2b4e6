/**
 * The hosted domain's OAuth endpoints driven as plain HTTP, the way an OIDC library calls them: the
 * error each bad request gets (docs/aws-reference.md §3.2–3.6) and the state it leaves unchanged.
 */
import { createHmac } from 'node:crypto';
import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { createTestClock } from '../../../../../tests/support/cloud-handler';
import { createCloud } from '../../../index';
import { setup as sdkSetup } from '../test-setup';
import { APP, CHALLENGE, form, location, VERIFIER } from './test-http';
import { attributesForScopes } from './userinfo';

// The documented WWW-Authenticate values of /oauth2/userInfo (Developer Guide userinfo-endpoint.html).
const INVALID_REQUEST =
  'error="invalid_request", error_description="Bad OAuth2 request at UserInfo Endpoint"';
const INVALID_TOKEN =
  'error="invalid_token", error_description="Access token is expired, disabled, or deleted, or the user has globally signed out."';

async function setup() {
  const clock = createTestClock();
  const cloud = await createCloud({ now: clock.now });
  return { clock, cloud, domain: cloud.demo.userPool.domain, clientId: cloud.demo.userPool.clientId };
}
type Setup = Awaited<ReturnType<typeof setup>>;

function authorizeUrl(s: Setup, extra: Record<string, string | null> = {}) {
  const url = new URL(`${s.domain}/oauth2/authorize`);
  const params: Record<string, string | null> = {
    response_type: 'code',
    client_id: s.clientId,
    redirect_uri: APP,
    identity_provider: 'Google',
    scope: 'openid email profile',
    state: 'app-state-1',
    code_challenge: CHALLENGE,
    code_challenge_method: 'S256',
    ...extra,
  };
  for (const [k, v] of Object.entries(params)) if (v !== null) url.searchParams.set(k, v);
  return url;
}

/** authorize → Google's page → the URL Google sends the browser back to (/oauth2/idpresponse). */
async function backFromGoogle(s: Setup): Promise<URL> {
  const toGoogle = location(await s.cloud.fetch(new Request(authorizeUrl(s), { redirect: 'manual' })));
  return location(
    await s.cloud.fetch(
      new Request(toGoogle, form({ username: 'carol@gmail.com', password: 'Carol-Gmail-2024!' })),
    ),
  );
}

async function googleCode(s: Setup): Promise<string> {
  const back = await backFromGoogle(s);
  const toApp = location(await s.cloud.fetch(new Request(back, { redirect: 'manual' })));
  return toApp.searchParams.get('code') ?? '';
}

const token = (s: Setup, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  s.cloud.fetch(new Request(`${s.domain}/oauth2/token`, form(fields, headers)));

const codeFields = (s: Setup, code: string): Record<string, string> => ({
  grant_type: 'authorization_code',
  client_id: s.clientId,
  code,
  redirect_uri: APP,
  code_verifier: VERIFIER,
});

async function signedIn(s: Setup) {
  const res = await token(s, codeFields(s, await googleCode(s)));
  expect(res.status).toBe(200);
  return (await res.json()) as { access_token: string; refresh_token: string; id_token: string };
}

const pending = (s: Setup) => Object.keys(JSON.parse(s.cloud.snapshot().state).cognitoOAuth.pending);

describe('/oauth2/authorize request errors', () => {
  it('sends a request without response_type back to the app as invalid_request', async () => {
    const s = await setup();
    const res = await s.cloud.fetch(
      new Request(authorizeUrl(s, { response_type: null }), { redirect: 'manual' }),
    );
    const back = location(res);
    expect(back.origin + back.pathname).toBe(APP);
    expect([...back.searchParams]).toEqual([
      ['state', 'app-state-1'],
      ['error', 'invalid_request'],
    ]);
    expect(pending(s)).toEqual([]);
  });

  it('answers a non-S256 code_challenge_method with a bare invalid_request', async () => {
    const s = await setup();
    for (const method of ['plain', null]) {
      const back = location(
        await s.cloud.fetch(
          new Request(authorizeUrl(s, { code_challenge_method: method }), { redirect: 'manual' }),
        ),
      );
      expect(back.searchParams.get('error')).toBe('invalid_request');
      expect(back.searchParams.get('error_description')).toBeNull();
    }
    expect(pending(s)).toEqual([]);
  });
});

describe('/oauth2/token request errors', () => {
  it('answers a refresh_token grant without refresh_token with invalid_request', async () => {
    const s = await setup();
    const res = await token(s, { grant_type: 'refresh_token', client_id: s.clientId });
    expect([res.status, await res.json()]).toEqual([400, { error: 'invalid_request' }]);
  });

  it('answers a code grant without code with invalid_request', async () => {
    const s = await setup();
    const { code: _omitted, ...fields } = codeFields(s, 'x');
    const res = await token(s, fields);
    expect([res.status, await res.json()]).toEqual([400, { error: 'invalid_request' }]);
  });

  it('answers unauthorized_client to a redirect_uri other than the authorize request’s', async () => {
    const s = await setup();
    const code = await googleCode(s);
    // The same URL with a trailing slash is a different string (obs: the trailing-slash reports).
    const res = await token(s, { ...codeFields(s, code), redirect_uri: `${APP}/` });
    expect([res.status, await res.json()]).toEqual([400, { error: 'unauthorized_client' }]);
  });
});

describe('/oauth2/revoke', () => {
  const revoke = (s: Setup, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    s.cloud.fetch(new Request(`${s.domain}/oauth2/revoke`, form(fields, headers)));

  it('revokes a refresh token: 200 with an empty body, then the token no longer refreshes', async () => {
    const s = await setup();
    const tokens = await signedIn(s);
    const res = await revoke(s, { token: tokens.refresh_token, client_id: s.clientId });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const refreshed = await token(s, {
      grant_type: 'refresh_token',
      client_id: s.clientId,
      refresh_token: tokens.refresh_token,
    });
    expect([refreshed.status, await refreshed.json()]).toEqual([400, { error: 'invalid_grant' }]);
    const info = await s.cloud.fetch(
      new Request(`${s.domain}/oauth2/userInfo`, {
        headers: { authorization: `Bearer ${tokens.access_token}` },
      }),
    );
    expect(info.status).toBe(401);
  });

  it('refuses a missing token, an ID or access token, and an unknown client, revoking nothing', async () => {
    const s = await setup();
    const tokens = await signedIn(s);
    const before = s.cloud.snapshot().state;
    const missing = await revoke(s, { client_id: s.clientId });
    expect([missing.status, await missing.json()]).toEqual([400, { error: 'invalid_request' }]);
    const notRefresh = await revoke(s, { token: tokens.access_token, client_id: s.clientId });
    expect([notRefresh.status, await notRefresh.json()]).toEqual([400, { error: 'unsupported_token_type' }]);
    const unknown = await revoke(s, { token: tokens.refresh_token, client_id: 'nosuchclient' });
    expect([unknown.status, await unknown.json()]).toEqual([401, { error: 'invalid_client' }]);
    expect(s.cloud.snapshot().state).toBe(before);
  });

  it('answers 200 to an unreadable or another client’s refresh token, revoking nothing', async () => {
    const s = await setup();
    const tokens = await signedIn(s);
    const before = s.cloud.snapshot().state;
    const garbage = await revoke(s, { token: 'not-a-token', client_id: s.clientId });
    expect(garbage.status).toBe(200);
    const other = await revoke(s, {
      token: tokens.refresh_token,
      client_id: s.cloud.demo.userPool.otherClientId,
    });
    expect(other.status).toBe(200);
    expect(s.cloud.snapshot().state).toBe(before);
  });

  it('needs the client secret of a confidential client (Basic header), else 401 invalid_client', async () => {
    const ctx = await sdkSetup();
    const client = ctx.demo.userPool.confidentialClient as { clientId: string; clientSecret: string };
    const alice = ctx.demo.userPool.users[0] as { username: string; password: string };
    const secretHash = createHmac('sha256', client.clientSecret)
      .update(alice.username + client.clientId)
      .digest('base64');
    const out = await ctx.idp.send(
      new InitiateAuthCommand({
        ClientId: client.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: alice.username, PASSWORD: alice.password, SECRET_HASH: secretHash },
      }),
    );
    const refreshToken = out.AuthenticationResult?.RefreshToken as string;
    const post = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
      ctx.cloud.fetch(new Request(`${ctx.demo.userPool.domain}/oauth2/revoke`, form(fields, headers)));
    const bare = await post({ token: refreshToken, client_id: client.clientId });
    expect([bare.status, await bare.json()]).toEqual([401, { error: 'invalid_client' }]);
    const basic = `Basic ${btoa(`${client.clientId}:${client.clientSecret}`)}`;
    expect((await post({ token: refreshToken }, { authorization: basic })).status).toBe(200);
  });
});

describe('/oauth2/userInfo and the app client', () => {
  it('answers only the attributes the client may read (ReadAttributes), sub and username beside them', async () => {
    const s = await setup();
    const snap = s.cloud.snapshot();
    const state = JSON.parse(snap.state);
    state.cognitoIdp.pools[s.cloud.demo.userPool.id].clients[s.clientId].readAttributes = ['email'];
    await s.cloud.restore({ ...snap, state: JSON.stringify(state) });
    const tokens = await signedIn(s);
    const info = await s.cloud.fetch(
      new Request(`${s.domain}/oauth2/userInfo`, {
        headers: { authorization: `Bearer ${tokens.access_token}` },
      }),
    );
    const body = (await info.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['email', 'sub', 'username']);
  });
});

describe('/oauth2/userInfo refusals', () => {
  const userInfo = (s: { cloud: Setup['cloud']; domain: string }, headers: Record<string, string> = {}) =>
    s.cloud.fetch(new Request(`${s.domain}/oauth2/userInfo`, { headers }));
  /** Status, WWW-Authenticate and body, as the doc's examples show them (no body). */
  const answer = async (res: Response) => [res.status, res.headers.get('www-authenticate'), await res.text()];

  it('answers a request without a Bearer token 400 with the invalid_request header and no body', async () => {
    const s = await setup();
    const requests: Record<string, string>[] = [
      {},
      { authorization: 'Basic YTpi' },
      { authorization: 'Bearer ' },
    ];
    for (const headers of requests) {
      expect(await answer(await userInfo(s, headers))).toEqual([400, INVALID_REQUEST, '']);
    }
  });

  it('answers a bad, ID, expired or revoked token 401 with the documented invalid_token header', async () => {
    const s = await setup();
    const tokens = await signedIn(s);
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    const ok = await userInfo(s, bearer(tokens.access_token));
    expect([ok.status, ok.headers.get('www-authenticate')]).toEqual([200, null]);
    expect(await answer(await userInfo(s, bearer('not-a-token')))).toEqual([401, INVALID_TOKEN, '']);
    expect(await answer(await userInfo(s, bearer(tokens.id_token)))).toEqual([401, INVALID_TOKEN, '']);
    const revoke = form({ token: tokens.refresh_token, client_id: s.clientId });
    expect((await s.cloud.fetch(new Request(`${s.domain}/oauth2/revoke`, revoke))).status).toBe(200);
    expect(await answer(await userInfo(s, bearer(tokens.access_token)))).toEqual([401, INVALID_TOKEN, '']);
    const fresh = await signedIn(s);
    s.clock.advance(3600 * 1000);
    expect(await answer(await userInfo(s, bearer(fresh.access_token)))).toEqual([401, INVALID_TOKEN, '']);
  });

  it('refuses an InitiateAuth access token (no openid scope) with the invalid_token header', async () => {
    const ctx = await sdkSetup();
    const alice = ctx.demo.userPool.users[0] as { username: string; password: string };
    const out = await ctx.idp.send(
      new InitiateAuthCommand({
        ClientId: ctx.demo.userPool.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: alice.username, PASSWORD: alice.password },
      }),
    );
    const res = await userInfo(
      { cloud: ctx.cloud, domain: ctx.demo.userPool.domain },
      { authorization: `Bearer ${out.AuthenticationResult?.AccessToken}` },
    );
    expect(await answer(res)).toEqual([401, INVALID_TOKEN, '']);
  });
});

describe('/logout', () => {
  const logout = (s: Setup, params: Record<string, string>) => {
    const url = new URL(`${s.domain}/logout`);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    return s.cloud.fetch(new Request(url, { redirect: 'manual' }));
  };

  it('redirects to logout_uri when it is one of the client’s sign-out URLs', async () => {
    const s = await setup();
    const to = location(
      await logout(s, { client_id: s.clientId, logout_uri: 'https://app.identity-atlas.test/' }),
    );
    expect(to.href).toBe('https://app.identity-atlas.test/');
  });

  it('redirects to /login with the request’s parameters when it carries redirect_uri instead', async () => {
    const s = await setup();
    const to = location(
      await logout(s, { client_id: s.clientId, response_type: 'code', redirect_uri: APP, scope: 'openid' }),
    );
    expect(to.origin + to.pathname).toBe(`${s.domain}/login`);
    expect(to.searchParams.get('redirect_uri')).toBe(APP);
    expect(to.searchParams.get('client_id')).toBe(s.clientId);
  });

  it('never redirects to a logout_uri that is not registered: the error page asks for redirect_uri', async () => {
    const s = await setup();
    const to = location(await logout(s, { client_id: s.clientId, logout_uri: 'https://evil.test/' }));
    expect(to.origin + to.pathname).toBe(`${s.domain}/error`);
    expect([...to.searchParams]).toEqual([
      ['error', "Required String parameter 'redirect_uri' is not present"],
      ['client_id', s.clientId],
    ]);
    const page = await s.cloud.fetch(new Request(to, { redirect: 'manual' }));
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('Required String parameter &apos;redirect_uri&apos; is not present');
  });

  it('prefers a registered logout_uri to redirect_uri, and passes an unregistered one over', async () => {
    const s = await setup();
    const both = { client_id: s.clientId, response_type: 'code', redirect_uri: APP };
    const registered = location(await logout(s, { ...both, logout_uri: 'https://app.identity-atlas.test/' }));
    expect(registered.href).toBe('https://app.identity-atlas.test/');
    const unregistered = location(await logout(s, { ...both, logout_uri: 'https://evil.test/' }));
    expect(unregistered.origin + unregistered.pathname).toBe(`${s.domain}/login`);
    expect(unregistered.searchParams.get('redirect_uri')).toBe(APP);
  });

  it('keeps a request without client_id, or with an unknown one, on the error page', async () => {
    const s = await setup();
    const missing = location(await logout(s, { logout_uri: 'https://app.identity-atlas.test/' }));
    expect(missing.origin + missing.pathname).toBe(`${s.domain}/error`);
    expect([...missing.searchParams]).toEqual([
      ['error', "Required String parameter 'client_id' is not present"],
    ]);
    const unknown = location(
      await logout(s, { client_id: 'nosuchclient', logout_uri: 'https://app.identity-atlas.test/' }),
    );
    expect(unknown.origin + unknown.pathname).toBe(`${s.domain}/error`);
    expect([...unknown.searchParams]).toEqual([
      ['error', 'invalid_request'],
      ['client_id', 'nosuchclient'],
    ]);
  });
});

describe('/oauth2/idpresponse when Google refuses Cognito’s code exchange', () => {
  it('sends the app invalid_request with "Google Error - <status> <Google error code>"', async () => {
    const s = await setup();
    const back = await backFromGoogle(s);
    // Google's code is short-lived; past it, Google's token endpoint answers 400 invalid_grant.
    s.clock.advance(11 * 60 * 1000);
    const toApp = location(await s.cloud.fetch(new Request(back, { redirect: 'manual' })));
    expect(toApp.origin + toApp.pathname).toBe(APP);
    expect(toApp.searchParams.get('error')).toBe('invalid_request');
    expect(toApp.searchParams.get('error_description')).toBe('Google Error - 400 invalid_grant');
    expect(toApp.searchParams.get('state')).toBe('app-state-1');
  });
});

describe('/oauth2/userInfo answers within the token scopes (Developer Guide userinfo-endpoint.html)', () => {
  const ALL = {
    sub: 'abc-123',
    email: 'jane@example.com',
    email_verified: 'true',
    phone_number: '+15555550100',
    phone_number_verified: 'false',
    given_name: 'Jane',
    locale: 'en-GB',
    'custom:team': 'blue',
    address: '1 Main St',
  };
  const keys = (scopes: string) => Object.keys(attributesForScopes(ALL, scopes.split(' '))).sort();

  it('openid alone answers every attribute; aws.cognito.signin.user.admin changes nothing', () => {
    expect(keys('openid')).toEqual(Object.keys(ALL).sort());
    expect(keys('openid aws.cognito.signin.user.admin')).toEqual(Object.keys(ALL).sort());
  });

  it('profile, email and phone each add only their attributes to sub', () => {
    expect(keys('openid email')).toEqual(['email', 'email_verified', 'sub']);
    expect(keys('openid phone')).toEqual(['phone_number', 'phone_number_verified', 'sub']);
    expect(keys('openid profile')).toEqual(['custom:team', 'given_name', 'locale', 'sub']);
    expect(keys('openid email profile')).toEqual([
      'custom:team',
      'email',
      'email_verified',
      'given_name',
      'locale',
      'sub',
    ]);
  });

  it('a signed-in user gets only what the scopes allow, with the username beside it', async () => {
    const s = await setup();
    const tokens = await signedIn(s);
    const res = await s.cloud.fetch(
      new Request(`${s.domain}/oauth2/userInfo`, {
        headers: { authorization: `Bearer ${tokens.access_token}` },
      }),
    );
    const body = (await res.json()) as Record<string, string>;
    expect(res.status).toBe(200);
    expect(body.username).toMatch(/^Google_/);
    expect(body.email).toBe('carol@gmail.com');
    // The token's scopes are `openid email profile`: the federated user's `identities` is none of them.
    const stored = JSON.stringify(JSON.parse(s.cloud.snapshot().state).cognitoIdp);
    expect(stored).toContain('"identities"');
    expect(body.identities).toBeUndefined();
    const outside = Object.keys(body).filter(
      (k) =>
        !['sub', 'username', 'email', 'email_verified'].includes(k) &&
        !k.startsWith('custom:') &&
        ![
          'name',
          'given_name',
          'family_name',
          'picture',
          'locale',
          'nickname',
          'preferred_username',
        ].includes(k),
    );
    expect(outside).toEqual([]);
  });
});
