/**
 * Writes an unsigned SAML 2.0 Response holding one Assertion, the shape corporate IdPs (ADFS, Okta,
 * Entra) post to AWS and to Cognito. The Assertion is signed afterwards (sign.ts). Every value is
 * escaped, so no user-controlled text can become markup.
 */
import { escapeXml } from '../protocol/xml';
import { isoSeconds } from '../core/time';
import {
  AUTHN_PASSWORD_PROTECTED,
  CONFIRMATION_BEARER,
  NAMEID_FORMAT_PERSISTENT,
  SAML_NS,
  SAML_STATUS_SUCCESS,
} from './names';

export interface SamlAttribute {
  name: string;
  values: string[];
}

export interface SamlResponseInput {
  responseId: string;
  assertionId: string;
  issuer: string;
  /** Epoch ms of issue (IssueInstant, AuthnInstant, NotBefore). */
  issuedAt: number;
  /** Lifetime of the assertion in ms (Conditions and SubjectConfirmationData NotOnOrAfter). */
  lifetimeMs: number;
  destination: string;
  recipient: string;
  audience: string;
  inResponseTo?: string;
  nameId: string;
  nameIdFormat?: string;
  sessionIndex: string;
  attributes: SamlAttribute[];
}

const attr = (name: string, value: string | undefined) =>
  value === undefined ? '' : ` ${name}="${escapeXml(value)}"`;

export function buildSamlResponseXml(input: SamlResponseInput): string {
  const issued = isoSeconds(input.issuedAt);
  const expires = isoSeconds(input.issuedAt + input.lifetimeMs);
  const issuer = `<saml:Issuer>${escapeXml(input.issuer)}</saml:Issuer>`;
  const attributes = input.attributes
    .map(
      (a) =>
        `<saml:Attribute Name="${escapeXml(a.name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">${a.values
          .map((v) => `<saml:AttributeValue xsi:type="xs:string">${escapeXml(v)}</saml:AttributeValue>`)
          .join('')}</saml:Attribute>`,
    )
    .join('');
  return (
    `<samlp:Response xmlns:samlp="${SAML_NS.protocol}" xmlns:saml="${SAML_NS.assertion}"` +
    ` ID="${escapeXml(input.responseId)}" Version="2.0" IssueInstant="${issued}"` +
    `${attr('Destination', input.destination)}${attr('InResponseTo', input.inResponseTo)}>` +
    issuer +
    `<samlp:Status><samlp:StatusCode Value="${SAML_STATUS_SUCCESS}"/></samlp:Status>` +
    `<saml:Assertion xmlns:xs="${SAML_NS.xs}" xmlns:xsi="${SAML_NS.xsi}" ID="${escapeXml(input.assertionId)}" Version="2.0" IssueInstant="${issued}">` +
    issuer +
    '<saml:Subject>' +
    `<saml:NameID Format="${escapeXml(input.nameIdFormat ?? NAMEID_FORMAT_PERSISTENT)}">${escapeXml(input.nameId)}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="${CONFIRMATION_BEARER}">` +
    `<saml:SubjectConfirmationData NotOnOrAfter="${expires}"${attr('Recipient', input.recipient)}${attr('InResponseTo', input.inResponseTo)}/>` +
    '</saml:SubjectConfirmation></saml:Subject>' +
    `<saml:Conditions NotBefore="${issued}" NotOnOrAfter="${expires}">` +
    `<saml:AudienceRestriction><saml:Audience>${escapeXml(input.audience)}</saml:Audience></saml:AudienceRestriction>` +
    '</saml:Conditions>' +
    `<saml:AuthnStatement AuthnInstant="${issued}" SessionIndex="${escapeXml(input.sessionIndex)}">` +
    `<saml:AuthnContext><saml:AuthnContextClassRef>${AUTHN_PASSWORD_PROTECTED}</saml:AuthnContextClassRef></saml:AuthnContext>` +
    '</saml:AuthnStatement>' +
    `<saml:AttributeStatement>${attributes}</saml:AttributeStatement>` +
    '</saml:Assertion></samlp:Response>'
  );
}
