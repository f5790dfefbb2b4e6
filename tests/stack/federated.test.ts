import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importStack } from '../../src/stack/index';
import {
  googlePools,
  playGoogle,
  playSaml,
  samlPools,
  samlTrust,
  trustSimulatedSamlIdp,
} from '../../src/stack/play-federated';
import { playResourceCall } from '../../src/stack/play-resource';

const text = readFileSync('tests/fixtures/stack/federated-stack.yaml', 'utf8');
const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
const load = () => importStack(text, { cloud: { now: () => NOW } });
const GOOGLE_CLIENT = '1234567890-readerapp.apps.googleusercontent.com';

describe('Google and SAML sign-in played against an imported stack', () => {
  it('finds the identity pool that takes Google and the one that takes the SAML provider', async () => {
    const r = await load();
    const ip = Object.values(r.state.cognitoIdentity.pools)[0];
    expect(googlePools(r.state)).toEqual([
      { identityPoolId: ip?.IdentityPoolId, name: 'reader_ids', clientIds: [GOOGLE_CLIENT] },
    ]);
    expect(samlPools(r.state)).toEqual([
      {
        identityPoolId: ip?.IdentityPoolId,
        name: 'reader_ids',
        providerArn: 'arn:aws:iam::123456789012:saml-provider/CorpIdP',
      },
    ]);
    expect(r.samlEntityIds).toEqual({
      'arn:aws:iam::123456789012:saml-provider/CorpIdP': 'https://idp.corp.example/saml',
    });
  });

  it('a Google user of the template’s client gets the authenticated role, and writes to their own prefix', async () => {
    const r = await load();
    const [pool] = googlePools(r.state);
    const played = await playGoogle(r.cloud, 'us-east-1', {
      identityPoolId: pool?.identityPoolId ?? '',
      clientId: GOOGLE_CLIENT,
      username: 'reader@gmail.com',
    });
    expect(played.calls.map((c) => [c.operation, c.ok])).toEqual([
      ['Google sign-in', true],
      ['GetId', true],
      ['GetCredentialsForIdentity', true],
    ]);
    expect(played.roleArn).toBe('arn:aws:iam::123456789012:role/reader-auth');
    expect(played.accessKeyId).toMatch(/^ASIA/);
    expect(
      played.events.some(
        (e) =>
          e.kind === 'login.verified' &&
          (e.detail as { provider?: string }).provider === 'accounts.google.com',
      ),
    ).toBe(true);
    await playResourceCall(r.cloud, 'us-east-1', NOW, r.matrix, played);
    expect(played.calls.at(-1)).toEqual({
      operation: `PutObject s3://reader-files-test/private/${played.identityId}/example.txt`,
      ok: true,
      summary: 'HTTP 200',
    });
    expect(played.touched).toEqual([
      'login:accounts.google.com',
      `identity-pool:${pool?.identityPoolId}`,
      'role:reader-auth',
      'resource:s3:reader-files-test',
    ]);
  });

  it('a Google token for a client id the pool does not list is refused as AWS refuses it', async () => {
    const r = await load();
    const [pool] = googlePools(r.state);
    const played = await playGoogle(r.cloud, 'us-east-1', {
      identityPoolId: pool?.identityPoolId ?? '',
      clientId: 'another-app.apps.googleusercontent.com',
      username: 'reader@gmail.com',
    });
    expect(played.calls[1]).toMatchObject({ operation: 'GetId', ok: false });
    expect(played.calls[1]?.summary).toMatch(/^NotAuthorizedException: /);
    expect(played.accessKeyId).toBeUndefined();
  });

  it('a SAML assertion from the simulator is refused while the provider holds the reader’s own IdP certificate', async () => {
    const r = await load();
    const [entry] = samlPools(r.state);
    const providerArn = entry?.providerArn ?? '';
    expect(samlTrust(r.cloud, providerArn)).toMatchObject({
      trusted: false,
      certificates: [expect.stringMatching(/^MII/)],
    });
    const played = await playSaml(r.cloud, 'us-east-1', {
      identityPoolId: entry?.identityPoolId ?? '',
      providerArn,
      entityId: r.samlEntityIds[providerArn],
      username: 'dana',
      roleArns: [],
    });
    expect(played.calls.map((c) => [c.operation, c.ok])).toEqual([
      ['SAML sign-in', true],
      ['GetId', false],
    ]);
    expect(played.calls[1]?.summary).toMatch(/^NotAuthorizedException: /);
    expect(played.note).toMatch(/Let the simulated IdP stand in/);
  });

  it('with the simulated IdP standing in, the corporate user gets the role the rule names', async () => {
    const r = await load();
    const [entry] = samlPools(r.state);
    const providerArn = entry?.providerArn ?? '';
    await trustSimulatedSamlIdp(r.cloud, providerArn);
    expect(samlTrust(r.cloud, providerArn).trusted).toBe(true);
    const played = await playSaml(r.cloud, 'us-east-1', {
      identityPoolId: entry?.identityPoolId ?? '',
      providerArn,
      entityId: r.samlEntityIds[providerArn],
      username: 'dana',
      roleArns: [],
    });
    expect(played.calls.map((c) => [c.operation, c.ok])).toEqual([
      ['SAML sign-in', true],
      ['GetId', true],
      ['GetCredentialsForIdentity', true],
    ]);
    // The rule: email Contains "@example-corp.test" → corp-staff (the simulated IdP's address for dana).
    expect(played.roleArn).toBe('arn:aws:iam::123456789012:role/corp-staff');
    expect(played.note).toBeUndefined();
    expect(played.touched).toEqual([
      'login:arn:aws:iam::123456789012:saml-provider/CorpIdP',
      `identity-pool:${entry?.identityPoolId}`,
      'role:corp-staff',
    ]);
  });

  it('a provider whose metadata certificate is unreadable refuses the assertion (no internal error)', async () => {
    const bogus = text.replace(/<X509Certificate>[^<]+</g, '<X509Certificate>not-a-certificate<');
    const r = await importStack(bogus, { cloud: { now: () => NOW } });
    const [entry] = samlPools(r.state);
    const played = await playSaml(r.cloud, 'us-east-1', {
      identityPoolId: entry?.identityPoolId ?? '',
      providerArn: entry?.providerArn ?? '',
      username: 'dana',
      roleArns: [],
    });
    expect(played.calls[1]?.summary).toMatch(/^NotAuthorizedException: /);
  });
});
