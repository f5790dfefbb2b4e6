/** What a Logins entry becomes once its provider has checked it (logins.ts, saml-login.ts). */
export interface VerifiedLogin {
  /** The Logins key. */
  provider: string;
  /** The user's id at the provider (user pool `sub`, Google `sub`, SAML NameID, developer user id). */
  userId: string;
  /** amr entries after "authenticated": the provider, then the provider-qualified user. */
  amr: string[];
  /** Token claims (or SAML attributes) that rules-based and token-based role mapping read. */
  claims: Record<string, unknown>;
  /** Key of this provider in the pool's RoleMappings. */
  mappingKey: string;
  /** For a `cognito-identity.amazonaws.com` login: the identity the Cognito token was issued to. */
  identityId?: string;
  /** For a SAML login: the role ARNs the assertion's Role attribute offers with this provider. */
  samlRoles?: string[];
}
