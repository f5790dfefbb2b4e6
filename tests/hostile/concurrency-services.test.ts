/**
 * Concurrent requests at the identity pool, STS, Cognito Sync, S3, AppSync and the hosted-domain
 * OAuth endpoints: every operation that checks before it writes answers a burst exactly as it answers
 * the same requests one after another (the engine's request queue, src/sim/cloud.ts).
 */
import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import { CognitoSyncClient, ListRecordsCommand, UpdateRecordsCommand } from '@aws-sdk/client-cognito-sync';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleWithSAMLCommand, STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import type { Cloud } from '../../src/sim/index';
import { CREATE, graphql, field, idTokenFor, UPDATE } from '../appsync/appsync-support';
import { type createTestClock, sdkConfig } from '../support/cloud-handler';
import { concurrentAndSequential, count, outcomeOf, sdkOutcome, times } from './concurrency-support';
import { signIn, userPoolLogin } from './hostile-support';

type Clock = ReturnType<typeof createTestClock>;

async function aliceIdentity(cloud: Cloud) {
  const logins = { [userPoolLogin(cloud)]: (await signIn(cloud)).IdToken };
  const identity = new CognitoIdentityClient(sdkConfig(cloud));
  const { IdentityId } = await identity.send(
    new GetIdCommand({ IdentityPoolId: cloud.demo.identityPool.id, Logins: logins }),
  );
  const out = await identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }));
  return {
    identityId: IdentityId as string,
    credentials: {
      accessKeyId: out.Credentials?.AccessKeyId as string,
      secretAccessKey: out.Credentials?.SecretKey as string,
      sessionToken: out.Credentials?.SessionToken,
    },
  };
}

const daveAssertion = (cloud: Cloud) => {
  const dave = cloud.demo.saml.users[0] as { username: string; password: string };
  return cloud.demo.saml.signIn(dave.username, dave.password);
};

describe('identity pool and STS under concurrent requests', () => {
  it('GetId: five at once for one login create one identity', async () => {
    const { concurrent, sequential, clouds, prepared } = await concurrentAndSequential(
      async (cloud) => ({ [userPoolLogin(cloud)]: (await signIn(cloud)).IdToken }),
      (cloud, logins) => {
        const client = new CognitoIdentityClient(sdkConfig(cloud));
        return times(5, () =>
          client
            .send(new GetIdCommand({ IdentityPoolId: cloud.demo.identityPool.id, Logins: logins }))
            .then((out) => `200 ${out.IdentityId}`),
        );
      },
    );
    expect(concurrent).toEqual(sequential);
    expect(new Set(concurrent).size).toBe(1);
    const identities = (cloud: Cloud) =>
      Object.keys(JSON.parse(cloud.snapshot().state).cognitoIdentity.identities ?? {}).length;
    expect(identities(clouds[0])).toBe(identities(clouds[1]));
    expect(prepared[0]).toBeDefined();
  });

  it('AssumeRoleWithSAML: one assertion sent five times at once answers as five in a row', async () => {
    const { concurrent, sequential } = await concurrentAndSequential(
      (cloud) => daveAssertion(cloud),
      (cloud, assertion) => {
        const sts = new STSClient(sdkConfig(cloud));
        return times(5, () =>
          sdkOutcome(
            sts.send(
              new AssumeRoleWithSAMLCommand({
                RoleArn: cloud.demo.saml.roleArn,
                PrincipalArn: cloud.demo.saml.providerArn,
                SAMLAssertion: assertion,
              }),
            ),
          ),
        );
      },
    );
    // The replay rule itself belongs to STS (services/sts/saml.ts); atomicity means a burst obeys it.
    expect(concurrent).toEqual(sequential);
  });

  it('GetId and GetCredentialsForIdentity with one SAML assertion answer a burst as a sequence', async () => {
    const { concurrent, sequential } = await concurrentAndSequential(
      async (cloud) => {
        const logins = { [cloud.demo.saml.providerArn]: await daveAssertion(cloud) };
        const client = new CognitoIdentityClient(sdkConfig(cloud));
        const { IdentityId } = await client.send(
          new GetIdCommand({ IdentityPoolId: cloud.demo.identityPool.id, Logins: logins }),
        );
        return { client, logins, IdentityId };
      },
      (_cloud, { client, logins, IdentityId }) =>
        times(5, () =>
          sdkOutcome(client.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }))),
        ),
    );
    expect(concurrent).toEqual(sequential);
  });
});

