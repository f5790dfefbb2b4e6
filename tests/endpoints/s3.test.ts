import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { Crc32 } from '@aws-sdk/checksums/crc';
import { describe, expect, it } from 'vitest';
import { createTestClock, sdkConfig } from '../support/cloud-handler';
import { DEMO_WELCOME_TEXT } from '../../src/sim/demo/s3';
import { createEndpointWorld, type FixtureCredentials } from './fixtures';

async function setup() {
  const clock = createTestClock();
  const w = await createEndpointWorld(clock.now);
  // The SDK signs with its own clock; shift it onto the simulation clock.
  const s3 = (creds: FixtureCredentials, extra: Record<string, unknown> = {}) =>
    new S3Client({ ...sdkConfig(w.cloud, creds), systemClockOffset: clock.now() - Date.now(), ...extra });
  return { clock, w, s3 };
}

async function failure(promise: Promise<unknown>): Promise<S3ServiceException> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof S3ServiceException) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('s3 GetObject', () => {
  it('lets an enhanced-flow guest read public/ (S3 is inside the scope-down list)', async () => {
    const { w, s3 } = await setup();
    const out = await s3(w.guestEnhanced).send(
      new GetObjectCommand({ Bucket: w.bucket, Key: 'public/welcome.txt' }),
    );
    expect(await out.Body?.transformToString()).toBe(DEMO_WELCOME_TEXT);
    expect(out.ContentType).toBe('text/plain');
    expect(out.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(out.ServerSideEncryption).toBe('AES256');
    // SDK v3 asks for checksums by default and validated the CRC64NVME S3 returned.
    expect(out.ChecksumCRC64NVME).toMatch(/^[A-Za-z0-9+/]{11}=$/);
    const decision = w.events.find((e) => e.kind === 'iam.decision');
    expect(decision?.summary).toBe(
      `Allow: ${w.guestEnhanced.arn} → s3:GetObject on arn:aws:s3:::${w.bucket}/public/welcome.txt`,
    );
    expect(w.events.find((e) => e.kind === 'http.response')?.summary).toBe('200');
  });

  it('refuses a guest outside public/ with S3 explaining the implicit deny', async () => {
    const { w, s3 } = await setup();
    const err = await failure(
      s3(w.guestBasic).send(new GetObjectCommand({ Bucket: w.bucket, Key: 'private/someone/x.txt' })),
    );
    expect(err.name).toBe('AccessDenied');
    expect(err.$metadata.httpStatusCode).toBe(403);
    expect(err.message).toBe(
      `User: ${w.guestBasic.arn} is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::${w.bucket}/private/someone/x.txt" because no identity-based policy allows the s3:GetObject action`,
    );
    expect(err.$metadata.requestId).toMatch(/^[A-Z0-9]{16}$/);
  });

  it('answers NoSuchKey to a caller allowed s3:ListBucket and AccessDenied to one who is not', async () => {
    const { w, s3 } = await setup();
    const missing = await failure(
      s3(w.user).send(new GetObjectCommand({ Bucket: w.bucket, Key: 'public/nope.txt' })),
    );
    expect(missing.name).toBe('NoSuchKey');
    expect(missing.$metadata.httpStatusCode).toBe(404);
    expect(missing.message).toBe('The specified key does not exist.');
    // The guest role's ListBucket is limited to s3:prefix public/*, so a bare ListBucket check fails.
    const hidden = await failure(
      s3(w.guestBasic).send(new GetObjectCommand({ Bucket: w.bucket, Key: 'public/nope.txt' })),
    );
    expect(hidden.name).toBe('AccessDenied');
    expect(hidden.$metadata.httpStatusCode).toBe(403);
    expect(hidden.message).toBe('Access Denied');
    const decisions = w.events.filter((e) => e.kind === 'iam.decision').map((e) => e.summary.split(':')[0]);
    expect(decisions.slice(-2)).toEqual(['Allow', 'ImplicitDeny']); // GetObject allowed, the ListBucket check not
  });

  it('refuses anonymous requests unless a bucket policy allows them', async () => {
    const { w } = await setup();
    const response = await w.cloud.fetch(
      new Request(`https://${w.bucket}.s3.us-east-1.amazonaws.com/public/welcome.txt`),
    );
    expect(response.status).toBe(403);
    const text = await response.text();
    expect(text).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<Error><Code>AccessDenied<\/Code><Message>Access Denied<\/Message><RequestId>[A-Z0-9]{16}<\/RequestId><HostId>[A-Za-z0-9+/=]{76}<\/HostId><\/Error>$/,
    );
    expect(response.headers.get('x-amz-request-id')).toMatch(/^[A-Z0-9]{16}$/);
  });

  it('denies everything over plain HTTP through the bucket policy', async () => {
    const { w, s3 } = await setup();
    const client = s3(w.user, { endpoint: 'http://s3.us-east-1.amazonaws.com', forcePathStyle: true });
    const err = await failure(
      client.send(new GetObjectCommand({ Bucket: w.bucket, Key: 'public/welcome.txt' })),
    );
    expect(err.name).toBe('AccessDenied');
    expect(err.message).toBe(
      `User: ${w.user.arn} is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::${w.bucket}/public/welcome.txt" with an explicit deny in a resource-based policy`,
    );
  });

  it('serves path-style and legacy global hosts the same object', async () => {
    const { w, s3 } = await setup();
    for (const endpoint of ['https://s3.us-east-1.amazonaws.com', 'https://s3.amazonaws.com']) {
      const out = await s3(w.user, { endpoint, forcePathStyle: true }).send(
        new GetObjectCommand({ Bucket: w.bucket, Key: 'public/welcome.txt' }),
      );
      expect(await out.Body?.transformToString()).toBe(DEMO_WELCOME_TEXT);
    }
  });

  it('reports NoSuchBucket with the bucket name', async () => {
    const { w } = await setup();
    const response = await w.cloud.fetch(
      new Request('https://s3.us-east-1.amazonaws.com/no-such-bucket-here/x'),
    );
    expect(response.status).toBe(404);
    expect(await response.text()).toContain(
      '<Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message><BucketName>no-such-bucket-here</BucketName>',
    );
  });
});

