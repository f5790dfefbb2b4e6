/**
 * The IdP's side of SSO: authenticate a directory user and build the signed SAML Response for one
 * service provider (AWS sign-in/STS, or a Cognito user pool). Lifetime five minutes, as common IdPs
 * issue (ADFS/Okta defaults are in that range; unv for any specific one).
 */
import { buildSamlResponseXml, type SamlAttribute } from '../../saml/build-response';
import { AWS_SAML_ATTRIBUTES } from '../../saml/names';
import { signSamlAssertion } from '../../saml/sign';
import type { World } from '../../world';
import { findSamlUser, type SamlIdpUser, type SamlServiceProvider } from './state';

export const SAML_ASSERTION_LIFETIME_MS = 5 * 60 * 1000;
export const SAML_WRONG_CREDENTIALS = 'Invalid username or password.';

export type SamlSignInResult = { ok: true; user: SamlIdpUser } | { ok: false; message: string };

export function samlSignIn(world: World, username: string, password: string): SamlSignInResult {
  const user = findSamlUser(world.state.saml, username);
  if (!user || user.password !== password) return { ok: false, message: SAML_WRONG_CREDENTIALS };
  return { ok: true, user };
}

const samlId = (world: World) => `_${world.random.hex(40)}`;

function attributesFor(user: SamlIdpUser, sp: SamlServiceProvider): SamlAttribute[] {
  const attributes: SamlAttribute[] = [];
  if (sp.aws) {
    attributes.push({ name: AWS_SAML_ATTRIBUTES.role, values: user.awsRoles });
    attributes.push({ name: AWS_SAML_ATTRIBUTES.roleSessionName, values: [user.email] });
    if (user.sessionDurationSeconds)
      attributes.push({
        name: AWS_SAML_ATTRIBUTES.sessionDuration,
        values: [String(user.sessionDurationSeconds)],
      });
  }
  attributes.push({ name: 'email', values: [user.email] });
  attributes.push({ name: 'name', values: [user.displayName] });
  return attributes;
}

/** A signed SAML Response for `user` addressed to `sp`, base64-encoded as the HTTP-POST binding carries it. */
export async function issueSamlResponse(
  world: World,
  user: SamlIdpUser,
  sp: SamlServiceProvider,
  options: { inResponseTo?: string } = {},
): Promise<string> {
  const xml = buildSamlResponseXml({
    responseId: samlId(world),
    assertionId: samlId(world),
    issuer: world.state.saml.entityId,
    issuedAt: world.now(),
    lifetimeMs: SAML_ASSERTION_LIFETIME_MS,
    destination: sp.acsUrl,
    recipient: sp.acsUrl,
    audience: sp.entityId,
    inResponseTo: options.inResponseTo,
    nameId: user.nameId,
    sessionIndex: samlId(world),
    attributes: attributesFor(user, sp),
  });
  const signed = await signSamlAssertion(xml, {
    privateKey: world.keys.saml.privateKey,
    certificateBase64: world.keys.saml.certificateBase64,
  });
  let binary = '';
  for (const byte of new TextEncoder().encode(signed)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
