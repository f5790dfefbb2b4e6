import { createLocalJWKSet, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { createTestClock } from '../../../../../tests/support/cloud-handler';
import { type Cloud, createCloud } from '../../../index';
import { APP, CHALLENGE, form, location, VERIFIER } from './test-http';

async function setup() {
  const clock = createTestClock();
  const cloud = await createCloud({ now: clock.now });
  const prefix = JSON.parse(cloud.snapshot().state).cognitoIdp.pools[cloud.demo.userPool.id]
    .domainPrefix as string;
  const domain = `https://${prefix}.auth.us-east-1.amazoncognito.com`;
  return { clock, cloud, domain };
}

function authorizeUrl(cloud: Cloud, domain: string, provider: string, extra: Record<string, string> = {}) {
  const url = new URL(`${domain}/oauth2/authorize`);
  const params = {
    response_type: 'code',
    client_id: cloud.demo.userPool.clientId,
    redirect_uri: APP,
    identity_provider: provider,
    scope: 'openid email profile',
    state: 'app-state-1',
    nonce: 'app-nonce-1',
    code_challenge: CHALLENGE,
    code_challenge_method: 'S256',
    ...extra,
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url;
}

/** authorize → Google sign-in → /oauth2/idpresponse → the app's callback; returns the code. */
async function googleCode(cloud: Cloud, domain: string): Promise<string> {
  return (await googleReturn(cloud, domain)).searchParams.get('code') ?? '';
}

/** The same round trip; returns the app's callback URL with whatever Cognito sent it. */
async function googleReturn(cloud: Cloud, domain: string): Promise<URL> {
  const toGoogle = location(
    await cloud.fetch(new Request(authorizeUrl(cloud, domain, 'Google'), { redirect: 'manual' })),
  );
  expect(toGoogle.origin + toGoogle.pathname).toBe('https://accounts.google.com/o/oauth2/v2/auth');
  expect(toGoogle.searchParams.get('redirect_uri')).toBe(`${domain}/oauth2/idpresponse`);
  const backToPool = location(
    await cloud.fetch(
      new Request(toGoogle, form({ username: 'carol@gmail.com', password: 'Carol-Gmail-2024!' })),
    ),
  );
  expect(backToPool.origin + backToPool.pathname).toBe(`${domain}/oauth2/idpresponse`);
  const toApp = location(await cloud.fetch(new Request(backToPool, { redirect: 'manual' })));
  expect(toApp.origin + toApp.pathname).toBe(APP);
  expect(toApp.searchParams.get('state')).toBe('app-state-1');
  return toApp;
}

/** authorize → ExampleCorp's page → its POST form → /saml2/idpresponse; returns the app's callback. */
async function samlReturn(cloud: Cloud, domain: string): Promise<URL> {
  const toIdp = location(
    await cloud.fetch(new Request(authorizeUrl(cloud, domain, 'ExampleCorp'), { redirect: 'manual' })),
  );
  expect(toIdp.origin + toIdp.pathname).toBe('https://idp.example-corp.test/sso/saml');
  const page = await cloud.fetch(new Request(toIdp));
  expect(page.status).toBe(200);
  const signIn = await cloud.fetch(
    new Request(
      'https://idp.example-corp.test/sso/saml',
      form({
        username: 'dave',
        password: 'Dave-Corp-2024!',
        SAMLRequest: toIdp.searchParams.get('SAMLRequest') ?? '',
        RelayState: toIdp.searchParams.get('RelayState') ?? '',
      }),
    ),
  );
  expect(signIn.status).toBe(200);
  const html = await signIn.text();
  const action = html.match(/action="([^"]+)"/)?.[1] ?? '';
  const samlResponse = html.match(/name="SAMLResponse" value="([^"]+)"/)?.[1] ?? '';
  const relayState = html.match(/name="RelayState" value="([^"]+)"/)?.[1] ?? '';
  expect(action).toBe(`${domain}/saml2/idpresponse`);

  const toApp = location(
    await cloud.fetch(new Request(action, form({ SAMLResponse: samlResponse, RelayState: relayState }))),
  );
  expect(toApp.origin + toApp.pathname).toBe(APP);
  expect(toApp.searchParams.get('state')).toBe('app-state-1');
  return toApp;
}

