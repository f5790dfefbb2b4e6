import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, AssumeRoleWithWebIdentityCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { sdkConfig } from '../../../../tests/support/cloud-handler';
import type { WorldState } from '../../world';
import { worldOf } from '../cognito-idp/test-setup';
import { mintCognitoOpenIdToken } from '../cognito-identity/openid-token';
import { PACKED_LIMIT } from './params';
import { asCreds, type Creds, sdkError, stsWorld } from './test-support';

/**
 * The developer role, made taggable: its trust policy allows sts:TagSession (and itself, for
 * chaining), and it may read public/ only while its `team` principal tag is `atlas`.
 */
function taggableDeveloperRole(tagSession: boolean) {
  return (state: WorldState) => {
    const role = state.iam.roles.AtlasDeveloperRole!;
    const user = state.iam.users['atlas-developer']!.arn;
    delete role.permissionsBoundaryArn;
    role.trustPolicy = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: [user, role.arn] },
          Action: tagSession ? ['sts:AssumeRole', 'sts:TagSession'] : 'sts:AssumeRole',
        },
      ],
    };
    const bucket = Object.keys(state.s3.buckets)[0];
    role.inlinePolicies = [
      {
        name: 'TeamReadsPublic',
        document: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 's3:GetObject',
              Resource: `arn:aws:s3:::${bucket}/public/*`,
              Condition: { StringEquals: { 'aws:PrincipalTag/team': 'atlas' } },
            },
            { Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:TagSession'], Resource: role.arn },
          ],
        },
      },
    ];
  };
}

const tags = (...pairs: [string, string][]) => pairs.map(([Key, Value]) => ({ Key, Value }));

async function readWelcome(
  cloud: Awaited<ReturnType<typeof stsWorld>>['cloud'],
  creds: Creds,
  clockNow: number,
) {
  const s3 = new S3Client({ ...sdkConfig(cloud, creds), systemClockOffset: clockNow - Date.now() });
  return s3.send(new GetObjectCommand({ Bucket: cloud.demo.bucket, Key: 'public/welcome.txt' }));
}

