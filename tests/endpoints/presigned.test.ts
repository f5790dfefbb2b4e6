import { describe, expect, it } from 'vitest';
import { DEMO_WELCOME_TEXT } from '../../src/sim/demo/s3';
import { createTestClock } from '../support/cloud-handler';
import { createEndpointWorld } from './fixtures';
import { presignS3 } from './signing';

async function setup() {
  const clock = createTestClock();
  const w = await createEndpointWorld(clock.now);
  const url = `https://${w.bucket}.s3.us-east-1.amazonaws.com/public/welcome.txt`;
  return { clock, w, url };
}

describe('s3 presigned GET URLs', () => {
  it('work without any header until they expire', async () => {
    const { clock, w, url } = await setup();
    const presigned = await presignS3(url, w.guestEnhanced, clock.now(), 300);
    const response = await w.cloud.fetch(new Request(presigned));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(DEMO_WELCOME_TEXT);
  });

  it('are refused with AccessDenied "Request has expired" after X-Amz-Expires', async () => {
    const { clock, w, url } = await setup();
    const presigned = await presignS3(url, w.user, clock.now(), 60);
    clock.advance(61_000);
    const response = await w.cloud.fetch(new Request(presigned));
    expect(response.status).toBe(403);
    const text = await response.text();
    expect(text).toContain(
      '<Code>AccessDenied</Code><Message>Request has expired</Message><X-Amz-Expires>60</X-Amz-Expires>',
    );
  });

  it('are refused with SignatureDoesNotMatch when the key is changed', async () => {
    const { clock, w, url } = await setup();
    const presigned = await presignS3(url, w.user, clock.now(), 300);
    const tampered = presigned.replace('/public/welcome.txt', '/public/guides/sigv4.txt');
    const response = await w.cloud.fetch(new Request(tampered));
    expect(response.status).toBe(403);
    const text = await response.text();
    expect(text).toContain('<Code>SignatureDoesNotMatch</Code>');
    expect(text).toContain('<CanonicalRequest>GET\n/public/guides/sigv4.txt\n');
    const sigv4 = w.events.find((e) => e.kind === 'sigv4');
    expect(sigv4?.summary).toMatch(/^Signature refused/);
  });

  it('reject an unknown access key with InvalidAccessKeyId', async () => {
    const { clock, w, url } = await setup();
    const presigned = await presignS3(
      url,
      { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x'.repeat(40) },
      clock.now(),
      300,
    );
    const response = await w.cloud.fetch(new Request(presigned));
    expect(response.status).toBe(403);
    expect(await response.text()).toContain(
      '<Code>InvalidAccessKeyId</Code><Message>The AWS Access Key Id you provided does not exist in our records.</Message><AWSAccessKeyId>AKIAUNKNOWNKEY000000</AWSAccessKeyId>',
    );
  });
});
