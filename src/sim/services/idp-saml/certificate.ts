import type { SimKey } from '../../tokens/keys';

/**
 * Makes a self-signed X.509 certificate (DER, base64) for a freshly generated SAML IdP key.
 * Placeholder until the SAML IdP lands (it will use pkijs); the demo keys ship a certificate.
 */
export async function createSamlCertificate(_key: SimKey): Promise<string> {
  throw new Error('Generating a SAML certificate is not implemented yet');
}
