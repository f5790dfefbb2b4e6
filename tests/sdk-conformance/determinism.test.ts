/**
 * Determinism and snapshots (issue 2 "State and reproducibility"): the same seed, clock and actions
 * give the same response bytes for every request; and a cloud restored from cloud.snapshot() in the
 * middle of a session continues exactly as the original does (tokens and credentials issued before
 * the snapshot still work, ids and request ids continue the same sequence).
 *
 * The SDK signs with the machine's Date, so Date alone is faked and pinned to the simulation clock:
 * otherwise X-Amz-Date would drift with real time and the signed requests themselves would differ.
 */
import { GetCredentialsForIdentityCommand, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import {
  CognitoIdentityProviderClient,
  GetUserCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, AssumeRoleWithSAMLCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Cloud, createCloud } from '../../src/sim/index';
import { createCloudHandler, createTestClock } from '../support/cloud-handler';
import type { Credentials } from '../pipeline/pipeline-support';

const START = Date.UTC(2026, 10, 26, 12, 0, 0);

/** A recording view of a cloud: every response as status, sorted headers and body bytes (base64). */
function recorder(cloud: Cloud) {
  const log: string[] = [];
  const fetch = async (request: Request) => {
    const response = await cloud.fetch(request);
    const headers: string[] = [];
    for (const [k, v] of response.headers) headers.push(`${k}: ${v}`);
    const bytes = new Uint8Array(await response.clone().arrayBuffer());
    log.push(
      `${request.method} ${request.url}\n${response.status}\n${headers.sort().join('\n')}\n${Buffer.from(bytes).toString('base64')}`,
    );
    return response;
  };
  return { log, fetch, handler: createCloudHandler({ fetch }) };
}

interface Session {
  cloud: Cloud;
  log: string[];
  fetch(request: Request): Promise<Response>;
  clients(credentials?: Credentials): {
    idp: CognitoIdentityProviderClient;
    identity: CognitoIdentityClient;
    s3: S3Client;
    sts: STSClient;
  };
}

function session(cloud: Cloud): Session {
  const { log, fetch, handler } = recorder(cloud);
  const config = (credentials?: Credentials) => ({
    region: cloud.demo.region,
    requestHandler: handler,
    credentials: credentials ?? { accessKeyId: 'AKIDUNSIGNEDPLACEHOLDER', secretAccessKey: 'unused' },
    maxAttempts: 1,
  });
  return {
    cloud,
    log,
    fetch,
    clients: (credentials) => ({
      idp: new CognitoIdentityProviderClient(config(credentials)),
      identity: new CognitoIdentityClient(config(credentials)),
      s3: new S3Client(config(credentials)),
      sts: new STSClient(config(credentials)),
    }),
  };
}

const clock = createTestClock(START);
const advance = (ms: number) => {
  clock.advance(ms);
  vi.setSystemTime(clock.now());
};

beforeEach(() => {
  clock.set(START);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(START);
});
afterEach(() => {
  vi.useRealTimers();
});

interface Carried {
  idToken: string;
  accessToken: string;
  refreshToken: string;
  identityId: string;
  logins: Record<string, string>;
  credentials: Credentials;
}

/** Part 1: sign in, enhanced flow, S3 put and get. */
async function firstHalf(s: Session): Promise<Carried> {
  const { idp, identity } = s.clients();
  const alice = s.cloud.demo.userPool.users[0] as { username: string; password: string };
  const auth = await idp.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: s.cloud.demo.userPool.clientId,
      AuthParameters: { USERNAME: alice.username, PASSWORD: alice.password },
    }),
  );
  const r = auth.AuthenticationResult ?? {};
  const logins = {
    [`cognito-idp.${s.cloud.demo.region}.amazonaws.com/${s.cloud.demo.userPool.id}`]: r.IdToken as string,
  };
  advance(2_000);
  const { IdentityId } = await identity.send(
    new GetIdCommand({ IdentityPoolId: s.cloud.demo.identityPool.id, Logins: logins }),
  );
  const out = await identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }));
  const credentials = {
    accessKeyId: out.Credentials?.AccessKeyId as string,
    secretAccessKey: out.Credentials?.SecretKey as string,
    sessionToken: out.Credentials?.SessionToken as string,
  };
  advance(2_000);
  const { s3 } = s.clients(credentials);
  const Key = `private/${IdentityId}/note.txt`;
  await s3.send(
    new PutObjectCommand({
      Bucket: s.cloud.demo.bucket,
      Key,
      Body: 'hello, atlas',
      ContentType: 'text/plain',
    }),
  );
  await (await s3.send(new GetObjectCommand({ Bucket: s.cloud.demo.bucket, Key }))).Body?.transformToString();
  return {
    idToken: r.IdToken as string,
    accessToken: r.AccessToken as string,
    refreshToken: r.RefreshToken as string,
    identityId: IdentityId as string,
    logins,
    credentials,
  };
}

