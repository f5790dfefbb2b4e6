/**
 * Generated hostile names at every place a name goes (issue 10 §1). Names are every member of
 * `Object.prototype` (`constructor`, `__proto__`, `toString`, `valueOf`, `hasOwnProperty` …) plus random
 * Unicode strings, sent through the official AWS SDK v3 clients (raw `cloud.fetch` for the OAuth,
 * Google, execute-api and AppSync endpoints).
 *
 * The oracle for "AWS's own error for an unknown name" is a control name of the same shape: the
 * hostile name with every cased letter replaced (`constructor` → `qqqqqqqqqqq`, `__proto__` →
 * `__qqqqq__`). Same length, same character classes, so the same validation applies; it names
 * nothing, so it gets the service's unknown-name error. A hostile name must get exactly that
 * (error code and HTTP status), never a 500 and never success, and must leave the state unchanged.
 * Places where a name is data (dataset names, record keys, object keys, metadata names, item ids)
 * must store it and give it back.
 */
import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CognitoIdentityClient, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import {
  CognitoSyncClient,
  DescribeDatasetCommand,
  ListRecordsCommand,
  UpdateRecordsCommand,
} from '@aws-sdk/client-cognito-sync';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { Cloud } from '../../src/sim/index';
import { createCloudHandler, sdkConfig } from '../support/cloud-handler';
import { idTokenFor } from '../appsync/appsync-support';
import { hostileCloud, identity } from './hostile-support';
import { anyName, placeChecks, tokenName, viaFetch, viaSdk } from './prototype-names-support';

let cloud: Cloud;
let now: () => number;
const counts: Record<string, number> = {};

beforeAll(async () => {
  const made = await hostileCloud();
  cloud = made.cloud;
  now = made.clock.now;
});

afterAll(() => {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.info(`prototype-names: ${total} generated names over ${Object.keys(counts).length} places`, counts);
});

const { refuses, stores } = placeChecks(() => cloud, counts);

const offset = () => ({ systemClockOffset: now() - Date.now() });
const iamUser = () => ({
  accessKeyId: cloud.demo.iamUser.accessKeyId,
  secretAccessKey: cloud.demo.iamUser.secretAccessKey,
});

describe('Cognito user pools (cognito-idp)', () => {
  const idp = () => new CognitoIdentityProviderClient(sdkConfig(cloud));
  refuses('SignUp ClientId', anyName, (name) =>
    viaSdk(() =>
      idp().send(new SignUpCommand({ ClientId: name, Username: 'newcomer', Password: 'Passw0rd!long' })),
    ),
  );
  refuses('InitiateAuth ClientId', anyName, (name) =>
    viaSdk(() =>
      idp().send(
        new InitiateAuthCommand({
          ClientId: name,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'alice', PASSWORD: 'x' },
        }),
      ),
    ),
  );
  refuses('InitiateAuth USERNAME', anyName, (name) =>
    viaSdk(() =>
      idp().send(
        new InitiateAuthCommand({
          ClientId: cloud.demo.userPool.clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: name, PASSWORD: 'Wrong-passw0rd' },
        }),
      ),
    ),
  );
  refuses('InitiateAuth AuthFlow', anyName, (name) =>
    viaSdk(() =>
      idp().send(
        new InitiateAuthCommand({
          ClientId: cloud.demo.userPool.clientId,
          AuthFlow: name as 'USER_PASSWORD_AUTH',
          AuthParameters: {},
        }),
      ),
    ),
  );
  refuses('ConfirmSignUp Username', anyName, (name) =>
    viaSdk(() =>
      idp().send(
        new ConfirmSignUpCommand({
          ClientId: cloud.demo.userPool.clientId,
          Username: name,
          ConfirmationCode: '123456',
        }),
      ),
    ),
  );
  refuses('RespondToAuthChallenge ChallengeName', anyName, (name) =>
    viaSdk(() =>
      idp().send(
        new RespondToAuthChallengeCommand({
          ClientId: cloud.demo.userPool.clientId,
          ChallengeName: name as 'SMS_MFA',
          ChallengeResponses: { USERNAME: 'alice' },
        }),
      ),
    ),
  );
  refuses('X-Amz-Target operation', tokenName, (name) =>
    viaFetch(
      cloud,
      () =>
        new Request(`https://cognito-idp.${cloud.demo.region}.amazonaws.com/`, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-amz-json-1.1',
            'x-amz-target': `AWSCognitoIdentityProviderService.${name}`,
          },
          body: '{}',
        }),
    ),
  );
});

