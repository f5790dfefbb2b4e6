import type { UserPoolTriggerConfig } from './lambda-trigger-types';

/**
 * Plain, JSON-serialisable state of the simulated Cognito user pools service. Everything a pool
 * knows lives here (config, clients, groups, users, sign-in sessions, the simulated inbox), so a
 * snapshot is `JSON.stringify` and nothing else. Times are epoch milliseconds of the injected clock.
 */

import { createDict } from '../../core/dict';
export interface PasswordPolicy {
  MinimumLength: number;
  RequireUppercase: boolean;
  RequireLowercase: boolean;
  RequireNumbers: boolean;
  RequireSymbols: boolean;
  TemporaryPasswordValidityDays: number;
}

export type ExplicitAuthFlow =
  | 'ALLOW_USER_PASSWORD_AUTH'
  | 'ALLOW_USER_SRP_AUTH'
  | 'ALLOW_REFRESH_TOKEN_AUTH'
  | 'ALLOW_CUSTOM_AUTH'
  | 'ALLOW_ADMIN_USER_PASSWORD_AUTH'
  | 'ALLOW_USER_AUTH';

export interface AppClientRecord {
  clientId: string;
  clientName: string;
  /** Public clients have none (browser apps). */
  clientSecret?: string;
  /** ReadAttributes / WriteAttributes when the client names them (client-attributes.ts); absent: all. */
  readAttributes?: string[];
  writeAttributes?: string[];
  explicitAuthFlows: ExplicitAuthFlow[];
  /** `ENABLED` hides whether a user exists; `LEGACY` answers UserNotFoundException. */
  preventUserExistenceErrors: 'ENABLED' | 'LEGACY';
  enableTokenRevocation: boolean;
  /** Validity in seconds (the API takes units; we store the resolved number). */
  idTokenValiditySeconds: number;
  accessTokenValiditySeconds: number;
  refreshTokenValiditySeconds: number;
  allowedOAuthFlows: string[];
  allowedOAuthScopes: string[];
  callbackUrls: string[];
  logoutUrls: string[];
  supportedIdentityProviders: string[];
  /** AuthSessionValidity: minutes a challenge Session stays valid (3–15; absent means the default 3). */
  authSessionValidityMinutes?: number;
}

export interface GroupRecord {
  groupName: string;
  description?: string;
  precedence?: number;
  roleArn?: string;
  creationDate: number;
}

/** A resource server (CreateResourceServer): an API's identifier and the scopes it defines. */
export interface ResourceServerRecord {
  identifier: string;
  name: string;
  scopes: { scopeName: string; scopeDescription: string }[];
}

/** One attribute of the pool schema (standard or `custom:`). */
export interface SchemaAttribute {
  name: string;
  mutable: boolean;
  required: boolean;
  dataType: 'String' | 'Number' | 'DateTime' | 'Boolean';
}

export interface PoolRecord {
  id: string;
  name: string;
  arn: string;
  creationDate: number;
  passwordPolicy: PasswordPolicy;
  /** Attributes Cognito verifies by sending a code (email here). */
  autoVerifiedAttributes: ('email' | 'phone_number')[];
  /**
   * UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate: a change of these waits, pending,
   * until its code is verified (API reference, UserAttributeUpdateSettingsType). Absent (and in snapshots
   * taken before it existed) means none: a change applies at once, unverified.
   */
  attributesRequireVerificationBeforeUpdate?: ('email' | 'phone_number')[];
  /** Usernames are case-insensitive in pools created by the console (UsernameConfiguration.CaseSensitive false). */
  caseSensitiveUsernames: boolean;
  /**
   * UsernameAttributes: users sign up and sign in with an email address or phone number, and Cognito makes
   * the username itself the user's sub (username-attributes.ts). Absent (and in older snapshots) means none.
   */
  usernameAttributes?: ('email' | 'phone_number')[];
  /** AliasAttributes: sign-in by a verified email or phone number, or preferred_username (alias-attributes.ts). */
  aliasAttributes?: ('email' | 'phone_number' | 'preferred_username')[];
  /**
   * AdminCreateUserConfig.AllowAdminCreateUserOnly: only an administrator creates users, and SignUp is
   * refused. Absent (and in older snapshots) means self sign-up is allowed, the API's default.
   */
  adminCreateUserOnly?: boolean;
  schema: SchemaAttribute[];
  /** The simulated Lambda triggers (lambda-triggers.ts); absent means none is configured. */
  lambdaTriggers?: UserPoolTriggerConfig;
  /**
   * Resource servers by identifier: the custom scopes (`<identifier>/<scope name>`) an app client may be
   * allowed and the client credentials grant issues (oauth/client-credentials.ts). Absent means none.
   */
  resourceServers?: Record<string, ResourceServerRecord>;
  /** Hosted (managed login) domain prefix: https://<prefix>.auth.<region>.amazoncognito.com */
  domainPrefix?: string;
  clients: Record<string, AppClientRecord>;
  groups: Record<string, GroupRecord>;
  /** Users keyed by their username key (lower-cased when the pool is case-insensitive). */
  users: Record<string, UserRecord>;
}

export type UserStatus =
  | 'UNCONFIRMED'
  | 'CONFIRMED'
  | 'EXTERNAL_PROVIDER'
  | 'FORCE_CHANGE_PASSWORD'
  | 'RESET_REQUIRED';

