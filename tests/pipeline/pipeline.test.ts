import { CognitoIdentityClient, GetIdCommand, GetOpenIdTokenCommand } from '@aws-sdk/client-cognito-identity';
import {
  CognitoIdentityProviderClient,
  GetUserCommand,
  GlobalSignOutCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import {
  AssumeRoleWithSAMLCommand,
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
} from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { createCloud } from '../../src/sim/index';
import { signRequest } from '../../src/sim/sigv4/sign-request';
import { createTestClock } from '../support/cloud-handler';
import {
  clientConfig,
  enhancedFlow,
  failure,
  s3For,
  signInToUserPool,
  stsFor,
  userPoolLoginKey,
} from './pipeline-support';

/**
 * The whole pipeline, end to end, through the official SDK clients: a person signs in (user pool,
 * Google, SAML or as a guest), becomes AWS credentials (enhanced or basic flow, or STS directly), and
 * those credentials are allowed or denied by S3, SSM and API Gateway exactly by their policies.
 */
async function setup() {
  const clock = createTestClock();
  const cloud = await createCloud({ now: clock.now });
  return { clock, cloud };
}

describe('pipeline: user pool user, enhanced flow', () => {
  it('turns alice into role credentials chosen from her groups, scoped to her own private prefix', async () => {
    const { cloud, clock } = await setup();
    const tokens = await signInToUserPool(cloud, clock, 0);
    const { identityId, credentials, expiration } = await enhancedFlow(cloud, clock, {
      [userPoolLoginKey(cloud)]: tokens.idToken,
    });
    expect(identityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    expect(credentials.accessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(expiration.getTime()).toBe(clock.now() + 3600_000);

    const who = await stsFor(cloud, clock, credentials).send(new GetCallerIdentityCommand({}));
    // alice is in admins (precedence 1): token-based role mapping picks cognito:preferred_role.
    expect(who.Arn).toBe(
      `arn:aws:sts::${cloud.demo.accountId}:assumed-role/AtlasAdminsRole/CognitoIdentityCredentials`,
    );

    const s3 = s3For(cloud, clock, credentials);
    const read = await s3.send(
      new GetObjectCommand({ Bucket: cloud.demo.bucket, Key: 'public/welcome.txt' }),
    );
    expect(await read.Body?.transformToString()).toContain('Welcome to Identity Atlas');
    await s3.send(
      new PutObjectCommand({
        Bucket: cloud.demo.bucket,
        Key: `private/${identityId}/notes.txt`,
        Body: 'mine',
      }),
    );
    const mine = await s3.send(
      new GetObjectCommand({ Bucket: cloud.demo.bucket, Key: `private/${identityId}/notes.txt` }),
    );
    expect(await mine.Body?.transformToString()).toBe('mine');

    const other = await failure(() =>
      s3.send(
        new PutObjectCommand({
          Bucket: cloud.demo.bucket,
          Key: 'private/us-east-1:00000000-0000-4000-8000-000000000000/x.txt',
          Body: 'x',
        }),
      ),
    );
    expect(other).toMatchObject({ name: 'AccessDenied', status: 403 });
  });

  it('keeps the same identity for the same login', async () => {
    const { cloud, clock } = await setup();
    const a = await signInToUserPool(cloud, clock, 1);
    clock.advance(60_000);
    const b = await signInToUserPool(cloud, clock, 1);
    const first = await enhancedFlow(cloud, clock, { [userPoolLoginKey(cloud)]: a.idToken });
    const second = await enhancedFlow(cloud, clock, { [userPoolLoginKey(cloud)]: b.idToken });
    expect(second.identityId).toBe(first.identityId);
  });
});

describe('pipeline: guests', () => {
  it('enhanced flow: reads public/, cannot write another identity’s prefix, and the scope-down denies SSM', async () => {
    const { cloud, clock } = await setup();
    const guest = await enhancedFlow(cloud, clock);
    const who = await stsFor(cloud, clock, guest.credentials).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe(
      `arn:aws:sts::${cloud.demo.accountId}:assumed-role/AtlasGuestRole/CognitoIdentityCredentials`,
    );
    const s3 = s3For(cloud, clock, guest.credentials);
    const read = await s3.send(
      new GetObjectCommand({ Bucket: cloud.demo.bucket, Key: 'public/welcome.txt' }),
    );
    expect(read.$metadata.httpStatusCode).toBe(200);
    const write = await failure(() =>
      s3.send(
        new PutObjectCommand({
          Bucket: cloud.demo.bucket,
          Key: 'private/us-east-1:11111111-1111-4111-8111-111111111111/x',
          Body: 'x',
        }),
      ),
    );
    expect(write).toMatchObject({ name: 'AccessDenied', status: 403 });

    const ssm = new SSMClient(clientConfig(cloud, clock, guest.credentials));
    const denied = await failure(() => ssm.send(new GetParameterCommand({ Name: '/atlas/public/greeting' })));
    expect(denied.name).toBe('AccessDeniedException');
    expect(denied.message).toContain('because no session policy allows the ssm:GetParameter action');
  });

  it('basic flow: GetOpenIdToken then AssumeRoleWithWebIdentity carries no scope-down, so SSM is allowed', async () => {
    const { cloud, clock } = await setup();
    const identity = new CognitoIdentityClient(clientConfig(cloud, clock));
    const { IdentityId } = await identity.send(
      new GetIdCommand({ IdentityPoolId: cloud.demo.classicIdentityPool.id }),
    );
    const { Token } = await identity.send(new GetOpenIdTokenCommand({ IdentityId }));
    const assumed = await stsFor(cloud, clock).send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: cloud.demo.classicIdentityPool.unauthenticatedRoleArn,
        RoleSessionName: 'basic-flow-guest',
        WebIdentityToken: Token,
      }),
    );
    expect(assumed.SubjectFromWebIdentityToken).toBe(IdentityId);
    expect(assumed.Audience).toBe(cloud.demo.classicIdentityPool.id);
    const c = assumed.Credentials;
    const ssm = new SSMClient(
      clientConfig(cloud, clock, {
        accessKeyId: c?.AccessKeyId as string,
        secretAccessKey: c?.SecretAccessKey as string,
        sessionToken: c?.SessionToken,
      }),
    );
    const out = await ssm.send(new GetParameterCommand({ Name: '/atlas/public/greeting' }));
    expect(out.Parameter?.Name).toBe('/atlas/public/greeting');
  });

  it('a guest OpenID token cannot assume the authenticated role (amr condition in its trust policy)', async () => {
    const { cloud, clock } = await setup();
    const identity = new CognitoIdentityClient(clientConfig(cloud, clock));
    const { IdentityId } = await identity.send(
      new GetIdCommand({ IdentityPoolId: cloud.demo.classicIdentityPool.id }),
    );
    const { Token } = await identity.send(new GetOpenIdTokenCommand({ IdentityId }));
    const refused = await failure(() =>
      stsFor(cloud, clock).send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: cloud.demo.classicIdentityPool.authenticatedRoleArn,
          RoleSessionName: 'x1',
          WebIdentityToken: Token,
        }),
      ),
    );
    expect(refused).toMatchObject({ name: 'AccessDenied', status: 403 });
  });
});

