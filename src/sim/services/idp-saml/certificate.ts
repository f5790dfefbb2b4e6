/**
 * Makes a self-signed X.509 certificate (DER, base64) for a freshly generated SAML IdP key, as an
 * IdP administrator would before exporting metadata. The demo keys ship a certificate already.
 * pkijs (a dependency of xmldsigjs) is imported dynamically: it is only needed for
 * `createCloud({ keys: 'generate' })`.
 *
 * Validity is a fixed window (2020-01-01 to 2049-12-31) rather than one read from a clock, so no
 * real time leaks below createCloud; the simulated SAML consumers trust the uploaded certificate's
 * key and do not check its dates.
 */
import type { SimKey } from '../../tokens/keys';

const SUBJECT_CN = 'idp.example-corp.test';
const NOT_BEFORE = Date.UTC(2020, 0, 1);
const NOT_AFTER = Date.UTC(2049, 11, 31, 23, 59, 59);

export async function createSamlCertificate(key: SimKey): Promise<string> {
  const [pkijs, asn1js] = await Promise.all([import('pkijs'), import('asn1js')]);
  pkijs.setEngine(
    'identity-atlas',
    new pkijs.CryptoEngine({ name: 'identity-atlas', crypto: globalThis.crypto }),
  );
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  // Serial from the key id: unique per key, and no randomness outside world.random is needed.
  const serial = Uint8Array.from(
    key.kid.slice(0, 16).match(/../g) ?? ['01'],
    (h) => Number.parseInt(h, 16) & 0x7f,
  );
  certificate.serialNumber = new asn1js.Integer({ valueHex: serial });
  for (const name of [certificate.issuer, certificate.subject]) {
    name.typesAndValues.push(
      new pkijs.AttributeTypeAndValue({
        type: '2.5.4.10',
        value: new asn1js.Utf8String({ value: 'ExampleCorp' }),
      }),
    );
    name.typesAndValues.push(
      new pkijs.AttributeTypeAndValue({
        type: '2.5.4.3',
        value: new asn1js.Utf8String({ value: SUBJECT_CN }),
      }),
    );
  }
  certificate.notBefore.value = new Date(NOT_BEFORE);
  certificate.notAfter.value = new Date(NOT_AFTER);
  await certificate.subjectPublicKeyInfo.importKey(key.publicKey);
  await certificate.sign(key.privateKey, 'SHA-256');
  const der = new Uint8Array(certificate.toSchema(true).toBER(false));
  let binary = '';
  for (const b of der) binary += String.fromCharCode(b);
  return btoa(binary);
}