describe('Cognito identity pools (cognito-identity)', () => {
  const client = () => new CognitoIdentityClient(sdkConfig(cloud));
  refuses('GetId Logins provider', anyName, (name) =>
    viaSdk(() =>
      client().send(
        new GetIdCommand({ IdentityPoolId: cloud.demo.identityPool.id, Logins: { [name]: 'token' } }),
      ),
    ),
  );
});

describe('STS and SigV4', () => {
  refuses('access key id (GetCallerIdentity)', tokenName, (name) =>
    viaSdk(() =>
      new STSClient({
        ...sdkConfig(cloud, { accessKeyId: name, secretAccessKey: 'undefined' }),
        ...offset(),
      }).send(new GetCallerIdentityCommand({})),
    ),
  );
  refuses('AssumeRole role name', tokenName, (name) =>
    viaSdk(() =>
      new STSClient({ ...sdkConfig(cloud, iamUser()), ...offset() }).send(
        new AssumeRoleCommand({
          RoleArn: `arn:aws:iam::${cloud.demo.accountId}:role/${name}`,
          RoleSessionName: 'fuzz',
        }),
      ),
    ),
  );
  refuses('session policy condition operator', tokenName, (name) =>
    viaSdk(() =>
      new STSClient({ ...sdkConfig(cloud, iamUser()), ...offset() }).send(
        new AssumeRoleCommand({
          RoleArn: cloud.demo.assumableRoleArn,
          RoleSessionName: 'fuzz',
          Policy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Action: 's3:GetObject',
                Resource: '*',
                Condition: { [name]: { 'aws:userid': 'nobody' } },
              },
            ],
          }),
        }),
      ),
    ),
  );
});

describe('S3', () => {
  const s3 = () => new S3Client({ ...sdkConfig(cloud, iamUser()), ...offset(), forcePathStyle: true });
  refuses('bucket name', anyName, (name) =>
    viaSdk(() => s3().send(new GetObjectCommand({ Bucket: name, Key: 'public/hello.txt' }))),
  );
  refuses('object key (GetObject)', anyName, (name) =>
    viaSdk(() => s3().send(new GetObjectCommand({ Bucket: cloud.demo.bucket, Key: `public/${name}` }))),
  );
  stores('object key and metadata name (PutObject)', tokenName, async (name) => {
    const Key = `public/${name}`;
    const put = await viaSdk(() =>
      s3().send(
        new PutObjectCommand({ Bucket: cloud.demo.bucket, Key, Body: name, Metadata: { [name]: 'kept' } }),
      ),
    );
    expect(put).toEqual({ ok: true, status: 200 });
    // Read the wire headers: the SDK itself builds Metadata with plain assignment, which drops `__proto__`.
    let wire = new Headers();
    const recording = new S3Client({
      ...sdkConfig(cloud, iamUser()),
      ...offset(),
      forcePathStyle: true,
      requestHandler: createCloudHandler({
        fetch: async (request) => {
          const response = await cloud.fetch(request);
          wire = response.headers;
          return response;
        },
      }),
    });
    await recording.send(new HeadObjectCommand({ Bucket: cloud.demo.bucket, Key }));
    // Metadata names travel as HTTP header names, so S3 gives them back in lower case.
    const metadata = [...wire.keys()].filter((h) => h.startsWith('x-amz-meta-'));
    expect(metadata).toEqual([`x-amz-meta-${name.toLowerCase()}`]);
    expect(wire.get(`x-amz-meta-${name}`)).toBe('kept');
  });
});

describe('SSM', () => {
  refuses('parameter name', anyName, (name) =>
    viaSdk(() =>
      new SSMClient({ ...sdkConfig(cloud, iamUser()), ...offset() }).send(
        new GetParameterCommand({ Name: name }),
      ),
    ),
  );
});

