import { describe, expect, it } from 'vitest';
import { createTestClock } from '../../../../tests/support/cloud-handler';
import { createCloud } from '../../index';

describe('simulated ExampleCorp SAML IdP', () => {
  it('publishes metadata with its entity id, signing certificate and SSO endpoint', async () => {
    const cloud = await createCloud({ now: createTestClock().now });
    const res = await cloud.fetch(new Request('https://idp.example-corp.test/metadata'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/samlmetadata+xml');
    const xml = await res.text();
    expect(xml).toContain('entityID="https://idp.example-corp.test"');
    expect(xml).toContain(
      `<ds:X509Certificate>${cloud.snapshot().keys.saml.certificateBase64}</ds:X509Certificate>`,
    );
    expect(xml).toContain('Location="https://idp.example-corp.test/sso/saml"');
  });

  it('refuses a wrong password on the SSO endpoint and in demo.saml.signIn', async () => {
    const cloud = await createCloud({ now: createTestClock().now });
    const res = await cloud.fetch(
      new Request('https://idp.example-corp.test/sso/saml', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'username=dave&password=wrong',
      }),
    );
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('Invalid username or password.');
    await expect(cloud.demo.saml.signIn('dave', 'wrong')).rejects.toThrow('Invalid username or password.');
  });

  it('answers an IdP-initiated sign-in for AWS with a POST form to https://signin.aws.amazon.com/saml', async () => {
    const cloud = await createCloud({ now: createTestClock().now });
    const res = await cloud.fetch(
      new Request('https://idp.example-corp.test/sso/saml', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: 'username=dave&password=Dave-Corp-2024!',
      }),
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body)).toEqual(['action', 'SAMLResponse']);
    expect(body.action).toBe('https://signin.aws.amazon.com/saml');
    expect(atob(body.SAMLResponse)).toContain(
      '<saml:Audience>https://signin.aws.amazon.com/saml</saml:Audience>',
    );
  });
});
