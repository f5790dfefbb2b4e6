import type { PolicyStatement } from '../sim/index';
import { policiesOf } from './callers';
import type { ImportedStack } from './index';
import { nodeIdOf } from './pipeline-ids';

/**
 * The reader's pipeline as a graph, drawn only from what the engine holds after an import: user pools
 * and their app clients, the identity providers they federate, the providers identity pools trust
 * directly (Google, SAML and OIDC ARNs, other social providers), identity pools with the roles they
 * hand out (authenticated, unauthenticated, role-mapping rules, group roles through token mapping),
 * every IAM role, and the resources the roles' policies name. Pure data; the view lays it out.
 */
export const PipelineKind = {
  provider: 'provider',
  userPool: 'userPool',
  client: 'client',
  login: 'login',
  identityPool: 'identityPool',
  role: 'role',
  resource: 'resource',
} as const;
export type PipelineKind = (typeof PipelineKind)[keyof typeof PipelineKind];

export interface PipelineNode {
  id: string;
  kind: PipelineKind;
  /** The name the reader gave it (or AWS's id). */
  label: string;
  /** What it is, in a few words ("User pool", "S3 bucket", "SAML provider" …). */
  what: string;
  /** The template resource it comes from, when it is one. */
  logicalId?: string;
  type?: string;
  path?: string;
  /** AWS's identifier (pool id, ARN, bucket name …). */
  awsId: string;
  /** The parent box it is drawn with (an app client's user pool). */
  parent?: string;
}

export interface PipelineEdge {
  id: string;
  from: string;
  to: string;
  /** What the relation is, when the line alone does not say it (which role an identity pool gives whom). */
  label?: string;
}

export interface Pipeline {
  nodes: PipelineNode[];
  edges: PipelineEdge[];
}

type Source = Pick<ImportedStack, 'state' | 'resources' | 'region' | 'accountId'>;

