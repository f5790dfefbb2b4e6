/**
 * Checks one enveloped XML signature on a SAML element (the Response or its Assertion) with a
 * certificate the relying party already trusts. The KeyInfo inside the message is never trusted.
 *
 * Beyond the cryptography (done by xmldsigjs), the signature must have exactly one Reference whose
 * URI points at the very element that carries it, only the enveloped and exclusive-C14N transforms,
 * RSA-SHA256 and SHA-256, and that ID must be unique in the document. These rules are what stop
 * signature wrapping: a valid signature over one element can never vouch for another.
 */
import type { Element as XmlElement } from '@xmldom/xmldom';
import { ALG_ENVELOPED, ALG_EXC_C14N, ALG_RSA_SHA256, ALG_SHA256, SAML_NS } from './names';
import type { XmlEngine } from './xml-engine';

export type SignatureCheck =
  | { ok: true }
  | { ok: false; code: 'signature-invalid' | 'signature-scope'; message: string };

const children = (el: XmlElement, ns: string, name: string): XmlElement[] => {
  const out: XmlElement[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as XmlElement).namespaceURI === ns && (n as XmlElement).localName === name)
      out.push(n as XmlElement);
  }
  return out;
};

const only = (el: XmlElement, ns: string, name: string): XmlElement | undefined => {
  const found = children(el, ns, name);
  return found.length === 1 ? found[0] : undefined;
};

/** Counts elements whose ID attribute (any case, as xmldsigjs resolves them) equals `id`. */
function countIds(root: XmlElement, id: string): number {
  let count = 0;
  const visit = (el: XmlElement) => {
    for (const name of ['ID', 'Id', 'id']) if (el.getAttribute(name) === id) count++;
    for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) visit(n as XmlElement);
  };
  visit(root);
  return count;
}

function scope(message: string): SignatureCheck {
  return { ok: false, code: 'signature-scope', message };
}

/** Verifies `signature`, a direct child of `signed`, against any of `keys`. */
export async function checkEnvelopedSignature(
  engine: XmlEngine,
  signed: XmlElement,
  signature: XmlElement,
  keys: CryptoKey[],
): Promise<SignatureCheck> {
  const signedInfo = only(signature, SAML_NS.dsig, 'SignedInfo');
  if (!signedInfo) return scope('Signature has no single SignedInfo');
  const c14n = only(signedInfo, SAML_NS.dsig, 'CanonicalizationMethod')?.getAttribute('Algorithm');
  const method = only(signedInfo, SAML_NS.dsig, 'SignatureMethod')?.getAttribute('Algorithm');
  if (c14n !== ALG_EXC_C14N) return scope(`Unsupported CanonicalizationMethod ${c14n ?? '(none)'}`);
  if (method !== ALG_RSA_SHA256) return scope(`Unsupported SignatureMethod ${method ?? '(none)'}`);
  const references = children(signedInfo, SAML_NS.dsig, 'Reference');
  if (references.length !== 1)
    return scope(`Signature must have exactly one Reference, found ${references.length}`);
  const reference = references[0] as XmlElement;
  const id = signed.getAttribute('ID');
  if (!id || reference.getAttribute('URI') !== `#${id}`) {
    return scope(
      `Signature Reference ${reference.getAttribute('URI') ?? '(none)'} does not point at its enclosing ${signed.localName}`,
    );
  }
  const root = signed.ownerDocument?.documentElement;
  if (!root || countIds(root as XmlElement, id) !== 1) return scope(`ID ${id} is not unique in the document`);
  const transforms = only(reference, SAML_NS.dsig, 'Transforms');
  const algorithms = transforms
    ? children(transforms, SAML_NS.dsig, 'Transform').map((t) => t.getAttribute('Algorithm'))
    : [];
  if (
    !algorithms.includes(ALG_ENVELOPED) ||
    algorithms.some((a) => a !== ALG_ENVELOPED && a !== ALG_EXC_C14N)
  ) {
    return scope(`Unsupported transforms ${algorithms.join(', ')}`);
  }
  if (only(reference, SAML_NS.dsig, 'DigestMethod')?.getAttribute('Algorithm') !== ALG_SHA256)
    return scope('DigestMethod must be SHA-256');

  for (const key of keys) {
    try {
      const verifier = new engine.xmldsig.SignedXml(signed.ownerDocument as unknown as Document);
      verifier.LoadXml(signature as unknown as Element);
      if (await verifier.Verify({ key, content: signed as unknown as Element })) return { ok: true };
    } catch {
      // A digest mismatch throws inside xmldsigjs; it means the same as a failed check.
    }
  }
  return { ok: false, code: 'signature-invalid', message: 'Response signature invalid' };
}

/** Imports the public key of each trusted certificate (base64 DER, or PEM). */
export async function importCertificateKeys(engine: XmlEngine, certificates: string[]): Promise<CryptoKey[]> {
  const keys: CryptoKey[] = [];
  for (const text of certificates) {
    const b64 = text.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
    // A certificate that is not base64 DER of an RSA certificate (a world imported from a template
    // may hold anything) verifies no signature: it is skipped, and the response fails as unsigned
    // by a trusted key, never as an internal error.
    try {
      const der = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const cert = new engine.xmldsig.X509Certificate(der);
      keys.push(
        await cert.exportKey({ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as RsaHashedImportParams),
      );
    } catch {
      // skipped: see above
    }
  }
  return keys;
}
