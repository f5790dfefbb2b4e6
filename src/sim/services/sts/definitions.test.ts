import {
  AssumeRoleCommand,
  GetFederationTokenCommand,
  GetSessionTokenCommand,
  type STSClient,
} from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { STS_OPERATIONS } from './definitions';
import { asCreds, sdkError, stsWorld } from './test-support';

/** The definitions table is what the STS actions enforce: every number here is read from it. */

type Call = (sts: STSClient, duration?: number) => Promise<{ Credentials?: { Expiration?: Date } }>;

const SIGNED_CALLS: { name: 'AssumeRole' | 'GetSessionToken' | 'GetFederationToken'; call: Call }[] = [
  {
    name: 'GetSessionToken',
    call: (sts, d) => sts.send(new GetSessionTokenCommand({ DurationSeconds: d })),
  },
  {
    name: 'GetFederationToken',
    call: (sts, d) => sts.send(new GetFederationTokenCommand({ Name: 'carol', DurationSeconds: d })),
  },
];

describe('STS definitions drive the STS actions', () => {
  for (const { name, call } of SIGNED_CALLS) {
    const limits = STS_OPERATIONS[name].duration;
    it(`${name}: the default duration and both bounds are the table's`, async () => {
      const { clock, user, sts } = await stsWorld();
      const out = await call(sts(user));
      expect(out.Credentials?.Expiration?.getTime()).toBe(
        Math.floor(clock.now() / 1000) * 1000 + limits.default * 1000,
      );
      expect((await call(sts(user), limits.max)).Credentials).toBeDefined();
      expect(await sdkError(() => call(sts(user), limits.min - 1))).toMatchObject({
        name: 'ValidationError',
        message: expect.stringContaining(`greater than or equal to ${limits.min}`),
      });
      expect(await sdkError(() => call(sts(user), limits.max + 1))).toMatchObject({
        name: 'ValidationError',
        message: expect.stringContaining(`less than or equal to ${limits.max}`),
      });
    });
  }

  it('AssumeRole: the default and both bounds are the table’s (chaining: assume-role.test.ts)', async () => {
    const { cloud, clock, user, sts } = await stsWorld();
    const limits = STS_OPERATIONS.AssumeRole.duration;
    const assume = (creds = user, d?: number) =>
      sts(creds).send(
        new AssumeRoleCommand({
          RoleArn: cloud.demo.assumableRoleArn,
          RoleSessionName: 'def',
          DurationSeconds: d,
        }),
      );
    const first = await assume();
    expect(first.Credentials?.Expiration?.getTime()).toBe(
      Math.floor(clock.now() / 1000) * 1000 + limits.default * 1000,
    );
    expect(await sdkError(() => assume(user, limits.min - 1))).toMatchObject({ name: 'ValidationError' });
    expect(await sdkError(() => assume(user, limits.max + 1))).toMatchObject({ name: 'ValidationError' });
  });

  it('GetSessionToken and GetFederationToken credentials may call only the STS actions the table allows', async () => {
    const { cloud, user, sts } = await stsWorld();
    const session = asCreds((await sts(user).send(new GetSessionTokenCommand({}))).Credentials);
    expect(STS_OPERATIONS.GetSessionToken.allowedStsActions).toEqual([
      'sts:AssumeRole',
      'sts:GetCallerIdentity',
    ]);
    expect(
      await sdkError(() => sts(session).send(new GetFederationTokenCommand({ Name: 'x1' }))),
    ).toMatchObject({
      status: 403,
    });
    const federated = asCreds(
      (await sts(user).send(new GetFederationTokenCommand({ Name: 'carol' }))).Credentials,
    );
    const refused = await sdkError(() =>
      sts(federated).send(
        new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/X', RoleSessionName: 'x' }),
      ),
    );
    // IAM's usual refusal, with nothing appended: AWS does not say that the origin of the keys is the reason.
    expect(refused).toEqual({
      name: 'AccessDenied',
      status: 403,
      message: `User: arn:aws:sts::${cloud.demo.accountId}:federated-user/carol is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/X`,
    });
  });

  it('describes all five credential-minting operations with consistent facts', () => {
    expect(Object.keys(STS_OPERATIONS)).toEqual([
      'AssumeRole',
      'AssumeRoleWithSAML',
      'AssumeRoleWithWebIdentity',
      'GetFederationToken',
      'GetSessionToken',
    ]);
    for (const [name, def] of Object.entries(STS_OPERATIONS)) {
      expect(def.operation).toBe(name);
      expect(def.duration.min).toBeLessThanOrEqual(def.duration.default);
      expect(def.duration.default).toBeLessThanOrEqual(def.duration.max);
    }
    expect(STS_OPERATIONS.GetSessionToken.sessionPolicies).toBe(false);
  });
});
