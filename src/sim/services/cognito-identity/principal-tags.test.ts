import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetPrincipalTagAttributeMapCommand,
  SetPrincipalTagAttributeMapCommand,
} from '@aws-sdk/client-cognito-identity';
import { describe, expect, it } from 'vitest';
import { sdkConfig } from '../../../../tests/support/cloud-handler';
import type { Cloud } from '../../index';
import { identityTestCloud, reconfigured, userPoolIdToken, userPoolLoginKey } from './test-helpers';

/** The demo IAM user's signed client (its policy allows cognito-identity:* on the demo pool). */
const developer = (cloud: Cloud, now = Date.UTC(2026, 10, 26, 12, 0, 0)) =>
  new CognitoIdentityClient({
    ...sdkConfig(cloud, {
      accessKeyId: cloud.demo.iamUser.accessKeyId,
      secretAccessKey: cloud.demo.iamUser.secretAccessKey,
    }),
    systemClockOffset: now - Date.now(),
  });

async function credentialsFor(cloud: Cloud, identity: CognitoIdentityClient, username: string) {
  const Logins = { [userPoolLoginKey(cloud)]: await userPoolIdToken(cloud, username) };
  const { IdentityId } = await identity.send(
    new GetIdCommand({ IdentityPoolId: cloud.demo.identityPool.id, Logins }),
  );
  const out = await identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins }));
  const c = out.Credentials;
  return {
    accessKeyId: c?.AccessKeyId ?? '',
    secretAccessKey: c?.SecretKey ?? '',
    sessionToken: c?.SessionToken,
  };
}

async function status(run: () => Promise<unknown>): Promise<number | undefined> {
  try {
    await run();
    return 200;
  } catch (error) {
    return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  }
}

describe('cognito-identity principal tags (attributes for access control)', () => {
  it('stores the default user pool mapping (username ← sub, client ← aud) and reads it back', async () => {
    const { cloud } = await identityTestCloud();
    const provider = userPoolLoginKey(cloud);
    const set = await developer(cloud).send(
      new SetPrincipalTagAttributeMapCommand({
        IdentityPoolId: cloud.demo.identityPool.id,
        IdentityProviderName: provider,
        UseDefaults: true,
      }),
    );
    expect({ ...set, $metadata: undefined }).toEqual({
      $metadata: undefined,
      IdentityPoolId: cloud.demo.identityPool.id,
      IdentityProviderName: provider,
      UseDefaults: true,
      PrincipalTags: { client: 'aud', username: 'sub' },
    });
    const got = await developer(cloud).send(
      new GetPrincipalTagAttributeMapCommand({
        IdentityPoolId: cloud.demo.identityPool.id,
        IdentityProviderName: provider,
      }),
    );
    expect(got.PrincipalTags).toEqual({ client: 'aud', username: 'sub' });
  });

  it('is a signed call: unknown keys are refused, and clearing the map makes Get answer ResourceNotFound', async () => {
    const { cloud, clock } = await identityTestCloud();
    const input = { IdentityPoolId: cloud.demo.identityPool.id, IdentityProviderName: 'accounts.google.com' };
    const stranger = new CognitoIdentityClient({
      ...sdkConfig(cloud),
      systemClockOffset: clock.now() - Date.now(),
    });
    const refused = await stranger.send(new GetPrincipalTagAttributeMapCommand(input)).catch((e) => e);
    expect(refused.name).toBe('UnrecognizedClientException');
    await developer(cloud).send(new SetPrincipalTagAttributeMapCommand({ ...input, PrincipalTags: {} }));
    const missing = await developer(cloud)
      .send(new GetPrincipalTagAttributeMapCommand(input))
      .catch((e) => e);
    expect(missing.name).toBe('ResourceNotFoundException');
  });

  it('turns custom:department into the department tag: each user reaches only their own prefix', async () => {
    const { cloud, clock, identity } = await identityTestCloud();
    const departments = cloud.demo.departments;
    if (!departments) throw new Error('demo.departments missing');
    const [alice, bob] = departments.users;
    const s3 = (creds: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }) =>
      new S3Client({ ...sdkConfig(cloud, creds), systemClockOffset: clock.now() - Date.now() });
    const aliceS3 = s3(await credentialsFor(cloud, identity, alice?.username ?? ''));
    const own = departments.objects[alice?.department ?? ''] ?? '';
    const other = departments.objects[bob?.department ?? ''] ?? '';
    const read = await aliceS3.send(new GetObjectCommand({ Bucket: departments.bucket, Key: own }));
    expect(await read.Body?.transformToString()).toContain('platform');
    expect(
      await status(() => aliceS3.send(new GetObjectCommand({ Bucket: departments.bucket, Key: other }))),
    ).toBe(403);
    const write = (Key: string) =>
      status(() => aliceS3.send(new PutObjectCommand({ Bucket: departments.bucket, Key, Body: 'note' })));
    expect(await write(`${departments.prefixFor('platform')}note.txt`)).toBe(200);
    expect(await write(`${departments.prefixFor('research')}note.txt`)).toBe(403);
  });

  it('fails with InvalidIdentityPoolConfiguration when the role trust policy does not allow sts:TagSession', async () => {
    const base = await identityTestCloud();
    const { cloud, identity } = await reconfigured(base.cloud, base.clock.now, (state) => {
      for (const role of Object.values(state.iam.roles)) {
        for (const statement of [role.trustPolicy.Statement].flat()) {
          if (Array.isArray(statement.Action)) statement.Action = 'sts:AssumeRoleWithWebIdentity';
        }
      }
    });
    const error = await credentialsFor(cloud, identity, 'alice').catch((e) => e);
    expect({ name: error.name, message: error.message }).toEqual({
      name: 'InvalidIdentityPoolConfigurationException',
      message: 'Invalid identity pool configuration. Check assigned IAM roles for this pool.',
    });
  });
});
