import {
  AssumeRoleCommand,
  GetCallerIdentityCommand,
  GetFederationTokenCommand,
  GetSessionTokenCommand,
} from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { asCreds, sdkError, stsWorld } from './test-support';
import type { WorldState } from '../../world';

const HOUR = 3600_000;
const allowAll = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
});

describe('sts GetSessionToken', () => {
  it('defaults to 12 hours and keeps the IAM user as the identity', async () => {
    const { cloud, clock, user, sts } = await stsWorld();
    const out = await sts(user).send(new GetSessionTokenCommand({}));
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    expect(out.Credentials?.Expiration?.getTime()).toBe(clock.now() + 12 * HOUR);
    const me = await sts(asCreds(out.Credentials)).send(new GetCallerIdentityCommand({}));
    const userId = JSON.parse(cloud.snapshot().state).iam.users['atlas-developer'].userId;
    expect({ Arn: me.Arn, UserId: me.UserId, Account: me.Account }).toEqual({
      Arn: cloud.demo.iamUser.arn,
      UserId: userId,
      Account: cloud.demo.accountId,
    });
  });

  it('accepts 900 and 129600 seconds and refuses 899 and 129601', async () => {
    const { clock, user, sts } = await stsWorld();
    for (const seconds of [900, 129_600]) {
      const out = await sts(user).send(new GetSessionTokenCommand({ DurationSeconds: seconds }));
      expect(out.Credentials?.Expiration?.getTime()).toBe(clock.now() + seconds * 1000);
    }
    for (const [seconds, bound] of [
      [899, 'greater than or equal to 900'],
      [129_601, 'less than or equal to 129600'],
    ] as const) {
      const err = await sdkError(() =>
        sts(user).send(new GetSessionTokenCommand({ DurationSeconds: seconds })),
      );
      expect(err.message).toBe(
        `1 validation error detected: Value '${seconds}' at 'durationSeconds' failed to satisfy constraint: Member must have value ${bound}`,
      );
    }
  });

  it('with MFA, gives credentials that satisfy aws:MultiFactorAuthPresent (the MFA role can be assumed)', async () => {
    const { cloud, clock, user, sts } = await stsWorld();
    const withMfa = await sts(user).send(
      new GetSessionTokenCommand({
        SerialNumber: cloud.demo.iamUser.mfaSerial,
        TokenCode: await cloud.demo.iamUser.mfaCode(clock.now()),
      }),
    );
    const role = await sts(asCreds(withMfa.Credentials)).send(
      new AssumeRoleCommand({ RoleArn: cloud.demo.iam!.mfaRoleArn, RoleSessionName: 'with-mfa' }),
    );
    expect(role.AssumedRoleUser?.Arn).toBe(
      `arn:aws:sts::${cloud.demo.accountId}:assumed-role/AtlasMfaRole/with-mfa`,
    );

    const withoutMfa = await sts(user).send(new GetSessionTokenCommand({}));
    const err = await sdkError(() =>
      sts(asCreds(withoutMfa.Credentials)).send(
        new AssumeRoleCommand({ RoleArn: cloud.demo.iam!.mfaRoleArn, RoleSessionName: 'no-mfa' }),
      ),
    );
    expect(err.name).toBe('AccessDenied');
  });

  it('refuses an MFA serial that is not one of the caller’s devices', async () => {
    const { cloud, user, sts } = await stsWorld();
    const err = await sdkError(() =>
      sts(user).send(
        new GetSessionTokenCommand({
          SerialNumber: `arn:aws:iam::${cloud.demo.accountId}:mfa/someone-else`,
          TokenCode: '123456',
        }),
      ),
    );
    expect(err).toEqual({
      name: 'AccessDenied',
      status: 403,
      message:
        'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.',
    });
  });

  it('cannot be called with session credentials', async () => {
    const { cloud, user, sts } = await stsWorld();
    const role = await sts(user).send(
      new AssumeRoleCommand({ RoleArn: cloud.demo.assumableRoleArn, RoleSessionName: 'rs' }),
    );
    const session = await sts(user).send(new GetSessionTokenCommand({}));
    for (const creds of [role.Credentials, session.Credentials]) {
      const err = await sdkError(() => sts(asCreds(creds)).send(new GetSessionTokenCommand({})));
      expect(err).toEqual({
        name: 'AccessDenied',
        status: 403,
        message: 'Cannot call GetSessionToken with session credentials',
      });
    }
  });
});