describe('Cognito Sync', () => {
  let sync: () => CognitoSyncClient;
  let identityId: string;
  beforeAll(async () => {
    const got = (await identity(cloud, 'GetId', { IdentityPoolId: cloud.demo.identityPool.id })).json as {
      IdentityId: string;
    };
    identityId = got.IdentityId;
    const c = (await identity(cloud, 'GetCredentialsForIdentity', { IdentityId: identityId })).json
      ?.Credentials as Record<string, string>;
    const credentials = {
      accessKeyId: c.AccessKeyId as string,
      secretAccessKey: c.SecretKey as string,
      sessionToken: c.SessionToken,
    };
    sync = () => new CognitoSyncClient({ ...sdkConfig(cloud, credentials), ...offset() });
  });
  const ids = (DatasetName: string) => ({
    IdentityPoolId: cloud.demo.identityPool.id,
    IdentityId: identityId,
    DatasetName,
  });
  refuses('DescribeDataset dataset name', anyName, (name) =>
    viaSdk(() => sync().send(new DescribeDatasetCommand(ids(name)))),
  );
  stores('dataset name and record key (UpdateRecords, ListRecords)', anyName, async (name) => {
    const listed = await viaSdk(() =>
      sync().send(new ListRecordsCommand({ ...ids(name), LastSyncCount: 0 })),
    );
    if (!listed.ok) {
      // Not a legal dataset name ([\w.:-]+, 1–128): refused as any such name is.
      expect({ code: listed.code, status: listed.status }).toEqual({
        code: 'InvalidParameterException',
        status: 400,
      });
      return;
    }
    const first = await sync().send(new ListRecordsCommand({ ...ids(name), LastSyncCount: 0 }));
    const existing = first.Records?.find((r) => r.Key === name);
    await sync().send(
      new UpdateRecordsCommand({
        ...ids(name),
        SyncSessionToken: first.SyncSessionToken,
        RecordPatches: [
          { Op: 'replace', Key: name, Value: `value of ${name}`, SyncCount: existing?.SyncCount ?? 0 },
        ],
      }),
    );
    const again = await sync().send(new ListRecordsCommand({ ...ids(name), LastSyncCount: 0 }));
    expect(again.DatasetExists).toBe(true);
    expect(again.Records?.map((r) => [r.Key, r.Value])).toContainEqual([name, `value of ${name}`]);
    const described = await sync().send(new DescribeDatasetCommand(ids(name)));
    expect(described.Dataset?.DatasetName).toBe(name);
  });
});

describe('API Gateway and AppSync hosts', () => {
  refuses('execute-api API id in the host', tokenName, (name) =>
    viaFetch(
      cloud,
      () => new Request(`https://${name}.execute-api.${cloud.demo.region}.amazonaws.com/prod/me`),
    ),
  );
  refuses('appsync-api API id in the host', tokenName, (name) =>
    viaFetch(
      cloud,
      () =>
        new Request(`https://${name}.appsync-api.${cloud.demo.region}.amazonaws.com/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ listItems { items { id } } }' }),
        }),
    ),
  );
  stores('AppSync item id (createItem, getItem)', anyName, async (name) => {
    const app = cloud.demo.appSync;
    if (!app) throw new Error('demo has no AppSync API');
    const token = await idTokenFor(cloud, 0);
    const call = async (query: string, variables: Record<string, unknown>) => {
      const r = await cloud.fetch(
        new Request(app.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: token },
          body: JSON.stringify({ query, variables }),
        }),
      );
      expect(r.status).toBeLessThan(500);
      return (await r.json()) as {
        data?: Record<string, { id: string; text: string } | null>;
        errors?: unknown[];
      };
    };
    const before = await call('query G($id: ID!) { getItem(id: $id) { id text } }', { id: name });
    if (before.data?.getItem) return; // created by an earlier run with the same name
    expect(before.errors).toBeUndefined();
    const created = await call(
      'mutation C($input: CreateItemInput!) { createItem(input: $input) { id text } }',
      {
        input: { id: name, text: `text of ${name}` },
      },
    );
    expect(created.errors).toBeUndefined();
    const got = await call('query G($id: ID!) { getItem(id: $id) { id text } }', { id: name });
    expect(got.data?.getItem).toEqual({ id: name, text: `text of ${name}` });
  });
});