describe('s3 PutObject', () => {
  it("stores an object in the caller's own private prefix, validates the SDK's CRC32 and echoes it", async () => {
    const { w, s3 } = await setup();
    const key = `private/${w.alice.identityId}/notes.txt`;
    const put = await s3(w.alice).send(
      new PutObjectCommand({
        Bucket: w.bucket,
        Key: key,
        Body: 'hello alice',
        ContentType: 'text/plain',
        Metadata: { color: 'blue' },
      }),
    );
    expect(put.ETag).toBe(`"${createHash('md5').update('hello alice').digest('hex')}"`);
    const crc = new Crc32();
    crc.update(new TextEncoder().encode('hello alice'));
    expect(put.ChecksumCRC32).toBe(Buffer.from(await crc.digest()).toString('base64'));
    const head = await s3(w.alice).send(new HeadObjectCommand({ Bucket: w.bucket, Key: key }));
    expect(head.ContentLength).toBe(11);
    expect(head.Metadata).toEqual({ color: 'blue' });
    expect(head.ETag).toBe(put.ETag);
  });

  it("refuses a write into another identity's private prefix", async () => {
    const { w, s3 } = await setup();
    const key = `private/${w.alice.identityId}/evil.txt`;
    const err = await failure(
      s3(w.bob).send(new PutObjectCommand({ Bucket: w.bucket, Key: key, Body: 'x' })),
    );
    expect(err.name).toBe('AccessDenied');
    // The bucket policy's explicit deny is reported before the missing identity-based Allow.
    expect(err.message).toBe(
      `User: ${w.bob.arn} is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::${w.bucket}/${key}" with an explicit deny in a resource-based policy`,
    );
    const decision = w.events.filter((e) => e.kind === 'iam.decision').at(-1)?.detail as {
      result: { decision: string; deniedBy: { name: string; sid: string } };
    };
    expect(decision.result.decision).toBe('ExplicitDeny');
    expect(decision.result.deniedBy).toMatchObject({
      name: 'bucket policy',
      sid: 'DenyWritesOutsidePublicAndOwnPrivatePrefix',
    });
  });

  it('refuses a guest write even to public/', async () => {
    const { w, s3 } = await setup();
    const err = await failure(
      s3(w.guestEnhanced).send(
        new PutObjectCommand({ Bucket: w.bucket, Key: 'public/graffiti.txt', Body: 'x' }),
      ),
    );
    expect(err.name).toBe('AccessDenied');
    expect(err.message).toContain('because no identity-based policy allows the s3:PutObject action');
  });

  it('fails with BadDigest when the checksum does not match the body', async () => {
    const { w, s3 } = await setup();
    const err = await failure(
      s3(w.user).send(
        new PutObjectCommand({
          Bucket: w.bucket,
          Key: 'public/x.txt',
          Body: 'abc',
          ChecksumCRC32: 'AAAAAA==',
        }),
      ),
    );
    expect(err.name).toBe('BadDigest');
    expect(err.message).toBe('The CRC32 you specified did not match the calculated checksum.');
  });

  it('deletes with 204 and then reports NoSuchKey', async () => {
    const { w, s3 } = await setup();
    await s3(w.user).send(new PutObjectCommand({ Bucket: w.bucket, Key: 'public/tmp.txt', Body: 'tmp' }));
    const del = await s3(w.user).send(new DeleteObjectCommand({ Bucket: w.bucket, Key: 'public/tmp.txt' }));
    expect(del.$metadata.httpStatusCode).toBe(204);
    const head = await failure(
      s3(w.user).send(new HeadObjectCommand({ Bucket: w.bucket, Key: 'public/tmp.txt' })),
    );
    expect(head.name).toBe('NotFound'); // HEAD errors have no body: the SDK names them by status
    expect(head.$metadata.httpStatusCode).toBe(404);
  });
});

