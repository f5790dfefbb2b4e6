/**
 * X-Amz-Expires as S3 judges it. The SDK's signer (@smithy/signature-v4, what getSignedUrl uses)
 * will not presign outside 1–604800 s, so each case takes a URL it signed and rewrites the
 * parameter: S3 refuses the value itself, in its own words, before it looks at the signature.
 */
import { describe, expect, it } from 'vitest';
import { createTestClock } from '../support/cloud-handler';
import { createEndpointWorld } from './fixtures';
import { presignS3 } from './signing';

async function withExpires(value: string | null) {
  const clock = createTestClock();
  const w = await createEndpointWorld(clock.now);
  const url = new URL(
    await presignS3(
      `https://${w.bucket}.s3.us-east-1.amazonaws.com/public/welcome.txt`,
      w.user,
      clock.now(),
      60,
    ),
  );
  if (value === null) url.searchParams.delete('X-Amz-Expires');
  else url.searchParams.set('X-Amz-Expires', value);
  const response = await w.cloud.fetch(new Request(url.toString()));
  const text = await response.text();
  return {
    status: response.status,
    code: /<Code>([^<]*)<\/Code>/.exec(text)?.[1],
    message: /<Message>([^<]*)<\/Message>/.exec(text)?.[1],
  };
}

describe('s3 presigned URLs: X-Amz-Expires', () => {
  it('refuses more than a week with AuthorizationQueryParametersError, in S3’s words', async () => {
    expect(await withExpires('604801')).toEqual({
      status: 400,
      code: 'AuthorizationQueryParametersError',
      message:
        'X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds',
    });
  });

  it('refuses a negative value and one that is not a number', async () => {
    expect(await withExpires('-5')).toEqual({
      status: 400,
      code: 'AuthorizationQueryParametersError',
      message: 'X-Amz-Expires must be non-negative',
    });
    expect(await withExpires('soon')).toEqual({
      status: 400,
      code: 'AuthorizationQueryParametersError',
      message: 'X-Amz-Expires should be a number',
    });
    expect((await withExpires(null)).code).toBe('AuthorizationQueryParametersError');
  });

  it('refuses 0: the minimum is 1 second, so the URL is expired when it is made', async () => {
    expect(await withExpires('0')).toEqual({
      status: 403,
      code: 'AccessDenied',
      message: 'Request has expired',
    });
  });
});
