/**
 * Hostile requests at the wire: STS over the Query protocol (durations, session policies, SAML), and
 * SigV4 (wrong secret, skewed clock, tampered header, missing session token); the JSON 1.1 envelope is
 * in json-envelopes.test.ts. Every refusal is AWS's own error in the protocol's own shape, and changes
 * nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Cloud } from '../../src/sim/index';
import { signRequest } from '../../src/sim/sigv4/sign-request';
import {
  changedPaths,
  hostileCloud,
  identity,
  send,
  signIn,
  stateOf,
  userPoolLogin,
} from './hostile-support';

const STS = 'https://sts.amazonaws.com/';

/** The Query protocol's error envelope, parsed. */
function queryError(text: string) {
  const pick = (tag: string) => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(text)?.[1];
  return {
    envelope: text.includes('<ErrorResponse'),
    type: pick('Type'),
    code: pick('Code'),
    message: pick('Message'),
    requestId: pick('RequestId'),
  };
}

function form(params: Record<string, string>) {
  return new URLSearchParams({ Version: '2011-06-15', ...params }).toString();
}

/** An unsigned STS call (AssumeRoleWithSAML / WithWebIdentity) or one signed by `creds`. */
async function sts(
  cloud: Cloud,
  params: Record<string, string>,
  creds?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
  at?: number,
) {
  const request = new Request(STS, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: form(params),
  });
  const ready = creds
    ? await signRequest(request, creds, { service: 'sts', region: 'us-east-1', now: at ?? 0 })
    : request;
  return send(cloud, ready);
}

const userCreds = (cloud: Cloud) => ({
  accessKeyId: cloud.demo.iamUser.accessKeyId,
  secretAccessKey: cloud.demo.iamUser.secretAccessKey,
});

