/**
 * The credential store behind SigV4 verification. Long-term `AKIA…` keys live in IAM state; temporary
 * `ASIA…` keys live in STS state with the session they belong to. A Caller's policies are resolved
 * from IAM state at request time, so editing a role's policy affects live sessions, as in AWS.
 */
import { getOwn } from '../core/dict';
import { isoSeconds } from '../core/time';
import {
  findAccessKey,
  getRole,
  getUser,
  type IamUser,
  permissionsBoundaryFor,
  policiesForRole,
  policiesForUser,
} from '../iam/state';
import type { ContextKeys, NamedPolicy } from '../iam/types';
import type { StsSession } from '../services/sts/state';
import type { World } from '../world';
import type { Caller, CallerApiRestrictions } from './caller';
import { STS_OPERATIONS } from '../services/sts/definitions';
import { mergePrincipalTags, principalTagContext } from '../services/sts/session-tags';

export interface StoredCredential {
  accessKeyId: string;
  secretAccessKey: string;
  /** Temporary credentials only. */
  sessionToken?: string;
  /** Epoch ms; temporary credentials only. */
  expiration?: number;
  /** Long-term key switched off in IAM. */
  inactive?: boolean;
  /** The principal, with its policies as IAM state holds them now. */
  caller(now: number): Caller;
}

export function lookupCredential(world: World, accessKeyId: string): StoredCredential | undefined {
  const session = getOwn(world.state.sts.sessions, accessKeyId);
  if (session) {
    return {
      accessKeyId,
      secretAccessKey: session.secretAccessKey,
      sessionToken: session.sessionToken,
      expiration: session.expiration,
      caller: (now) => sessionCaller(world, session, now),
    };
  }
  const found = findAccessKey(world, accessKeyId);
  if (!found) return undefined;
  return {
    accessKeyId,
    secretAccessKey: found.key.secretAccessKey,
    inactive: found.key.status !== 'Active',
    caller: () => userCaller(world, found.user, accessKeyId),
  };
}

const accountIdentifiers = (accountId: string) => [`arn:aws:iam::${accountId}:root`, accountId];

function userCaller(world: World, user: IamUser, accessKeyId: string): Caller {
  return {
    accessKeyId,
    kind: 'iam-user',
    arn: user.arn,
    userId: user.userId,
    accountId: world.accountId,
    principal: {
      type: 'AWS',
      identifiers: [user.arn, ...accountIdentifiers(world.accountId)],
      accountId: world.accountId,
    },
    identityPolicies: policiesForUser(world, user),
    permissionsBoundary: permissionsBoundaryFor(world, user),
    sessionPolicies: [],
    // Long-term keys carry no aws:MultiFactorAuthPresent and no aws:TokenIssueTime (docs/aws-reference.md §6.8).
    context: {
      'aws:username': user.userName,
      'aws:userid': user.userId,
      'aws:PrincipalArn': user.arn,
      'aws:PrincipalType': 'User',
      'aws:PrincipalAccount': world.accountId,
      // An IAM user's own tags are its principal tags (IAM "Controlling access to IAM principals").
      ...principalTagContext(user.tags ?? {}),
    },
    source: 'long-term',
  };
}

/** GetFederationToken with no session policy: the session may do nothing (docs/aws-reference.md §5.5). */
const NO_PERMISSIONS: NamedPolicy = {
  name: 'no session policy (GetFederationToken without Policy or PolicyArns allows nothing)',
  document: { Version: '2012-10-17', Statement: [] },
};

function sessionCaller(world: World, session: StsSession, now: number): Caller {
  const mfa = session.mfaAuthenticatedAt !== undefined;
  const context: ContextKeys = {
    ...session.context,
    'aws:userid': session.userId,
    'aws:PrincipalAccount': world.accountId,
    'aws:TokenIssueTime': isoSeconds(session.issuedAt),
    'aws:MultiFactorAuthPresent': mfa ? 'true' : 'false',
  };
  if (mfa)
    context['aws:MultiFactorAuthAge'] = String(
      Math.max(0, Math.floor((now - (session.mfaAuthenticatedAt as number)) / 1000)),
    );
  const base = {
    accessKeyId: session.accessKeyId,
    arn: session.arn,
    userId: session.userId,
    accountId: world.accountId,
    expiration: session.expiration,
    source: session.source,
  };

  if (session.kind === 'assumed-role') {
    const role = session.roleName ? getRole(world, session.roleName) : undefined;
    return {
      ...base,
      kind: 'assumed-role',
      principal: {
        type: 'AWS',
        identifiers: [session.arn, session.roleArn ?? '', ...accountIdentifiers(world.accountId)].filter(
          Boolean,
        ),
        accountId: world.accountId,
      },
      // A deleted role leaves its sessions with no permissions.
      identityPolicies: role ? policiesForRole(world, role) : [],
      permissionsBoundary: role ? permissionsBoundaryFor(world, role) : undefined,
      sessionPolicies: session.sessionPolicies,
      context: {
        ...context,
        'aws:PrincipalArn': session.roleArn,
        'aws:PrincipalType': 'AssumedRole',
        // The role's tags, overridden by the session's tags with the same key (doc, session tags).
        ...principalTagContext(mergePrincipalTags(role?.tags ?? {}, session.sessionTags?.tags ?? {})),
      },
      sessionTags: session.sessionTags,
    };
  }

  const user = session.userName ? getUser(world, session.userName) : undefined;
  const identityPolicies = user ? policiesForUser(world, user) : [];
  const permissionsBoundary = user ? permissionsBoundaryFor(world, user) : undefined;

  if (session.kind === 'federated-user') {
    const restrictions: CallerApiRestrictions = {
      source: 'GetFederationToken',
      iamAllowed: false,
      stsActions: [...(STS_OPERATIONS.GetFederationToken.allowedStsActions ?? [])],
    };
    return {
      ...base,
      kind: 'federated-user',
      principal: {
        type: 'AWS',
        identifiers: [session.arn, ...accountIdentifiers(world.accountId)],
        accountId: world.accountId,
      },
      identityPolicies,
      permissionsBoundary,
      sessionPolicies: session.sessionPolicies.length > 0 ? session.sessionPolicies : [NO_PERMISSIONS],
      context: { ...context, 'aws:PrincipalArn': session.arn, 'aws:PrincipalType': 'FederatedUser' },
      apiRestrictions: restrictions,
    };
  }

  // GetSessionToken: the IAM user's own permissions, with the user's identity (docs/aws-reference.md §5.2).
  return {
    ...base,
    kind: 'iam-user',
    principal: {
      type: 'AWS',
      identifiers: [session.arn, ...accountIdentifiers(world.accountId)],
      accountId: world.accountId,
    },
    identityPolicies,
    permissionsBoundary,
    sessionPolicies: [],
    context: {
      ...context,
      'aws:username': user?.userName ?? session.userName,
      'aws:PrincipalArn': session.arn,
      'aws:PrincipalType': 'User',
    },
    apiRestrictions: {
      source: 'GetSessionToken',
      iamAllowed: mfa,
      stsActions: [...(STS_OPERATIONS.GetSessionToken.allowedStsActions ?? [])],
    },
  };
}
