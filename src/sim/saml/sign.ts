/**
 * Signs the Assertion of a SAML Response with an enveloped XML signature (RSA-SHA256, exclusive
 * C14N for both SignedInfo and the reference, SHA-256 digest), the profile AWS and Cognito expect.
 * The signature goes right after the Assertion's Issuer, where the SAML schema puts it, and carries
 * the IdP certificate in KeyInfo as real IdPs do (consumers must ignore it and use their own copy).
 */
import { ALG_EXC_C14N, SAML_NS } from './names';
import { loadXmlEngine, parseSamlXml } from './xml-engine';

export interface SamlSigningKey {
  privateKey: CryptoKey;
  certificateBase64: string;
}

export async function signSamlAssertion(unsignedXml: string, key: SamlSigningKey): Promise<string> {
  const engine = await loadXmlEngine();
  const parsed = parseSamlXml(engine, unsignedXml);
  if (!parsed.ok) throw new Error(`Cannot sign SAML response: ${parsed.message}`);
  const doc = parsed.document;
  const assertion = doc.getElementsByTagNameNS(SAML_NS.assertion, 'Assertion')[0];
  const id = assertion?.getAttribute('ID');
  if (!assertion || !id) throw new Error('Cannot sign SAML response: no Assertion with an ID');

  const signer = new engine.xmldsig.SignedXml();
  signer.XmlSignature.SignedInfo.CanonicalizationMethod.Algorithm = ALG_EXC_C14N;
  await signer.Sign({ name: 'RSASSA-PKCS1-v1_5' }, key.privateKey, assertion as unknown as Element, {
    x509: [key.certificateBase64],
    references: [{ uri: `#${id}`, hash: 'SHA-256', transforms: ['enveloped', 'exc-c14n'] }],
  });
  const signatureElement = signer.GetXml();
  if (!signatureElement) throw new Error('xmldsigjs produced no Signature element');
  // The Signature may belong to the browser's DOM (xml-core creates it with the global DOMParser):
  // move it into the xmldom document as text.
  const signatureText = engine.xmldsig.Stringify(signatureElement);
  const reparsed = parseSamlXml(engine, signatureText);
  if (!reparsed.ok) throw new Error(`Cannot re-read the signature: ${reparsed.message}`);
  const signature = doc.importNode(
    reparsed.document.documentElement as NonNullable<typeof reparsed.document.documentElement>,
    true,
  );
  const issuer = assertion.getElementsByTagNameNS(SAML_NS.assertion, 'Issuer')[0];
  assertion.insertBefore(signature, issuer ? issuer.nextSibling : assertion.firstChild);
  return new engine.xmldom.XMLSerializer().serializeToString(doc);
}
