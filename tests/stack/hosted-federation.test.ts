import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importStack } from '../../src/stack/index';
import {
  hostedProviders,
  playHosted,
  poolSamlTrusted,
  trustSimulatedIdpInUserPool,
} from '../../src/stack/play-hosted';
import { playResourceCall } from '../../src/stack/play-resource';

const text = readFileSync('tests/fixtures/stack/federated-stack.yaml', 'utf8');
const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
const load = (t = text) => importStack(t, { cloud: { now: () => NOW } });

async function setUp(t = text) {
  const r = await load(t);
  const providers = hostedProviders(r.state);
  const google = providers.find((p) => p.type === 'Google');
  const saml = providers.find((p) => p.type === 'SAML');
  const identityPoolId = Object.values(r.state.cognitoIdentity.pools)[0]?.IdentityPoolId ?? '';
  return { r, google, saml, identityPoolId };
}

/** reader@gmail.com through the pool's Google provider and first client, then the identity pool if given. */
const playGoogle = ({ r, google, identityPoolId }: Awaited<ReturnType<typeof setUp>>) =>
  playHosted(r.cloud, 'us-east-1', {
    userPoolId: google?.userPoolId ?? '',
    clientId: google?.clientIds[0] ?? '',
    providerName: 'Google',
    username: 'reader@gmail.com',
    identityPoolId,
  });

