/**
 * IAM's data model: the plain JSON records `World.state.iam` holds (users with access keys and MFA
 * devices, roles, customer managed policies, SAML and OIDC providers). Kept apart from the functions
 * that take a World (`state.ts`) so that `world.ts` can name the type without importing them.
 */
import { createDict } from '../core/dict';
import type { PolicyDocument } from './types';

export interface IamAccessKey {
  accessKeyId: string;
  secretAccessKey: string;
  status: 'Active' | 'Inactive';
  /** Epoch ms. */
  createDate: number;
}

export interface IamMfaDevice {
  /** `arn:aws:iam::<acct>:mfa/<name>`: the `SerialNumber` STS calls take. */
  serialNumber: string;
  /** RFC 4648 base32 seed (what IAM returns as `Base32StringSeed`); TOTP per RFC 6238, SHA-1, 6 digits, 30 s. */
  base32Seed: string;
  enableDate: number;
  /**
   * The TOTP time step of the last code STS accepted from this device. A code is good once: a step at
   * or before this one is refused. Kept in the state so it survives a snapshot and restore.
   */
  lastUsedStep?: number;
}

export interface IamInlinePolicy {
  name: string;
  document: PolicyDocument;
}

export interface IamUser {
  userName: string;
  path: string;
  arn: string;
  /** `AIDA…`, the value of `aws:userid` for requests signed with this user's keys. */
  userId: string;
  createDate: number;
  accessKeys: IamAccessKey[];
  mfaDevices: IamMfaDevice[];
  inlinePolicies: IamInlinePolicy[];
  attachedPolicyArns: string[];
  permissionsBoundaryArn?: string;
  tags: Record<string, string>;
}

export interface IamRole {
  roleName: string;
  path: string;
  arn: string;
  /** `AROA…`; a session's `aws:userid` is `<roleId>:<sessionName>`. */
  roleId: string;
  createDate: number;
  description?: string;
  /** The trust policy (`AssumeRolePolicyDocument`). */
  trustPolicy: PolicyDocument;
  /** Seconds, 3600 to 43200; default 3600 (IAM CreateRole). */
  maxSessionDuration: number;
  inlinePolicies: IamInlinePolicy[];
  attachedPolicyArns: string[];
  permissionsBoundaryArn?: string;
  tags: Record<string, string>;
}

export interface IamManagedPolicy {
  policyName: string;
  path: string;
  arn: string;
  /** `ANPA…` */
  policyId: string;
  defaultVersionId: string;
  document: PolicyDocument;
  description?: string;
  createDate: number;
}

export interface IamSamlProvider {
  name: string;
  arn: string;
  /** Base64 DER signing certificates taken from the provider's metadata document. */
  certificates: string[];
  createDate: number;
}

export interface IamOidcProvider {
  /** `accounts.google.com`, `cognito-identity.amazonaws.com` … (the issuer URL without `https://`). */
  url: string;
  arn: string;
  clientIds: string[];
  thumbprints: string[];
  createDate: number;
}

export interface IamState {
  /** Keyed by user name. */
  users: Record<string, IamUser>;
  /** Keyed by role name. */
  roles: Record<string, IamRole>;
  /** Customer managed policies, keyed by ARN. */
  policies: Record<string, IamManagedPolicy>;
  /** Keyed by ARN. */
  samlProviders: Record<string, IamSamlProvider>;
  /** Keyed by ARN. */
  oidcProviders: Record<string, IamOidcProvider>;
}

export function createIamState(): IamState {
  return {
    users: createDict(),
    roles: createDict(),
    policies: createDict(),
    samlProviders: createDict(),
    oidcProviders: createDict(),
  };
}
