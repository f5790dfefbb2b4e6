/**
 * Validation that used to be lenient or missing (issue 10, section 5). Each hostile input gets AWS's
 * own error, through the SDK client or the wire, and changes nothing.
 */
import { GetIdentityPoolRolesCommand, SetIdentityPoolRolesCommand } from '@aws-sdk/client-cognito-identity';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { CognitoSyncClient, ListRecordsCommand } from '@aws-sdk/client-cognito-sync';
import { describe, expect, it } from 'vitest';
import type { Cloud } from '../../src/sim/index';
import { amzDate } from '../../src/sim/core/time';
import { canonicalRequest, payloadHash } from '../../src/sim/sigv4/canonical-request';
import {
  authorizationHeader,
  credentialScope,
  signature,
  signingKey,
  stringToSign,
} from '../../src/sim/sigv4/stages';
import { developerKeys, roleArn, signedIdentity } from '../sdk-conformance/support';
import {
  enhancedFlow,
  failure,
  s3For,
  signInToUserPool,
  userPoolLoginKey,
} from '../pipeline/pipeline-support';
import { sdkConfig } from '../support/cloud-handler';
import { hostileCloud, send, stateOf } from './hostile-support';

/** A correct SigV4 signature over the given headers only: `host` left out on purpose. */
async function signWithout(
  request: Request,
  creds: { accessKeyId: string; secretAccessKey: string },
  service: string,
  region: string,
  now: number,
) {
  const date = amzDate(now);
  const scope = credentialScope(date, region, service);
  const headers = new Headers(request.headers);
  headers.set('x-amz-date', date);
  const hash = await payloadHash(request.clone());
  if (service === 's3') headers.set('x-amz-content-sha256', hash);
  const body = request.method === 'GET' ? undefined : await request.clone().text();
  const draft = new Request(request.url, { method: request.method, headers, body });
  const names = [...headers.keys()]
    .filter((h) => h === 'x-amz-date' || h === 'x-amz-content-sha256' || h === 'content-type')
    .sort();
  const canonical = await canonicalRequest(draft, names, {
    service,
    payloadHash: service === 's3' ? hash : undefined,
  });
  const sig = await signature(
    await signingKey(creds.secretAccessKey, date, region, service),
    await stringToSign(date, scope, canonical),
  );
  draft.headers.set('authorization', authorizationHeader(creds.accessKeyId, scope, names, sig));
  return draft;
}

describe('SigV4 requires host among the signed headers', () => {
  it('STS (Query): IncompleteSignature naming Host, nothing changes', async () => {
    const { cloud, clock } = await hostileCloud();
    const before = stateOf(cloud);
    const request = new Request('https://sts.amazonaws.com/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    const r = await send(
      cloud,
      await signWithout(request, developerKeys(cloud), 'sts', 'us-east-1', clock.now()),
    );
    expect(r.status).toBe(400);
    expect(r.text).toContain('<Code>IncompleteSignature</Code>');
    expect(r.text.replaceAll('&apos;', "'")).toContain(
      "<Message>'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.</Message>",
    );
    expect(stateOf(cloud)).toBe(before);
  });

  it('S3: AccessDenied with HeadersNotSigned host', async () => {
    const { cloud, clock } = await hostileCloud();
    const url = `https://${cloud.demo.bucket}.s3.${cloud.demo.region}.amazonaws.com/public/welcome.txt`;
    const signed = await signWithout(
      new Request(url),
      developerKeys(cloud),
      's3',
      cloud.demo.region,
      clock.now(),
    );
    const r = await send(cloud, signed);
    expect(r.status).toBe(403);
    expect(r.text).toContain('<Code>AccessDenied</Code>');
    expect(r.text).toContain(
      '<Message>There were headers present in the request which were not signed</Message>',
    );
    expect(r.text).toContain('<HeadersNotSigned>host</HeadersNotSigned>');
  });
});