describe('Cognito Sync, S3 and AppSync under concurrent requests', () => {
  it('UpdateRecords: five writers with the same SyncCount; one wins, the others get ResourceConflictException', async () => {
    const { concurrent, sequential, clouds } = await concurrentAndSequential(
      async (cloud, clock: Clock) => {
        const me = await aliceIdentity(cloud);
        const sync = new CognitoSyncClient({
          ...sdkConfig(cloud, me.credentials),
          systemClockOffset: clock.now() - Date.now(),
        });
        const ids = {
          IdentityPoolId: cloud.demo.identityPool.id,
          IdentityId: me.identityId,
          DatasetName: 'settings',
        };
        const tokens: string[] = [];
        for (let i = 0; i < 5; i++) {
          const list = await sync.send(new ListRecordsCommand({ ...ids, LastSyncCount: 0 }));
          tokens.push(list.SyncSessionToken as string);
        }
        return { sync, ids, tokens };
      },
      (_cloud, { sync, ids, tokens }) =>
        tokens.map(
          (token, i) => () =>
            sdkOutcome(
              sync.send(
                new UpdateRecordsCommand({
                  ...ids,
                  SyncSessionToken: token,
                  RecordPatches: [{ Op: 'replace', Key: 'theme', Value: `writer-${i}`, SyncCount: 0 }],
                }),
              ),
            ),
        ),
    );
    expect(concurrent).toEqual(sequential);
    expect(count(concurrent, '200')).toBe(1);
    expect(count(concurrent, '409 ResourceConflictException')).toBe(4);
    const records = (cloud: Cloud) => JSON.stringify(JSON.parse(cloud.snapshot().state).cognitoSync);
    expect(records(clouds[0])).toContain('writer-0');
    expect(records(clouds[0])).not.toContain('writer-1');
  });

  it('PutObject: five writes of one key at once leave the last one sent, as in sequence', async () => {
    const { concurrent, sequential, clouds, prepared } = await concurrentAndSequential(
      async (cloud, clock: Clock) => {
        const me = await aliceIdentity(cloud);
        const s3 = new S3Client({
          ...sdkConfig(cloud, me.credentials),
          systemClockOffset: clock.now() - Date.now(),
        });
        return { s3, key: `private/${me.identityId}/notes.txt` };
      },
      (cloud, { s3, key }) =>
        // Bodies of very different sizes: hashing the big one takes longer, which used to let a later write land first.
        [50_000, 10, 20_000, 5, 1].map(
          (size, i) => () =>
            sdkOutcome(
              s3.send(
                new PutObjectCommand({ Bucket: cloud.demo.bucket, Key: key, Body: `${i}`.repeat(size) }),
              ),
            ),
        ),
    );
    expect(concurrent).toEqual(sequential);
    expect(count(concurrent, '200')).toBe(5);
    const body = async (cloud: Cloud, s3: S3Client, key: string) =>
      (
        await s3.send(new GetObjectCommand({ Bucket: cloud.demo.bucket, Key: key }))
      ).Body?.transformToString();
    expect(await body(clouds[0], prepared[0].s3, prepared[0].key)).toBe('4');
    expect(await body(clouds[1], prepared[1].s3, prepared[1].key)).toBe('4');
  });

  it('AppSync: five updates from one version at once; the version check sees each of them in turn', async () => {
    const { concurrent, sequential, clouds } = await concurrentAndSequential(
      async (cloud) => {
        cloud.demo.appSync?.setConflictHandler('OPTIMISTIC_CONCURRENCY');
        const token = await idTokenFor(cloud, 0);
        const created = await graphql(cloud, { authorization: token }, CREATE, {
          input: { text: 'Plan trip' },
        });
        return { token, id: field<{ id: string }>(created, 'createItem').id };
      },
      (cloud, { token, id }) =>
        [0, 1, 2, 3, 4].map((i) => async () => {
          const reply = await graphql(cloud, { authorization: token }, UPDATE, {
            input: { id, text: `edit ${i}`, _version: 1 },
          });
          return `${reply.status} ${String(reply.body.errors?.[0]?.errorType ?? 'ok')}`;
        }),
    );
    expect(concurrent).toEqual(sequential);
    expect(count(concurrent, '200 ok')).toBe(1);
    expect(count(concurrent, '200 ConflictUnhandled')).toBe(4);
    const items = (cloud: Cloud) => JSON.stringify(JSON.parse(cloud.snapshot().state).appsync);
    expect(items(clouds[0])).toContain('edit 0');
    expect(items(clouds[0])).not.toContain('edit 1');
  });

  it('AppSync: creates at once are all kept', async () => {
    const { concurrent, clouds } = await concurrentAndSequential(
      (cloud) => idTokenFor(cloud, 0),
      (cloud, token) =>
        [0, 1, 2, 3, 4, 5, 6, 7].map((i) => async () => {
          const reply = await graphql(cloud, { authorization: token }, CREATE, {
            input: { text: `item ${i}` },
          });
          return `${reply.status} ${field<{ text: string }>(reply, 'createItem').text}`;
        }),
    );
    expect(concurrent).toHaveLength(8);
    const api = (cloud: Cloud) =>
      JSON.parse(cloud.snapshot().state).appsync.apis[cloud.demo.appSync?.apiId as string];
    const texts = Object.values(api(clouds[0]).items as Record<string, { text: string }>).map(
      (item) => item.text,
    );
    for (let i = 0; i < 8; i++) expect(texts).toContain(`item ${i}`);
  });
});

