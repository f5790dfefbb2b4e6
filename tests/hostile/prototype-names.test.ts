/**
 * The cases issue 10 §1 saw, one by one, through the wire: names that exist on Object.prototype
 * (`constructor`, `__proto__`, `valueOf` …) used as access key ids, client ids, policy condition
 * operators, role-mapping claims, dataset and record names, bucket names. Each gets AWS's answer
 * for an unknown (or, where the name is data, an ordinary) name.
 */
import {
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetIdentityPoolRolesCommand,
  SetIdentityPoolRolesCommand,
} from '@aws-sdk/client-cognito-identity';
import { CognitoSyncClient, ListRecordsCommand, UpdateRecordsCommand } from '@aws-sdk/client-cognito-sync';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { evaluateConditions } from '../../src/sim/iam/conditions';
import { contextLookup } from '../../src/sim/iam/variables';
import { type Cloud, createCloud } from '../../src/sim/index';
import { ruleMatches } from '../../src/sim/services/cognito-identity/roles';
import { sdkConfig } from '../support/cloud-handler';
import { signInToUserPool, userPoolLoginKey } from '../pipeline/pipeline-support';
import { publicIdentity, roleArn, signedIdentity, sts } from '../sdk-conformance/support';
import { changedPaths, hostileCloud, identity, idp, jsonError, stateOf } from './hostile-support';

const sdkFailure = async (call: Promise<unknown>) => {
  try {
    await call;
    return { name: 'no error', status: 200 };
  } catch (error) {
    const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, status: e.$metadata?.httpStatusCode, message: e.message };
  }
};

const iamUser = (cloud: Cloud) => ({
  accessKeyId: cloud.demo.iamUser.accessKeyId,
  secretAccessKey: cloud.demo.iamUser.secretAccessKey,
});

describe('STS with an access key id named after an Object.prototype member', () => {
  it('refuses GetCallerIdentity signed as `constructor` with the secret `undefined`: InvalidClientTokenId, 403', async () => {
    const { cloud, clock } = await hostileCloud();
    for (const accessKeyId of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const client = new STSClient({
        ...sdkConfig(cloud, { accessKeyId, secretAccessKey: 'undefined' }),
        systemClockOffset: clock.now() - Date.now(),
      });
      expect(await sdkFailure(client.send(new GetCallerIdentityCommand({})))).toEqual({
        name: 'InvalidClientTokenId',
        status: 403,
        message: 'The security token included in the request is invalid.',
      });
    }
  });
});

