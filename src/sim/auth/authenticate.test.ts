/**
 * SigV4 verification through the wire (STS, Query dialect): what the SDK's own signer produces is
 * accepted; every kind of bad signature is refused with STS's code, status and message.
 */
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { amzDate } from '../core/time';
import { asCreds, type Creds, sdkError, stsWorld } from '../services/sts/test-support';
import { signRequest } from '../sigv4/sign-request';

const BODY = 'Action=GetCallerIdentity&Version=2011-06-15';
const FORM = 'application/x-www-form-urlencoded; charset=utf-8';

function unsigned(body = BODY, host = 'sts.amazonaws.com') {
  return new Request(`https://${host}/`, { method: 'POST', headers: { 'content-type': FORM }, body });
}

async function xmlError(response: Response) {
  const xml = await response.text();
  const unxml = (t: string) =>
    t
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  const pick = (tag: string) => {
    const value = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml)?.[1];
    return value === undefined ? undefined : unxml(value);
  };
  return { status: response.status, type: pick('Type'), code: pick('Code'), message: pick('Message') };
}

const sign = (
  request: Request,
  creds: Creds,
  now: number,
  extra: Partial<Parameters<typeof signRequest>[2]> = {},
) => signRequest(request, creds, { service: 'sts', region: 'us-east-1', now, ...extra });