describe('sts GetFederationToken', () => {
  it('returns the federated user and, with a session policy, its packed size', async () => {
    const { cloud, clock, user, sts } = await stsWorld();
    const out = await sts(user).send(new GetFederationTokenCommand({ Name: 'carol', Policy: allowAll }));
    expect(out.FederatedUser).toEqual({
      FederatedUserId: `${cloud.demo.accountId}:carol`,
      Arn: `arn:aws:sts::${cloud.demo.accountId}:federated-user/carol`,
    });
    expect(out.PackedPolicySize).toBeGreaterThan(0);
    expect(out.Credentials?.Expiration?.getTime()).toBe(clock.now() + 12 * HOUR);
    const me = await sts(asCreds(out.Credentials)).send(new GetCallerIdentityCommand({}));
    expect({ Arn: me.Arn, UserId: me.UserId }).toEqual({
      Arn: out.FederatedUser?.Arn,
      UserId: out.FederatedUser?.FederatedUserId,
    });
  });

  it('gives credentials that can call no STS action but GetCallerIdentity', async () => {
    const { cloud, user, sts } = await stsWorld();
    const out = await sts(user).send(new GetFederationTokenCommand({ Name: 'carol', Policy: allowAll }));
    const fed = sts(asCreds(out.Credentials));
    const err = await sdkError(() => fed.send(new GetFederationTokenCommand({ Name: 'again' })));
    expect(err).toEqual({
      name: 'AccessDenied',
      status: 403,
      message: 'Cannot call GetFederationToken with session credentials',
    });
    const assume = await sdkError(() =>
      fed.send(new AssumeRoleCommand({ RoleArn: cloud.demo.assumableRoleArn, RoleSessionName: 'x1' })),
    );
    expect(assume).toEqual({
      name: 'AccessDenied',
      status: 403,
      message: `User: arn:aws:sts::${cloud.demo.accountId}:federated-user/carol is not authorized to perform: sts:AssumeRole on resource: ${cloud.demo.assumableRoleArn}`,
    });
  });

  it('validates Name (2 to 32 characters) and the duration (up to 36 hours)', async () => {
    const { user, sts } = await stsWorld();
    const short = await sdkError(() => sts(user).send(new GetFederationTokenCommand({ Name: 'c' })));
    expect(short.message).toBe(
      "1 validation error detected: Value 'c' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 2",
    );
    const long = await sdkError(() =>
      sts(user).send(new GetFederationTokenCommand({ Name: 'carol', DurationSeconds: 129_601 })),
    );
    expect(long.name).toBe('ValidationError');
  });

  it('requires sts:GetFederationToken in the user policy', async () => {
    const { cloud, user, sts } = await stsWorld({
      edit: (state) => {
        const u = state.iam.users['atlas-developer']!;
        for (const p of u.inlinePolicies) {
          const statements = Array.isArray(p.document.Statement)
            ? p.document.Statement
            : [p.document.Statement];
          p.document.Statement = statements.filter((s) => s.Sid !== 'FederationToken');
        }
      },
    });
    const err = await sdkError(() => sts(user).send(new GetFederationTokenCommand({ Name: 'carol' })));
    expect(err).toEqual({
      name: 'AccessDenied',
      status: 403,
      message: `User: ${cloud.demo.iamUser.arn} is not authorized to perform: sts:GetFederationToken on resource: arn:aws:sts::${cloud.demo.accountId}:federated-user/carol`,
    });
  });
});

describe('sts GetFederationToken session tags', () => {
  /** The demo user, allowed (or not) to pass session tags on its federated users. */
  const tagSession = (allowed: boolean) => (state: WorldState) => {
    if (!allowed) return;
    state.iam.users['atlas-developer']!.inlinePolicies.push({
      name: 'TagFederatedUsers',
      document: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'sts:TagSession', Resource: '*' }],
      },
    });
  };

  it('needs sts:TagSession in the user policy to pass Tags', async () => {
    const { cloud, user, sts } = await stsWorld({ edit: tagSession(false) });
    const err = await sdkError(() =>
      sts(user).send(
        new GetFederationTokenCommand({ Name: 'carol', Tags: [{ Key: 'Project', Value: 'Automation' }] }),
      ),
    );
    expect(err).toEqual({
      name: 'AccessDenied',
      status: 403,
      message: `User: ${cloud.demo.iamUser.arn} is not authorized to perform: sts:TagSession on resource: arn:aws:sts::${cloud.demo.accountId}:federated-user/carol`,
    });
  });

  it('gives the federated user the tags as principal tags, counted in PackedPolicySize', async () => {
    const { cloud, user, sts } = await stsWorld({ edit: tagSession(true) });
    const out = await sts(user).send(
      new GetFederationTokenCommand({ Name: 'carol', Tags: [{ Key: 'Project', Value: 'Automation' }] }),
    );
    expect(out.PackedPolicySize).toBeGreaterThan(0);
    const state = JSON.parse(cloud.snapshot().state) as WorldState;
    const stored = state.sts.sessions[out.Credentials?.AccessKeyId ?? ''];
    expect(stored?.sessionTags).toEqual({ tags: { Project: 'Automation' }, transitiveTagKeys: [] });
    expect(stored?.context['aws:PrincipalTag/Project']).toBe('Automation');
  });

  it('refuses more than 50 tags', async () => {
    const { user, sts } = await stsWorld({ edit: tagSession(true) });
    const Tags = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    const err = await sdkError(() => sts(user).send(new GetFederationTokenCommand({ Name: 'carol', Tags })));
    expect(err.name).toBe('ValidationError');
    expect(err.status).toBe(400);
  });
});
