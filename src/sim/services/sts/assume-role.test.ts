import {
  AssumeRoleCommand,
  GetCallerIdentityCommand,
  GetFederationTokenCommand,
  GetSessionTokenCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { sdkConfig } from '../../../../tests/support/cloud-handler';
import { isoSeconds } from '../../core/time';
import { createCloud } from '../../index';
import type { WorldState } from '../../world';
import { PACKED_LIMIT } from './params';
import { asCreds, sdkError, stsWorld } from './test-support';

const HOUR = 3600_000;

/** Lets the developer role be chained into itself: no boundary, a self-trust, sts:AssumeRole allowed, 12 h maximum. */
function chainableDeveloperRole(state: WorldState) {
  const role = state.iam.roles.AtlasDeveloperRole!;
  role.maxSessionDuration = 43_200;
  delete role.permissionsBoundaryArn;
  role.trustPolicy = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: [state.iam.users['atlas-developer']!.arn, role.arn] },
        Action: 'sts:AssumeRole',
      },
    ],
  };
  role.inlinePolicies.push({
    name: 'ChainToSelf',
    document: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: role.arn }],
    },
  });
}

describe('sts AssumeRole', () => {
  it('returns ASIA credentials, the assumed-role user and a one-hour default expiration', async () => {
    const { cloud, clock, user, sts } = await stsWorld();
    const out = await sts(user).send(
      new AssumeRoleCommand({ RoleArn: cloud.demo.assumableRoleArn, RoleSessionName: 'dev-session' }),
    );
    const roleId = JSON.parse(cloud.snapshot().state).iam.roles.AtlasDeveloperRole.roleId as string;
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(out.Credentials?.SecretAccessKey).toHaveLength(40);
    expect(out.Credentials?.SessionToken).toMatch(/^IQoJb3JpZ2luX2Vj[A-Za-z0-9+/]{700,}$/);
    expect(out.Credentials?.Expiration?.getTime()).toBe(clock.now() + HOUR);
    expect(out.AssumedRoleUser).toEqual({
      AssumedRoleId: `${roleId}:dev-session`,
      Arn: `arn:aws:sts::${cloud.demo.accountId}:assumed-role/AtlasDeveloperRole/dev-session`,
    });
    expect(out.PackedPolicySize).toBeUndefined();
    const me = await sts(asCreds(out.Credentials)).send(new GetCallerIdentityCommand({}));
    expect({ UserId: me.UserId, Account: me.Account, Arn: me.Arn }).toEqual({
      UserId: `${roleId}:dev-session`,
      Account: cloud.demo.accountId,
      Arn: out.AssumedRoleUser?.Arn,
    });
  });

  it('accepts DurationSeconds at the minimum (900) and refuses 899', async () => {
    const { cloud, clock, user, sts } = await stsWorld();
    const ok = await sts(user).send(
      new AssumeRoleCommand({
        RoleArn: cloud.demo.assumableRoleArn,
        RoleSessionName: 'min',
        DurationSeconds: 900,
      }),
    );
    expect(ok.Credentials?.Expiration?.getTime()).toBe(clock.now() + 900_000);
    const err = await sdkError(() =>
      sts(user).send(
        new AssumeRoleCommand({
          RoleArn: cloud.demo.assumableRoleArn,
          RoleSessionName: 'min',
          DurationSeconds: 899,
        }),
      ),
    );
    expect(err).toEqual({
      name: 'ValidationError',
      status: 400,
      message:
        "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    });
  });

  it("refuses a duration above the role's MaxSessionDuration", async () => {
    const { cloud, user, sts } = await stsWorld();
    const err = await sdkError(() =>
      sts(user).send(
        new AssumeRoleCommand({
          RoleArn: cloud.demo.assumableRoleArn,
          RoleSessionName: 'long',
          DurationSeconds: 3601,
        }),
      ),
    );
    expect(err).toEqual({
      name: 'ValidationError',
      status: 400,
      message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    });
  });

  it('allows up to 43200 seconds when the role allows 12 hours, and refuses 43201', async () => {
    const { cloud, clock, user, sts } = await stsWorld({ edit: chainableDeveloperRole });
    const out = await sts(user).send(
      new AssumeRoleCommand({
        RoleArn: cloud.demo.assumableRoleArn,
        RoleSessionName: 'max',
        DurationSeconds: 43_200,
      }),
    );
    expect(out.Credentials?.Expiration?.getTime()).toBe(clock.now() + 12 * HOUR);
    const err = await sdkError(() =>
      sts(user).send(
        new AssumeRoleCommand({
          RoleArn: cloud.demo.assumableRoleArn,
          RoleSessionName: 'max',
          DurationSeconds: 43_201,
        }),
      ),
    );
    expect(err.message).toBe(
      "1 validation error detected: Value '43201' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200",
    );
  });

  it('caps role chaining at one hour', async () => {
    const { cloud, clock, user, sts } = await stsWorld({ edit: chainableDeveloperRole });
    const first = await sts(user).send(
      new AssumeRoleCommand({
        RoleArn: cloud.demo.assumableRoleArn,
        RoleSessionName: 'first',
        DurationSeconds: 7200,
      }),
    );
    const session = sts(asCreds(first.Credentials));
    const err = await sdkError(() =>
      session.send(
        new AssumeRoleCommand({
          RoleArn: cloud.demo.assumableRoleArn,
          RoleSessionName: 'second',
          DurationSeconds: 3601,
        }),
      ),
    );
    expect(err).toEqual({
      name: 'ValidationError',
      status: 400,
      message:
        'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    });
    const chained = await session.send(
      new AssumeRoleCommand({ RoleArn: cloud.demo.assumableRoleArn, RoleSessionName: 'second' }),
    );
    expect(chained.Credentials?.Expiration?.getTime()).toBe(clock.now() + HOUR);
    expect(chained.AssumedRoleUser?.Arn).toBe(
      `arn:aws:sts::${cloud.demo.accountId}:assumed-role/AtlasDeveloperRole/second`,
    );
  });

  it('caps a role assumed with GetSessionToken credentials at one hour too, and says why in the trace', async () => {
    const { cloud, clock, user, sts, events } = await stsWorld({ edit: chainableDeveloperRole });
    const token = await sts(user).send(new GetSessionTokenCommand({}));
    const session = sts(asCreds(token.Credentials));
    const assume = (DurationSeconds?: number) =>
      session.send(
        new AssumeRoleCommand({
          RoleArn: cloud.demo.assumableRoleArn,
          RoleSessionName: 'st',
          DurationSeconds,
        }),
      );
    expect(await sdkError(() => assume(7200))).toEqual({
      name: 'ValidationError',
      status: 400,
      message:
        'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    });
    const out = await assume(3600);
    expect(out.Credentials?.Expiration?.getTime()).toBe(clock.now() + HOUR);
    const issued = events.filter((e) => e.kind === 'token.issued').at(-1);
    expect(issued?.summary).toBe(
      `Role credentials for ${out.AssumedRoleUser?.Arn} (assumed with GetSessionToken credentials: at most 1 hour, as in role chaining)`,
    );
    expect(issued?.detail).toMatchObject({ chained: true, fromSessionToken: true });
  });

  it('refuses a role whose trust policy does not name the caller, and a role that does not exist, alike', async () => {
    const { cloud, user, sts } = await stsWorld();
    for (const roleArn of [cloud.demo.saml.roleArn, `arn:aws:iam::${cloud.demo.accountId}:role/NoSuchRole`]) {
      const err = await sdkError(() =>
        sts(user).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'x1' })),
      );
      expect(err).toEqual({
        name: 'AccessDenied',
        status: 403,
        message: `User: ${cloud.demo.iamUser.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
      });
    }
  });

  it('validates RoleSessionName', async () => {
    const { cloud, user, sts } = await stsWorld();
    const err = await sdkError(() =>
      sts(user).send(
        new AssumeRoleCommand({ RoleArn: cloud.demo.assumableRoleArn, RoleSessionName: 'has space' }),
      ),
    );
    expect(err.message).toBe(
      "1 validation error detected: Value 'has space' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
    );
  });

  it('validates ExternalId and SourceIdentity against the STS model patterns', async () => {
    // Setting a source identity needs sts:SetSourceIdentity in the trust policy (IAM "Monitor and control
    // actions taken with assumed roles"); source-identity.test.ts covers the refusal.
    const { cloud, user, sts } = await stsWorld({
      edit: (state) => {
        for (const statement of [state.iam.roles.AtlasDeveloperRole!.trustPolicy.Statement].flat())
          statement.Action = ['sts:AssumeRole', 'sts:SetSourceIdentity'];
      },
    });
    const assume = (extra: { ExternalId?: string; SourceIdentity?: string }) =>
      sts(user).send(
        new AssumeRoleCommand({ RoleArn: cloud.demo.assumableRoleArn, RoleSessionName: 'pat', ...extra }),
      );
    const pattern = (value: string, field: string, text: string) => ({
      name: 'ValidationError',
      status: 400,
      message: `1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${text}`,
    });
    expect(await sdkError(() => assume({ ExternalId: 'tenant 42' }))).toEqual(
      pattern('tenant 42', 'externalId', '[\\w+=,.@:\\/-]*'),
    );
    expect(await sdkError(() => assume({ SourceIdentity: 'alice smith' }))).toEqual(
      pattern('alice smith', 'sourceIdentity', '[\\w+=,.@-]*'),
    );
    // ':' is allowed in an ExternalId but not in a SourceIdentity, so `aws:…` fails on the pattern.
    expect(await sdkError(() => assume({ SourceIdentity: 'aws:alice' }))).toEqual(
      pattern('aws:alice', 'sourceIdentity', '[\\w+=,.@-]*'),
    );
    const ok = await assume({
      ExternalId: 'arn:aws:x/tenant-42_a+b=c,d.e@f',
      SourceIdentity: 'alice@example.com',
    });
    expect(ok.SourceIdentity).toBe('alice@example.com');
  });
});

describe('sts AssumeRole with MFA', () => {
  const mfaRole = (w: Awaited<ReturnType<typeof stsWorld>>) => w.cloud.demo.iam!.mfaRoleArn;

  it('refuses the MFA role without MFA', async () => {
    const w = await stsWorld();
    const err = await sdkError(() =>
      w.sts(w.user).send(new AssumeRoleCommand({ RoleArn: mfaRole(w), RoleSessionName: 'nomfa' })),
    );
    expect(err.name).toBe('AccessDenied');
  });

  it('accepts the code of the previous 30-second step (clock drift), then the current one', async () => {
    const w = await stsWorld();
    const serial = w.cloud.demo.iamUser.mfaSerial;
    // Oldest first: once a step's code is accepted, no code of that step or an earlier one is.
    for (const at of [w.clock.now() - 30_000, w.clock.now()]) {
      const code = await w.cloud.demo.iamUser.mfaCode(at);
      const out = await w.sts(w.user).send(
        new AssumeRoleCommand({
          RoleArn: mfaRole(w),
          RoleSessionName: 'mfa',
          SerialNumber: serial,
          TokenCode: code,
        }),
      );
      expect(out.AssumedRoleUser?.Arn).toBe(
        `arn:aws:sts::${w.cloud.demo.accountId}:assumed-role/AtlasMfaRole/mfa`,
      );
    }
  });

  it('refuses a wrong code, a code two steps old, and a serial without a code', async () => {
    const w = await stsWorld();
    const serial = w.cloud.demo.iamUser.mfaSerial;
    const current = await w.cloud.demo.iamUser.mfaCode(w.clock.now());
    const wrong = String((Number(current) + 1) % 1_000_000).padStart(6, '0');
    const stale = await w.cloud.demo.iamUser.mfaCode(w.clock.now() - 90_000);
    for (const code of [wrong, stale === current ? wrong : stale]) {
      const err = await sdkError(() =>
        w.sts(w.user).send(
          new AssumeRoleCommand({
            RoleArn: mfaRole(w),
            RoleSessionName: 'mfa',
            SerialNumber: serial,
            TokenCode: code,
          }),
        ),
      );
      expect(err).toEqual({
        name: 'AccessDenied',
        status: 403,
        message: 'MultiFactorAuthentication failed with invalid MFA one time pass code.',
      });
    }
    const incomplete = await sdkError(() =>
      w
        .sts(w.user)
        .send(new AssumeRoleCommand({ RoleArn: mfaRole(w), RoleSessionName: 'mfa', SerialNumber: serial })),
    );
    expect(incomplete.message).toBe(
      'MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.',
    );
  });
});

describe('sts MFA codes are good once', () => {
  const assumeWithCode = (w: Awaited<ReturnType<typeof stsWorld>>, code: string, name = 'mfa') =>
    w.sts(w.user).send(
      new AssumeRoleCommand({
        RoleArn: w.cloud.demo.iam!.mfaRoleArn,
        RoleSessionName: name,
        SerialNumber: w.cloud.demo.iamUser.mfaSerial,
        TokenCode: code,
      }),
    );
  const invalidCode = {
    name: 'AccessDenied',
    status: 403,
    message: 'MultiFactorAuthentication failed with invalid MFA one time pass code.',
  };

  it('refuses the same code a second time, and an older step after a newer one', async () => {
    const w = await stsWorld();
    const code = await w.cloud.demo.iamUser.mfaCode(w.clock.now());
    await assumeWithCode(w, code, 'first');
    expect(await sdkError(() => assumeWithCode(w, code, 'again'))).toEqual(invalidCode);
    // The previous step's code is still inside the drift window, but it is older than the one used.
    const previous = await w.cloud.demo.iamUser.mfaCode(w.clock.now() - 30_000);
    expect(await sdkError(() => assumeWithCode(w, previous, 'older'))).toEqual(invalidCode);
  });

  it('leaves the code good when the call is refused after the MFA check', async () => {
    const w = await stsWorld();
    const code = await w.cloud.demo.iamUser.mfaCode(w.clock.now());
    // The role allows at most its MaxSessionDuration: refused after the code was checked.
    const tooLong = await sdkError(() =>
      w.sts(w.user).send(
        new AssumeRoleCommand({
          RoleArn: w.cloud.demo.iam!.mfaRoleArn,
          RoleSessionName: 'too-long',
          SerialNumber: w.cloud.demo.iamUser.mfaSerial,
          TokenCode: code,
          DurationSeconds: 43_200,
        }),
      ),
    );
    expect(tooLong).toMatchObject({ name: 'ValidationError', status: 400 });
    // A refused call changes no state: the reader's retry with the same code works.
    const out = await assumeWithCode(w, code, 'retry');
    expect(out.AssumedRoleUser?.Arn).toMatch(/:assumed-role\/AtlasMfaRole\/retry$/);
  });

  it('shares one device between AssumeRole and GetSessionToken', async () => {
    const w = await stsWorld();
    const code = await w.cloud.demo.iamUser.mfaCode(w.clock.now());
    await w
      .sts(w.user)
      .send(new GetSessionTokenCommand({ SerialNumber: w.cloud.demo.iamUser.mfaSerial, TokenCode: code }));
    expect(await sdkError(() => assumeWithCode(w, code))).toEqual(invalidCode);
  });

  it('accepts the next code once the clock reaches the next 30-second step', async () => {
    const w = await stsWorld();
    await assumeWithCode(w, await w.cloud.demo.iamUser.mfaCode(w.clock.now()), 'first');
    w.clock.advance(30_000);
    const out = await assumeWithCode(w, await w.cloud.demo.iamUser.mfaCode(w.clock.now()), 'next');
    expect(out.AssumedRoleUser?.Arn).toMatch(/:assumed-role\/AtlasMfaRole\/next$/);
  });

  it('remembers the used step across a snapshot and restore', async () => {
    const w = await stsWorld();
    const code = await w.cloud.demo.iamUser.mfaCode(w.clock.now());
    await assumeWithCode(w, code, 'first');
    const snapshot = w.cloud.snapshot();
    const restored = await createCloud({ now: w.clock.now, snapshot });
    const sts = new STSClient({
      ...sdkConfig(restored, w.user),
      systemClockOffset: w.clock.now() - Date.now(),
    });
    const err = await sdkError(() =>
      sts.send(
        new AssumeRoleCommand({
          RoleArn: restored.demo.iam!.mfaRoleArn,
          RoleSessionName: 'replayed',
          SerialNumber: restored.demo.iamUser.mfaSerial,
          TokenCode: code,
        }),
      ),
    );
    expect(err).toEqual(invalidCode);
  });
});

describe('sts AssumeRole session policies', () => {
  const policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }],
  });

  it('reports PackedPolicySize as the packed share of the limit', async () => {
    const { cloud, user, sts } = await stsWorld();
    const out = await sts(user).send(
      new AssumeRoleCommand({
        RoleArn: cloud.demo.assumableRoleArn,
        RoleSessionName: 'scoped',
        Policy: policy,
      }),
    );
    expect(out.PackedPolicySize).toBe(Math.ceil((policy.length * 100) / PACKED_LIMIT));
  });

  it('refuses session policies whose packed size exceeds the limit', async () => {
    const { cloud, user, sts } = await stsWorld();
    const big = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Sid: 'x'.repeat(1900), Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }],
    });
    const arns = [
      'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
      'arn:aws:iam::aws:policy/AdministratorAccess',
    ];
    const err = await sdkError(() =>
      sts(user).send(
        new AssumeRoleCommand({
          RoleArn: cloud.demo.assumableRoleArn,
          RoleSessionName: 'big',
          Policy: big,
          PolicyArns: arns.map((arn) => ({ arn })),
        }),
      ),
    );
    const percent = Math.ceil(((big.length + arns.join('').length) * 100) / PACKED_LIMIT);
    expect(err).toEqual({
      // The SDK names the modeled exception; on the wire the code is PackedPolicyTooLarge.
      name: 'PackedPolicyTooLargeException',
      status: 400,
      message: `Packed policy consumes ${percent}% of allotted space, please use smaller policy.`,
    });
  });

  it('refuses a malformed session policy', async () => {
    const { cloud, user, sts } = await stsWorld();
    const err = await sdkError(() =>
      sts(user).send(
        new AssumeRoleCommand({
          RoleArn: cloud.demo.assumableRoleArn,
          RoleSessionName: 'bad',
          Policy: '{not json',
        }),
      ),
    );
    expect(err).toEqual({
      name: 'MalformedPolicyDocumentException',
      status: 400,
      message: 'Syntax errors in policy.',
    });
  });
});

describe('sts AssumeRole from temporary credentials', () => {
  it('works with GetSessionToken credentials but not with GetFederationToken credentials', async () => {
    const { cloud, user, sts } = await stsWorld();
    const session = await sts(user).send(new GetSessionTokenCommand({}));
    const viaSession = await sts(asCreds(session.Credentials)).send(
      new AssumeRoleCommand({ RoleArn: cloud.demo.assumableRoleArn, RoleSessionName: 'from-session' }),
    );
    expect(viaSession.AssumedRoleUser?.Arn).toContain('/AtlasDeveloperRole/from-session');

    const fed = await sts(user).send(
      new GetFederationTokenCommand({
        Name: 'carol',
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
        }),
      }),
    );
    const err = await sdkError(() =>
      sts(asCreds(fed.Credentials)).send(
        new AssumeRoleCommand({ RoleArn: cloud.demo.assumableRoleArn, RoleSessionName: 'from-fed' }),
      ),
    );
    expect(err.name).toBe('AccessDenied');
    expect(err.status).toBe(403);
  });

  it('writes Expiration in ISO 8601 on the wire', async () => {
    const { cloud, clock, user } = await stsWorld();
    const { signRequest } = await import('../../sigv4/sign-request');
    const body = `Action=AssumeRole&Version=2011-06-15&RoleArn=${encodeURIComponent(cloud.demo.assumableRoleArn)}&RoleSessionName=wire`;
    const request = await signRequest(
      new Request('https://sts.amazonaws.com/', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body,
      }),
      user,
      { service: 'sts', region: 'us-east-1', now: clock.now() },
    );
    const response = await cloud.fetch(request);
    const xml = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/xml');
    expect(xml).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<AssumeRoleResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><AssumeRoleResult><Credentials>/,
    );
    expect(xml).toContain(`<Expiration>${isoSeconds(clock.now() + HOUR)}</Expiration>`);
    expect(xml).toContain(
      `<ResponseMetadata><RequestId>${response.headers.get('x-amzn-requestid')}</RequestId></ResponseMetadata></AssumeRoleResponse>`,
    );
  });
});
