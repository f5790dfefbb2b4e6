/**
 * IAM's state as plain JSON: users (with access keys and virtual MFA devices), roles (with trust
 * policies), customer managed policies, SAML and OIDC identity providers. AWS managed policies are
 * not stored here: they are fixed data (`managed/aws-managed.ts`) looked up by `managedPolicy`.
 *
 * Every id and secret is drawn from `world.random` so a seeded world is byte-reproducible.
 * Id shapes follow IAM User Guide "IAM identifiers" (unique ids: AIDA user, AROA role, ANPA policy,
 * AKIA access key; 21-character unique ids, 20-character access key ids, 40-character secrets).
 */
import { createDict, getOwn, setOwn } from '../core/dict';
import { BASE64_ALPHABET } from '../core/random';
import type { World } from '../world';
import { AWS_MANAGED_POLICIES } from './managed/aws-managed';
import type { IamAccessKey, IamMfaDevice, IamInlinePolicy, IamUser, IamRole, IamManagedPolicy, IamSamlProvider, IamOidcProvider, IamState } from './state-model';
import type { NamedPolicy, PolicyDocument } from './types';

export type { IamAccessKey, IamMfaDevice, IamInlinePolicy, IamUser, IamRole, IamManagedPolicy, IamSamlProvider, IamOidcProvider, IamState } from './state-model';
export { createIamState } from './state-model';

/** Characters of IAM unique ids after the 4-letter prefix (base32-like: upper case and 2–7). */
const UNIQUE_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A 21-character unique id such as `AIDA…`/`AROA…`/`ANPA…`, or a 20-character `AKIA…` key id. */
export function newIamId(world: World, prefix: string, length = 21): string {
  return prefix + world.random.string(length - prefix.length, UNIQUE_ID_ALPHABET);
}

function normalisePath(path?: string): string {
  if (!path) return '/';
  return path.endsWith('/') ? path : `${path}/`;
}

const iam = (world: World): IamState => world.state.iam;

// ---------------------------------------------------------------- lookups

/** A role by ARN (`arn:aws:iam::<acct>:role/<path><name>`) or by bare name. */
export function getRole(world: World, arnOrName: string): IamRole | undefined {
  const roles = iam(world).roles;
  if (!arnOrName.startsWith('arn:')) return getOwn(roles, arnOrName);
  return Object.values(roles).find((r) => r.arn === arnOrName);
}

/** A user by ARN or by bare name. */
export function getUser(world: World, arnOrName: string): IamUser | undefined {
  const users = iam(world).users;
  if (!arnOrName.startsWith('arn:')) return getOwn(users, arnOrName);
  return Object.values(users).find((u) => u.arn === arnOrName);
}

/** The long-term access key `AKIA…` and the user who owns it (whatever its status). */
export function findAccessKey(
  world: World,
  accessKeyId: string,
): { user: IamUser; key: IamAccessKey } | undefined {
  for (const user of Object.values(iam(world).users)) {
    const key = user.accessKeys.find((k) => k.accessKeyId === accessKeyId);
    if (key) return { user, key };
  }
  return undefined;
}

/** The virtual MFA device with this serial number (`arn:aws:iam::<acct>:mfa/<name>`) and its user. */
export function findMfaDevice(
  world: World,
  serialNumber: string,
): { user: IamUser; device: IamMfaDevice } | undefined {
  for (const user of Object.values(iam(world).users)) {
    const device = user.mfaDevices.find((d) => d.serialNumber === serialNumber);
    if (device) return { user, device };
  }
  return undefined;
}

/** A customer managed policy from state, or an AWS managed policy (`arn:aws:iam::aws:policy/…`) from data. */
export function managedPolicy(world: World, arn: string): IamManagedPolicy | undefined {
  return getOwn(iam(world).policies, arn) ?? getOwn(AWS_MANAGED_POLICIES, arn);
}

export function getSamlProvider(world: World, arn: string): IamSamlProvider | undefined {
  return getOwn(iam(world).samlProviders, arn);
}