describe('pipeline: Google and SAML', () => {
  it('a Google user goes straight to the identity pool and reads public/', async () => {
    const { cloud, clock } = await setup();
    const google = cloud.demo.google.users[0];
    const idToken = await cloud.demo.google.signIn(google?.username as string, google?.password as string);
    const { credentials } = await enhancedFlow(cloud, clock, { 'accounts.google.com': idToken });
    const who = await stsFor(cloud, clock, credentials).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe(
      `arn:aws:sts::${cloud.demo.accountId}:assumed-role/AtlasAuthenticatedRole/CognitoIdentityCredentials`,
    );
    const read = await s3For(cloud, clock, credentials).send(
      new GetObjectCommand({ Bucket: cloud.demo.bucket, Key: 'public/welcome.txt' }),
    );
    expect(read.$metadata.httpStatusCode).toBe(200);
  });

  it('a Google ID token assumes the web identity role directly with STS', async () => {
    const { cloud, clock } = await setup();
    const google = cloud.demo.google.users[0];
    const idToken = await cloud.demo.google.signIn(google?.username as string, google?.password as string);
    const out = await stsFor(cloud, clock).send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: cloud.demo.webIdentityRoleArn,
        RoleSessionName: 'carol',
        WebIdentityToken: idToken,
      }),
    );
    expect(out.Provider).toBe('accounts.google.com');
    expect(out.Audience).toBe(cloud.demo.google.clientId);
    expect(out.AssumedRoleUser?.Arn).toBe(
      `arn:aws:sts::${cloud.demo.accountId}:assumed-role/AtlasWebIdentityRole/carol`,
    );
  });

  it('a SAML user assumes the SAML role; the same still-valid assertion works again, as on AWS', async () => {
    const { cloud, clock } = await setup();
    const dave = cloud.demo.saml.users[0];
    const assertion = await cloud.demo.saml.signIn(dave?.username as string, dave?.password as string);
    const sts = stsFor(cloud, clock);
    const input = {
      RoleArn: cloud.demo.saml.roleArn,
      PrincipalArn: cloud.demo.saml.providerArn,
      SAMLAssertion: assertion,
    };
    const out = await sts.send(new AssumeRoleWithSAMLCommand(input));
    expect(out.AssumedRoleUser?.Arn).toMatch(
      new RegExp(`^arn:aws:sts::${cloud.demo.accountId}:assumed-role/AtlasSamlRole/`),
    );
    expect(out.Audience).toBe('https://signin.aws.amazon.com/saml');
    const again = await sts.send(new AssumeRoleWithSAMLCommand(input));
    expect(again.AssumedRoleUser?.Arn).toBe(out.AssumedRoleUser?.Arn);
    const c = out.Credentials;
    const read = await s3For(cloud, clock, {
      accessKeyId: c?.AccessKeyId as string,
      secretAccessKey: c?.SecretAccessKey as string,
      sessionToken: c?.SessionToken,
    }).send(new GetObjectCommand({ Bucket: cloud.demo.bucket, Key: 'public/welcome.txt' }));
    expect(read.$metadata.httpStatusCode).toBe(200);
  });
});

