/**
 * Wire facts tagged (doc) in the reference, checked as whole values: user pool token claims (1.2,
 * 1.3), the Cognito OpenID token (4.6), S3's error bodies (7.6) and API Gateway's answers (8.1, 8.3).
 */
import { GetIdCommand, GetOpenIdTokenCommand } from '@aws-sdk/client-cognito-identity';
import { describe, expect, it } from 'vitest';
import { signedRequest } from '../endpoints/signing';
import { signInToUserPool } from '../pipeline/pipeline-support';
import { decode, developerKeys, gapCloud, publicIdentity } from './support';

describe('user pool tokens (docs/aws-reference.md §1.2, §1.3)', () => {
  it('the ID token has aud and cognito:username; the access token has client_id, username, scope and no aud', async () => {
    const { cloud, clock } = await gapCloud();
    const t = await signInToUserPool(cloud, clock, 0);
    const id = decode(t.idToken);
    const access = decode(t.accessToken);
    const iat = Math.floor(clock.now() / 1000);
    const issuer = `https://cognito-idp.${cloud.demo.region}.amazonaws.com/${cloud.demo.userPool.id}`;
    expect(id.header.alg).toBe('RS256');
    expect(id.header.kid).not.toBe(access.header.kid);
    expect(Object.keys(id.claims).sort()).toEqual(
      [
        'sub',
        'cognito:groups',
        'email_verified',
        'iss',
        'cognito:username',
        'origin_jti',
        'cognito:roles',
        'aud',
        'event_id',
        'token_use',
        'auth_time',
        'cognito:preferred_role',
        'exp',
        'iat',
        'jti',
        'email',
        'name',
        'custom:department',
      ].sort(),
    );
    expect(id.claims).toMatchObject({
      iss: issuer,
      aud: cloud.demo.userPool.clientId,
      token_use: 'id',
      'cognito:username': 'alice',
      'cognito:groups': ['admins', 'readers'],
      auth_time: iat,
      iat,
      exp: iat + 3600,
    });
    expect(access.claims).toEqual({
      sub: id.claims.sub,
      'cognito:groups': ['admins', 'readers'],
      iss: issuer,
      version: 2,
      client_id: cloud.demo.userPool.clientId,
      origin_jti: id.claims.origin_jti,
      event_id: id.claims.event_id,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      auth_time: iat,
      exp: iat + 3600,
      iat,
      jti: access.claims.jti,
      username: 'alice',
    });
  });
});

describe('the Cognito OpenID token (docs/aws-reference.md §4.6)', () => {
  it('a guest token: RS512, typ JWS, kid <region>-1, amr unauthenticated, 600 s', async () => {
    const { cloud, clock } = await gapCloud();
    const client = publicIdentity(cloud, clock);
    const poolId = cloud.demo.classicIdentityPool.id;
    const { IdentityId } = await client.send(new GetIdCommand({ IdentityPoolId: poolId }));
    const out = await client.send(new GetOpenIdTokenCommand({ IdentityId }));
    const iat = Math.floor(clock.now() / 1000);
    expect(decode(out.Token as string)).toEqual({
      header: { kid: 'us-east-1-1', typ: 'JWS', alg: 'RS512' },
      claims: {
        sub: IdentityId,
        aud: poolId,
        amr: ['unauthenticated'],
        iss: 'https://cognito-identity.amazonaws.com',
        'https://cognito-identity.amazonaws.com/identity-pool-arn': `arn:aws:cognito-identity:us-east-1:${cloud.demo.accountId}:identitypool/${poolId}`,
        exp: iat + 600,
        iat,
      },
    });
  });
});