/** An IAM OIDC provider by ARN or by URL (with or without `https://`). */
export function getOidcProvider(world: World, arnOrUrl: string): IamOidcProvider | undefined {
  const providers = iam(world).oidcProviders;
  const byArn = getOwn(providers, arnOrUrl);
  if (byArn) return byArn;
  const url = arnOrUrl.replace(/^https:\/\//, '');
  return Object.values(providers).find((p) => p.url === url);
}

function toNamedPolicies(world: World, inline: IamInlinePolicy[], attached: string[]): NamedPolicy[] {
  const out: NamedPolicy[] = inline.map((p) => ({ name: `inline:${p.name}`, document: p.document }));
  for (const arn of attached) {
    const policy = managedPolicy(world, arn);
    if (policy) out.push({ name: policy.policyName, arn: policy.arn, document: policy.document });
  }
  return out;
}

/** The role's identity-based policies: inline ones (`inline:<name>`) then attached managed ones. */
export function policiesForRole(world: World, role: IamRole): NamedPolicy[] {
  return toNamedPolicies(world, role.inlinePolicies, role.attachedPolicyArns);
}

/** The user's identity-based policies: inline ones (`inline:<name>`) then attached managed ones. */
export function policiesForUser(world: World, user: IamUser): NamedPolicy[] {
  return toNamedPolicies(world, user.inlinePolicies, user.attachedPolicyArns);
}

/** The permissions boundary of a user or role, if it has one. */
export function permissionsBoundaryFor(world: World, entity: IamUser | IamRole): NamedPolicy | undefined {
  if (!entity.permissionsBoundaryArn) return undefined;
  const policy = managedPolicy(world, entity.permissionsBoundaryArn);
  return policy ? { name: policy.policyName, arn: policy.arn, document: policy.document } : undefined;
}

/** The role's trust policy as the `resourcePolicy` of an AuthorizationRequest for sts:AssumeRole*. */
export function trustPolicyFor(role: IamRole): NamedPolicy & { layer: 'trust' } {
  return {
    name: `trust policy of ${role.roleName}`,
    arn: role.arn,
    document: role.trustPolicy,
    layer: 'trust',
  };
}

// ---------------------------------------------------------------- mutations (used by seeds)

export function createUser(
  world: World,
  input: { userName: string; path?: string; tags?: Record<string, string> },
): IamUser {
  const path = normalisePath(input.path);
  const user: IamUser = {
    userName: input.userName,
    path,
    arn: `arn:aws:iam::${world.accountId}:user${path}${input.userName}`,
    userId: newIamId(world, 'AIDA'),
    createDate: world.now(),
    accessKeys: [],
    mfaDevices: [],
    inlinePolicies: [],
    attachedPolicyArns: [],
    tags: createDict(input.tags),
  };
  setOwn(iam(world).users, user.userName, user);
  return user;
}

/** A long-term key pair: `AKIA` + 16 characters, and a 40-character secret. */
export function createAccessKey(world: World, userName: string): IamAccessKey {
  const user = mustUser(world, userName);
  const key: IamAccessKey = {
    accessKeyId: newIamId(world, 'AKIA', 20),
    secretAccessKey: world.random.string(40, BASE64_ALPHABET),
    status: 'Active',
    createDate: world.now(),
  };
  user.accessKeys.push(key);
  return key;
}

/** Creates a virtual MFA device named `deviceName` and enables it for the user (40 random bytes, base32). */
export function createVirtualMfaDevice(world: World, userName: string, deviceName = userName): IamMfaDevice {
  const user = mustUser(world, userName);
  const device: IamMfaDevice = {
    serialNumber: `arn:aws:iam::${world.accountId}:mfa/${deviceName}`,
    base32Seed: world.random.string(64, BASE32_ALPHABET),
    enableDate: world.now(),
  };
  user.mfaDevices.push(device);
  return device;
}

export function createRole(
  world: World,
  input: {
    roleName: string;
    trustPolicy: PolicyDocument;
    path?: string;
    description?: string;
    maxSessionDuration?: number;
    tags?: Record<string, string>;
  },
): IamRole {
  const path = normalisePath(input.path);
  const role: IamRole = {
    roleName: input.roleName,
    path,
    arn: `arn:aws:iam::${world.accountId}:role${path}${input.roleName}`,
    roleId: newIamId(world, 'AROA'),
    createDate: world.now(),
    description: input.description,
    trustPolicy: input.trustPolicy,
    maxSessionDuration: input.maxSessionDuration ?? 3600,
    inlinePolicies: [],
    attachedPolicyArns: [],
    tags: createDict(input.tags),
  };
  setOwn(iam(world).roles, role.roleName, role);
  return role;
}

/** A customer managed policy, version v1. */
export function createPolicy(
  world: World,
  input: { policyName: string; document: PolicyDocument; path?: string; description?: string },
): IamManagedPolicy {
  const path = normalisePath(input.path);
  const policy: IamManagedPolicy = {
    policyName: input.policyName,
    path,
    arn: `arn:aws:iam::${world.accountId}:policy${path}${input.policyName}`,
    policyId: newIamId(world, 'ANPA'),
    defaultVersionId: 'v1',
    document: input.document,
    description: input.description,
    createDate: world.now(),
  };
  setOwn(iam(world).policies, policy.arn, policy);
  return policy;
}

/** Adds or replaces an inline policy (PutUserPolicy / PutRolePolicy). */
export function putInlinePolicy(entity: IamUser | IamRole, name: string, document: PolicyDocument): void {
  const existing = entity.inlinePolicies.find((p) => p.name === name);
  if (existing) existing.document = document;
  else entity.inlinePolicies.push({ name, document });
}

/** Attaches a managed policy (customer or AWS managed) to a user or role. */
export function attachPolicy(world: World, entity: IamUser | IamRole, policyArn: string): void {
  if (!managedPolicy(world, policyArn)) throw new Error(`attachPolicy: no managed policy ${policyArn}`);
  if (!entity.attachedPolicyArns.includes(policyArn)) entity.attachedPolicyArns.push(policyArn);
}

export function setPermissionsBoundary(world: World, entity: IamUser | IamRole, policyArn: string): void {
  if (!managedPolicy(world, policyArn))
    throw new Error(`setPermissionsBoundary: no managed policy ${policyArn}`);
  entity.permissionsBoundaryArn = policyArn;
}

export function createSamlProvider(world: World, name: string, certificates: string[]): IamSamlProvider {
  const provider: IamSamlProvider = {
    name,
    arn: `arn:aws:iam::${world.accountId}:saml-provider/${name}`,
    certificates,
    createDate: world.now(),
  };
  setOwn(iam(world).samlProviders, provider.arn, provider);
  return provider;
}

export function createOidcProvider(
  world: World,
  url: string,
  clientIds: string[],
  thumbprints: string[] = [],
): IamOidcProvider {
  const host = url.replace(/^https:\/\//, '');
  const provider: IamOidcProvider = {
    url: host,
    arn: `arn:aws:iam::${world.accountId}:oidc-provider/${host}`,
    clientIds,
    thumbprints,
    createDate: world.now(),
  };
  setOwn(iam(world).oidcProviders, provider.arn, provider);
  return provider;
}

function mustUser(world: World, userName: string): IamUser {
  const user = getOwn(iam(world).users, userName);
  if (!user) throw new Error(`no IAM user ${userName}`);
  return user;
}