describe('pipeline: API Gateway and what survives sign-out', () => {
  it('GET /me takes the ID token, GET /iam takes identity credentials', async () => {
    const { cloud, clock } = await setup();
    const tokens = await signInToUserPool(cloud, clock, 0);
    const me = await cloud.fetch(
      new Request(`${cloud.demo.api.url}/me`, { headers: { authorization: tokens.idToken } }),
    );
    expect(me.status).toBe(200);
    const { credentials, identityId } = await enhancedFlow(cloud, clock, {
      [userPoolLoginKey(cloud)]: tokens.idToken,
    });
    const signed = await signRequest(new Request(`${cloud.demo.api.url}/iam`), credentials, {
      service: 'execute-api',
      region: cloud.demo.region,
      now: clock.now(),
    });
    const iam = await cloud.fetch(signed);
    expect(iam.status).toBe(200);
    const body = (await iam.json()) as { requestContext?: { identity?: Record<string, unknown> } };
    expect(body.requestContext?.identity?.cognitoIdentityId).toBe(identityId);
    const unsigned = await cloud.fetch(new Request(`${cloud.demo.api.url}/iam`));
    expect(unsigned.status).toBe(403);
    expect(await unsigned.json()).toEqual({ message: 'Missing Authentication Token' });
  });

  it('after GlobalSignOut Cognito refuses the access token, but the ID token and AWS credentials keep working until they expire', async () => {
    const { cloud, clock } = await setup();
    const tokens = await signInToUserPool(cloud, clock, 0);
    const { credentials } = await enhancedFlow(cloud, clock, { [userPoolLoginKey(cloud)]: tokens.idToken });
    const idp = new CognitoIdentityProviderClient(clientConfig(cloud, clock));
    await idp.send(new GlobalSignOutCommand({ AccessToken: tokens.accessToken }));

    const getUser = await failure(() => idp.send(new GetUserCommand({ AccessToken: tokens.accessToken })));
    expect(getUser).toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Access Token has been revoked',
    });
    const me = await cloud.fetch(
      new Request(`${cloud.demo.api.url}/me`, { headers: { authorization: tokens.idToken } }),
    );
    expect(me.status).toBe(200);
    const still = await stsFor(cloud, clock, credentials).send(new GetCallerIdentityCommand({}));
    expect(still.Arn).toContain('CognitoIdentityCredentials');

    clock.advance(3600_000);
    const expired = await failure(() =>
      stsFor(cloud, clock, credentials).send(new GetCallerIdentityCommand({})),
    );
    expect(expired).toMatchObject({ name: 'ExpiredToken', status: 403 });
    const meLater = await cloud.fetch(
      new Request(`${cloud.demo.api.url}/me`, { headers: { authorization: tokens.idToken } }),
    );
    expect(meLater.status).toBe(401);
  });
});