/** Part 2: uses what part 1 issued, then STS AssumeRole with MFA, SAML, and a new guest identity. */
async function secondHalf(s: Session, carried: Carried) {
  advance(60_000);
  const { idp, identity, sts } = s.clients();
  await idp.send(new GetUserCommand({ AccessToken: carried.accessToken }));
  await idp.send(
    new InitiateAuthCommand({
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: s.cloud.demo.userPool.clientId,
      AuthParameters: { REFRESH_TOKEN: carried.refreshToken },
    }),
  );
  await s.fetch(new Request(`${s.cloud.demo.api.url}/me`, { headers: { authorization: carried.idToken } }));
  const { s3 } = s.clients(carried.credentials);
  await (
    await s3.send(
      new GetObjectCommand({ Bucket: s.cloud.demo.bucket, Key: `private/${carried.identityId}/note.txt` }),
    )
  ).Body?.transformToString();
  await s.clients(carried.credentials).sts.send(new GetCallerIdentityCommand({}));
  await identity.send(
    new GetCredentialsForIdentityCommand({ IdentityId: carried.identityId, Logins: carried.logins }),
  );

  const user = s.cloud.demo.iamUser;
  const developer = s.clients({ accessKeyId: user.accessKeyId, secretAccessKey: user.secretAccessKey });
  await developer.sts.send(
    new AssumeRoleCommand({
      RoleArn: s.cloud.demo.iam?.mfaRoleArn,
      RoleSessionName: 'with-mfa',
      SerialNumber: user.mfaSerial,
      TokenCode: await user.mfaCode(clock.now()),
    }),
  );
  advance(1_000);
  const dave = s.cloud.demo.saml.users[0] as { username: string; password: string };
  const assertion = await s.cloud.demo.saml.signIn(dave.username, dave.password);
  await sts.send(
    new AssumeRoleWithSAMLCommand({
      RoleArn: s.cloud.demo.saml.roleArn,
      PrincipalArn: s.cloud.demo.saml.providerArn,
      SAMLAssertion: assertion,
    }),
  );
  const guest = await identity.send(new GetIdCommand({ IdentityPoolId: s.cloud.demo.identityPool.id }));
  await identity.send(new GetCredentialsForIdentityCommand({ IdentityId: guest.IdentityId }));
}

const statuses = (log: string[]) => log.map((entry) => entry.split('\n')[1]);

describe('determinism', () => {
  it('the same seed and clock give identical response bytes for every request', async () => {
    const runs: string[][] = [];
    for (let i = 0; i < 2; i++) {
      clock.set(START);
      vi.setSystemTime(START);
      const s = session(await createCloud({ now: clock.now, seed: 'determinism' }));
      await secondHalf(s, await firstHalf(s));
      runs.push(s.log);
    }
    const [a, b] = runs as [string[], string[]];
    expect(a.length).toBe(15);
    // Every step succeeded (statuses 200), so the comparison is over real work, not errors.
    expect(new Set(statuses(a))).toEqual(new Set(['200']));
    for (let i = 0; i < a.length; i++) expect(b[i], `request ${i}`).toBe(a[i]);
  });

  it('a different seed gives different bytes (the comparison above can fail)', async () => {
    const first = session(await createCloud({ now: clock.now, seed: 'one' }));
    await firstHalf(first);
    clock.set(START);
    vi.setSystemTime(START);
    const second = session(await createCloud({ now: clock.now, seed: 'two' }));
    await firstHalf(second);
    expect(second.log[0]).not.toBe(first.log[0]);
  });
});

describe('snapshot and restore mid-sequence', () => {
  it('a restored cloud continues exactly as the original: old tokens and credentials work, sequences continue', async () => {
    const original = session(await createCloud({ now: clock.now, seed: 'snapshot' }));
    const carried = await firstHalf(original);
    const snapshot = original.cloud.snapshot();
    const at = clock.now();
    const before = original.log.length;

    await secondHalf(original, carried);
    const continued = original.log.slice(before);

    clock.set(at);
    vi.setSystemTime(at);
    // Through structured clone, as IndexedDB would keep it (CryptoKeys survive, private keys stay unextractable).
    const restored = session(await createCloud({ now: clock.now, snapshot: structuredClone(snapshot) }));
    await secondHalf(restored, carried);

    expect(new Set(statuses(restored.log))).toEqual(new Set(['200']));
    expect(restored.log.length).toBe(continued.length);
    for (let i = 0; i < continued.length; i++) expect(restored.log[i], `request ${i}`).toBe(continued[i]);
    expect(restored.cloud.demo.userPool.id).toBe(original.cloud.demo.userPool.id);
  });

  it('works the same with freshly generated keys: tokens signed before the snapshot verify after it', async () => {
    const original = session(await createCloud({ now: clock.now, keys: 'generate' }));
    const carried = await firstHalf(original);
    const restored = session(
      await createCloud({ now: clock.now, snapshot: structuredClone(original.cloud.snapshot()) }),
    );
    await secondHalf(restored, carried);
    expect(restored.log).toHaveLength(10);
    expect(new Set(statuses(restored.log))).toEqual(new Set(['200']));
  });
});