describe('hosted-domain OAuth under concurrent requests', () => {
  it('an authorization code redeemed five times at once gives tokens once', async () => {
    const { concurrent, sequential } = await concurrentAndSequential(
      async (cloud) => {
        const prefix = JSON.parse(cloud.snapshot().state).cognitoIdp.pools[cloud.demo.userPool.id]
          .domainPrefix;
        const domain = `https://${prefix}.auth.${cloud.demo.region}.amazoncognito.com`;
        return { domain, code: await googleCode(cloud, domain) };
      },
      (cloud, { domain, code }) =>
        times(5, () =>
          cloud
            .fetch(
              new Request(`${domain}/oauth2/token`, {
                method: 'POST',
                headers: { 'content-type': 'application/x-www-form-urlencoded' },
                body: new URLSearchParams({
                  grant_type: 'authorization_code',
                  client_id: cloud.demo.userPool.clientId,
                  code,
                  redirect_uri: APP,
                }).toString(),
              }),
            )
            .then(outcomeOf),
        ),
    );
    expect(concurrent).toEqual(sequential);
    expect(count(concurrent, '200')).toBe(1);
    expect(count(concurrent, '400 invalid_grant')).toBe(4);
  });
});

const APP = 'https://app.identity-atlas.test/callback';

/** authorize → Google sign-in → /oauth2/idpresponse → the app's callback (no PKCE); returns the code. */
async function googleCode(cloud: Cloud, domain: string): Promise<string> {
  const follow = async (request: Request) =>
    new URL((await cloud.fetch(request)).headers.get('location') ?? '');
  const authorize = new URL(`${domain}/oauth2/authorize`);
  for (const [k, v] of Object.entries({
    response_type: 'code',
    client_id: cloud.demo.userPool.clientId,
    redirect_uri: APP,
    identity_provider: 'Google',
    scope: 'openid email',
  }))
    authorize.searchParams.set(k, v);
  const toGoogle = await follow(new Request(authorize, { redirect: 'manual' }));
  const back = await follow(
    new Request(toGoogle, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'carol@gmail.com', password: 'Carol-Gmail-2024!' }).toString(),
      redirect: 'manual',
    }),
  );
  const toApp = await follow(new Request(back, { redirect: 'manual' }));
  const code = toApp.searchParams.get('code');
  if (!code) throw new Error(`no code in ${toApp.href}`);
  return code;
}