describe('SigV4 verification', () => {
  it('accepts a request signed by @smithy/signature-v4, the SDK signer', async () => {
    const { cloud, clock, user } = await stsWorld();
    const signer = new SignatureV4({
      credentials: user,
      region: 'us-east-1',
      service: 'sts',
      sha256: Sha256,
    });
    const signed = await signer.sign(
      new HttpRequest({
        method: 'POST',
        protocol: 'https:',
        hostname: 'sts.amazonaws.com',
        path: '/',
        headers: { host: 'sts.amazonaws.com', 'content-type': FORM },
        body: BODY,
      }),
      { signingDate: new Date(clock.now()) },
    );
    const headers = new Headers(signed.headers as Record<string, string>);
    headers.delete('host');
    const response = await cloud.fetch(
      new Request('https://sts.amazonaws.com/', { method: 'POST', headers, body: BODY }),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(`<Arn>${cloud.demo.iamUser.arn}</Arn>`);
  });

  it('refuses a signature made with the wrong secret, and explains it in the trace', async () => {
    const { cloud, clock, user, events } = await stsWorld();
    const response = await cloud.fetch(
      await sign(unsigned(), { ...user, secretAccessKey: 'x'.repeat(40) }, clock.now()),
    );
    expect(await xmlError(response)).toEqual({
      status: 403,
      type: 'Sender',
      code: 'SignatureDoesNotMatch',
      message:
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    });
    const trace = events.find((e) => e.kind === 'sigv4')?.detail as Record<string, unknown>;
    expect(trace.matched).toBe(false);
    expect(trace.canonicalRequest).toContain(
      'POST\n/\n\ncontent-type:application/x-www-form-urlencoded; charset=utf-8\nhost:sts.amazonaws.com\n',
    );
    expect(trace.expectedSignature).not.toBe(trace.providedSignature);
  });

  it('refuses a request whose signed header or body was changed after signing', async () => {
    const { cloud, clock, user } = await stsWorld();
    const signed = await sign(unsigned(), user, clock.now());
    const headers = new Headers(signed.headers);
    headers.set('content-type', 'application/x-www-form-urlencoded');
    const tamperedHeader = new Request(signed.url, { method: 'POST', headers, body: BODY });
    expect((await xmlError(await cloud.fetch(tamperedHeader))).code).toBe('SignatureDoesNotMatch');
    const tamperedBody = new Request(signed.url, {
      method: 'POST',
      headers: signed.headers,
      body: `${BODY}&Extra=1`,
    });
    expect((await xmlError(await cloud.fetch(tamperedBody))).code).toBe('SignatureDoesNotMatch');
  });

  it('refuses a clock more than 15 minutes behind or ahead (STS)', async () => {
    const { cloud, clock, user } = await stsWorld();
    const now = clock.now();
    const behind = now - 16 * 60_000;
    expect(await xmlError(await cloud.fetch(await sign(unsigned(), user, behind)))).toEqual({
      status: 403,
      type: 'Sender',
      code: 'SignatureDoesNotMatch',
      message: `Signature expired: ${amzDate(behind)} is now earlier than ${amzDate(now - 15 * 60_000)} (${amzDate(now)} - 15 min.)`,
    });
    const ahead = now + 16 * 60_000;
    expect((await xmlError(await cloud.fetch(await sign(unsigned(), user, ahead)))).message).toBe(
      `Signature not yet current: ${amzDate(ahead)} is still later than ${amzDate(now + 15 * 60_000)} (${amzDate(now)} + 15 min.)`,
    );
    expect((await cloud.fetch(await sign(unsigned(), user, now - 14 * 60_000))).status).toBe(200);
  });

  it('refuses an unknown access key, and a temporary key without or with the wrong session token', async () => {
    const { cloud, clock, user, sts } = await stsWorld();
    const invalid = {
      status: 403,
      type: 'Sender',
      code: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
    };
    expect(
      await xmlError(
        await cloud.fetch(
          await sign(unsigned(), { ...user, accessKeyId: 'AKIAUNKNOWNKEY000000' }, clock.now()),
        ),
      ),
    ).toEqual(invalid);
    const role = await sts(user).send(
      new AssumeRoleCommand({ RoleArn: cloud.demo.assumableRoleArn, RoleSessionName: 'tok' }),
    );
    const creds = asCreds(role.Credentials);
    expect(
      await xmlError(
        await cloud.fetch(await sign(unsigned(), { ...creds, sessionToken: undefined }, clock.now())),
      ),
    ).toEqual(invalid);
    expect(
      await xmlError(
        await cloud.fetch(
          await sign(unsigned(), { ...creds, sessionToken: `${creds.sessionToken}x` }, clock.now()),
        ),
      ),
    ).toEqual(invalid);
  });

  it('refuses expired temporary credentials with ExpiredToken', async () => {
    const { cloud, clock, user, sts } = await stsWorld();
    const role = await sts(user).send(
      new AssumeRoleCommand({
        RoleArn: cloud.demo.assumableRoleArn,
        RoleSessionName: 'exp',
        DurationSeconds: 900,
      }),
    );
    clock.advance(900_000);
    const err = await sdkError(() => sts(asCreds(role.Credentials)).send(new GetCallerIdentityCommand({})));
    expect(err).toEqual({
      name: 'ExpiredToken',
      status: 403,
      message: 'The security token included in the request is expired',
    });
  });

  it('refuses a request with no signature, and a malformed Authorization header', async () => {
    const { cloud } = await stsWorld();
    expect(await xmlError(await cloud.fetch(unsigned()))).toEqual({
      status: 403,
      type: 'Sender',
      code: 'MissingAuthenticationToken',
      message: 'Request is missing Authentication Token',
    });
    const malformed = unsigned();
    malformed.headers.set(
      'authorization',
      'AWS4-HMAC-SHA256 Credential=AKIA/20261126/us-east-1/sts/aws4_request',
    );
    const err = await xmlError(await cloud.fetch(malformed));
    expect({ status: err.status, code: err.code }).toEqual({ status: 400, code: 'IncompleteSignature' });
    expect(err.message).toContain("Authorization header requires 'Signature' parameter.");
  });

  it('refuses a credential scope for the wrong region or service', async () => {
    const { cloud, clock, user } = await stsWorld();
    const wrongRegion = await signRequest(unsigned(), user, {
      service: 'sts',
      region: 'eu-west-1',
      now: clock.now(),
    });
    expect((await xmlError(await cloud.fetch(wrongRegion))).message).toBe(
      "Credential should be scoped to a valid region, not 'eu-west-1'. ",
    );
    const wrongService = await signRequest(unsigned(), user, {
      service: 's3',
      region: 'us-east-1',
      now: clock.now(),
    });
    expect((await xmlError(await cloud.fetch(wrongService))).message).toBe(
      "Credential should be scoped to correct service: 'sts'. ",
    );
    // The Regional endpoint signs for its own region.
    const regional = await signRequest(unsigned(BODY, 'sts.eu-west-1.amazonaws.com'), user, {
      service: 'sts',
      region: 'eu-west-1',
      now: clock.now(),
    });
    expect((await cloud.fetch(regional)).status).toBe(200);
  });

  it('accepts a presigned GET until X-Amz-Expires, then refuses it', async () => {
    const { cloud, clock, user } = await stsWorld();
    const url = await sign(new Request(`https://sts.amazonaws.com/?${BODY}`), user, clock.now(), {
      presignExpiresIn: 60,
    });
    expect(new URL(url.url).searchParams.get('X-Amz-SignedHeaders')).toBe('host');
    expect((await cloud.fetch(new Request(url.url))).status).toBe(200);
    clock.advance(61_000);
    const err = await xmlError(await cloud.fetch(new Request(url.url)));
    expect({ status: err.status, code: err.code }).toEqual({ status: 403, code: 'SignatureDoesNotMatch' });
    expect(err.message).toMatch(/^Signature expired: /);
  });
});
