/**
 * Reads an incoming AuthnRequest (SP-initiated SSO). The HTTP-Redirect binding carries it
 * DEFLATE-compressed then base64 (SAML bindings 3.4.4.1); the HTTP-POST binding carries plain
 * base64. Both are accepted.
 */
import { SAML_NS } from '../../saml/names';
import { loadXmlEngine, parseSamlXml } from '../../saml/xml-engine';

export interface AuthnRequestInfo {
  id: string;
  issuer: string;
  acsUrl?: string;
}

function fromBase64(value: string): Uint8Array {
  return Uint8Array.from(atob(value.replace(/\s+/g, '')), (c) => c.charCodeAt(0));
}

async function inflateRaw(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}

export async function readAuthnRequest(samlRequest: string): Promise<AuthnRequestInfo | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(samlRequest);
  } catch {
    return undefined;
  }
  let xml = new TextDecoder().decode(bytes);
  if (!xml.trimStart().startsWith('<')) {
    try {
      xml = await inflateRaw(bytes);
    } catch {
      return undefined;
    }
  }
  const engine = await loadXmlEngine();
  const parsed = parseSamlXml(engine, xml);
  if (!parsed.ok) return undefined;
  const root = parsed.document.documentElement;
  if (!root || root.namespaceURI !== SAML_NS.protocol || root.localName !== 'AuthnRequest') return undefined;
  const issuer = root.getElementsByTagNameNS(SAML_NS.assertion, 'Issuer')[0]?.textContent?.trim();
  const id = root.getAttribute('ID');
  if (!id || !issuer) return undefined;
  return { id, issuer, acsUrl: root.getAttribute('AssertionConsumerServiceURL') || undefined };
}

/** Encodes an AuthnRequest for the HTTP-Redirect binding (DEFLATE, base64). */
export async function deflateForRedirect(xml: string): Promise<string> {
  const stream = new Blob([xml]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}