describe('hostile STS calls (Query protocol)', () => {
  it('refuses out-of-range DurationSeconds with ValidationError in the Query error envelope', async () => {
    const { cloud, clock } = await hostileCloud();
    const before = stateOf(cloud);
    for (const seconds of ['899', '43201', '-1']) {
      const r = await sts(
        cloud,
        {
          Action: 'AssumeRole',
          RoleArn: cloud.demo.assumableRoleArn,
          RoleSessionName: 'hostile',
          DurationSeconds: seconds,
        },
        userCreds(cloud),
        clock.now(),
      );
      expect({ seconds, status: r.status, ...queryError(r.text) }).toMatchObject({
        seconds,
        status: 400,
        envelope: true,
        type: 'Sender',
        code: 'ValidationError',
      });
    }
    expect(changedPaths(before, stateOf(cloud))).toEqual([]);
  });

  it('refuses a malformed session policy with MalformedPolicyDocument and an oversized one with PackedPolicyTooLarge or a length error', async () => {
    const { cloud, clock } = await hostileCloud();
    const before = stateOf(cloud);
    const base = { Action: 'AssumeRole', RoleArn: cloud.demo.assumableRoleArn, RoleSessionName: 'hostile' };
    const malformed = await sts(
      cloud,
      { ...base, Policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Maybe"' },
      userCreds(cloud),
      clock.now(),
    );
    expect({ status: malformed.status, ...queryError(malformed.text) }).toMatchObject({
      status: 400,
      code: 'MalformedPolicyDocument',
    });
    const statements = Array.from({ length: 40 }, (_, i) => ({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: `arn:aws:s3:::bucket-${i}/*`,
    }));
    const big = await sts(
      cloud,
      { ...base, Policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }) },
      userCreds(cloud),
      clock.now(),
    );
    expect(big.status).toBe(400);
    expect(['PackedPolicyTooLarge', 'ValidationError']).toContain(queryError(big.text).code);
    expect(changedPaths(before, stateOf(cloud))).toEqual([]);
  });

  it('refuses an expired SAML assertion and an altered one without minting anything (a still-valid replay is accepted, as on AWS)', async () => {
    const { cloud, clock } = await hostileCloud();
    const saml = cloud.demo.saml;
    const user = saml.users[0] as { username: string; password: string };
    const assertion = await saml.signIn(user.username, user.password);
    const params = {
      Action: 'AssumeRoleWithSAML',
      RoleArn: saml.roleArn,
      PrincipalArn: saml.providerArn,
      SAMLAssertion: assertion,
    };
    expect((await sts(cloud, params)).status).toBe(200);
    // AWS STS does not remember assertions (Versent/saml2aws#526): the same one works again.
    expect((await sts(cloud, params)).status).toBe(200);
    const xml = Buffer.from(assertion, 'base64').toString('utf8');
    const altered = xml.replace(user.username, `${user.username}-admin`);
    expect(altered).not.toBe(xml);
    const afterAccepted = stateOf(cloud);
    const r = await sts(cloud, { ...params, SAMLAssertion: Buffer.from(altered).toString('base64') });
    expect({ status: r.status, ...queryError(r.text) }).toMatchObject({
      status: 400,
      code: 'InvalidIdentityToken',
    });
    clock.advance(6 * 60_000);
    const late = await sts(cloud, params);
    expect({ status: late.status, ...queryError(late.text) }).toMatchObject({
      status: 400,
      code: 'ExpiredTokenException',
      message: 'Response has expired',
    });
    expect(changedPaths(afterAccepted, stateOf(cloud))).toEqual([]);
  });

  it('never expands XML entities in a SAML response', async () => {
    const { cloud } = await hostileCloud();
    const saml = cloud.demo.saml;
    const user = saml.users[0] as { username: string; password: string };
    const xml = Buffer.from(await saml.signIn(user.username, user.password), 'base64').toString('utf8');
    const bomb = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]>${xml.replace(/^<\?xml[^>]*>/, '').replace(user.username, '&c;&xxe;')}`;
    const before = stateOf(cloud);
    const r = await sts(cloud, {
      Action: 'AssumeRoleWithSAML',
      RoleArn: saml.roleArn,
      PrincipalArn: saml.providerArn,
      SAMLAssertion: Buffer.from(bomb).toString('base64'),
    });
    expect({ status: r.status, ...queryError(r.text) }).toMatchObject({
      status: 400,
      code: 'InvalidIdentityToken',
    });
    expect(r.text).not.toContain('root:');
    expect(r.text).not.toContain('aaaaaaaaaaaaaaaaaaaa');
    expect(changedPaths(before, stateOf(cloud))).toEqual([]);
  });

  it('refuses a web identity token that is not a JWT', async () => {
    const { cloud } = await hostileCloud();
    const before = stateOf(cloud);
    const r = await sts(cloud, {
      Action: 'AssumeRoleWithWebIdentity',
      RoleArn: cloud.demo.webIdentityRoleArn,
      RoleSessionName: 'x1',
      WebIdentityToken: 'garbage-garbage',
    });
    expect({ status: r.status, ...queryError(r.text) }).toMatchObject({
      status: 400,
      code: 'InvalidIdentityToken',
    });
    expect(changedPaths(before, stateOf(cloud))).toEqual([]);
  });
});

describe('hostile SigV4', () => {
  const callerIdentity = () =>
    new Request(STS, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: form({ Action: 'GetCallerIdentity' }),
    });

  it('refuses a signature made with the wrong secret: SignatureDoesNotMatch 403', async () => {
    const { cloud, clock } = await hostileCloud();
    const before = stateOf(cloud);
    const signed = await signRequest(
      callerIdentity(),
      { ...userCreds(cloud), secretAccessKey: 'wrong/secret/wrong/secret/wrong/secret00' },
      { service: 'sts', region: 'us-east-1', now: clock.now() },
    );
    const r = await send(cloud, signed);
    expect({ status: r.status, ...queryError(r.text) }).toMatchObject({
      status: 403,
      code: 'SignatureDoesNotMatch',
    });
    expect(changedPaths(before, stateOf(cloud))).toEqual([]);
  });

  it('refuses a request signed 16 minutes in the past or the future as skewed (STS allows 15)', async () => {
    const { cloud, clock } = await hostileCloud();
    const before = stateOf(cloud);
    for (const offset of [-16 * 60_000, 16 * 60_000]) {
      const signed = await signRequest(callerIdentity(), userCreds(cloud), {
        service: 'sts',
        region: 'us-east-1',
        now: clock.now() + offset,
      });
      const r = await send(cloud, signed);
      const e = queryError(r.text);
      expect({ offset, status: r.status, code: e.code }).toEqual({
        offset,
        status: 403,
        code: 'SignatureDoesNotMatch',
      });
      expect(e.message).toMatch(offset < 0 ? /^Signature expired: / : /^Signature not yet current: /);
    }
    expect(changedPaths(before, stateOf(cloud))).toEqual([]);
  });

  it('refuses a request whose signed header was changed after signing', async () => {
    const { cloud, clock } = await hostileCloud();
    const signed = await signRequest(callerIdentity(), userCreds(cloud), {
      service: 'sts',
      region: 'us-east-1',
      now: clock.now(),
    });
    const headers = new Headers(signed.headers);
    headers.set('x-amz-date', headers.get('x-amz-date')?.replace(/\d{2}Z$/, '59Z') ?? '');
    const tampered = new Request(signed.url, { method: 'POST', headers, body: await signed.text() });
    const before = stateOf(cloud);
    const r = await send(cloud, tampered);
    expect({ status: r.status, code: queryError(r.text).code }).toEqual({
      status: 403,
      code: 'SignatureDoesNotMatch',
    });
    expect(changedPaths(before, stateOf(cloud))).toEqual([]);
  });

  it('refuses a tampered body under a good signature (S3 GetObject of another key is not the signed request)', async () => {
    const { cloud, clock } = await hostileCloud();
    const creds = await identityCredentials(cloud);
    const signed = await signRequest(
      new Request(`https://${cloud.demo.bucket}.s3.${cloud.demo.region}.amazonaws.com/public/welcome.txt`),
      creds,
      { service: 's3', region: cloud.demo.region, now: clock.now() },
    );
    const moved = new Request(signed.url.replace('welcome.txt', 'guides/sigv4.txt'), {
      headers: signed.headers,
    });
    const before = stateOf(cloud);
    const r = await send(cloud, moved);
    expect(r.status).toBe(403);
    expect(r.text).toContain('<Code>SignatureDoesNotMatch</Code>');
    expect(changedPaths(before, stateOf(cloud))).toEqual([]);
  });

  it('refuses temporary credentials sent without their session token', async () => {
    const { cloud, clock } = await hostileCloud();
    const creds = await identityCredentials(cloud);
    const before = stateOf(cloud);
    const signed = await signRequest(
      new Request(`https://${cloud.demo.bucket}.s3.${cloud.demo.region}.amazonaws.com/public/welcome.txt`),
      { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey },
      { service: 's3', region: cloud.demo.region, now: clock.now() },
    );
    const r = await send(cloud, signed);
    // A temporary key without its token is, to S3, a key it does not know (many public reports of a
    // forgotten AWS_SESSION_TOKEN show exactly this error naming the ASIA key).
    expect(r.text).toMatch(/^<\?xml[^>]*>\s*<Error><Code>InvalidAccessKeyId<\/Code>/);
    expect(r.text).toContain(`<AWSAccessKeyId>${creds.accessKeyId}</AWSAccessKeyId>`);
    expect(r.status).toBe(403);
    expect(r.text).not.toContain('Welcome');
    expect(changedPaths(before, stateOf(cloud))).toEqual([]);
  });

  it('refuses an unknown access key id', async () => {
    const { cloud, clock } = await hostileCloud();
    const before = stateOf(cloud);
    const signed = await signRequest(
      callerIdentity(),
      { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
      { service: 'sts', region: 'us-east-1', now: clock.now() },
    );
    const r = await send(cloud, signed);
    expect({ status: r.status, code: queryError(r.text).code }).toEqual({
      status: 403,
      code: 'InvalidClientTokenId',
    });
    expect(changedPaths(before, stateOf(cloud))).toEqual([]);
  });
});

/** Guest-free credentials of alice's identity (enhanced flow). */
async function identityCredentials(cloud: Cloud) {
  const tokens = await signIn(cloud);
  const Logins = { [userPoolLogin(cloud)]: tokens.IdToken };
  const { IdentityId } = (
    await identity(cloud, 'GetId', { IdentityPoolId: cloud.demo.identityPool.id, Logins })
  ).json as { IdentityId: string };
  const c = (await identity(cloud, 'GetCredentialsForIdentity', { IdentityId, Logins })).json
    ?.Credentials as Record<string, string>;
  return {
    accessKeyId: c.AccessKeyId as string,
    secretAccessKey: c.SecretKey as string,
    sessionToken: c.SessionToken as string,
  };
}
