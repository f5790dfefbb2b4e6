/**
 * Each service's clock-skew window, driven through the official SDK v3 clients with their clock set
 * off the simulation's (systemClockOffset): STS and S3 allow 15 minutes, SSM 5 (auth/skew.ts cites
 * the public reports each window comes from).
 */
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { createTestClock, sdkConfig } from '../../../tests/support/cloud-handler';
import { amzDate } from '../core/time';
import { createCloud } from '../index';
import { sdkError } from '../services/sts/test-support';

const MIN = 60_000;

async function world() {
  const clock = createTestClock();
  const cloud = await createCloud({ now: clock.now });
  const creds = {
    accessKeyId: cloud.demo.iamUser.accessKeyId,
    secretAccessKey: cloud.demo.iamUser.secretAccessKey,
  };
  /** Client config whose clock is `offset` ms away from the simulation's. */
  const skewed = (offset: number) => ({
    ...sdkConfig(cloud, creds),
    systemClockOffset: clock.now() + offset - Date.now(),
  });
  return { cloud, clock, skewed };
}

describe('clock skew windows', () => {
  it('STS accepts a clock 14 minutes off and refuses 16, saying "15 min."', async () => {
    const { clock, skewed } = await world();
    const now = clock.now();
    for (const offset of [-14 * MIN, 14 * MIN]) {
      const out = await new STSClient(skewed(offset)).send(new GetCallerIdentityCommand({}));
      expect(out.Arn).toMatch(/:user\/atlas-developer$/);
    }
    const behind = now - 16 * MIN;
    expect(
      await sdkError(() => new STSClient(skewed(-16 * MIN)).send(new GetCallerIdentityCommand({}))),
    ).toEqual({
      name: 'SignatureDoesNotMatch',
      status: 403,
      message: `Signature expired: ${amzDate(behind)} is now earlier than ${amzDate(now - 15 * MIN)} (${amzDate(now)} - 15 min.)`,
    });
    const ahead = now + 16 * MIN;
    expect(
      (await sdkError(() => new STSClient(skewed(16 * MIN)).send(new GetCallerIdentityCommand({})))).message,
    ).toBe(
      `Signature not yet current: ${amzDate(ahead)} is still later than ${amzDate(now + 15 * MIN)} (${amzDate(now)} + 15 min.)`,
    );
  });

  it('SSM allows only 5 minutes: InvalidSignatureException "… - 5 min."', async () => {
    const { clock, skewed } = await world();
    const now = clock.now();
    const behind = now - 6 * MIN;
    const error = await sdkError(() =>
      new SSMClient(skewed(-6 * MIN)).send(new GetParameterCommand({ Name: '/atlas/public/motd' })),
    );
    expect(error).toEqual({
      name: 'InvalidSignatureException',
      status: 400,
      message: `Signature expired: ${amzDate(behind)} is now earlier than ${amzDate(now - 5 * MIN)} (${amzDate(now)} - 5 min.)`,
    });
  });

  it('S3 allows 15 minutes, then answers RequestTimeTooSkewed', async () => {
    const { cloud, skewed } = await world();
    const get = (offset: number) =>
      new S3Client(skewed(offset)).send(
        new GetObjectCommand({ Bucket: cloud.demo.bucket, Key: 'public/welcome.txt' }),
      );
    expect((await get(-14 * MIN)).$metadata.httpStatusCode).toBe(200);
    expect(await sdkError(() => get(-16 * MIN))).toEqual({
      name: 'RequestTimeTooSkewed',
      status: 403,
      message: 'The difference between the request time and the current time is too large.',
    });
  });
});