/** Changes the demo pool's record the way a console edit would, through a snapshot and restore. */
async function changePool(cloud: Cloud, change: (pool: PoolJson) => void) {
  const snap = cloud.snapshot();
  const state = JSON.parse(snap.state);
  change(state.cognitoIdp.pools[cloud.demo.userPool.id]);
  await cloud.restore({ ...snap, state: JSON.stringify(state) });
}
type PoolJson = {
  schema: { name: string; mutable: boolean; required: boolean; dataType: string }[];
  clients: Record<string, { writeAttributes?: string[] }>;
  users: Record<string, { username: string; attributes: Record<string, string>; lastModifiedAt: number }>;
};
const googleUser = (cloud: Cloud) => {
  const pool = JSON.parse(cloud.snapshot().state).cognitoIdp.pools[cloud.demo.userPool.id] as PoolJson;
  return Object.values(pool.users).find((u) => u.username.startsWith('Google_'));
};

const exchange = (cloud: Cloud, domain: string, code: string, verifier = VERIFIER) =>
  cloud.fetch(
    new Request(
      `${domain}/oauth2/token`,
      form({
        grant_type: 'authorization_code',
        client_id: cloud.demo.userPool.clientId,
        code,
        redirect_uri: APP,
        code_verifier: verifier,
      }),
    ),
  );

async function poolJwks(cloud: Cloud) {
  const res = await cloud.fetch(
    new Request(
      `https://cognito-idp.us-east-1.amazonaws.com/${cloud.demo.userPool.id}/.well-known/jwks.json`,
    ),
  );
  return createLocalJWKSet(await res.json());
}