describe('Sign-in through the user pool’s own Google and SAML providers (hosted UI)', () => {
  it('finds both providers and the app client that lists them', async () => {
    const { r, google, saml } = await setUp();
    const clientId = Object.values(Object.values(r.state.cognitoIdp.pools)[0]?.clients ?? {})[0]?.clientId;
    expect(google).toMatchObject({ providerName: 'Google', poolName: 'reader-pool', clientIds: [clientId] });
    expect(saml).toMatchObject({ providerName: 'CorpSaml', poolName: 'reader-pool', clientIds: [clientId] });
  });

  it('Google: authorize → Google → /oauth2/idpresponse → code → tokens → the identity pool’s authenticated role', async () => {
    const world = await setUp();
    const { r, google, identityPoolId } = world;
    const played = await playGoogle(world);
    expect(played.calls.map((c) => [c.operation, c.ok])).toEqual([
      ['GET /oauth2/authorize', true],
      ['Google sign-in (POST)', true],
      ['GET /oauth2/idpresponse', true],
      ['POST /oauth2/token', true],
      ['GetId', true],
      ['GetCredentialsForIdentity', true],
    ]);
    expect(played.calls[0]?.summary).toBe('302 to https://accounts.google.com/o/oauth2/v2/auth');
    expect(played.calls[2]?.summary).toBe('302 to https://reader.example/callback');
    // The federated user is named after the provider and Google's numeric sub.
    expect(played.calls[3]?.summary).toMatch(/^user pool tokens for Google_\d{21} /);
    expect(played.roleArn).toBe('arn:aws:iam::123456789012:role/reader-auth');
    const pool = Object.values(JSON.parse(r.cloud.snapshot().state).cognitoIdp.pools)[0] as {
      users: Record<string, { attributes: Record<string, string> }>;
    };
    const user = Object.values(pool.users).find((u) => u.attributes.email === 'reader@gmail.com');
    expect(user?.attributes.identities).toMatch(/"providerName":"Google"/);
    await playResourceCall(r.cloud, 'us-east-1', NOW, r.matrix, played);
    expect(played.calls.at(-1)).toMatchObject({ ok: true, summary: 'HTTP 200' });
    expect(played.touched.slice(0, 4)).toEqual([
      `client:${google?.clientIds[0]}`,
      `user-pool:${google?.userPoolId}`,
      `pool-idp:${google?.userPoolId}:Google`,
      `identity-pool:${identityPoolId}`,
    ]);
  });

  it('an immutable mapped email: flagged in the review, and the second Google sign-in is refused as AWS does', async () => {
    const immutable = text.replace(
      "      MfaConfiguration: 'OFF'\n",
      "      MfaConfiguration: 'OFF'\n      Schema: [{ Name: email, AttributeDataType: String, Mutable: false }]\n",
    );
    expect(immutable).not.toBe(text);
    const { r, google } = await setUp(immutable);
    expect(r.findings.filter((f) => f.code === 'mapped-attribute-immutable').map((f) => f.path)).toEqual([
      'Resources.PoolGoogle.Properties.AttributeMapping',
      'Resources.PoolSaml.Properties.AttributeMapping',
    ]);
    expect((await load()).findings.map((f) => f.code)).not.toContain('mapped-attribute-immutable');
    const signIn = () =>
      playHosted(r.cloud, 'us-east-1', {
        userPoolId: google?.userPoolId ?? '',
        clientId: google?.clientIds[0] ?? '',
        providerName: 'Google',
        username: 'reader@gmail.com',
      });
    expect((await signIn()).calls.every((c) => c.ok)).toBe(true);
    const again = await signIn();
    expect(again.calls.map((c) => [c.operation, c.ok])).toEqual([
      ['GET /oauth2/authorize', true],
      ['Google sign-in (POST)', true],
      ['GET /oauth2/idpresponse', false],
    ]);
    expect(again.calls[2]?.summary).toBe(
      '302 https://reader.example/callback?error=invalid_request (user.email: Attribute cannot be updated.)',
    );
  });

  it('a client that offers Google but may not write the mapped email is flagged', async () => {
    const listed = text.replace(
      "      CallbackURLs: ['https://reader.example/callback']\n",
      "      CallbackURLs: ['https://reader.example/callback']\n      WriteAttributes: [name]\n",
    );
    expect(listed).not.toBe(text);
    const { r } = await setUp(listed);
    const finding = r.findings.filter((f) => f.code === 'mapped-attribute-not-writable');
    expect(finding.map((f) => f.path)).toEqual([
      'Resources.ReaderWeb.Properties.WriteAttributes',
      'Resources.ReaderWeb.Properties.WriteAttributes',
    ]);
    expect(finding[0]?.message).toMatch(
      /^App client reader-web offers Google, which maps email, but may not write it/,
    );
  });

  it('a client that allows only the implicit grant: tokens in the fragment, then the identity pool', async () => {
    const implicit = text.replace(
      '      AllowedOAuthFlows: [code]\n',
      '      AllowedOAuthFlows: [implicit]\n',
    );
    expect(implicit).not.toBe(text);
    const played = await playGoogle(await setUp(implicit));
    expect(played.calls.map((c) => [c.operation, c.ok])).toEqual([
      ['GET /oauth2/authorize', true],
      ['Google sign-in (POST)', true],
      ['GET /oauth2/idpresponse', true],
      ['GetId', true],
      ['GetCredentialsForIdentity', true],
    ]);
    expect(played.calls[2]?.summary).toBe(
      '302 to https://reader.example/callback with id_token and access_token in the URL fragment (implicit grant, no refresh token)',
    );
    expect(played.roleArn).toBe('arn:aws:iam::123456789012:role/reader-auth');
  });

  it('SAML: refused by /saml2/idpresponse while the provider holds the reader’s own certificate', async () => {
    const { r, saml } = await setUp();
    expect(poolSamlTrusted(r.cloud, saml?.userPoolId ?? '', 'CorpSaml')).toBe(false);
    const played = await playHosted(r.cloud, 'us-east-1', {
      userPoolId: saml?.userPoolId ?? '',
      clientId: saml?.clientIds[0] ?? '',
      providerName: 'CorpSaml',
      username: 'dana',
    });
    expect(played.calls.map((c) => [c.operation, c.ok])).toEqual([
      ['GET /oauth2/authorize', true],
      ['SAML sign-in', true],
      ['POST /saml2/idpresponse', false],
    ]);
    expect(played.calls[0]?.summary).toBe('302 to https://idp.corp.example/sso');
    expect(played.calls[2]?.summary).toBe(
      '302 https://reader.example/callback?error=invalid_request (Invalid samlResponse or relayState from identity provider)',
    );
    expect(played.note).toMatch(/Let the simulated IdP stand in/);
  });

  it('SAML: with the simulated IdP standing in, the pool creates CorpSaml_<NameID> and the tokens reach the identity pool', async () => {
    const { r, saml, identityPoolId } = await setUp();
    await trustSimulatedIdpInUserPool(r.cloud, saml?.userPoolId ?? '', 'CorpSaml');
    expect(poolSamlTrusted(r.cloud, saml?.userPoolId ?? '', 'CorpSaml')).toBe(true);
    const played = await playHosted(r.cloud, 'us-east-1', {
      userPoolId: saml?.userPoolId ?? '',
      clientId: saml?.clientIds[0] ?? '',
      providerName: 'CorpSaml',
      username: 'dana',
      identityPoolId,
    });
    expect(played.calls.map((c) => [c.operation, c.ok])).toEqual([
      ['GET /oauth2/authorize', true],
      ['SAML sign-in', true],
      ['POST /saml2/idpresponse', true],
      ['POST /oauth2/token', true],
      ['GetId', true],
      ['GetCredentialsForIdentity', true],
    ]);
    expect(played.calls[1]?.summary).toMatch(
      /from https:\/\/idp\.corp\.example\/saml, to https:\/\/reader-sign-in\.auth\.us-east-1\.amazoncognito\.com\/saml2\/idpresponse$/,
    );
    expect(played.calls[3]?.summary).toMatch(/^user pool tokens for CorpSaml_/);
    // The identity pool's SAML rule keys on the IAM provider: through the user pool it is the default role.
    expect(played.roleArn).toBe('arn:aws:iam::123456789012:role/reader-auth');
    expect(played.note).toBeUndefined();
  });

  it('says why when the template’s config cannot be played: no domain, a client without the provider, no browser grant', async () => {
    const noDomain = await setUp(text.replace(/ {2}ReaderDomain:[\s\S]*?Domain: reader-sign-in\n/, ''));
    const a = await playHosted(noDomain.r.cloud, 'us-east-1', {
      userPoolId: noDomain.google?.userPoolId ?? '',
      clientId: noDomain.google?.clientIds[0] ?? '',
      providerName: 'Google',
      username: 'reader@gmail.com',
    });
    expect(a.calls).toEqual([]);
    expect(a.note).toMatch(/^reader-pool has no domain \(AWS::Cognito::UserPoolDomain\)/);

    const noGoogle = await setUp(text.replace('[COGNITO, Google, CorpSaml]', '[COGNITO, CorpSaml]'));
    expect(noGoogle.google?.clientIds).toEqual([]);
    const b = await playHosted(noGoogle.r.cloud, 'us-east-1', {
      userPoolId: noGoogle.google?.userPoolId ?? '',
      clientId: noGoogle.google?.allClientIds[0] ?? '',
      providerName: 'Google',
      username: 'reader@gmail.com',
    });
    expect(b.calls).toEqual([
      {
        operation: 'GET /oauth2/authorize',
        ok: false,
        summary: '302 https://reader.example/callback?error=invalid_request (Invalid identity provider)',
      },
    ]);

    // A machine client (client credentials only) has neither browser grant: authorize refuses it.
    const machine = await setUp(
      text.replace('AllowedOAuthFlows: [code]', 'AllowedOAuthFlows: [client_credentials]'),
    );
    const c = await playHosted(machine.r.cloud, 'us-east-1', {
      userPoolId: machine.google?.userPoolId ?? '',
      clientId: machine.google?.clientIds[0] ?? '',
      providerName: 'Google',
      username: 'reader@gmail.com',
    });
    expect(c.calls).toEqual([
      {
        operation: 'GET /oauth2/authorize',
        ok: false,
        summary: '302 https://reader.example/callback?error=unauthorized_client',
      },
    ]);

    const noCallback = await setUp(
      text.replace("      CallbackURLs: ['https://reader.example/callback']\n", ''),
    );
    const d = await playHosted(noCallback.r.cloud, 'us-east-1', {
      userPoolId: noCallback.google?.userPoolId ?? '',
      clientId: noCallback.google?.clientIds[0] ?? '',
      providerName: 'Google',
      username: 'reader@gmail.com',
    });
    expect(d.calls).toEqual([
      {
        operation: 'GET /oauth2/authorize',
        ok: false,
        summary: '302 https://reader-sign-in.auth.us-east-1.amazoncognito.com/error?error=redirect_mismatch',
      },
    ]);
    expect(d.note).toMatch(/lists no CallbackURLs/);
  });
});
