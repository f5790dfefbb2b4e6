/**
 * Verifies a base64 SAML 2.0 Response the way a careful service provider does, for every SAML
 * consumer in the simulation: STS AssumeRoleWithSAML and the user pool's /saml2/idpresponse.
 *
 * Order of checks: no DOCTYPE (so no entity is ever expanded), a Response root with Success status,
 * exactly one Assertion anywhere in the document and it is a child of the Response, no comments
 * inside it (comment-injection into NameID), every signature valid with a trusted certificate and
 * at least one of them covering the used Assertion (directly or through the Response), then the
 * time window by world.now(), the audience and the recipient. Replay detection is the caller's:
 * use `samlReplayId`.
 */
import { createDict, getOwn, setOwn } from '../core/dict';
import type { Element as XmlElement, Node as XmlNode } from '@xmldom/xmldom';
import type { World } from '../world';
import { AWS_SAML_ATTRIBUTES, CONFIRMATION_BEARER, SAML_NS, SAML_STATUS_SUCCESS } from './names';
import { checkEnvelopedSignature, importCertificateKeys } from './verify-signature';
import { loadXmlEngine, parseSamlXml } from './xml-engine';

export interface SamlVerifyOptions {
  /** Trusted IdP certificates (base64 DER or PEM), e.g. from the SAML provider's metadata. */
  certificates: string[];
  /** Accepted audience(s): the SP entity id. */
  audience: string | string[];
  /** Accepted SubjectConfirmationData Recipient(s) (and Response Destination when present). */
  recipient?: string | string[];
}

export interface SamlRole {
  roleArn: string;
  providerArn: string;
}

export interface VerifiedSamlResponse {
  ok: true;
  issuer: string;
  responseId: string;
  assertionId: string;
  inResponseTo?: string;
  nameId: string;
  nameIdFormat?: string;
  /** Epoch ms: the earliest of Conditions and SubjectConfirmationData NotOnOrAfter. */
  notOnOrAfter: number;
  /** The Assertion's IssueInstant, epoch ms, when readable. */
  issueInstant?: number;
  /** AuthnStatement SessionNotOnOrAfter, epoch ms, when present. */
  sessionNotOnOrAfter?: number;
  /** The SubjectConfirmationData Recipient (STS returns it as `Audience`). */
  recipient?: string;
  audiences: string[];
  attributes: Record<string, string[]>;
  /** Pairs from https://aws.amazon.com/SAML/Attributes/Role (either order in the value is accepted). */
  roles: SamlRole[];
  sessionName?: string;
  sessionDuration?: number;
  /** Which element the trusted signature covers. */
  signed: 'Assertion' | 'Response';
}

export const SamlVerifyFailureCode = {
  malformed: 'malformed',
  doctype: 'doctype',
  status: 'status',
  assertionCount: 'assertion-count',
  signatureMissing: 'signature-missing',
  signatureInvalid: 'signature-invalid',
  signatureScope: 'signature-scope',
  notYetValid: 'not-yet-valid',
  expired: 'expired',
  audience: 'audience',
  recipient: 'recipient',
  subject: 'subject',
} as const;
export type SamlVerifyFailureCode = (typeof SamlVerifyFailureCode)[keyof typeof SamlVerifyFailureCode];

export interface SamlVerifyFailure {
  ok: false;
  code: SamlVerifyFailureCode;
  message: string;
  /** For `expired`: the instant (epoch ms) the assertion stopped being valid. */
  notOnOrAfter?: number;
}

const fail = (code: SamlVerifyFailureCode, message: string): SamlVerifyFailure => ({
  ok: false,
  code,
  message,
});

const isEl = (n: XmlNode | null, ns: string, name: string): n is XmlElement =>
  !!n && n.nodeType === 1 && (n as XmlElement).namespaceURI === ns && (n as XmlElement).localName === name;

function kids(el: XmlElement, ns: string, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (isEl(n, ns, name)) out.push(n);
  return out;
}

const first = (el: XmlElement | undefined, ns: string, name: string) =>
  el ? kids(el, ns, name)[0] : undefined;
const a = (el: XmlElement | undefined, name: string) => el?.getAttribute(name) || undefined;

/** All text below a node, so a comment or split text node can never shorten a value. */
function text(el: XmlElement | undefined): string {
  return (el?.textContent ?? '').trim();
}

function hasComment(node: XmlNode): boolean {
  for (let n = node.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 8 || hasComment(n)) return true;
  }
  return false;
}