describe('sts AssumeRole session tags', () => {
  it('refuses tags when the trust policy does not allow sts:TagSession, naming that action', async () => {
    const { cloud, user, sts } = await stsWorld({ edit: taggableDeveloperRole(false) });
    const error = await sdkError(() =>
      sts(user).send(
        new AssumeRoleCommand({
          RoleArn: cloud.demo.assumableRoleArn,
          RoleSessionName: 'tagged',
          Tags: tags(['team', 'atlas']),
        }),
      ),
    );
    expect(error).toEqual({
      name: 'AccessDenied',
      message: `User: ${cloud.demo.iamUser.arn} is not authorized to perform: sts:TagSession on resource: ${cloud.demo.assumableRoleArn}`,
      status: 403,
    });
  });

  it('gives the session aws:PrincipalTag values that policies read, and counts the tags in PackedPolicySize', async () => {
    const { cloud, clock, user, sts } = await stsWorld({ edit: taggableDeveloperRole(true) });
    const assume = (team: string) =>
      sts(user).send(
        new AssumeRoleCommand({
          RoleArn: cloud.demo.assumableRoleArn,
          RoleSessionName: `team-${team}`,
          Tags: tags(['team', team]),
        }),
      );
    const atlas = await assume('atlas');
    expect(atlas.PackedPolicySize).toBeGreaterThan(0);
    const read = await readWelcome(cloud, asCreds(atlas.Credentials), clock.now());
    expect(read.$metadata.httpStatusCode).toBe(200);
    const other = await assume('other');
    const denied = await sdkError(() => readWelcome(cloud, asCreds(other.Credentials), clock.now()));
    expect({ name: denied.name, status: denied.status }).toEqual({ name: 'AccessDenied', status: 403 });
  });

  it('validates the tags: at most 50, and keys unique without regard to case', async () => {
    const { cloud, user, sts } = await stsWorld({ edit: taggableDeveloperRole(true) });
    const call = (Tags: { Key: string; Value: string }[], TransitiveTagKeys?: string[]) =>
      sdkError(() =>
        sts(user).send(
          new AssumeRoleCommand({
            RoleArn: cloud.demo.assumableRoleArn,
            RoleSessionName: 'tagged',
            Tags,
            TransitiveTagKeys,
          }),
        ),
      );
    const many = await call(Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })));
    expect(many.name).toBe('ValidationError');
    expect(many.message).toMatch(
      /at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50/,
    );
    const duplicate = await call(tags(['Department', 'a'], ['department', 'b']));
    expect(duplicate).toEqual({
      name: 'ValidationError',
      message: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
      status: 400,
    });
    const longKey = await call(tags(['k'.repeat(129), 'v']));
    expect(longKey.message).toMatch(
      /at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 128/,
    );
    const stray = await call(tags(['team', 'atlas']), ['project']);
    expect(stray.name).toBe('ValidationError');
  });

  it('blames the session tags when they alone overflow the packed space, and the policy otherwise', async () => {
    const { cloud, user, sts } = await stsWorld({ edit: taggableDeveloperRole(true) });
    const assume = (Tags: { Key: string; Value: string }[], Policy?: string) =>
      sdkError(() =>
        sts(user).send(
          new AssumeRoleCommand({
            RoleArn: cloud.demo.assumableRoleArn,
            RoleSessionName: 'big',
            Tags,
            Policy,
          }),
        ),
      );
    // Ten tags of a 128-character key and a 256-character value: 3,840 packed units of 2,048.
    const big = Array.from({ length: 10 }, (_, i) => ({
      Key: `${i}`.padEnd(128, 'k'),
      Value: 'v'.repeat(256),
    }));
    const tagPercent = Math.ceil((big.length * 384 * 100) / PACKED_LIMIT);
    expect(await assume(big)).toEqual({
      name: 'PackedPolicyTooLargeException',
      message: `Packed size of session tags consumes ${tagPercent}% of allotted space.`,
      status: 400,
    });
    // Tags within the space and a policy that pushes the total over: the policy wording.
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Sid: 'x'.repeat(1500), Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
    });
    const some = big.slice(0, 2);
    const total = Math.ceil(((policy.length + some.length * 384) * 100) / PACKED_LIMIT);
    expect(await assume(some, policy)).toEqual({
      name: 'PackedPolicyTooLargeException',
      message: `Packed policy consumes ${total}% of allotted space, please use smaller policy.`,
      status: 400,
    });
  });

  it('carries transitive tags through role chaining and refuses to pass one again', async () => {
    const { cloud, clock, user, sts } = await stsWorld({ edit: taggableDeveloperRole(true) });
    const first = await sts(user).send(
      new AssumeRoleCommand({
        RoleArn: cloud.demo.assumableRoleArn,
        RoleSessionName: 'first',
        Tags: tags(['team', 'atlas'], ['project', 'x']),
        TransitiveTagKeys: ['team'],
      }),
    );
    const session = asCreds(first.Credentials);
    const chained = await sts(session).send(
      new AssumeRoleCommand({ RoleArn: cloud.demo.assumableRoleArn, RoleSessionName: 'second' }),
    );
    // The inherited transitive tag still opens public/ for the chained session.
    const read = await readWelcome(cloud, asCreds(chained.Credentials), clock.now());
    expect(read.$metadata.httpStatusCode).toBe(200);
    const clash = await sdkError(() =>
      sts(session).send(
        new AssumeRoleCommand({
          RoleArn: cloud.demo.assumableRoleArn,
          RoleSessionName: 'third',
          Tags: tags(['Team', 'other']),
        }),
      ),
    );
    expect(clash.name).toBe('ValidationError');
    const state = JSON.parse(cloud.snapshot().state) as WorldState;
    const stored = Object.values(state.sts.sessions).find((s) => s.sessionName === 'second');
    expect(stored?.sessionTags).toEqual({ tags: { team: 'atlas' }, transitiveTagKeys: ['team'] });
  });
});

describe('sts AssumeRoleWithWebIdentity session tags', () => {
  /** A Cognito Identity OpenID token carrying principal tags, as the identity pool mints it. */
  async function taggedToken(ctx: Awaited<ReturnType<typeof stsWorld>>) {
    const { token } = await mintCognitoOpenIdToken(worldOf(ctx), {
      identityId: `${ctx.cloud.demo.region}:11111111-2222-3333-4444-555555555555`,
      poolId: ctx.cloud.demo.identityPool.id,
      amr: ['authenticated', 'accounts.google.com'],
      seconds: 600,
      principalTags: { department: 'platform' },
    });
    return token;
  }

  it('needs sts:TagSession in the trust policy when the token carries the https://aws.amazon.com/tags claim', async () => {
    const ctx = await stsWorld();
    const call = async () =>
      ctx.sts().send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: ctx.cloud.demo.webIdentityRoleArn,
          RoleSessionName: 'tagged',
          WebIdentityToken: await taggedToken(ctx),
        }),
      );
    expect(await sdkError(call)).toEqual({
      name: 'AccessDenied',
      message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
      status: 403,
    });
    const allowed = await stsWorld({
      edit: (state) => {
        const role = state.iam.roles.AtlasWebIdentityRole!;
        for (const statement of [role.trustPolicy.Statement].flat())
          statement.Action = ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'];
      },
    });
    const out = await allowed.sts().send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: allowed.cloud.demo.webIdentityRoleArn,
        RoleSessionName: 'tagged',
        WebIdentityToken: await taggedToken(allowed),
      }),
    );
    expect(out.PackedPolicySize).toBeGreaterThan(0);
    const state = JSON.parse(allowed.cloud.snapshot().state) as WorldState;
    const stored = state.sts.sessions[out.Credentials?.AccessKeyId ?? ''];
    expect(stored?.sessionTags).toEqual({ tags: { department: 'platform' }, transitiveTagKeys: [] });
  });
});