export interface PasswordHash {
  /** PBKDF2-SHA256 over the password with a per-user salt (base64). */
  algorithm: 'PBKDF2-SHA256';
  iterations: number;
  salt: string;
  hash: string;
}

export interface SrpVerifier {
  /** 16 random bytes, hex (sent to clients as the SALT challenge parameter). */
  salt: string;
  verifier: string;
}

export interface SoftwareTokenMfa {
  /** RFC 4648 base32, as AssociateSoftwareToken hands it out (SecretCode). */
  secret: string;
  verified: boolean;
  friendlyDeviceName?: string;
  enabled: boolean;
  preferred: boolean;
  /** Last TOTP step accepted, so a code cannot be used twice. */
  lastStep?: number;
}

export interface PendingCode {
  code: string;
  purpose: 'SIGN_UP' | 'VERIFY_ATTRIBUTE' | 'FORGOT_PASSWORD';
  attributeName?: string;
  /** VERIFY_ATTRIBUTE of a pending update: the new value the code went to (swapped in when verified). */
  pendingValue?: string;
  expiresAt: number;
}

export interface UserRecord {
  username: string;
  sub: string;
  status: UserStatus;
  enabled: boolean;
  createdAt: number;
  lastModifiedAt: number;
  /** Attribute name → value, `sub` included (as GetUser lists it). Values are always strings. */
  attributes: Record<string, string>;
  password?: PasswordHash;
  /** USER_SRP_AUTH verifier (salt and v = g^x mod N, hex), derived from the password at sign-up. */
  srp?: SrpVerifier;
  groups: string[];
  signUpCode?: PendingCode;
  attributeCodes: Record<string, PendingCode>;
  /**
   * New email / phone number values waiting for VerifyUserAttribute in a pool that keeps the original
   * until then (PoolRecord.attributesRequireVerificationBeforeUpdate). Absent in older snapshots.
   */
  pendingAttributes?: Record<string, string>;
  /** Failed password sign-ins counted for the lockout rule (docs/aws-reference.md §2.4). */
  failedAttempts: number;
  /** Software token (TOTP) MFA: the secret from AssociateSoftwareToken, verified and chosen as the user's MFA. */
  softwareToken?: SoftwareTokenMfa;
  lastFailedAt?: number;
  lockedUntil?: number;
  /** FORCE_CHANGE_PASSWORD users (AdminCreateUser): when the temporary password stops working (epoch ms). */
  temporaryPasswordExpiresAt?: number;
  /** ForgotPassword: the pending reset code and the hourly attempt counters (forgot-password.ts). */
  forgotPassword?: ForgotPasswordRecord;
}

/** Per-user state of the forgotten-password flow; counters reset an hour after their window opened. */
export interface ForgotPasswordRecord {
  code?: PendingCode;
  windowStart: number;
  requests: number;
  wrongCodes: number;
}

/**
 * One authentication (one `origin_jti`): every ID, access and refresh token minted from it, refreshes
 * included, shares it. Revocation is recorded here and checked by Cognito's own APIs only.
 */
export interface SessionRecord {
  originJti: string;
  poolId: string;
  clientId: string;
  username: string;
  sub: string;
  /** Epoch seconds of the original authentication; unchanged on refresh. */
  authTime: number;
  /** Authentication event id, carried by every token of this authentication (unv: kept on refresh). */
  eventId: string;
  scopes: string[];
  /** Issued through the OAuth endpoints (tokens then carry at_hash; scopes from the authorize request). */
  viaOAuth: boolean;
  /** jti of the refresh token of this authentication, if one was issued. */
  refreshJti?: string;
  refreshExpiresAt?: number;
  revokedAt?: number;
  revokedBy?: 'GlobalSignOut' | 'RevokeToken' | 'AdminUserGlobalSignOut' | 'AdminDisableUser';
  createdAt: number;
}

export interface InboxMessage {
  poolId: string;
  to: string;
  username: string;
  code: string;
  purpose: 'SIGN_UP' | 'RESEND_SIGN_UP' | 'VERIFY_ATTRIBUTE' | 'FORGOT_PASSWORD';
  medium: 'EMAIL' | 'SMS';
  at: number;
}

export interface UserPoolState {
  pools: Record<string, PoolRecord>;
  sessions: Record<string, SessionRecord>;
  inbox: InboxMessage[];
  /** Challenges in flight (srp-challenges.ts, challenges.ts); absent in snapshots taken before they existed. */
  challenges?: Record<string, ChallengeRecord>;
}

/**
 * One pending challenge of a sign-in, keyed by the handle the client must send back: the SECRET_BLOCK
 * for PASSWORD_VERIFIER (AWS returns no Session there), the Session for the challenges after it.
 */
export interface ChallengeRecord {
  challengeName: 'PASSWORD_VERIFIER' | 'SOFTWARE_TOKEN_MFA' | 'NEW_PASSWORD_REQUIRED';
  poolId: string;
  clientId: string;
  /** The user's username, or the name as typed for a decoy challenge (unknown user, existence errors hidden). */
  username: string;
  createdAt: number;
  expiresAt: number;
  /** PASSWORD_VERIFIER: the server's secret exponent b and both public values (hex). */
  srp?: { b: string; A: string; B: string; decoy: boolean };
  /** The flow that led here (for the trace and the follow-up challenge). */
  authFlow: 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH' | 'ADMIN_USER_PASSWORD_AUTH';
}

export function createUserPoolState(): UserPoolState {
  return { pools: createDict(), sessions: createDict(), inbox: [] };
}
