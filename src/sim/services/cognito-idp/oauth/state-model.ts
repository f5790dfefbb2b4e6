/**
 * Plain, JSON-serialisable state of the user pool's hosted-domain OAuth 2.0 endpoints: the identity
 * providers configured on each pool (as CreateIdentityProvider would store them), sign-ins waiting
 * for an IdP to answer, issued authorization codes, and SAML assertion ids already consumed.
 */
import { createDict } from '../../../core/dict';

export interface PoolIdentityProvider {
  providerName: string;
  providerType: 'Google' | 'SAML';
  /** Google: client_id, client_secret, authorize_scopes. SAML: the IdP metadata's pieces. */
  google?: { clientId: string; clientSecret: string; authorizeScopes: string };
  saml?: { entityId: string; ssoUrl: string; certificates: string[] };
  /** User pool attribute → IdP claim or SAML attribute name (Cognito AttributeMapping). */
  attributeMapping: Record<string, string>;
}

/** An /oauth2/authorize request parked while the user is at the IdP. */
export interface PendingAuthorization {
  id: string;
  poolId: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state?: string;
  nonce?: string;
  codeChallenge?: string;
  /** `token`: the implicit grant, tokens straight to the app in the fragment; absent: a code. */
  responseType?: 'token';
  providerName: string;
  /** ID of the AuthnRequest sent to a SAML IdP (the Response's InResponseTo must match). */
  samlRequestId?: string;
  expiresAt: number;
}

export interface AuthorizationCodeRecord {
  code: string;
  poolId: string;
  clientId: string;
  redirectUri: string;
  username: string;
  scopes: string[];
  nonce?: string;
  codeChallenge?: string;
  /** Epoch seconds of the federated sign-in. */
  authTime: number;
  expiresAt: number;
}

export interface CognitoOAuthState {
  /** poolId → providerName → provider. */
  identityProviders: Record<string, Record<string, PoolIdentityProvider>>;
  pending: Record<string, PendingAuthorization>;
  codes: Record<string, AuthorizationCodeRecord>;
  /** Replay cache: SAML replay id → epoch ms after which it may be forgotten. */
  consumedAssertions: Record<string, number>;
}

export function createCognitoOAuthState(): CognitoOAuthState {
  return {
    identityProviders: createDict(),
    pending: createDict(),
    codes: createDict(),
    consumedAssertions: createDict(),
  };
}
