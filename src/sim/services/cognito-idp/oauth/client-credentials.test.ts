import { GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { adminWorld, failure } from '../test-admin-world';
import { form } from './test-http';

const API = 'https://api.atlas.example';
const SECRET = 'batch-secret-0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * The demo cloud with a resource server (read and write scopes) and a confidential client that may use
 * the client credentials grant for its read scope only, added as a console edit would add them.
 */
async function machineWorld() {
  const ctx = await adminWorld();
  const snap = ctx.cloud.snapshot();
  const state = JSON.parse(snap.state);
  const pool = state.cognitoIdp.pools[ctx.poolId];
  pool.resourceServers = {
    [API]: {
      identifier: API,
      name: 'atlas-api',
      scopes: [
        { scopeName: 'read', scopeDescription: 'Read reports' },
        { scopeName: 'write', scopeDescription: 'Write reports' },
      ],
    },
  };
  const web = pool.clients[ctx.cloud.demo.userPool.clientId];
  pool.clients.batch = {
    ...web,
    clientId: 'batch',
    clientName: 'atlas-batch',
    clientSecret: SECRET,
    allowedOAuthFlows: ['client_credentials'],
    allowedOAuthScopes: [`${API}/read`],
    accessTokenValiditySeconds: 1800,
  };
  // Without a secret, as no real client is allowed the grant (a template can still say so).
  pool.clients['public-batch'] = { ...pool.clients.batch, clientId: 'public-batch', clientSecret: undefined };
  // The demo API's scoped method now wants the custom scope instead of the user pool API's own.
  const apis = state.executeApi.apis as Record<string, { methods: { authorizationScopes?: string[] }[] }>;
  for (const api of Object.values(apis))
    for (const method of api.methods)
      if (method.authorizationScopes) method.authorizationScopes = [`${API}/read`];
  await ctx.cloud.restore({ ...snap, state: JSON.stringify(state) });
  const domain = ctx.cloud.demo.userPool.domain;
  const token = (fields: Record<string, string>, id = 'batch', secret = SECRET) =>
    ctx.cloud.fetch(
      new Request(
        `${domain}/oauth2/token`,
        form(
          { grant_type: 'client_credentials', ...fields },
          { authorization: `Basic ${btoa(`${id}:${secret}`)}` },
        ),
      ),
    );
  return { ...ctx, token };
}

describe('the client credentials grant at /oauth2/token (machine to machine)', () => {
  it('gives a confidential client an access token for its custom scope, with the client as sub and no user', async () => {
    const { cloud, clock, token } = await machineWorld();
    const res = await token({ scope: `${API}/read` });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body)).toEqual(['access_token', 'expires_in', 'token_type']);
    expect(body).toMatchObject({ expires_in: 1800, token_type: 'Bearer' });
    const jwks = await cloud.fetch(
      new Request(
        `https://cognito-idp.us-east-1.amazonaws.com/${cloud.demo.userPool.id}/.well-known/jwks.json`,
      ),
    );
    const { payload } = await jwtVerify(body.access_token, createLocalJWKSet(await jwks.json()), {
      issuer: `https://cognito-idp.us-east-1.amazonaws.com/${cloud.demo.userPool.id}`,
      currentDate: new Date(clock.now()),
    });
    expect(Object.keys(payload)).toEqual([
      'sub',
      'token_use',
      'scope',
      'auth_time',
      'iss',
      'exp',
      'iat',
      'version',
      'jti',
      'client_id',
    ]);
    expect(payload).toMatchObject({
      sub: 'batch',
      client_id: 'batch',
      token_use: 'access',
      scope: `${API}/read`,
    });
    expect(payload.exp).toBe(Number(payload.iat) + 1800);
    expect(decodeProtectedHeader(body.access_token).kid).toBeTypeOf('string');
    // Asking for no scope gives every custom scope the client is allowed.
    const all = await (await token({})).json();
    expect(JSON.parse(atob(all.access_token.split('.')[1])).scope).toBe(`${API}/read`);
  });

  it('opens an API Gateway method that requires the custom scope, and no user pool API', async () => {
    const { cloud, idp, token } = await machineWorld();
    const { access_token: accessToken } = await (await token({ scope: `${API}/read` })).json();
    const ok = await cloud.fetch(
      new Request(`${cloud.demo.api.url}/me/scoped`, { headers: { Authorization: accessToken } }),
    );
    expect(ok.status).toBe(200);
    const echoed = (await ok.json()) as {
      requestContext: { authorizer: { claims: Record<string, string> } };
    };
    expect(echoed.requestContext.authorizer.claims).toMatchObject({ sub: 'batch', scope: `${API}/read` });
    expect(await failure(idp().send(new GetUserCommand({ AccessToken: accessToken })))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Access Token does not have required scopes',
      status: 400,
    });
  });

  it('refuses a scope the client is not allowed, a user scope, a wrong secret and clients without the grant', async () => {
    const { cloud, token } = await machineWorld();
    const error = async (res: Response) => ({ status: res.status, body: await res.json() });
    expect(await error(await token({ scope: `${API}/write` }))).toEqual({
      status: 400,
      body: { error: 'invalid_scope' },
    });
    expect(await error(await token({ scope: 'openid' }))).toEqual({
      status: 400,
      body: { error: 'invalid_scope' },
    });
    expect(await error(await token({ scope: `${API}/read` }, 'batch', 'wrong'))).toEqual({
      status: 401,
      body: { error: 'invalid_client' },
    });
    // The demo's browser client is public and allowed the code grant only.
    const web = await cloud.fetch(
      new Request(
        `${cloud.demo.userPool.domain}/oauth2/token`,
        form({ grant_type: 'client_credentials', client_id: cloud.demo.userPool.clientId }),
      ),
    );
    expect(await error(web)).toEqual({ status: 400, body: { error: 'unauthorized_client' } });
    const publicClient = await cloud.fetch(
      new Request(
        `${cloud.demo.userPool.domain}/oauth2/token`,
        form({ grant_type: 'client_credentials', client_id: 'public-batch', scope: `${API}/read` }),
      ),
    );
    expect(await error(publicClient)).toEqual({ status: 400, body: { error: 'unauthorized_client' } });
  });
});
