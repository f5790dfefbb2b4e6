/**
 * SAML 2.0 and XML-DSig names used by the simulated IdP and by every SAML consumer (STS
 * AssumeRoleWithSAML, the user pool's /saml2/idpresponse). Spellings are the standards' own.
 */
export const SAML_NS = {
  protocol: 'urn:oasis:names:tc:SAML:2.0:protocol',
  assertion: 'urn:oasis:names:tc:SAML:2.0:assertion',
  dsig: 'http://www.w3.org/2000/09/xmldsig#',
  xs: 'http://www.w3.org/2001/XMLSchema',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  metadata: 'urn:oasis:names:tc:SAML:2.0:metadata',
} as const;

export const SAML_STATUS_SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';
export const NAMEID_FORMAT_PERSISTENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';
export const CONFIRMATION_BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';
export const AUTHN_PASSWORD_PROTECTED = 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport';
export const BINDING_HTTP_POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
export const BINDING_HTTP_REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

export const ALG_EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
export const ALG_ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
export const ALG_RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
export const ALG_SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';

/** Attribute names AWS reads from an assertion (IAM "Configure SAML assertions"; case-sensitive). */
export const AWS_SAML_ATTRIBUTES = {
  role: 'https://aws.amazon.com/SAML/Attributes/Role',
  roleSessionName: 'https://aws.amazon.com/SAML/Attributes/RoleSessionName',
  sessionDuration: 'https://aws.amazon.com/SAML/Attributes/SessionDuration',
} as const;

/**
 * Where an IdP posts a response for AWS sign-in/STS. The Recipient must be one of these (IAM docs:
 * the global endpoint, a Regional `https://<region>.signin.aws.amazon.com/saml`, or the static form).
 */
export const AWS_SAML_RECIPIENT = 'https://signin.aws.amazon.com/saml';

/**
 * Audiences AWS accepts for AssumeRoleWithSAML. AWS's own SP metadata has entityID
 * `urn:amazon:webservices` (what Okta's AWS app sends); Microsoft Entra's AWS app sends
 * `https://signin.aws.amazon.com/saml` as its identifier. The demo IdP sends the latter.
 */
export const AWS_SAML_AUDIENCES = ['urn:amazon:webservices', 'https://signin.aws.amazon.com/saml'] as const;

/** The user pool's SP entity id (Cognito docs: `urn:amazon:cognito:sp:<userPoolId>`). */
export const cognitoSamlAudience = (userPoolId: string): string => `urn:amazon:cognito:sp:${userPoolId}`;

/** The user pool's ACS URL on its hosted domain. */
export const cognitoSamlAcsUrl = (domainPrefix: string, region: string): string =>
  `https://${domainPrefix}.auth.${region}.amazoncognito.com/saml2/idpresponse`;
