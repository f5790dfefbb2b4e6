/**
 * What is inside a SAML response, decoded from the base64 bytes the app sent (the same string the
 * engine received in Logins or in AssumeRoleWithSAML's SAMLAssertion): issuer, subject (NameID), the
 * audience, the AWS attributes (Role, RoleSessionName, SessionDuration), the time window, and the XML
 * signature. Element names follow SAML 2.0 Core (urn:oasis:names:tc:SAML:2.0:assertion / :protocol)
 * and XML-DSig; the AWS attribute names follow the IAM User Guide, "Configure SAML assertions for the
 * authentication response". The parser is passed in: the browser's DOMParser, or @xmldom/xmldom in tests.
 */

const ASSERTION = 'urn:oasis:names:tc:SAML:2.0:assertion';
const PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';
const DSIG = 'http://www.w3.org/2000/09/xmldsig#';

/** The few DOM members used, shared by the browser's DOM and @xmldom/xmldom. */
interface XmlNodeLike {
  textContent: string | null;
  getAttribute(name: string): string | null;
  getElementsByTagNameNS(ns: string, local: string): ArrayLike<XmlNodeLike>;
}
export interface XmlParserLike {
  parseFromString(text: string, type: 'text/xml'): unknown;
}

export interface SamlAttribute {
  name: string;
  values: string[];
  /** What AWS does with it, for the three AWS attributes. */
  meaning?: string;
}

export interface DecodedSaml {
  issuer?: string;
  status?: string;
  nameId?: string;
  nameIdFormat?: string;
  audience?: string[];
  recipient?: string;
  issueInstant?: string;
  notBefore?: string;
  notOnOrAfter?: string;
  attributes: SamlAttribute[];
  signature?: {
    signedElement: string;
    signatureAlgorithm?: string;
    digestAlgorithm?: string;
    certificate: boolean;
  };
}

const AWS_ATTRIBUTE_MEANINGS: Record<string, string> = {
  'https://aws.amazon.com/SAML/Attributes/Role':
    'role ARN,SAML provider ARN pairs: the AWS roles this person may take (STS and the identity pool accept only a role listed here)',
  'https://aws.amazon.com/SAML/Attributes/RoleSessionName':
    'the session name in the resulting assumed-role ARN (AssumeRoleWithSAML)',
  'https://aws.amazon.com/SAML/Attributes/SessionDuration': 'the longest session the IdP allows, in seconds',
};

function first(node: XmlNodeLike, ns: string, local: string): XmlNodeLike | undefined {
  return node.getElementsByTagNameNS(ns, local)[0];
}

function text(node: XmlNodeLike | undefined): string | undefined {
  const value = node?.textContent?.trim();
  return value ? value : undefined;
}

function all(node: XmlNodeLike, ns: string, local: string): XmlNodeLike[] {
  return Array.from(node.getElementsByTagNameNS(ns, local));
}

/** Base64 (standard alphabet) to text, without Buffer: it runs in the browser too. */
function fromBase64(value: string): string {
  const binary = atob(value.replace(/\s+/g, ''));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

export function decodeSamlResponse(base64: string, parser: XmlParserLike): DecodedSaml | undefined {
  let doc: XmlNodeLike;
  try {
    doc = parser.parseFromString(fromBase64(base64), 'text/xml') as XmlNodeLike;
  } catch {
    return undefined;
  }
  const assertion = first(doc, ASSERTION, 'Assertion');
  if (!assertion) return undefined;
  const conditions = first(assertion, ASSERTION, 'Conditions');
  const confirmation = first(assertion, ASSERTION, 'SubjectConfirmationData');
  const nameId = first(assertion, ASSERTION, 'NameID');
  const signature = first(doc, DSIG, 'Signature');
  const reference = signature ? first(signature, DSIG, 'Reference') : undefined;
  const attributes = all(assertion, ASSERTION, 'Attribute').map((a) => {
    const name = a.getAttribute('Name') ?? '';
    return {
      name,
      values: all(a, ASSERTION, 'AttributeValue').map((v) => v.textContent?.trim() ?? ''),
      meaning: AWS_ATTRIBUTE_MEANINGS[name],
    };
  });
  const statusCode = first(doc, PROTOCOL, 'StatusCode');
  return {
    issuer: text(first(assertion, ASSERTION, 'Issuer')) ?? text(first(doc, ASSERTION, 'Issuer')),
    status: statusCode?.getAttribute('Value') ?? undefined,
    nameId: text(nameId),
    nameIdFormat: nameId?.getAttribute('Format') ?? undefined,
    audience: conditions
      ? all(conditions, ASSERTION, 'Audience').map((n) => n.textContent?.trim() ?? '')
      : [],
    recipient: confirmation?.getAttribute('Recipient') ?? undefined,
    issueInstant: assertion.getAttribute('IssueInstant') ?? undefined,
    notBefore: conditions?.getAttribute('NotBefore') ?? undefined,
    notOnOrAfter: conditions?.getAttribute('NotOnOrAfter') ?? undefined,
    attributes,
    signature: signature
      ? {
          signedElement: reference?.getAttribute('URI') ?? '',
          signatureAlgorithm:
            first(signature, DSIG, 'SignatureMethod')?.getAttribute('Algorithm') ?? undefined,
          digestAlgorithm: first(signature, DSIG, 'DigestMethod')?.getAttribute('Algorithm') ?? undefined,
          certificate: Boolean(first(signature, DSIG, 'X509Certificate')),
        }
      : undefined,
  };
}
