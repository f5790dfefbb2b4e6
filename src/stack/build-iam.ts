import { AWS_MANAGED_POLICIES, type IamRole, type IamUser } from '../sim/index';
import {
  asNumber,
  asString,
  asStrings,
  type BuildContext,
  iamPolicySize,
  measuredPolicyDocument,
  noteUnusedProperties,
  POLICY_LIMITS,
  policyDocument,
  type ResolvedResource,
  tagsOf,
} from './build-context';
import { createInlinePolicyTally, type InlinePolicyTally, type InlinePrincipal } from './inline-policy-quota';
import { isRecord } from './parse';
import { hashChars, ids } from './physical-ids';

/**
 * IAM resources into the engine's IAM state: roles (trust, inline and managed policies, boundary,
 * max session), users, customer managed policies, stand-alone policies attached to roles and users,
 * SAML and OIDC providers. IAM groups have no place in the engine: their policies are copied onto
 * their members (what evaluation does in effect) and the flattening is listed as a gap.
 */
const normalisePath = (p: unknown) => {
  const s = asString(p) ?? '/';
  return s.endsWith('/') ? s : `${s}/`;
};

/**
 * One inline policy document: no document can be over the largest inline quota (a role's), and the
 * tally then checks it, with the others embedded in the same principal, against that principal's own.
 */
function inlineDocument(value: unknown, path: string) {
  return measuredPolicyDocument(value, path, POLICY_LIMITS.roleInline, iamPolicySize);
}

function inlinePolicies(
  r: ResolvedResource,
  kind: InlinePrincipal,
  tally: InlinePolicyTally,
): { name: string; document: never }[] {
  const list = r.props.Policies;
  if (!Array.isArray(list)) return [];
  return list.map((p, i) => {
    const path = `${r.path}.Properties.Policies[${i}].PolicyDocument`;
    const name = isRecord(p) ? (asString(p.PolicyName) ?? `policy-${i}`) : `policy-${i}`;
    const { document, chars } = inlineDocument(isRecord(p) ? p.PolicyDocument : undefined, path);
    tally.add(kind, r.ref, chars, path);
    return { name, document: document as never };
  });
}

/** Why a managed policy ARN cannot be loaded (not in the template, not bundled), or undefined. */
function unloadable(ctx: BuildContext, arn: string): string | undefined {
  if (arn.startsWith('arn:aws:iam::aws:policy/'))
    return Object.hasOwn(AWS_MANAGED_POLICIES, arn)
      ? undefined
      : `AWS managed policy ${arn} is not known to the simulation`;
  const inTemplate = ctx.resources.some((x) => x.type === 'AWS::IAM::ManagedPolicy' && x.ref === arn);
  return inTemplate ? undefined : `customer managed policy ${arn} is not in this template`;
}

function managedArns(ctx: BuildContext, r: ResolvedResource): string[] {
  const arns = asStrings(r.props.ManagedPolicyArns);
  arns.forEach((arn, i) => {
    const why = unloadable(ctx, arn);
    if (why)
      ctx.gap(
        `${r.path}.Properties.ManagedPolicyArns[${i}]`,
        `${why}: its permissions are not evaluated, so the matrix answers "Depends" for this principal`,
      );
  });
  return arns;
}

/** The boundary ARN, noting a gap when it cannot be loaded (it would otherwise be silently ignored). */
function boundaryArn(ctx: BuildContext, r: ResolvedResource): string | undefined {
  const arn = asString(r.props.PermissionsBoundary);
  const why = arn ? unloadable(ctx, arn) : undefined;
  if (why)
    ctx.gap(
      `${r.path}.Properties.PermissionsBoundary`,
      `${why}: the permissions boundary is not evaluated, so the matrix answers "Depends" where it allows`,
    );
  return arn;
}

function buildRole(ctx: BuildContext, r: ResolvedResource, tally: InlinePolicyTally): void {
  const path = normalisePath(r.props.Path);
  const role: IamRole = {
    roleName: r.ref,
    path,
    arn: `arn:aws:iam::${ctx.accountId}:role${path}${r.ref}`,
    roleId: ids.uniqueId('AROA', r.logical),
    createDate: ctx.now,
    ...(asString(r.props.Description) ? { description: asString(r.props.Description) } : {}),
    trustPolicy: policyDocument(
      r.props.AssumeRolePolicyDocument,
      `${r.path}.Properties.AssumeRolePolicyDocument`,
      2048 * 4,
      iamPolicySize,
    ) as never,
    maxSessionDuration: asNumber(r.props.MaxSessionDuration) ?? 3600,
    inlinePolicies: inlinePolicies(r, 'role', tally),
    attachedPolicyArns: managedArns(ctx, r),
    tags: tagsOf(r.props.Tags, `${r.path}.Properties.Tags`),
  };
  const boundary = boundaryArn(ctx, r);
  if (boundary) role.permissionsBoundaryArn = boundary;
  ctx.state.iam.roles[role.roleName] = role;
  ctx.origins.set(`role:${role.arn}`, r.path);
  noteUnusedProperties(ctx, r, [
    'RoleName',
    'Path',
    'Description',
    'AssumeRolePolicyDocument',
    'MaxSessionDuration',
    'Policies',
    'ManagedPolicyArns',
    'PermissionsBoundary',
    'Tags',
  ]);
}

