import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { createTestClock, sdkConfig } from '../support/cloud-handler';
import { createEndpointWorld, type EndpointWorld } from './fixtures';
import { signedRequest } from './signing';

async function setup() {
  const clock = createTestClock();
  const w = await createEndpointWorld(clock.now);
  const api = w.cloud.demo.api.url;
  return { clock, w, api };
}

async function signIn(w: EndpointWorld, clientId = w.cloud.demo.userPool.clientId) {
  const user = w.cloud.demo.userPool.users[0] as { username: string; password: string };
  const idp = new CognitoIdentityProviderClient(sdkConfig(w.cloud));
  const out = await idp.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: user.username, PASSWORD: user.password },
    }),
  );
  return {
    idToken: out.AuthenticationResult?.IdToken as string,
    accessToken: out.AuthenticationResult?.AccessToken as string,
  };
}

const get = (url: string, headers: Record<string, string> = {}) => new Request(url, { headers });

async function expectGatewayError(
  response: Response,
  status: number,
  errorType: string,
  body: Record<string, string>,
) {
  expect(response.status).toBe(status);
  expect(response.headers.get('x-amzn-errortype')).toBe(errorType);
  expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  expect(response.headers.get('x-amz-apigw-id')).toMatch(/^[A-Za-z0-9+/]{15}=$/);
  expect(await response.json()).toEqual(body);
}

describe('API Gateway GET /me (COGNITO_USER_POOLS authorizer)', () => {
  it('accepts an ID token, bare or as a Bearer token, and hands the claims over as strings', async () => {
    const { w, api } = await setup();
    const { idToken } = await signIn(w);
    for (const value of [idToken, `Bearer ${idToken}`]) {
      const response = await w.cloud.fetch(get(`${api}/me`, { Authorization: value }));
      expect(response.status).toBe(200);
      const body = (await response.json()) as {
        requestContext: { authorizer: { claims: Record<string, string> }; identity: Record<string, unknown> };
      };
      const claims = body.requestContext.authorizer.claims;
      expect(claims.token_use).toBe('id');
      expect(claims.aud).toBe(w.cloud.demo.userPool.clientId);
      expect(claims.exp).toMatch(
        /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4}$/,
      );
      expect(Object.values(claims).every((v) => typeof v === 'string')).toBe(true);
      expect(body.requestContext.identity.cognitoIdentityId).toBeNull();
    }
  });

  it('answers 401 without a token, with an access token, and once the ID token expired (in its own words)', async () => {
    const { clock, w, api } = await setup();
    const { idToken, accessToken } = await signIn(w);
    await expectGatewayError(await w.cloud.fetch(get(`${api}/me`)), 401, 'UnauthorizedException', {
      message: 'Unauthorized',
    });
    await expectGatewayError(
      await w.cloud.fetch(get(`${api}/me`, { Authorization: accessToken })),
      401,
      'UnauthorizedException',
      {
        message: 'Unauthorized',
      },
    );
    await expectGatewayError(
      await w.cloud.fetch(get(`${api}/me`, { Authorization: `${idToken.slice(0, -4)}AAAA` })),
      401,
      'UnauthorizedException',
      {
        message: 'Unauthorized',
      },
    );
    clock.advance(60 * 60_000);
    // Expired: the same 401, in its own words.
    await expectGatewayError(
      await w.cloud.fetch(get(`${api}/me`, { Authorization: idToken })),
      401,
      'UnauthorizedException',
      { message: 'The incoming token has expired' },
    );
    expect(
      w.events
        .filter((e) => e.kind === 'token.rejected')
        .map((e) => (e.detail as { failure?: string }).failure),
    ).toEqual([
      undefined,
      'missing-claim', // an access token has no aud, so it cannot pass as an ID token
      'bad-signature',
      'expired',
    ]);
  });

  it('lets in an ID token of another app client of the same pool (the authorizer checks the pool, not aud)', async () => {
    const { w, api } = await setup();
    const { idToken } = await signIn(w, w.cloud.demo.userPool.otherClientId);
    const response = await w.cloud.fetch(get(`${api}/me`, { Authorization: idToken }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      requestContext: { authorizer: { claims: Record<string, string> } };
    };
    expect(body.requestContext.authorizer.claims.aud).toBe(w.cloud.demo.userPool.otherClientId);
  });
});