function decodeBase64(value: string): string | undefined {
  try {
    const binary = atob(value.replace(/\s+/g, ''));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

const time = (value: string | undefined): number | undefined => {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
};

const list = (v: string | string[] | undefined): string[] | undefined =>
  v === undefined ? undefined : Array.isArray(v) ? v : [v];

/** The id a consumer should remember (until `notOnOrAfter`) to refuse a replayed assertion. */
export function samlReplayId(verified: Pick<VerifiedSamlResponse, 'issuer' | 'assertionId'>): string {
  return `${verified.issuer} ${verified.assertionId}`;
}

export async function verifySamlResponse(
  world: Pick<World, 'now'>,
  samlResponseBase64: string,
  options: SamlVerifyOptions,
): Promise<VerifiedSamlResponse | SamlVerifyFailure> {
  const xml = decodeBase64(samlResponseBase64);
  if (xml === undefined) return fail('malformed', 'SAMLResponse is not valid base64-encoded UTF-8');
  const engine = await loadXmlEngine();
  const parsed = parseSamlXml(engine, xml);
  if (!parsed.ok) return fail(parsed.reason, parsed.message);
  const response = parsed.document.documentElement as XmlElement;
  if (!isEl(response, SAML_NS.protocol, 'Response'))
    return fail('malformed', 'The document is not a SAML 2.0 Response');
  const responseId = a(response, 'ID');
  if (!responseId) return fail('malformed', 'Response has no ID');

  const statusCode = a(
    first(first(response, SAML_NS.protocol, 'Status'), SAML_NS.protocol, 'StatusCode'),
    'Value',
  );
  if (statusCode !== SAML_STATUS_SUCCESS)
    return fail('status', `Response status is ${statusCode ?? '(none)'}`);

  // Exactly one Assertion in the whole document, and it is the Response's child: an injected
  // second Assertion (signature wrapping) fails here wherever it hides.
  const everyAssertion = parsed.document.getElementsByTagNameNS(SAML_NS.assertion, 'Assertion');
  const encrypted = parsed.document.getElementsByTagNameNS(SAML_NS.assertion, 'EncryptedAssertion');
  if (everyAssertion.length !== 1 || encrypted.length !== 0) {
    return fail(
      'assertion-count',
      `A Response must carry exactly one Assertion, found ${everyAssertion.length + encrypted.length}`,
    );
  }
  const assertion = everyAssertion[0] as XmlElement;
  if (assertion.parentNode !== response)
    return fail('assertion-count', 'The Assertion is not a child of the Response');
  const assertionId = a(assertion, 'ID');
  if (!assertionId) return fail('malformed', 'Assertion has no ID');
  if (hasComment(assertion)) return fail('malformed', 'Comments are not allowed inside a signed Assertion');

  // Signatures: only where the SAML schema allows them, and every one must verify.
  const signatures = parsed.document.getElementsByTagNameNS(SAML_NS.dsig, 'Signature');
  const responseSig = kids(response, SAML_NS.dsig, 'Signature');
  const assertionSig = kids(assertion, SAML_NS.dsig, 'Signature');
  if (
    signatures.length !== responseSig.length + assertionSig.length ||
    responseSig.length > 1 ||
    assertionSig.length > 1
  ) {
    return fail(
      'signature-scope',
      'Signature elements are only allowed once on the Response and once on the Assertion',
    );
  }
  if (signatures.length === 0)
    return fail('signature-missing', 'Response signature invalid: the response is not signed');
  const keys = await importCertificateKeys(engine, options.certificates);
  for (const [signed, sig] of [
    [response, responseSig[0]],
    [assertion, assertionSig[0]],
  ] as const) {
    if (!sig) continue;
    const check = await checkEnvelopedSignature(engine, signed, sig, keys);
    if (!check.ok) return fail(check.code, check.message);
  }

  const issuer = text(first(assertion, SAML_NS.assertion, 'Issuer'));
  const responseIssuer = first(response, SAML_NS.assertion, 'Issuer');
  if (!issuer || (responseIssuer && text(responseIssuer) !== issuer))
    return fail('malformed', 'Issuer missing or inconsistent');

  const subject = first(assertion, SAML_NS.assertion, 'Subject');
  const nameIds = subject ? kids(subject, SAML_NS.assertion, 'NameID') : [];
  const confirmations = subject ? kids(subject, SAML_NS.assertion, 'SubjectConfirmation') : [];
  if (nameIds.length !== 1 || !text(nameIds[0]))
    return fail('subject', 'The Subject must have exactly one NameID');
  if (confirmations.length !== 1 || a(confirmations[0], 'Method') !== CONFIRMATION_BEARER) {
    return fail('subject', 'The Subject must have exactly one bearer SubjectConfirmation');
  }
  const confirmationData = first(confirmations[0], SAML_NS.assertion, 'SubjectConfirmationData');
  const confirmationEnd = time(a(confirmationData, 'NotOnOrAfter'));
  if (confirmationEnd === undefined) return fail('subject', 'SubjectConfirmationData must have NotOnOrAfter');

  const conditions = first(assertion, SAML_NS.assertion, 'Conditions');
  const notBefore = time(a(conditions, 'NotBefore'));
  const conditionsEnd = time(a(conditions, 'NotOnOrAfter'));
  const notOnOrAfter = Math.min(confirmationEnd, conditionsEnd ?? Number.POSITIVE_INFINITY);
  const now = world.now();
  if (notBefore !== undefined && now < notBefore)
    return fail('not-yet-valid', `The assertion is not valid before ${a(conditions, 'NotBefore')}`);
  if (now >= notOnOrAfter) return { ...fail('expired', 'The assertion has expired'), notOnOrAfter };

  // Every AudienceRestriction must name one of our entity ids (SAML core 2.5.1.4).
  const accepted = list(options.audience) ?? [];
  const restrictions = conditions ? kids(conditions, SAML_NS.assertion, 'AudienceRestriction') : [];
  const audiences = restrictions.flatMap((r) => kids(r, SAML_NS.assertion, 'Audience').map(text));
  if (
    restrictions.length === 0 ||
    !restrictions.every((r) => kids(r, SAML_NS.assertion, 'Audience').some((x) => accepted.includes(text(x))))
  ) {
    return fail(
      'audience',
      `The assertion audience ${audiences.join(', ') || '(none)'} is not ${accepted.join(' or ')}`,
    );
  }

  const recipient = a(confirmationData, 'Recipient');
  const recipients = list(options.recipient);
  if (recipients) {
    const destination = a(response, 'Destination');
    if (!recipient || !recipients.includes(recipient) || (destination && !recipients.includes(destination))) {
      return fail(
        'recipient',
        `The assertion recipient ${recipient ?? '(none)'} is not ${recipients.join(' or ')}`,
      );
    }
  }

  const attributes = createDict<string[]>();
  for (const statement of kids(assertion, SAML_NS.assertion, 'AttributeStatement')) {
    for (const attribute of kids(statement, SAML_NS.assertion, 'Attribute')) {
      const name = a(attribute, 'Name');
      if (!name) continue;
      setOwn(attributes, name, [
        ...(getOwn(attributes, name) ?? []),
        ...kids(attribute, SAML_NS.assertion, 'AttributeValue').map(text),
      ]);
    }
  }
  const roles = (getOwn(attributes, AWS_SAML_ATTRIBUTES.role) ?? []).flatMap((value): SamlRole[] => {
    const parts = value.split(',').map((p) => p.trim());
    if (parts.length !== 2) return [];
    const roleArn = parts.find((p) => /^arn:aws[\w-]*:iam::\d{12}:role\//.test(p));
    const providerArn = parts.find((p) => /^arn:aws[\w-]*:iam::\d{12}:saml-provider\//.test(p));
    return roleArn && providerArn ? [{ roleArn, providerArn }] : [];
  });
  const duration = attributes[AWS_SAML_ATTRIBUTES.sessionDuration]?.[0];
  const authn = first(assertion, SAML_NS.assertion, 'AuthnStatement');
  return {
    ok: true,
    issuer,
    responseId,
    assertionId,
    inResponseTo: a(response, 'InResponseTo'),
    nameId: text(nameIds[0]),
    nameIdFormat: a(nameIds[0], 'Format'),
    notOnOrAfter,
    issueInstant: time(a(assertion, 'IssueInstant')),
    sessionNotOnOrAfter: time(a(authn, 'SessionNotOnOrAfter')),
    recipient,
    audiences,
    attributes,
    roles,
    sessionName: attributes[AWS_SAML_ATTRIBUTES.roleSessionName]?.[0],
    sessionDuration: duration !== undefined && /^\d+$/.test(duration) ? Number(duration) : undefined,
    signed: assertionSig.length > 0 ? 'Assertion' : 'Response',
  };
}
