import { describe, expect, it } from 'vitest';
import { createTestClock } from '../../../tests/support/cloud-handler';
import { createCloud } from '../index';
import { AWS_SAML_AUDIENCES, AWS_SAML_RECIPIENT } from './names';
import { samlReplayId, verifySamlResponse } from './verify-response';

const decode = (b64: string) => new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
const encode = (xml: string) => {
  let s = '';
  for (const b of new TextEncoder().encode(xml)) s += String.fromCharCode(b);
  return btoa(s);
};

async function setup(keys: 'demo' | 'generate' = 'demo') {
  const clock = createTestClock();
  const cloud = await createCloud({ now: clock.now, keys });
  const certificate = cloud.snapshot().keys.saml.certificateBase64;
  const response = await cloud.demo.saml.signIn('dave', 'Dave-Corp-2024!');
  const world = { now: clock.now };
  const verify = (b64: string, audience: string | string[] = [...AWS_SAML_AUDIENCES]) =>
    verifySamlResponse(world, b64, { certificates: [certificate], audience, recipient: AWS_SAML_RECIPIENT });
  return { clock, cloud, certificate, response, verify };
}

describe('verifySamlResponse', () => {
  it('accepts the demo IdP response for AWS and reads the role, session name and subject', async () => {
    const { cloud, response, verify, clock } = await setup();
    const result = await verify(response);
    if (!result.ok) throw new Error(result.message);
    expect(result.issuer).toBe('https://idp.example-corp.test');
    expect(result.nameIdFormat).toBe('urn:oasis:names:tc:SAML:2.0:nameid-format:persistent');
    expect(result.roles).toEqual([
      { roleArn: cloud.demo.saml.roleArn, providerArn: cloud.demo.saml.providerArn },
    ]);
    expect(result.sessionName).toBe('dave@example-corp.test');
    expect(result.sessionDuration).toBe(3600);
    expect(result.recipient).toBe('https://signin.aws.amazon.com/saml');
    expect(result.audiences).toEqual(['https://signin.aws.amazon.com/saml']);
    expect(result.notOnOrAfter).toBe(clock.now() + 5 * 60 * 1000);
    expect(result.signed).toBe('Assertion');
    expect(result.attributes.email).toEqual(['dave@example-corp.test']);
    expect(samlReplayId(result)).toBe(`https://idp.example-corp.test ${result.assertionId}`);
  });

  it('rejects an assertion with one attribute value changed', async () => {
    const { response, verify } = await setup();
    const xml = decode(response).replace(
      'dave@example-corp.test</saml:AttributeValue>',
      'admin@example-corp.test</saml:AttributeValue>',
    );
    expect(await verify(encode(xml))).toMatchObject({ ok: false, code: 'signature-invalid' });
  });

  it('rejects a second, unsigned assertion injected next to the signed one (signature wrapping)', async () => {
    const { response, verify } = await setup();
    const xml = decode(response);
    const assertion = xml.slice(
      xml.indexOf('<saml:Assertion'),
      xml.indexOf('</saml:Assertion>') + '</saml:Assertion>'.length,
    );
    const evil = assertion
      .replace(/ID="[^"]+"/, 'ID="_evil"')
      .replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '')
      .replace(/arn:aws:iam::(\d+):role\/AtlasSamlRole/, 'arn:aws:iam::$1:role/AtlasAdminsRole');
    const wrapped = xml.replace('<saml:Assertion', `${evil}<saml:Assertion`);
    expect(await verify(encode(wrapped))).toMatchObject({ ok: false, code: 'assertion-count' });
  });

  it('rejects the signed assertion moved inside the signature while a forged one takes its place', async () => {
    const { response, verify } = await setup();
    const xml = decode(response);
    const start = xml.indexOf('<saml:Assertion');
    const end = xml.indexOf('</saml:Assertion>') + '</saml:Assertion>'.length;
    const original = xml.slice(start, end);
    const forged = original
      .replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '')
      .replace('dave@example-corp.test', 'root@example-corp.test');
    const signature = original.match(/<ds:Signature[\s\S]*<\/ds:Signature>/)?.[0] ?? '';
    const moved = signature.replace(
      '</ds:Signature>',
      `<ds:Object>${original.replace(signature, '')}</ds:Object></ds:Signature>`,
    );
    const attack =
      xml.slice(0, start) + forged.replace('</saml:Issuer>', `</saml:Issuer>${moved}`) + xml.slice(end);
    expect(await verify(encode(attack))).toMatchObject({ ok: false, code: 'assertion-count' });
  });

  it('rejects a comment injected into the NameID', async () => {
    const { response, verify } = await setup();
    const xml = decode(response).replace(/(<saml:NameID[^>]*>)([^<]{4})/, '$1$2<!---->');
    expect(await verify(encode(xml))).toMatchObject({ ok: false, code: 'malformed' });
  });

  it('refuses any DOCTYPE, so an entity is never expanded', async () => {
    const { response, verify } = await setup();
    const xml = decode(response).replace(
      '<samlp:Response',
      '<!DOCTYPE r [<!ENTITY e "dave">]><samlp:Response',
    );
    expect(await verify(encode(xml))).toMatchObject({ ok: false, code: 'doctype' });
  });

  it('rejects an expired assertion and one that is not yet valid, by the world clock', async () => {
    const { response, verify, clock } = await setup();
    const start = clock.now();
    clock.set(start + 5 * 60 * 1000);
    expect(await verify(response)).toMatchObject({ ok: false, code: 'expired' });
    clock.set(start - 1000);
    expect(await verify(response)).toMatchObject({ ok: false, code: 'not-yet-valid' });
    clock.set(start + 5 * 60 * 1000 - 1000);
    expect((await verify(response)).ok).toBe(true);
  });

  it('rejects a wrong audience and a wrong recipient', async () => {
    const { response, verify, certificate, clock } = await setup();
    expect(await verify(response, 'urn:amazon:cognito:sp:us-east-1_other')).toMatchObject({
      ok: false,
      code: 'audience',
    });
    const other = await verifySamlResponse({ now: clock.now }, response, {
      certificates: [certificate],
      audience: [...AWS_SAML_AUDIENCES],
      recipient: 'https://eu-west-1.signin.aws.amazon.com/saml',
    });
    expect(other).toMatchObject({ ok: false, code: 'recipient' });
  });

  it('rejects a response signed by a key other than the trusted certificate', async () => {
    const { response, clock } = await setup();
    const stranger = await setup('generate');
    const result = await verifySamlResponse({ now: clock.now }, response, {
      certificates: [stranger.certificate],
      audience: [...AWS_SAML_AUDIENCES],
    });
    expect(result).toMatchObject({ ok: false, code: 'signature-invalid' });
  });

  it('works with freshly generated keys: a self-signed certificate made with pkijs verifies the responses', async () => {
    const { response, verify, certificate } = await setup('generate');
    expect(certificate).toMatch(/^MII/);
    expect((await verify(response)).ok).toBe(true);
  });

  it('is deterministic: the same seed and clock give the same SAMLResponse bytes', async () => {
    const a = await setup();
    const b = await setup();
    expect(a.response).toBe(b.response);
  });
});
