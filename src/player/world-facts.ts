import type {
  Cloud,
  IamManagedPolicy,
  IamRole,
  IamUser,
  IdentityPoolConfig,
  PolicyDocument,
  WorldState,
} from '../sim/index';

/**
 * The configuration a reader may ask about, read from the engine's own state when a scenario's cloud
 * is created: the IAM roles and customer managed policies (what a policy name in the IAM tab is), the
 * identity pools' roles and role mappings (how the pool chooses a role), and bucket policies. Taken from
 * `cloud.snapshot()` (the public contract), never typed in by hand, and without secrets: IAM users'
 * keys and MFA devices, and the user pools, are left out.
 */
export interface WorldFacts {
  /** By role name. */
  roles: Record<
    string,
    Pick<
      IamRole,
      'roleName' | 'arn' | 'description' | 'trustPolicy' | 'inlinePolicies' | 'attachedPolicyArns'
    > & { permissionsBoundaryArn?: string }
  >;
  /** IAM users by name, with their policies only (never their access keys or MFA devices). */
  users: Record<string, Pick<IamUser, 'userName' | 'arn' | 'inlinePolicies' | 'attachedPolicyArns'>>;
  /** Customer managed policies, by policy name. */
  policies: Record<string, Pick<IamManagedPolicy, 'policyName' | 'arn' | 'description' | 'document'>>;
  identityPools: Pick<
    IdentityPoolConfig,
    | 'IdentityPoolId'
    | 'IdentityPoolName'
    | 'AllowClassicFlow'
    | 'AllowUnauthenticatedIdentities'
    | 'Roles'
    | 'RoleMappings'
  >[];
  /** By bucket name. */
  bucketPolicies: Record<string, PolicyDocument>;
}

export function worldFactsOf(cloud: Pick<Cloud, 'snapshot'>): WorldFacts {
  const state = JSON.parse(cloud.snapshot().state) as WorldState;
  const roles: WorldFacts['roles'] = {};
  for (const role of Object.values(state.iam.roles)) {
    roles[role.roleName] = {
      roleName: role.roleName,
      arn: role.arn,
      description: role.description,
      trustPolicy: role.trustPolicy,
      inlinePolicies: role.inlinePolicies,
      attachedPolicyArns: role.attachedPolicyArns,
      permissionsBoundaryArn: role.permissionsBoundaryArn,
    };
  }
  const users: WorldFacts['users'] = {};
  for (const u of Object.values(state.iam.users)) {
    users[u.userName] = {
      userName: u.userName,
      arn: u.arn,
      inlinePolicies: u.inlinePolicies,
      attachedPolicyArns: u.attachedPolicyArns,
    };
  }
  const policies: WorldFacts['policies'] = {};
  for (const p of Object.values(state.iam.policies)) {
    policies[p.policyName] = {
      policyName: p.policyName,
      arn: p.arn,
      description: p.description,
      document: p.document,
    };
  }
  const identityPools = Object.values(state.cognitoIdentity.pools).map((p) => ({
    IdentityPoolId: p.IdentityPoolId,
    IdentityPoolName: p.IdentityPoolName,
    AllowClassicFlow: p.AllowClassicFlow,
    AllowUnauthenticatedIdentities: p.AllowUnauthenticatedIdentities,
    Roles: p.Roles,
    RoleMappings: p.RoleMappings,
  }));
  const bucketPolicies: WorldFacts['bucketPolicies'] = {};
  for (const b of Object.values(state.s3.buckets)) if (b.policy) bucketPolicies[b.name] = b.policy;
  return { roles, users, policies, identityPools, bucketPolicies };
}