describe('SetIdentityPoolRoles validates as the service model says', () => {
  async function setup() {
    const { cloud, clock } = await hostileCloud();
    const admin = signedIdentity(cloud, clock);
    const poolId = cloud.demo.identityPool.id;
    const current = await admin.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: poolId }));
    const key = `${userPoolLoginKey(cloud)}:${cloud.demo.userPool.clientId}`;
    const set = (input: Record<string, unknown>) =>
      failure(() =>
        admin.send(
          new SetIdentityPoolRolesCommand({
            IdentityPoolId: poolId,
            Roles: current.Roles,
            ...input,
          } as never),
        ),
      );
    return { cloud, admin, poolId, current, key, set };
  }
  const rule = (cloud: Cloud, extra: Record<string, unknown> = {}) => ({
    Claim: 'cognito:username',
    MatchType: 'Equals',
    Value: 'bob',
    RoleARN: roleArn(cloud, 'AtlasAdminsRole'),
    ...extra,
  });

  it('refuses bad enums, empty and oversized rule lists, and Rules without RulesConfiguration, storing nothing', async () => {
    const { cloud, key, set } = await setup();
    const before = stateOf(cloud);
    const SERVICE_RULES = [
      /RulesConfiguration is required/,
      /^accounts\.example\.com is not a valid RoleMapping ProviderName or is not a configured provider\.$/,
    ] as const;
    const cases: [Record<string, unknown>, RegExp][] = [
      [
        { [key]: { Type: 'Magic' } },
        /at 'roleMappings\..*\.member\.type' failed to satisfy constraint: Member must satisfy enum value set: \[Token, Rules\]/,
      ],
      [
        { [key]: { Type: 'Token', AmbiguousRoleResolution: 'Maybe' } },
        /enum value set: \[AuthenticatedRole, Deny\]/,
      ],
      [
        { [key]: { Type: 'Rules', RulesConfiguration: {} } },
        /Value null at '.*rulesConfiguration\.rules' failed to satisfy constraint: Member must not be null/,
      ],
      [
        { [key]: { Type: 'Rules', RulesConfiguration: { Rules: [] } } },
        /Member must have length greater than or equal to 1/,
      ],
      [
        { [key]: { Type: 'Rules', RulesConfiguration: { Rules: Array(26).fill(rule(cloud)) } } },
        /Member must have length less than or equal to 25/,
      ],
      [
        { [key]: { Type: 'Rules', RulesConfiguration: { Rules: [rule(cloud, { MatchType: 'Regex' })] } } },
        /enum value set: \[Equals, Contains, StartsWith, NotEqual\]/,
      ],
      [{ [key]: { Type: 'Rules' } }, SERVICE_RULES[0]],
      [{ 'accounts.example.com': { Type: 'Token' } }, SERVICE_RULES[1]],
    ];
    for (const [RoleMappings, message] of cases) {
      const error = await set({ RoleMappings });
      // The model's shape constraints are ValidationException; the service's own rules InvalidParameterException.
      const rule = SERVICE_RULES.some((r) => r === message);
      expect(error.name).toBe(rule ? 'InvalidParameterException' : 'ValidationException');
      expect(error.status).toBe(400);
      expect(error.message).toMatch(message);
    }
    expect(stateOf(cloud)).toBe(before);
  });

  it('refuses role keys other than authenticated/unauthenticated instead of dropping them', async () => {
    const { cloud, current, set } = await setup();
    const before = stateOf(cloud);
    const error = await set({ Roles: { ...current.Roles, admin: roleArn(cloud, 'AtlasAdminsRole') } });
    expect(error).toMatchObject({ name: 'ValidationException', status: 400 });
    expect(error.message).toContain(
      'Map keys must satisfy constraint: [Member must satisfy regular expression pattern: (un)?authenticated]',
    );
    expect(stateOf(cloud)).toBe(before);
  });

  it('answers a RoleMappings string as the JSON protocol does: SerializationException', async () => {
    const { cloud, set } = await setup();
    const before = stateOf(cloud);
    const error = await set({ RoleMappings: 'everyone-is-admin' });
    expect(error).toMatchObject({ name: 'SerializationException', status: 400 });
    expect(stateOf(cloud)).toBe(before);
  });
});

describe('the simulated Google token endpoint and unreadable client credentials', () => {
  it.each([
    ['not base64', 'Basic !!!not-base64!!!'],
    ['no colon', `Basic ${btoa('just-an-id')}`],
    ['bad percent-encoding', `Basic ${btoa('%E0%A4%A:secret')}`],
  ])('answers %s with invalid_client 401, never a 500', async (_label, header) => {
    const { cloud } = await hostileCloud();
    const before = stateOf(cloud);
    const r = await send(
      cloud,
      new Request('https://oauth2.googleapis.com/token', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: header },
        body: 'grant_type=authorization_code&code=x&redirect_uri=https%3A%2F%2Fexample.com%2F',
      }),
    );
    expect(r.status).toBe(401);
    expect(r.json).toEqual({ error: 'invalid_client', error_description: 'Unauthorized' });
    expect(stateOf(cloud)).toBe(before);
  });
});