describe('S3 error bodies (docs/aws-reference.md §7.6)', () => {
  const unsigned = { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' };
  const errorOf = async (response: Response) => {
    const text = await response.text();
    const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
    const message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1];
    return { status: response.status, code, message, root: /<\?xml[^>]*>\s*<Error>/.test(text) };
  };

  it('answers an unknown access key with InvalidAccessKeyId 403', async () => {
    const { cloud, clock } = await gapCloud();
    const url = `https://${cloud.demo.bucket}.s3.amazonaws.com/public/x`;
    const request = await signedRequest(url, {
      service: 's3',
      credentials: { accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x' },
      at: clock.now(),
      headers: unsigned,
    });
    expect(await errorOf(await cloud.fetch(request))).toEqual({
      status: 403,
      code: 'InvalidAccessKeyId',
      message: 'The AWS Access Key Id you provided does not exist in our records.',
      root: true,
    });
  });

  it('answers a wrong secret with SignatureDoesNotMatch 403 and a skewed clock with RequestTimeTooSkewed 403', async () => {
    const { cloud, clock } = await gapCloud();
    const url = `https://${cloud.demo.bucket}.s3.amazonaws.com/public/x`;
    const wrong = await signedRequest(url, {
      service: 's3',
      credentials: { ...developerKeys(cloud), secretAccessKey: 'wrong' },
      at: clock.now(),
      headers: unsigned,
    });
    expect(await errorOf(await cloud.fetch(wrong))).toMatchObject({
      status: 403,
      code: 'SignatureDoesNotMatch',
    });
    const skewed = await signedRequest(url, {
      service: 's3',
      credentials: developerKeys(cloud),
      at: clock.now() - 20 * 60_000,
      headers: unsigned,
    });
    const response = await cloud.fetch(skewed);
    const body = await response.clone().text();
    expect(await errorOf(response)).toMatchObject({ status: 403, code: 'RequestTimeTooSkewed' });
    expect(body).toContain('<MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds>');
  });

  it('answers an anonymous read of a private key with AccessDenied 403', async () => {
    const { cloud } = await gapCloud();
    const response = await cloud.fetch(
      new Request(`https://${cloud.demo.bucket}.s3.amazonaws.com/private/x`),
    );
    expect(await errorOf(response)).toEqual({
      status: 403,
      code: 'AccessDenied',
      message: 'Access Denied',
      root: true,
    });
  });
});

describe('API Gateway answers (docs/aws-reference.md §8.1, §8.3)', () => {
  it('COGNITO_USER_POOLS: no token and an access token are both 401 {"message":"Unauthorized"}', async () => {
    const { cloud, clock } = await gapCloud();
    const t = await signInToUserPool(cloud, clock, 0);
    for (const headers of [{}, { authorization: t.accessToken }] as Record<string, string>[]) {
      const response = await cloud.fetch(new Request(`${cloud.demo.api.url}/me`, { headers }));
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ message: 'Unauthorized' });
    }
  });

  it('AWS_IAM: unsigned is 403 Missing Authentication Token, as is a resource that does not exist', async () => {
    const { cloud } = await gapCloud();
    for (const path of ['/iam', '/no-such-resource']) {
      const response = await cloud.fetch(new Request(`${cloud.demo.api.url}${path}`));
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ message: 'Missing Authentication Token' });
    }
  });

  it('AWS_IAM: a JWT in Authorization is refused listing every missing SigV4 part', async () => {
    const { cloud, clock } = await gapCloud();
    const t = await signInToUserPool(cloud, clock, 0);
    const response = await cloud.fetch(
      new Request(`${cloud.demo.api.url}/iam`, { headers: { authorization: `Bearer ${t.idToken}` } }),
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      message:
        "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. " +
        "Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either " +
        `a 'X-Amz-Date' or a 'Date' header. Authorization=Bearer ${t.idToken}`,
    });
  });

  it('AWS_IAM: a signed caller IAM does not allow gets {"Message": …} with a capital M', async () => {
    const { cloud, clock } = await gapCloud();
    const request = await signedRequest(`${cloud.demo.api.url}/iam`, {
      service: 'execute-api',
      credentials: developerKeys(cloud),
      at: clock.now(),
    });
    const response = await cloud.fetch(request);
    expect(response.status).toBe(403);
    const body = (await response.json()) as Record<string, string>;
    expect(Object.keys(body)).toEqual(['Message']);
    expect(body.Message).toMatch(
      new RegExp(
        `^User: arn:aws:iam::${cloud.demo.accountId}:user/atlas-developer is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:${cloud.demo.accountId}:[a-z0-9]+/prod/GET/iam`,
      ),
    );
  });
});
