import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { createTestClock } from '../../../../tests/support/cloud-handler';
import { createCloud } from '../../index';

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

async function setup() {
  const clock = createTestClock();
  const cloud = await createCloud({ now: clock.now });
  return { clock, cloud };
}

describe('simulated Google', () => {
  it('serves its discovery document and a JWKS that verifies demo.google.signIn tokens', async () => {
    const { clock, cloud } = await setup();
    const discovery = await (
      await cloud.fetch(new Request('https://accounts.google.com/.well-known/openid-configuration'))
    ).json();
    expect(discovery.issuer).toBe('https://accounts.google.com');
    expect(discovery.jwks_uri).toBe('https://www.googleapis.com/oauth2/v3/certs');
    const jwks = await (await cloud.fetch(new Request(discovery.jwks_uri))).json();
    const carol = cloud.demo.google.users.find((u) => u.username === 'carol@gmail.com');
    if (!carol) throw new Error('carol missing');
    const token = await cloud.demo.google.signIn(carol.username, carol.password);
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(jwks), {
      issuer: 'https://accounts.google.com',
      audience: cloud.demo.google.clientId,
      currentDate: new Date(clock.now()),
    });
    expect(protectedHeader).toEqual({ alg: 'RS256', kid: jwks.keys[0].kid, typ: 'JWT' });
    const iat = Math.floor(clock.now() / 1000);
    expect(payload).toEqual({
      iss: 'https://accounts.google.com',
      azp: cloud.demo.google.clientId,
      aud: cloud.demo.google.clientId,
      sub: expect.stringMatching(/^10\d{19}$/),
      email: 'carol@gmail.com',
      email_verified: true,
      name: 'Carol Rivera',
      picture: 'https://lh3.googleusercontent.com/a/carol=s96-c',
      given_name: 'Carol',
      family_name: 'Rivera',
      iat,
      exp: iat + 3600,
    });
  });

  it('fails demo.google.signIn with a wrong password the way Google words it', async () => {
    const { cloud } = await setup();
    await expect(cloud.demo.google.signIn('carol@gmail.com', 'nope')).rejects.toThrow(
      'Wrong password. Try again or click Forgot password to reset it.',
    );
  });

  it('makes the same token bytes from the same seed and clock', async () => {
    const a = await setup();
    const b = await setup();
    const [ta, tb] = await Promise.all([
      a.cloud.demo.google.signIn('carol@gmail.com', 'Carol-Gmail-2024!'),
      b.cloud.demo.google.signIn('carol@gmail.com', 'Carol-Gmail-2024!'),
    ]);
    expect(ta).toBe(tb);
    expect(decodeProtectedHeader(ta).alg).toBe('RS256');
  });

  it('runs the authorization-code flow: sign-in page, POST credentials, 302 with code, token exchange once', async () => {
    const { cloud } = await setup();
    const clientId = cloud.demo.google.clientId;
    const redirectUri = 'https://app.identity-atlas.test/callback';
    const auth = new URL('https://accounts.google.com/o/oauth2/v2/auth');
    for (const [k, v] of Object.entries({
      client_id: clientId,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'openid email',
      state: 's1',
      nonce: 'n1',
    })) {
      auth.searchParams.set(k, v);
    }
    const page = await cloud.fetch(new Request(auth));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('name="password"');

    const wrong = await cloud.fetch(
      new Request(auth, form({ username: 'carol@gmail.com', password: 'bad' })),
    );
    expect(wrong.status).toBe(200);
    expect(wrong.headers.get('location')).toBeNull();
    expect(await wrong.text()).toContain('Wrong password.');

    const ok = await cloud.fetch(
      new Request(auth, {
        ...form({ username: 'carol@gmail.com', password: 'Carol-Gmail-2024!' }),
        redirect: 'manual',
      }),
    );
    expect(ok.status).toBe(302);
    const back = new URL(ok.headers.get('location') ?? '');
    expect(`${back.origin}${back.pathname}`).toBe(redirectUri);
    expect(back.searchParams.get('state')).toBe('s1');
    expect(back.searchParams.get('scope')).toBe('https://www.googleapis.com/auth/userinfo.email openid');
    const code = back.searchParams.get('code') ?? '';

    const secret =
      cloud.snapshot().state && JSON.parse(cloud.snapshot().state).google.clients[clientId].clientSecret;
    const exchange = () =>
      cloud.fetch(
        new Request(
          'https://oauth2.googleapis.com/token',
          form({
            grant_type: 'authorization_code',
            code,
            client_id: clientId,
            client_secret: secret,
            redirect_uri: redirectUri,
          }),
        ),
      );
    const first = await exchange();
    expect(first.status).toBe(200);
    const body = await first.json();
    expect(Object.keys(body)).toEqual(['access_token', 'expires_in', 'scope', 'token_type', 'id_token']);
    const claims = JSON.parse(atob(body.id_token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    expect(claims.nonce).toBe('n1');
    expect(typeof claims.at_hash).toBe('string');

    const again = await exchange();
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ error: 'invalid_grant', error_description: 'Bad Request' });
  });

  it('refuses an unregistered redirect_uri on its own page, without redirecting', async () => {
    const { cloud } = await setup();
    const auth = new URL('https://accounts.google.com/o/oauth2/v2/auth');
    auth.searchParams.set('client_id', cloud.demo.google.clientId);
    auth.searchParams.set('redirect_uri', 'https://evil.test/cb');
    auth.searchParams.set('response_type', 'code');
    const res = await cloud.fetch(new Request(auth, { redirect: 'manual' }));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Error 400: redirect_uri_mismatch');
  });
});
