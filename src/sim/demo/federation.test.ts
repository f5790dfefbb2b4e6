import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { createCloud } from '../index';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);

describe('demo.federation (the simulated IdPs for an imported world)', () => {
  it('signs a Google ID token for a client id it did not know, with a stable account per address', async () => {
    const cloud = await createCloud({ now: () => NOW, world: { accountId: '123456789012', state: {} } });
    const federation = cloud.demo.federation;
    if (!federation) throw new Error('no federation helpers');
    const token = await federation.googleIdToken('42-reader.apps.googleusercontent.com', 'Reader@Gmail.com');
    const claims = decodeJwt(token);
    expect(claims).toEqual({
      iss: 'https://accounts.google.com',
      azp: '42-reader.apps.googleusercontent.com',
      aud: '42-reader.apps.googleusercontent.com',
      sub: expect.stringMatching(/^10\d{19}$/),
      email: 'reader@gmail.com',
      email_verified: true,
      name: 'reader',
      given_name: 'reader',
      iat: NOW / 1000,
      exp: NOW / 1000 + 3600,
    });
    const again = decodeJwt(
      await federation.googleIdToken('42-reader.apps.googleusercontent.com', 'reader@gmail.com'),
    );
    expect(again.sub).toBe(claims.sub);
  });

  it('issues a SAML response to AWS under the given entity id, listing the given roles', async () => {
    const cloud = await createCloud({ now: () => NOW, world: { accountId: '123456789012', state: {} } });
    const federation = cloud.demo.federation;
    if (!federation) throw new Error('no federation helpers');
    const role = 'arn:aws:iam::123456789012:role/staff,arn:aws:iam::123456789012:saml-provider/Corp';
    const xml = atob(
      await federation.samlResponse({
        issuer: 'https://idp.corp.example/saml',
        username: 'dana',
        roles: [role],
      }),
    );
    expect(xml).toContain('Destination="https://signin.aws.amazon.com/saml"');
    expect(xml).toMatch(/<saml:Issuer[^>]*>https:\/\/idp\.corp\.example\/saml<\/saml:Issuer>/);
    expect(xml).toContain(role);
    expect(xml).toContain(federation.samlCertificate);
  });
});