export function buildPipeline(stack: Source): Pipeline {
  const { state } = stack;
  const byRef = new Map(stack.resources.map((r) => [r.ref, r]));
  const nodes = new Map<string, PipelineNode>();
  const edges = new Map<string, PipelineEdge>();
  const add = (node: Omit<PipelineNode, 'logicalId' | 'type' | 'path'>, ref = node.awsId) => {
    const r = byRef.get(ref);
    nodes.set(node.id, {
      ...node,
      ...(r ? { logicalId: r.logical, type: r.type, path: `Resources.${r.logical}` } : {}),
    });
  };
  const link = (from: string, to: string, label?: string) => {
    if (!nodes.has(from) || !nodes.has(to)) return;
    const id = `${from}->${to}`;
    const old = edges.get(id);
    if (!old) edges.set(id, { id, from, to, ...(label ? { label } : {}) });
    else if (label && !old.label?.split(', ').includes(label))
      old.label = old.label ? `${old.label}, ${label}` : label;
  };

  for (const pool of Object.values(state.cognitoIdp.pools)) {
    const poolNode = nodeIdOf.userPool(pool.id);
    add({ id: poolNode, kind: 'userPool', label: pool.name, what: 'User pool', awsId: pool.id });
    for (const client of Object.values(pool.clients)) {
      add({
        id: nodeIdOf.client(client.clientId),
        kind: 'client',
        label: client.clientName,
        what: `App client of ${pool.name}`,
        awsId: client.clientId,
        parent: poolNode,
      });
      link(poolNode, nodeIdOf.client(client.clientId));
    }
    const idps = Object.hasOwn(state.cognitoOAuth.identityProviders, pool.id)
      ? Object.values(state.cognitoOAuth.identityProviders[pool.id] ?? {})
      : [];
    for (const idp of idps) {
      const id = nodeIdOf.poolIdp(pool.id, idp.providerName);
      add(
        {
          id,
          kind: 'provider',
          label: idp.providerName,
          what: `${idp.providerType} identity provider of ${pool.name}`,
          awsId: idp.providerName,
        },
        idp.providerName,
      );
      link(id, poolNode);
    }
  }

  for (const ip of Object.values(state.cognitoIdentity.pools)) {
    const ipNode = nodeIdOf.identityPool(ip.IdentityPoolId);
    add({
      id: ipNode,
      kind: 'identityPool',
      label: ip.IdentityPoolName,
      what: ip.AllowUnauthenticatedIdentities ? 'Identity pool (guests allowed)' : 'Identity pool',
      awsId: ip.IdentityPoolId,
    });
    for (const p of ip.CognitoIdentityProviders) link(nodeIdOf.client(p.ClientId), ipNode);
    const logins: [string, string][] = [
      ...Object.keys(ip.SupportedLoginProviders).map((k): [string, string] => [
        k,
        k === 'accounts.google.com' ? 'Google login of identity pools' : `${k} login`,
      ]),
      ...ip.SamlProviderARNs.map((a): [string, string] => [a, 'IAM SAML provider']),
      ...ip.OpenIdConnectProviderARNs.map((a): [string, string] => [a, 'IAM OIDC provider']),
    ];
    if (ip.DeveloperProviderName) logins.push([ip.DeveloperProviderName, 'Developer provider']);
    for (const [provider, what] of logins) {
      const id = nodeIdOf.login(provider);
      if (!nodes.has(id))
        add({
          id,
          kind: 'login',
          label: provider.split('/').pop() ?? provider,
          what,
          awsId: provider,
        });
      link(id, ipNode);
    }
    roleEdges(stack, ip, ipNode, link, (arn) => ensureRole(stack, arn, add));
  }

  for (const role of Object.values(state.iam.roles)) ensureRole(stack, role.arn, add);
  const resources = resourceNodes(stack);
  for (const r of resources) add(r.node, r.ref);
  for (const role of Object.values(state.iam.roles)) {
    const statements = policiesOf({ ...stack, state }, role).flatMap((p) =>
      Array.isArray(p.document.Statement) ? p.document.Statement : [p.document.Statement],
    ) as PolicyStatement[];
    for (const r of resources)
      if (statements.some((s) => names(s, r.arns))) link(nodeIdOf.role(role.roleName), r.node.id);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

type Add = (node: Omit<PipelineNode, 'logicalId' | 'type' | 'path'>, ref?: string) => void;
type Link = (from: string, to: string, label?: string) => void;

function ensureRole(stack: Source, arn: string, add: Add): string {
  const name = arn.split('/').pop() ?? arn;
  const id = nodeIdOf.role(name);
  const held = Object.hasOwn(stack.state.iam.roles, name);
  // A role the template names but does not create (an ARN from elsewhere) is still what the pool gives.
  add(
    { id, kind: 'role', label: name, what: held ? 'IAM role' : 'IAM role (not in the template)', awsId: arn },
    name,
  );
  return id;
}

function roleEdges(
  stack: Source,
  ip: Source['state']['cognitoIdentity']['pools'][string],
  ipNode: string,
  link: Link,
  role: (arn: string) => string,
): void {
  const { authenticated, unauthenticated } = ip.Roles;
  if (authenticated) link(ipNode, role(authenticated), 'authenticated');
  if (unauthenticated) link(ipNode, role(unauthenticated), 'unauthenticated');
  for (const [provider, mapping] of Object.entries(ip.RoleMappings)) {
    for (const rule of mapping.RulesConfiguration?.Rules ?? [])
      link(ipNode, role(rule.RoleARN), `rule ${rule.Claim} ${rule.MatchType} ${rule.Value}`);
    if (mapping.Type !== 'Token') continue;
    // Token mapping reads cognito:roles / cognito:preferred_role: the roles of the pool's groups.
    const poolId = /\/([\w-]+_[0-9a-zA-Z]+)/.exec(provider)?.[1];
    const pool =
      poolId && Object.hasOwn(stack.state.cognitoIdp.pools, poolId)
        ? stack.state.cognitoIdp.pools[poolId]
        : undefined;
    for (const g of Object.values(pool?.groups ?? {}))
      if (g.roleArn) link(ipNode, role(g.roleArn), `group ${g.groupName}`);
  }
}

interface ResourceEntry {
  node: Omit<PipelineNode, 'logicalId' | 'type' | 'path'>;
  ref: string;
  /** ARNs a statement's Resource may name it by (the resource itself and a child of it). */
  arns: string[];
}

function resourceNodes(stack: Source): ResourceEntry[] {
  const { state, region, accountId } = stack;
  const out: ResourceEntry[] = [];
  const entry = (
    kind: string,
    name: string,
    what: string,
    ref: string,
    arn: string,
    child: string,
    label = name,
  ) =>
    out.push({
      node: { id: nodeIdOf.resource(kind, name), kind: 'resource', label, what, awsId: arn },
      ref,
      arns: [arn, `${arn}${child}`],
    });
  for (const b of Object.values(state.s3.buckets))
    entry('s3', b.name, 'S3 bucket', b.name, `arn:aws:s3:::${b.name}`, '/example.txt');
  for (const api of Object.values(state.executeApi.apis))
    entry(
      'execute-api',
      api.id,
      `API Gateway REST API ${api.id}`,
      api.id,
      `arn:aws:execute-api:${region}:${accountId}:${api.id}`,
      '/stage/GET/example',
      api.name,
    );
  for (const api of Object.values(state.appsync.apis)) {
    const arn = `arn:aws:appsync:${region}:${accountId}:apis/${api.apiId}`;
    entry(
      'appsync',
      api.apiId,
      `AppSync API ${api.apiId}`,
      arn,
      arn,
      '/types/Query/fields/example',
      api.name,
    );
  }
  for (const p of Object.values(state.ssm.parameters))
    entry(
      'ssm',
      p.name,
      'SSM parameter',
      p.name,
      `arn:aws:ssm:${region}:${accountId}:parameter/${p.name.replace(/^\//, '')}`,
      '',
    );
  for (const r of stack.resources)
    if (r.type === 'AWS::DynamoDB::Table')
      entry(
        'dynamodb',
        r.ref,
        'DynamoDB table',
        r.ref,
        `arn:aws:dynamodb:${region}:${accountId}:table/${r.ref}`,
        '/index/example',
      );
  return out;
}

/** A glob of IAM's Resource element (`*` any run, `?` one character; a policy variable one path segment). */
const globToRegExp = (pattern: string) =>
  new RegExp(
    `^${pattern
      .split(/(\$\{[^}]*\}|\*|\?)/)
      .map((part) =>
        part === '*'
          ? '.*'
          : part === '?'
            ? '.'
            : part.startsWith('${')
              ? '[^/]*'
              : part.replace(/[.+^$()|[\]\\{}]/g, '\\$&'),
      )
      .join('')}$`,
  );

/** Whether the statement names the resource by one of its ARNs (a bare `*` names everything: no line). */
function names(statement: PolicyStatement, arns: string[]): boolean {
  const raw = (statement as { Resource?: string | string[] }).Resource;
  const patterns = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return patterns.some((p) => {
    if (p === '*') return false;
    // The part before any wildcard or variable: a pattern under the resource (an object prefix, a
    // method of an API) names it too.
    const literal = p.split(/[*?]|\$\{/)[0] ?? '';
    return arns.some((arn) => globToRegExp(p).test(arn) || literal.startsWith(`${arn}/`));
  });
}
