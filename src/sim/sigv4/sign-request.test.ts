/** signRequest must produce exactly what the SDK's signer (@smithy/signature-v4) produces for the same input. */
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { signRequest } from './sign-request';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
const creds = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE',
};

function smithy(service: string, region: string) {
  return new SignatureV4({
    credentials: creds,
    region,
    service,
    sha256: Sha256,
    uriEscapePath: service !== 's3',
  });
}

describe('signRequest', () => {
  it('signs an STS POST exactly as @smithy/signature-v4 does', async () => {
    const body = 'Action=GetCallerIdentity&Version=2011-06-15';
    const headers = {
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      'x-amz-user-agent': 'test',
    };
    const theirs = await smithy('sts', 'us-east-1').sign(
      new HttpRequest({
        method: 'POST',
        protocol: 'https:',
        hostname: 'sts.amazonaws.com',
        path: '/',
        headers: { ...headers, host: 'sts.amazonaws.com' },
        body,
      }),
      { signingDate: new Date(NOW) },
    );
    const ours = await signRequest(
      new Request('https://sts.amazonaws.com/', { method: 'POST', headers, body }),
      creds,
      { service: 'sts', region: 'us-east-1', now: NOW },
    );
    const expected = Object.fromEntries(Object.entries(theirs.headers).filter(([k]) => k !== 'host'));
    expect(Object.fromEntries(ours.headers)).toEqual(expected);
  });

  it('signs an S3 GET with an encoded key and UNSIGNED-PAYLOAD as @smithy/signature-v4 does', async () => {
    const path = '/bucket/private/us-east-1%3Aabc/photo%20%281%29.jpg';
    const theirs = await smithy('s3', 'us-east-1').sign(
      new HttpRequest({
        method: 'GET',
        protocol: 'https:',
        hostname: 's3.us-east-1.amazonaws.com',
        path,
        query: { 'x-id': 'GetObject' },
        headers: { host: 's3.us-east-1.amazonaws.com', 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
      }),
      { signingDate: new Date(NOW) },
    );
    const ours = await signRequest(
      new Request(`https://s3.us-east-1.amazonaws.com${path}?x-id=GetObject`),
      creds,
      {
        service: 's3',
        region: 'us-east-1',
        now: NOW,
        unsignedPayload: true,
      },
    );
    expect(ours.headers.get('authorization')).toBe(theirs.headers.authorization);
  });

  it('presigns exactly as @smithy/signature-v4 does', async () => {
    const theirs = await smithy('sts', 'us-east-1').presign(
      new HttpRequest({
        method: 'GET',
        protocol: 'https:',
        hostname: 'sts.amazonaws.com',
        path: '/',
        query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
        headers: { host: 'sts.amazonaws.com' },
      }),
      { signingDate: new Date(NOW), expiresIn: 300 },
    );
    const ours = await signRequest(
      new Request('https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15'),
      creds,
      {
        service: 'sts',
        region: 'us-east-1',
        now: NOW,
        presignExpiresIn: 300,
      },
    );
    expect(Object.fromEntries(new URL(ours.url).searchParams)).toEqual(theirs.query);
  });
});