describe('Cognito Sync ListRecords validates before it opens a sync session', () => {
  it.each([
    ['MaxResults 0', { MaxResults: 0 }],
    ['a NextToken that is not one', { NextToken: '%%%not-a-token' }],
  ])('refuses %s with InvalidParameterException and no session', async (_label, paging) => {
    const { cloud, clock } = await hostileCloud();
    const guest = await enhancedFlow(cloud, clock);
    const sync = new CognitoSyncClient({
      ...sdkConfig(cloud, guest.credentials),
      systemClockOffset: clock.now() - Date.now(),
    });
    const before = stateOf(cloud);
    const error = await failure(() =>
      sync.send(
        new ListRecordsCommand({
          IdentityPoolId: cloud.demo.identityPool.id,
          IdentityId: guest.identityId,
          DatasetName: 'settings',
          ...paging,
        }),
      ),
    );
    expect(error).toMatchObject({ name: 'InvalidParameterException', status: 400 });
    expect(stateOf(cloud)).toBe(before);
  });
});

describe('S3 user metadata is limited to 2 KB', () => {
  it('refuses 2,049 bytes of key+value with MetadataTooLarge and stores nothing; 2,048 fit', async () => {
    const { cloud, clock } = await hostileCloud();
    const tokens = await signInToUserPool(cloud, clock, 0);
    const alice = await enhancedFlow(cloud, clock, { [userPoolLoginKey(cloud)]: tokens.idToken });
    const s3 = s3For(cloud, clock, alice.credentials);
    const Key = `private/${alice.identityId}/meta.txt`;
    const before = stateOf(cloud);
    // key "k" (1 byte) + value: 2,048 bytes in all are allowed, one more is not.
    const over = await failure(() =>
      s3.send(
        new PutObjectCommand({
          Bucket: cloud.demo.bucket,
          Key,
          Body: 'x',
          Metadata: { k: 'v'.repeat(2048) },
        }),
      ),
    );
    expect(over).toMatchObject({
      name: 'MetadataTooLarge',
      status: 400,
      message: 'Your metadata headers exceed the maximum allowed metadata size.',
    });
    expect(stateOf(cloud)).toBe(before);
    const fits = await s3.send(
      new PutObjectCommand({ Bucket: cloud.demo.bucket, Key, Body: 'x', Metadata: { k: 'v'.repeat(2047) } }),
    );
    expect(fits.$metadata.httpStatusCode).toBe(200);
  });
});

describe('SAML processing instructions are refused like DOCTYPEs', () => {
  it('refuses a signed response carrying a processing instruction; the untouched response is accepted', async () => {
    const { cloud } = await hostileCloud();
    const saml = cloud.demo.saml;
    const user = saml.users[0] as { username: string; password: string };
    const original = await saml.signIn(user.username, user.password);
    const xml = Buffer.from(original, 'base64').toString('utf8');
    // Before the root element, outside what the signature covers, so only the PI can be the reason.
    const withPi = xml.replace(
      /<samlp:Response/,
      '<?xml-stylesheet href="https://attacker.example/x.xsl"?><samlp:Response',
    );
    expect(withPi).not.toBe(xml);
    const call = (assertion: string) =>
      send(
        cloud,
        new Request('https://sts.amazonaws.com/', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
          body: new URLSearchParams({
            Version: '2011-06-15',
            Action: 'AssumeRoleWithSAML',
            RoleArn: saml.roleArn,
            PrincipalArn: saml.providerArn,
            SAMLAssertion: assertion,
          }).toString(),
        }),
      );
    const before = stateOf(cloud);
    const refused = await call(Buffer.from(withPi).toString('base64'));
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('<Code>InvalidIdentityToken</Code>');
    expect(stateOf(cloud)).toBe(before);
    const accepted = await call(original);
    expect(accepted.status).toBe(200);
  });
});
