/**
 * The IdP's SAML 2.0 metadata (EntityDescriptor), what an administrator downloads and uploads to
 * IAM (CreateSAMLProvider) or to a user pool (CreateIdentityProvider, ProviderType SAML).
 */
import { escapeXml } from '../../protocol/xml';
import {
  BINDING_HTTP_POST,
  BINDING_HTTP_REDIRECT,
  NAMEID_FORMAT_PERSISTENT,
  SAML_NS,
} from '../../saml/names';
import type { World } from '../../world';

export const SAML_IDP_HOST = 'idp.example-corp.test';
export const SAML_IDP_SSO_URL = `https://${SAML_IDP_HOST}/sso/saml`;
export const SAML_IDP_METADATA_URL = `https://${SAML_IDP_HOST}/metadata`;

export function samlIdpMetadataXml(world: World): string {
  const cert = world.keys.saml.certificateBase64;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<md:EntityDescriptor xmlns:md="${SAML_NS.metadata}" xmlns:ds="${SAML_NS.dsig}" entityID="${escapeXml(world.state.saml.entityId)}">` +
    `<md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="${SAML_NS.protocol}">` +
    `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${cert}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
    `<md:NameIDFormat>${NAMEID_FORMAT_PERSISTENT}</md:NameIDFormat>` +
    `<md:SingleSignOnService Binding="${BINDING_HTTP_REDIRECT}" Location="${SAML_IDP_SSO_URL}"/>` +
    `<md:SingleSignOnService Binding="${BINDING_HTTP_POST}" Location="${SAML_IDP_SSO_URL}"/>` +
    '</md:IDPSSODescriptor></md:EntityDescriptor>'
  );
}