describe('IAM condition operators named after Object.prototype members', () => {
  it('refuses a session policy with {"valueOf": …} or {"__proto__": …} as MalformedPolicyDocument and mints nothing', async () => {
    const { cloud, clock } = await hostileCloud();
    const client = new STSClient({
      ...sdkConfig(cloud, iamUser(cloud)),
      systemClockOffset: clock.now() - Date.now(),
    });
    for (const operator of ['valueOf', 'toString', '__proto__', 'constructor']) {
      const before = stateOf(cloud);
      // Written as text: a JS object literal cannot carry an own "__proto__" member through JSON.stringify.
      const Policy = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"${operator}":{"aws:userid":"nobody"}}}]}`;
      const failure = await sdkFailure(
        client.send(
          new AssumeRoleCommand({ RoleArn: cloud.demo.assumableRoleArn, RoleSessionName: 'hostile', Policy }),
        ),
      );
      // Wire code MalformedPolicyDocument; the SDK names its modeled exception class with the suffix.
      expect(failure).toMatchObject({ name: 'MalformedPolicyDocumentException', status: 400 });
      expect(changedPaths(before, stateOf(cloud))).toEqual([]);
    }
  });

  it('never lets an operator that IAM does not define match, whatever the context holds', () => {
    const lookup = contextLookup({ 'aws:userid': 'nobody' });
    for (const operator of ['valueOf', 'toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      const block = Object.create(null) as Record<string, Record<string, string>>;
      Object.defineProperty(block, operator, { value: { 'aws:userid': 'nobody' }, enumerable: true });
      expect(evaluateConditions(block, lookup, true).map((t) => t.matched)).toEqual([false]);
    }
  });
});

describe('identity pool role mapping on a claim named after an Object.prototype member', () => {
  const rule = (Claim: string) => ({
    Claim,
    MatchType: 'NotEqual' as const,
    Value: 'x',
    RoleARN: 'arn:aws:iam::1:role/Admins',
  });

  it('finds no claim `constructor`, so the NotEqual rule does not match', () => {
    for (const claim of ['constructor', 'toString', '__proto__', 'valueOf'])
      expect(ruleMatches(rule(claim), { sub: 'u', 'cognito:username': 'bob' })).toBe(false);
  });

  it('gives bob the authenticated role, not the admins role, through the wire', async () => {
    const { cloud, clock } = await hostileCloud();
    const poolId = cloud.demo.identityPool.id;
    const admin = signedIdentity(cloud, clock);
    const before = await admin.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: poolId }));
    const mappingKey = `${userPoolLoginKey(cloud)}:${cloud.demo.userPool.clientId}`;
    await admin.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: poolId,
        Roles: before.Roles,
        RoleMappings: {
          [mappingKey]: {
            Type: 'Rules',
            AmbiguousRoleResolution: 'AuthenticatedRole',
            RulesConfiguration: {
              Rules: [{ ...rule('constructor'), RoleARN: roleArn(cloud, 'AtlasAdminsRole') }],
            },
          },
        },
      }),
    );
    const bob = cloud.demo.userPool.users.findIndex((u) => u.username === 'bob');
    const tokens = await signInToUserPool(cloud, clock, bob);
    const Logins = { [userPoolLoginKey(cloud)]: tokens.idToken };
    const client = publicIdentity(cloud, clock);
    const { IdentityId } = await client.send(new GetIdCommand({ IdentityPoolId: poolId, Logins }));
    const c = (await client.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins }))).Credentials;
    const who = await sts(cloud, clock, {
      accessKeyId: c?.AccessKeyId as string,
      secretAccessKey: c?.SecretKey as string,
      sessionToken: c?.SessionToken as string,
    }).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe(
      `arn:aws:sts::${cloud.demo.accountId}:assumed-role/AtlasAuthenticatedRole/CognitoIdentityCredentials`,
    );
  });
});

describe('user pool ClientId named after an Object.prototype member', () => {
  it('answers SignUp with ClientId "__proto__" with ResourceNotFoundException and stores no user', async () => {
    const { cloud } = await hostileCloud();
    for (const ClientId of ['__proto__', 'constructor', 'toString']) {
      const before = stateOf(cloud);
      const r = await idp(cloud, 'SignUp', { ClientId, Username: 'mallory', Password: 'Passw0rd!long' });
      expect(jsonError(r)).toMatchObject({
        status: 400,
        type: 'ResourceNotFoundException',
        message: `User pool client ${ClientId} does not exist.`,
      });
      expect(changedPaths(before, stateOf(cloud))).toEqual([]);
    }
  });

  it('holds in a cloud restored from a snapshot too', async () => {
    const { cloud, clock } = await hostileCloud();
    const restored = await createCloud({ now: clock.now, snapshot: cloud.snapshot() });
    const r = await idp(restored, 'InitiateAuth', {
      ClientId: '__proto__',
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'alice', PASSWORD: 'x' },
    });
    expect(jsonError(r).type).toBe('ResourceNotFoundException');
  });
});

describe('Cognito Sync dataset and record named "__proto__"', () => {
  it('stores a record "__proto__" in a dataset "__proto__" (a legal name, [\\w.:-]+) and lists it back', async () => {
    const { cloud, clock } = await hostileCloud();
    const { IdentityId } = (await identity(cloud, 'GetId', { IdentityPoolId: cloud.demo.identityPool.id }))
      .json as {
      IdentityId: string;
    };
    const c = (await identity(cloud, 'GetCredentialsForIdentity', { IdentityId })).json
      ?.Credentials as Record<string, string>;
    const sync = new CognitoSyncClient({
      ...sdkConfig(cloud, {
        accessKeyId: c.AccessKeyId as string,
        secretAccessKey: c.SecretKey as string,
        sessionToken: c.SessionToken,
      }),
      systemClockOffset: clock.now() - Date.now(),
    });
    const ids = { IdentityPoolId: cloud.demo.identityPool.id, IdentityId, DatasetName: '__proto__' };
    const first = await sync.send(new ListRecordsCommand({ ...ids, LastSyncCount: 0 }));
    const written = await sync.send(
      new UpdateRecordsCommand({
        ...ids,
        SyncSessionToken: first.SyncSessionToken,
        RecordPatches: [
          { Op: 'replace', Key: '__proto__', Value: 'kept', SyncCount: 0 },
          { Op: 'replace', Key: 'constructor', Value: 'also kept', SyncCount: 0 },
        ],
      }),
    );
    expect(written.Records?.map((r) => [r.Key, r.Value, r.SyncCount])).toEqual([
      ['__proto__', 'kept', 1],
      ['constructor', 'also kept', 1],
    ]);
    // A second device (a restored cloud, as another tab would load it) sees both records.
    const restored = await createCloud({ now: clock.now, snapshot: cloud.snapshot() });
    const other = new CognitoSyncClient({
      ...sdkConfig(restored, {
        accessKeyId: c.AccessKeyId as string,
        secretAccessKey: c.SecretKey as string,
        sessionToken: c.SessionToken,
      }),
      systemClockOffset: clock.now() - Date.now(),
    });
    const listed = await other.send(new ListRecordsCommand({ ...ids, LastSyncCount: 0 }));
    expect(listed.DatasetExists).toBe(true);
    expect(listed.DatasetSyncCount).toBe(1);
    expect(listed.Records?.map((r) => [r.Key, r.Value])).toEqual([
      ['__proto__', 'kept'],
      ['constructor', 'also kept'],
    ]);
  });
});

describe('S3 bucket named "constructor"', () => {
  it('answers NoSuchBucket, 404, with no redirect to another region', async () => {
    const { cloud, clock } = await hostileCloud();
    const s3 = new S3Client({
      ...sdkConfig(cloud, iamUser(cloud)),
      systemClockOffset: clock.now() - Date.now(),
    });
    for (const Bucket of ['constructor', 'tostring', 'valueof']) {
      const failure = await sdkFailure(s3.send(new GetObjectCommand({ Bucket, Key: 'public/hello.txt' })));
      expect(failure).toMatchObject({ name: 'NoSuchBucket', status: 404 });
    }
  });
});
