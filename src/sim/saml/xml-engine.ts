/**
 * Loads the XML stack (xmldom + xmldsigjs) on first use. xmldsigjs and its ASN.1/PKI dependencies
 * are large, so they are imported dynamically: a page that never touches SAML never downloads them.
 *
 * The same DOM (@xmldom/xmldom) is used in Node and in browsers so that parsing, canonicalisation
 * and signing behave identically everywhere. xml-core (under xmldsigjs) picks the global DOMParser
 * when one exists (browsers) for the few elements it creates itself, so everything that crosses
 * between the two DOMs crosses as text (see sign.ts).
 */
import type * as XmlDom from '@xmldom/xmldom';
import type * as XmlDsig from 'xmldsigjs';

export interface XmlEngine {
  xmldom: typeof XmlDom;
  xmldsig: typeof XmlDsig;
}

let loading: Promise<XmlEngine> | undefined;

export function loadXmlEngine(): Promise<XmlEngine> {
  loading ??= (async () => {
    const [xmldom, xmlCore, xmldsig] = await Promise.all([
      import('@xmldom/xmldom'),
      import('xml-core'),
      import('xmldsigjs'),
    ]);
    // Outside a browser xml-core has no DOMParser of its own: give it xmldom.
    xmlCore.setNodeDependencies({ DOMParser: xmldom.DOMParser, XMLSerializer: xmldom.XMLSerializer });
    xmldsig.Application.setEngine('WebCrypto', globalThis.crypto);
    return { xmldom, xmldsig };
  })();
  return loading;
}

export type SafeParseResult =
  | { ok: true; document: XmlDom.Document }
  | { ok: false; reason: 'doctype' | 'malformed'; message: string };

/**
 * Parses SAML XML safely. Any DOCTYPE is refused before parsing, so no entity (internal or
 * external) can ever be declared, let alone expanded (XXE, billion laughs). Processing
 * instructions other than the XML declaration are refused too.
 */
export function parseSamlXml(engine: XmlEngine, text: string): SafeParseResult {
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) {
    return { ok: false, reason: 'doctype', message: 'DOCTYPE declarations are not allowed in SAML messages' };
  }
  const problems: string[] = [];
  let document: XmlDom.Document;
  try {
    document = new engine.xmldom.DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') problems.push(message);
      },
    }).parseFromString(text, 'application/xml');
  } catch (error) {
    return {
      ok: false,
      reason: 'malformed',
      message: error instanceof Error ? error.message : String(error),
    };
  }
  if (problems.length > 0 || !document.documentElement) {
    return { ok: false, reason: 'malformed', message: problems[0] ?? 'empty document' };
  }
  if (document.doctype)
    return { ok: false, reason: 'doctype', message: 'DOCTYPE declarations are not allowed in SAML messages' };
  if (hasProcessingInstruction(document))
    return {
      ok: false,
      reason: 'doctype',
      message: 'Processing instructions are not allowed in SAML messages',
    };
  return { ok: true, document };
}

/** Any processing instruction except the XML declaration, which xmldom keeps as the first child. */
function hasProcessingInstruction(document: XmlDom.Document): boolean {
  const PROCESSING_INSTRUCTION = 7;
  const stack: XmlDom.Node[] = [];
  for (let child = document.firstChild; child; child = child.nextSibling) {
    const declaration = child === document.firstChild && child.nodeName.toLowerCase() === 'xml';
    if (!declaration) stack.push(child);
  }
  while (stack.length > 0) {
    const node = stack.pop() as XmlDom.Node;
    if (node.nodeType === PROCESSING_INSTRUCTION) return true;
    for (let child = node.firstChild; child; child = child.nextSibling) stack.push(child);
  }
  return false;
}