describe('s3 ListObjectsV2', () => {
  it('lists public/ with CommonPrefixes for the guest whose role allows that prefix', async () => {
    const { w, s3 } = await setup();
    const out = await s3(w.guestEnhanced).send(
      new ListObjectsV2Command({ Bucket: w.bucket, Prefix: 'public/', Delimiter: '/' }),
    );
    expect(out.Contents?.map((c) => c.Key)).toEqual(['public/welcome.txt']);
    expect(out.CommonPrefixes).toEqual([{ Prefix: 'public/guides/' }]);
    expect(out.KeyCount).toBe(2);
    expect(out.IsTruncated).toBe(false);
    const decision = w.events.find((e) => e.kind === 'iam.decision')?.detail as {
      context: Record<string, unknown>;
    };
    expect(decision.context).toMatchObject({ 's3:prefix': 'public/', 's3:delimiter': '/' });
  });

  it('refuses a listing outside the allowed prefix', async () => {
    const { w, s3 } = await setup();
    const err = await failure(
      s3(w.guestEnhanced).send(new ListObjectsV2Command({ Bucket: w.bucket, Prefix: 'private/' })),
    );
    expect(err.name).toBe('AccessDenied');
    expect(err.message).toBe(
      `User: ${w.guestEnhanced.arn} is not authorized to perform: s3:ListBucket on resource: "arn:aws:s3:::${w.bucket}" because no identity-based policy allows the s3:ListBucket action`,
    );
  });

  it('pages with max-keys and continuation tokens', async () => {
    const { w, s3 } = await setup();
    const client = s3(w.user);
    const keys: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await client.send(
        new ListObjectsV2Command({
          Bucket: w.bucket,
          Prefix: 'public/',
          MaxKeys: 2,
          ContinuationToken: token,
        }),
      );
      keys.push(...(page.Contents ?? []).map((c) => c.Key as string));
      token = page.NextContinuationToken;
      pages++;
    } while (token);
    expect(keys).toEqual([
      'public/guides/identity-pools.txt',
      'public/guides/sigv4.txt',
      'public/welcome.txt',
    ]);
    expect(pages).toBe(2);
  });
});