describe('user pool federation through the hosted-domain OAuth endpoints', () => {
  it('signs a Google user in end to end with PKCE and shows the federated identity in the ID token', async () => {
    const { cloud, domain, clock } = await setup();
    const code = await googleCode(cloud, domain);
    const res = await exchange(cloud, domain, code);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body)).toEqual([
      'id_token',
      'access_token',
      'refresh_token',
      'expires_in',
      'token_type',
    ]);
    expect(body.token_type).toBe('Bearer');
    expect(body.expires_in).toBe(3600);
    const { payload } = await jwtVerify(body.id_token, await poolJwks(cloud), {
      audience: cloud.demo.userPool.clientId,
      issuer: `https://cognito-idp.us-east-1.amazonaws.com/${cloud.demo.userPool.id}`,
      currentDate: new Date(clock.now()),
    });
    expect(payload['cognito:username']).toMatch(/^Google_10\d{19}$/);
    expect(payload.nonce).toBe('app-nonce-1');
    expect(payload.email).toBe('carol@gmail.com');
    expect(payload['cognito:groups']).toEqual([`${cloud.demo.userPool.id}_Google`]);
    expect(payload.identities).toEqual([
      {
        userId: String(payload['cognito:username']).slice('Google_'.length),
        providerName: 'Google',
        providerType: 'Google',
        issuer: null,
        primary: 'true',
        dateCreated: String(clock.now()),
      },
    ]);

    const info = await cloud.fetch(
      new Request(`${domain}/oauth2/userInfo`, { headers: { authorization: `Bearer ${body.access_token}` } }),
    );
    expect(info.status).toBe(200);
    expect(await info.json()).toMatchObject({
      email: 'carol@gmail.com',
      username: payload['cognito:username'],
      sub: payload.sub,
    });

    const refreshed = await cloud.fetch(
      new Request(
        `${domain}/oauth2/token`,
        form({
          grant_type: 'refresh_token',
          client_id: cloud.demo.userPool.clientId,
          refresh_token: body.refresh_token,
        }),
      ),
    );
    expect(refreshed.status).toBe(200);
    expect(Object.keys(await refreshed.json())).toEqual([
      'id_token',
      'access_token',
      'expires_in',
      'token_type',
    ]);
  });

  it('refuses a wrong PKCE verifier and a reused code with invalid_grant', async () => {
    const { cloud, domain } = await setup();
    const first = await googleCode(cloud, domain);
    const wrong = await exchange(cloud, domain, first, 'x'.repeat(43));
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toEqual({ error: 'invalid_grant' });

    const second = await googleCode(cloud, domain);
    expect((await exchange(cloud, domain, second)).status).toBe(200);
    const reused = await exchange(cloud, domain, second);
    expect(reused.status).toBe(400);
    expect(await reused.json()).toEqual({ error: 'invalid_grant' });
  });

  it("refuses a returning Google user's sign-in when a mapped attribute became immutable, changing nothing", async () => {
    const { cloud, domain } = await setup();
    expect((await googleReturn(cloud, domain)).searchParams.get('code')).toBeTruthy();
    // The provider maps Google's `name` claim; the pool now declares `name` immutable.
    await changePool(cloud, (pool) => {
      pool.schema.push({ name: 'name', mutable: false, required: false, dataType: 'String' });
    });
    const before = googleUser(cloud);
    expect(before?.attributes.name).toBe('Carol Rivera');
    const again = await googleReturn(cloud, domain);
    expect(again.searchParams.get('code')).toBeNull();
    expect(again.searchParams.get('error')).toBe('invalid_request');
    expect(again.searchParams.get('error_description')).toBe('user.name: Attribute cannot be updated.');
    expect(googleUser(cloud)).toEqual(before);
  });

  it('refuses the second Google sign-in through a client whose WriteAttributes leave out a mapped attribute', async () => {
    const { cloud, domain } = await setup();
    await changePool(cloud, (pool) => {
      const client = pool.clients[cloud.demo.userPool.clientId];
      if (client) client.writeAttributes = client.writeAttributes?.filter((a) => a !== 'picture');
    });
    // The first sign-in creates the user with every mapped value, picture included.
    expect((await googleReturn(cloud, domain)).searchParams.get('code')).toBeTruthy();
    expect(googleUser(cloud)?.attributes.picture).toMatch(/^https:/);
    const again = await googleReturn(cloud, domain);
    expect(again.searchParams.get('code')).toBeNull();
    expect(again.searchParams.get('error_description')).toBe('user.picture: Attribute cannot be updated.');
  });

  it("the implicit grant sends a Google user's tokens to the app in the fragment, with no refresh token", async () => {
    const { cloud, domain, clock } = await setup();
    await changePool(cloud, (pool) => {
      const client = pool.clients[cloud.demo.userPool.clientId] as { allowedOAuthFlows?: string[] };
      client.allowedOAuthFlows = ['code', 'implicit'];
    });
    const toGoogle = location(
      await cloud.fetch(
        new Request(authorizeUrl(cloud, domain, 'Google', { response_type: 'token' }), {
          redirect: 'manual',
        }),
      ),
    );
    const backToPool = location(
      await cloud.fetch(
        new Request(toGoogle, form({ username: 'carol@gmail.com', password: 'Carol-Gmail-2024!' })),
      ),
    );
    const toApp = location(await cloud.fetch(new Request(backToPool, { redirect: 'manual' })));
    expect(toApp.origin + toApp.pathname).toBe(APP);
    expect(toApp.search).toBe('');
    const fragment = new URLSearchParams(toApp.hash.slice(1));
    expect([...fragment.keys()]).toEqual(['id_token', 'access_token', 'token_type', 'expires_in', 'state']);
    expect(fragment.get('token_type')).toBe('bearer');
    expect(fragment.get('expires_in')).toBe('3600');
    expect(fragment.get('state')).toBe('app-state-1');
    const { payload } = await jwtVerify(fragment.get('id_token') ?? '', await poolJwks(cloud), {
      audience: cloud.demo.userPool.clientId,
      currentDate: new Date(clock.now()),
    });
    expect(payload.nonce).toBe('app-nonce-1');
    expect(payload.at_hash).toBeTypeOf('string');
    expect(payload.email).toBe('carol@gmail.com');
    const info = await cloud.fetch(
      new Request(`${domain}/oauth2/userInfo`, {
        headers: { authorization: `Bearer ${fragment.get('access_token')}` },
      }),
    );
    expect(info.status).toBe(200);
  });

  it('refuses the implicit grant to a client that does not allow it, in the fragment', async () => {
    const { cloud, domain } = await setup();
    const res = await cloud.fetch(
      new Request(authorizeUrl(cloud, domain, 'Google', { response_type: 'token' }), { redirect: 'manual' }),
    );
    const toApp = location(res);
    expect(toApp.origin + toApp.pathname + toApp.search).toBe(APP);
    expect(Object.fromEntries(new URLSearchParams(toApp.hash.slice(1)))).toEqual({
      state: 'app-state-1',
      error: 'unauthorized_client',
    });
  });

  it('refuses a code after its five minutes', async () => {
    const { cloud, domain, clock } = await setup();
    const code = await googleCode(cloud, domain);
    clock.advance(5 * 60 * 1000);
    expect(await (await exchange(cloud, domain, code)).json()).toEqual({ error: 'invalid_grant' });
  });

  it('keeps an unregistered redirect_uri on the hosted domain error page', async () => {
    const { cloud, domain } = await setup();
    const res = await cloud.fetch(
      new Request(authorizeUrl(cloud, domain, 'Google', { redirect_uri: 'https://evil.test/cb' }), {
        redirect: 'manual',
      }),
    );
    const target = location(res);
    expect(target.origin + target.pathname).toBe(`${domain}/error`);
    expect(target.searchParams.get('error')).toBe('redirect_mismatch');
  });

  it('signs an ExampleCorp SAML user in end to end: AuthnRequest, IdP POST form, /saml2/idpresponse, token', async () => {
    const { cloud, domain, clock } = await setup();
    const toApp = await samlReturn(cloud, domain);
    const body = await (await exchange(cloud, domain, toApp.searchParams.get('code') ?? '')).json();
    const { payload } = await jwtVerify(body.id_token, await poolJwks(cloud), {
      currentDate: new Date(clock.now()),
    });
    const nameId = JSON.parse(cloud.snapshot().state).saml.users.find(
      (u: { username: string }) => u.username === 'dave',
    ).nameId;
    expect(payload['cognito:username']).toBe(`ExampleCorp_${nameId}`);
    expect(payload.email).toBe('dave@example-corp.test');
    expect(payload.identities).toEqual([
      {
        userId: nameId,
        providerName: 'ExampleCorp',
        providerType: 'SAML',
        issuer: 'https://idp.example-corp.test',
        primary: 'true',
        dateCreated: String(clock.now()),
      },
    ]);
  });

  it("refuses a returning SAML user's sign-in when the pool's email is immutable (the one-sign-in trap)", async () => {
    const { cloud, domain } = await setup();
    await changePool(cloud, (pool) => {
      for (const attribute of pool.schema) if (attribute.name === 'email') attribute.mutable = false;
    });
    // An immutable attribute still takes its first value: the first sign-in creates the user with it.
    expect((await samlReturn(cloud, domain)).searchParams.get('code')).toBeTruthy();
    const again = await samlReturn(cloud, domain);
    expect(again.searchParams.get('code')).toBeNull();
    expect(again.searchParams.get('error')).toBe('invalid_request');
    expect(again.searchParams.get('error_description')).toBe('user.email: Attribute cannot be updated.');
  });

  it('sends the app an error when the SAML response posted to /saml2/idpresponse was tampered with', async () => {
    const { cloud, domain } = await setup();
    const toIdp = location(
      await cloud.fetch(new Request(authorizeUrl(cloud, domain, 'ExampleCorp'), { redirect: 'manual' })),
    );
    const signed = await (
      await cloud.fetch(
        new Request(
          'https://idp.example-corp.test/sso/saml',
          form(
            {
              username: 'erin',
              password: 'Erin-Corp-2024!',
              SAMLRequest: toIdp.searchParams.get('SAMLRequest') ?? '',
              RelayState: toIdp.searchParams.get('RelayState') ?? '',
            },
            { accept: 'application/json' },
          ),
        ),
      )
    ).json();
    const xml = atob(signed.SAMLResponse).replace(
      'erin@example-corp.test</saml:AttributeValue>',
      'alice@example.com</saml:AttributeValue>',
    );
    const toApp = location(
      await cloud.fetch(
        new Request(signed.action, form({ SAMLResponse: btoa(xml), RelayState: signed.RelayState })),
      ),
    );
    expect(toApp.origin + toApp.pathname).toBe(APP);
    expect(toApp.searchParams.get('error')).toBe('invalid_request');
    expect(toApp.searchParams.get('code')).toBeNull();
  });
});
