/**
 * Plain, JSON-serialisable state of the simulated Cognito identity pools service (federated
 * identities). Wire names are kept for the pool configuration (it is what DescribeIdentityPool and
 * GetIdentityPoolRoles return verbatim); identities and the login index are internal.
 */

/** `CognitoIdentityProvider` as the API spells it: one user pool app client trusted by the pool. */
import { createDict } from '../../core/dict';
export interface CognitoIdentityProviderConfig {
  /** `cognito-idp.<region>.amazonaws.com/<userPoolId>` */
  ProviderName: string;
  ClientId: string;
  /** When true the pool asks the user pool whether the token was revoked (docs/aws-reference.md §1.9). */
  ServerSideTokenCheck: boolean;
}

export const MatchType = {
  Equals: 'Equals',
  Contains: 'Contains',
  StartsWith: 'StartsWith',
  NotEqual: 'NotEqual',
} as const;
export type MatchType = (typeof MatchType)[keyof typeof MatchType];

export interface MappingRule {
  Claim: string;
  MatchType: MatchType;
  Value: string;
  RoleARN: string;
}

export interface RoleMapping {
  Type: 'Token' | 'Rules';
  AmbiguousRoleResolution?: 'AuthenticatedRole' | 'Deny';
  RulesConfiguration?: { Rules: MappingRule[] };
}

export interface IdentityPoolConfig {
  IdentityPoolId: string;
  IdentityPoolName: string;
  AllowUnauthenticatedIdentities: boolean;
  AllowClassicFlow: boolean;
  /** e.g. `{"accounts.google.com": "<google client id>"}` */
  SupportedLoginProviders: Record<string, string>;
  DeveloperProviderName?: string;
  OpenIdConnectProviderARNs: string[];
  CognitoIdentityProviders: CognitoIdentityProviderConfig[];
  SamlProviderARNs: string[];
  IdentityPoolTags: Record<string, string>;
  /** `{authenticated, unauthenticated}` role ARNs (SetIdentityPoolRoles). */
  Roles: Record<string, string>;
  /** Keyed by provider (`cognito-idp.<r>.amazonaws.com/<poolId>:<clientId>`, `accounts.google.com` …). */
  RoleMappings: Record<string, RoleMapping>;
}

export interface IdentityRecord {
  identityId: string;
  identityPoolId: string;
  /** provider name → the user's id at that provider (one login per provider, docs/aws-reference.md §4.11). */
  logins: Record<string, string>;
  /** Epoch ms. */
  creationDate: number;
  lastModifiedDate: number;
  /** Set when a merge moved this identity's logins to another identity (the owner). */
  mergedInto?: string;
}

export interface IdentityPoolState {
  pools: Record<string, IdentityPoolConfig>;
  identities: Record<string, IdentityRecord>;
  /** `<poolId>|<provider>|<user id at provider>` → identity id. */
  loginIndex: Record<string, string>;
  /**
   * Attributes for access control, `<poolId>|<provider>` → the map SetPrincipalTagAttributeMap stored.
   * Optional: snapshots saved before it existed lack it.
   */
  principalTagMaps?: Record<string, PrincipalTagMap>;
}

/** One provider's principal-tag map, in the wire names of Get/SetPrincipalTagAttributeMap. */
export interface PrincipalTagMap {
  UseDefaults: boolean;
  /** Tag key → the token claim (or SAML attribute) whose value the tag takes. */
  PrincipalTags: Record<string, string>;
}

export function createIdentityPoolState(): IdentityPoolState {
  return { pools: createDict(), identities: createDict(), loginIndex: createDict(), principalTagMaps: createDict() };
}

export const loginIndexKey = (poolId: string, provider: string, userId: string): string =>
  `${poolId}|${provider}|${userId}`;
