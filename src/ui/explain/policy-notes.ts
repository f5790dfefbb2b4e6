import type { WorldFacts } from '../../player/world-facts';
import type { IamManagedPolicy, PolicyDocument, PolicyStatement, PolicyValue } from '../../sim/index';

/**
 * What a policy named in the IAM tab is and what it allows, read from the scenario's world (the
 * engine's IAM state) and the engine's AWS managed policies. The IAM trace names a policy by layer and
 * name ("identity · AtlasIdentityPoolAccess", "trust · trust policy of AtlasGuestRole", "session ·
 * session policy AmazonCognitoUnAuthedIdentitiesSessionPolicy", "resource · bucket policy"); this turns
 * the name into a sentence and the policy's statements in plain form.
 */
export interface PolicyExplanation {
  /** What kind of policy it is and where it lives. */
  kind: string;
  /** The policy's own description, when IAM holds one. */
  description?: string;
  /** One line per statement: Sid, effect, actions, resources, condition keys. */
  statements: string[];
}

const list = (value: PolicyValue | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)];

function principalText(principal: PolicyStatement['Principal']): string | undefined {
  if (!principal) return undefined;
  if (principal === '*') return 'anyone';
  return Object.entries(principal)
    .map(([kind, who]) => `${kind} ${list(who).join(', ')}`)
    .join('; ');
}

/** "OwnPrivatePrefix: Allow s3:GetObject, s3:PutObject on arn:…/private/${…}/*" */
export function statementLine(statement: PolicyStatement, index: number): string {
  const name = statement.Sid ?? `Statement ${index + 1}`;
  const actions = statement.NotAction
    ? `every action except ${list(statement.NotAction).join(', ')}`
    : list(statement.Action).join(', ');
  const resources = statement.NotResource
    ? `everything except ${list(statement.NotResource).join(', ')}`
    : list(statement.Resource).join(', ');
  const principal = principalText(statement.Principal);
  const conditions = Object.entries(statement.Condition ?? {}).flatMap(([op, keys]) =>
    Object.keys(keys).map((key) => `${op} ${key}`),
  );
  return [
    `${name}: ${statement.Effect} ${actions || '(no action)'}`,
    resources ? ` on ${resources}` : '',
    principal ? ` for ${principal}` : '',
    conditions.length ? `, when ${conditions.join(' and ')}` : '',
  ].join('');
}

function lines(doc: PolicyDocument | undefined): string[] {
  const statements = doc?.Statement ?? [];
  return (Array.isArray(statements) ? statements : [statements]).map(statementLine);
}

/** The roles and IAM users that embed an inline policy of this name. */
function ownersOfInline(world: WorldFacts, name: string): string[] {
  return [
    ...Object.values(world.roles)
      .filter((r) => r.inlinePolicies.some((p) => p.name === name))
      .map((r) => `the role ${r.roleName}`),
    ...Object.values(world.users)
      .filter((u) => u.inlinePolicies.some((p) => p.name === name))
      .map((u) => `the IAM user ${u.userName}`),
  ];
}

function rolesWithManaged(world: WorldFacts, arn: string): string[] {
  return Object.values(world.roles)
    .filter((r) => r.attachedPolicyArns.includes(arn) || r.permissionsBoundaryArn === arn)
    .map((r) => r.roleName);
}

export function explainPolicy(
  layer: string,
  name: string,
  world: WorldFacts | undefined,
  awsManaged: Record<string, IamManagedPolicy> | undefined,
): PolicyExplanation | undefined {
  const trustOf = /^trust policy of (.+)$/.exec(name)?.[1];
  if (trustOf) {
    const role = world?.roles[trustOf];
    return {
      kind: `The trust policy of the role ${trustOf}: who may assume the role, with which STS call and under which conditions. STS checks it once, when it makes the credentials; it grants no permissions itself.`,
      description: role?.description,
      statements: lines(role?.trustPolicy),
    };
  }
  if (name === 'bucket policy') {
    const [bucket, doc] = Object.entries(world?.bucketPolicies ?? {})[0] ?? [];
    return {
      kind: `The resource-based policy on the bucket${bucket ? ` ${bucket}` : ''}. S3 evaluates it with the caller's own policies: its Allow can grant access, and its explicit Deny refuses whatever any other policy allows.`,
      statements: lines(doc),
    };
  }
  if (layer === 'session') {
    const managedName = /^session policy (\S+)$/.exec(name)?.[1];
    const managed = managedName
      ? Object.values(awsManaged ?? {}).find((p) => p.policyName === managedName)
      : undefined;
    if (managed) {
      return {
        kind: `An AWS managed policy (${managed.arn}) passed as a session policy with the STS call that made these credentials. Cognito passes it for enhanced-flow guests; a session policy only narrows what the role allows.`,
        description: managed.description,
        statements: lines(managed.document),
      };
    }
    return {
      kind: 'An inline session policy passed with the STS call that made these credentials (for an enhanced-flow guest, Cognito’s list of services guests may reach; for GetFederationToken or AssumeRole, the Policy parameter). It can only narrow what the role or user allows, never add to it.',
      statements: [],
    };
  }
  const inline = /^inline:(.+)$/.exec(name)?.[1];
  if (inline && world) {
    const owners = ownersOfInline(world, inline);
    const doc = [...Object.values(world.roles), ...Object.values(world.users)]
      .flatMap((r) => r.inlinePolicies)
      .find((p) => p.name === inline)?.document;
    return {
      kind: `An inline policy named ${inline}, embedded in ${owners.length ? owners.join(', ') : 'the caller'} (it exists only inside ${owners.length > 1 ? 'each of them' : 'it'}, unlike a managed policy).`,
      statements: lines(doc),
    };
  }
  const customer = world?.policies[name];
  if (customer) {
    const owners = world ? rolesWithManaged(world, customer.arn) : [];
    return {
      kind: `A customer managed policy (${customer.arn}), ${layer === 'boundary' ? 'set as the permissions boundary of' : 'attached to'} ${owners.length ? owners.join(', ') : 'the caller'}. One policy, many roles: changing it changes them all.`,
      description: customer.description,
      statements: lines(customer.document),
    };
  }
  const aws = Object.values(awsManaged ?? {}).find((p) => p.policyName === name);
  if (aws) {
    return {
      kind: `An AWS managed policy (${aws.arn}): written and updated by AWS.`,
      description: aws.description,
      statements: lines(aws.document),
    };
  }
  return undefined;
}