function buildUser(ctx: BuildContext, r: ResolvedResource, tally: InlinePolicyTally): void {
  const path = normalisePath(r.props.Path);
  const user: IamUser = {
    userName: r.ref,
    path,
    arn: `arn:aws:iam::${ctx.accountId}:user${path}${r.ref}`,
    userId: ids.uniqueId('AIDA', r.logical),
    createDate: ctx.now,
    // One long-term key so the SDK can sign as this user against the imported cloud.
    accessKeys: [
      {
        accessKeyId: `AKIA${hashChars(`key:${r.logical}`, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
        secretAccessKey: hashChars(
          `secret:${r.logical}`,
          40,
          'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
        ),
        status: 'Active',
        createDate: ctx.now,
      },
    ],
    mfaDevices: [],
    inlinePolicies: inlinePolicies(r, 'user', tally),
    attachedPolicyArns: managedArns(ctx, r),
    tags: tagsOf(r.props.Tags, `${r.path}.Properties.Tags`),
  };
  const boundary = boundaryArn(ctx, r);
  if (boundary) user.permissionsBoundaryArn = boundary;
  ctx.state.iam.users[user.userName] = user;
  ctx.origins.set(`user:${user.arn}`, r.path);
  noteUnusedProperties(ctx, r, [
    'UserName',
    'Path',
    'Policies',
    'ManagedPolicyArns',
    'PermissionsBoundary',
    'Tags',
    'Groups',
  ]);
}

/** Roles and users named by a stand-alone policy (`Roles`, `Users`, `Groups`, `RoleName` …). */
function targets(ctx: BuildContext, r: ResolvedResource): (IamRole | IamUser)[] {
  const out: (IamRole | IamUser)[] = [];
  const roleNames = [...asStrings(r.props.Roles), ...asStrings(r.props.RoleName)];
  for (const name of roleNames) {
    const role = ctx.state.iam.roles[name.split('/').pop() as string];
    if (role) out.push(role);
    else
      ctx.gap(
        `${r.path}.Properties.Roles`,
        `role ${name} is not in this template: the policy is not attached to anything simulated`,
      );
  }
  for (const name of [...asStrings(r.props.Users), ...asStrings(r.props.UserName)]) {
    const user = ctx.state.iam.users[name];
    if (user) out.push(user);
    else ctx.gap(`${r.path}.Properties.Users`, `user ${name} is not in this template`);
  }
  for (const group of [...asStrings(r.props.Groups), ...asStrings(r.props.GroupName)])
    out.push(...groupMembers(ctx, group, r.path));
  return out;
}

function groupMembers(ctx: BuildContext, group: string, path: string): IamUser[] {
  ctx.gap(
    path,
    `IAM group ${group}: groups are not simulated; their policies are applied to their member users directly`,
  );
  const members: IamUser[] = [];
  for (const res of ctx.resources) {
    if (res.type === 'AWS::IAM::User' && asStrings(res.props.Groups).includes(group)) {
      const user = ctx.state.iam.users[res.ref];
      if (user) members.push(user);
    }
    if (res.type === 'AWS::IAM::UserToGroupAddition' && asString(res.props.GroupName) === group) {
      for (const u of asStrings(res.props.Users)) {
        const user = ctx.state.iam.users[u];
        if (user) members.push(user);
      }
    }
  }
  return members;
}

function buildGroup(ctx: BuildContext, r: ResolvedResource, tally: InlinePolicyTally): void {
  // Counted against the group's quota only: copying them onto members is our flattening, not IAM's.
  const policies = inlinePolicies(r, 'group', tally);
  const arns = managedArns(ctx, r);
  for (const user of groupMembers(ctx, r.ref, r.path)) {
    user.inlinePolicies.push(...policies.map((p) => ({ name: `${r.ref}/${p.name}`, document: p.document })));
    for (const arn of arns) if (!user.attachedPolicyArns.includes(arn)) user.attachedPolicyArns.push(arn);
  }
  noteUnusedProperties(ctx, r, ['GroupName', 'Path', 'Policies', 'ManagedPolicyArns']);
}

function buildStandalonePolicy(ctx: BuildContext, r: ResolvedResource, tally: InlinePolicyTally): void {
  const name = asString(r.props.PolicyName) ?? r.logical;
  const path = `${r.path}.Properties.PolicyDocument`;
  const { document, chars } = inlineDocument(r.props.PolicyDocument, path);
  // Each principal it names embeds a copy, which counts against that principal's quota (even one
  // outside the template: what the template adds alone is already over).
  const { props } = r;
  for (const role of [...asStrings(props.Roles), ...asStrings(props.RoleName)])
    tally.add('role', role.split('/').pop() as string, chars, path);
  for (const user of [...asStrings(props.Users), ...asStrings(props.UserName)])
    tally.add('user', user, chars, path);
  for (const group of [...asStrings(props.Groups), ...asStrings(props.GroupName)])
    tally.add('group', group, chars, path);
  for (const entity of targets(ctx, r)) entity.inlinePolicies.push({ name, document: document as never });
  noteUnusedProperties(ctx, r, [
    'PolicyName',
    'PolicyDocument',
    'Roles',
    'Users',
    'Groups',
    'RoleName',
    'UserName',
    'GroupName',
  ]);
}

function buildManagedPolicy(ctx: BuildContext, r: ResolvedResource): void {
  const arn = r.ref;
  const document = policyDocument(
    r.props.PolicyDocument,
    `${r.path}.Properties.PolicyDocument`,
    POLICY_LIMITS.managed,
    iamPolicySize,
  );
  ctx.state.iam.policies[arn] = {
    policyName: arn.split('/').pop() as string,
    path: normalisePath(r.props.Path),
    arn,
    policyId: ids.uniqueId('ANPA', r.logical),
    defaultVersionId: 'v1',
    document: document as never,
    ...(asString(r.props.Description) ? { description: asString(r.props.Description) } : {}),
    createDate: ctx.now,
  };
  ctx.origins.set(`policy:${arn}`, r.path);
  for (const entity of targets(ctx, r))
    if (!entity.attachedPolicyArns.includes(arn)) entity.attachedPolicyArns.push(arn);
  noteUnusedProperties(ctx, r, [
    'ManagedPolicyName',
    'Path',
    'Description',
    'PolicyDocument',
    'Roles',
    'Users',
    'Groups',
  ]);
}

function buildProviders(ctx: BuildContext, r: ResolvedResource): void {
  if (r.type === 'AWS::IAM::SAMLProvider') {
    const metadata = asString(r.props.SamlMetadataDocument) ?? '';
    const certificates = [...metadata.matchAll(/<(?:\w+:)?X509Certificate>([^<]+)</g)].map((m) =>
      (m[1] as string).replace(/\s+/g, ''),
    );
    const entityId = /entityID="([^"]+)"/.exec(metadata)?.[1];
    if (entityId) ctx.samlEntityIds.set(r.ref, entityId);
    ctx.state.iam.samlProviders[r.ref] = {
      name: r.ref.split('/').pop() as string,
      arn: r.ref,
      certificates,
      createDate: ctx.now,
    };
    noteUnusedProperties(ctx, r, ['Name', 'SamlMetadataDocument', 'Tags']);
  } else {
    const url = (asString(r.props.Url) ?? '').replace(/^https:\/\//, '');
    ctx.state.iam.oidcProviders[r.ref] = {
      url,
      arn: r.ref,
      clientIds: asStrings(r.props.ClientIdList),
      thumbprints: asStrings(r.props.ThumbprintList),
      createDate: ctx.now,
    };
    noteUnusedProperties(ctx, r, ['Url', 'ClientIdList', 'ThumbprintList', 'Tags']);
  }
  ctx.origins.set(`provider:${r.ref}`, r.path);
}

/** Builds every IAM resource: roles and users first (policies attach to them), then policies and providers. */
export function buildIam(ctx: BuildContext): void {
  const of = (...types: string[]) => ctx.resources.filter((r) => types.includes(r.type));
  const tally = createInlinePolicyTally();
  for (const r of of('AWS::IAM::Role')) buildRole(ctx, r, tally);
  for (const r of of('AWS::IAM::User')) buildUser(ctx, r, tally);
  for (const r of of('AWS::IAM::Group')) buildGroup(ctx, r, tally);
  for (const r of of('AWS::IAM::ManagedPolicy')) buildManagedPolicy(ctx, r);
  for (const r of of(
    'AWS::IAM::Policy',
    'AWS::IAM::RolePolicy',
    'AWS::IAM::UserPolicy',
    'AWS::IAM::GroupPolicy',
  ))
    buildStandalonePolicy(ctx, r, tally);
  for (const r of of('AWS::IAM::SAMLProvider', 'AWS::IAM::OIDCProvider')) buildProviders(ctx, r);
}