describe('API Gateway GET /me/scoped (method with OAuth scopes)', () => {
  it('wants an access token carrying aws.cognito.signin.user.admin; an ID token gets 401', async () => {
    const { w, api } = await setup();
    const { idToken, accessToken } = await signIn(w);
    const ok = await w.cloud.fetch(get(`${api}/me/scoped`, { Authorization: accessToken }));
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { requestContext: { authorizer: { claims: Record<string, string> } } };
    expect(body.requestContext.authorizer.claims.token_use).toBe('access');
    expect(body.requestContext.authorizer.claims.scope).toContain('aws.cognito.signin.user.admin');
    await expectGatewayError(
      await w.cloud.fetch(get(`${api}/me/scoped`, { Authorization: idToken })),
      401,
      'UnauthorizedException',
      {
        message: 'Unauthorized',
      },
    );
  });
});

describe('API Gateway GET /iam (AWS_IAM)', () => {
  it('invokes with identity pool credentials and echoes requestContext.identity', async () => {
    const { clock, w, api } = await setup();
    const response = await w.cloud.fetch(
      await signedRequest(`${api}/iam`, { service: 'execute-api', credentials: w.alice, at: clock.now() }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { requestContext: { identity: Record<string, unknown> } };
    const provider = `cognito-idp.us-east-1.amazonaws.com/${w.cloud.demo.userPool.id}`;
    expect(body.requestContext.identity).toEqual({
      cognitoIdentityPoolId: w.cloud.demo.identityPool.id,
      accountId: w.accountId,
      cognitoIdentityId: w.alice.identityId,
      caller: expect.stringMatching(/^AROA[A-Z0-9]{17}:CognitoIdentityCredentials$/),
      sourceIp: null,
      principalOrgId: null,
      accessKey: w.alice.accessKeyId,
      cognitoAuthenticationType: 'authenticated',
      cognitoAuthenticationProvider: `${provider},${provider}:CognitoSignIn:alice-sub`,
      userArn: w.alice.arn,
      userAgent: null,
      user: expect.stringMatching(/:CognitoIdentityCredentials$/),
    });
  });

  it('refuses an unsigned call, and an unknown route, with Missing Authentication Token', async () => {
    const { w, api } = await setup();
    const body = { message: 'Missing Authentication Token' };
    await expectGatewayError(
      await w.cloud.fetch(get(`${api}/iam`)),
      403,
      'MissingAuthenticationTokenException',
      body,
    );
    await expectGatewayError(
      await w.cloud.fetch(get(`${api}/nowhere`)),
      403,
      'MissingAuthenticationTokenException',
      body,
    );
    const wrongStage = w.cloud.demo.api.url.replace(/\/prod$/, '/dev');
    await expectGatewayError(await w.cloud.fetch(get(`${wrongStage}/iam`)), 403, 'ForbiddenException', {
      message: 'Forbidden',
    });
  });

  it('answers 403 with the IAM message when no policy allows execute-api:Invoke', async () => {
    const { clock, w, api } = await setup();
    const response = await w.cloud.fetch(
      await signedRequest(`${api}/iam`, {
        service: 'execute-api',
        credentials: w.guestBasic,
        at: clock.now(),
      }),
    );
    const apiId = new URL(api).hostname.split('.')[0];
    await expectGatewayError(response, 403, 'AccessDeniedException', {
      Message: `User: ${w.guestBasic.arn} is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:${w.accountId}:${apiId}/prod/GET/iam`,
    });
    expect(w.events.find((e) => e.kind === 'iam.decision')?.summary).toMatch(/^ImplicitDeny: /);
  });

  it('refuses a wrong secret and a signature older than five minutes', async () => {
    const { clock, w, api } = await setup();
    const bad = await w.cloud.fetch(
      await signedRequest(`${api}/iam`, {
        service: 'execute-api',
        credentials: { ...w.user, secretAccessKey: 'wrong'.repeat(8) },
        at: clock.now(),
      }),
    );
    expect(bad.status).toBe(403);
    expect(bad.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
    expect(((await bad.json()) as { message: string }).message).toMatch(
      /^The request signature we calculated does not match the signature you provided\./,
    );
    const old = await signedRequest(`${api}/iam`, {
      service: 'execute-api',
      credentials: w.user,
      at: clock.now() - 6 * 60_000,
    });
    const expired = await w.cloud.fetch(old);
    expect(expired.status).toBe(403);
    expect(((await expired.json()) as { message: string }).message).toMatch(
      /^Signature expired: \d{8}T\d{6}Z is now earlier than/,
    );
  });
});
