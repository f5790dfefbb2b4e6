import type { PolicyStatement } from '../sim/index';
import type { DefinedResource } from './defined-resources';
import type { WorldView } from './world-view';

/**
 * The stack's own resources as the matrix can name them, each with the representative actions a broad
 * statement (`s3:*`, `*`, NotAction, NotResource) is tried with: one read and one write per kind, so a
 * `*` on `*` shows what it reaches without a column per API action. Only what the import knows of:
 * buckets, DynamoDB tables, SSM parameters, IAM-authorised REST API methods, AppSync APIs, queues, topics,
 * functions, KMS keys and secrets, plus one account-wide action standing for everything the stack does not define.
 */
export interface Target {
  service: string;
  /** A concrete ARN (an object key `example.txt` for a bucket's objects), or `*` for account-wide. */
  resource: string;
  /** Representative actions, tried when the statement's action is a wildcard or a NotAction. */
  actions: string[];
  /** What the resource is, for the column's note ("bucket photos"). */
  what: string;
}

/** One use of each kind the import knows only by ARN: send and receive, publish, invoke, decrypt, read. */
const DEFINED_ACTIONS: Record<DefinedResource['service'], string[]> = {
  sqs: ['sqs:SendMessage', 'sqs:ReceiveMessage'],
  sns: ['sns:Publish'],
  lambda: ['lambda:InvokeFunction'],
  kms: ['kms:Decrypt'],
  secretsmanager: ['secretsmanager:GetSecretValue'],
};

/** How many IAM-authorised methods of one REST API get a column: enough to see, not one per route. */
const METHODS_PER_API = 2;

/** Whether an S3 action applies to the bucket itself rather than its objects. */
export const bucketLevel = (action: string) =>
  /^s3:(ListBucket|GetBucket|PutBucket|DeleteBucket)/i.test(action);

export function stackTargets(view: WorldView): Target[] {
  const { region, accountId: acct, state } = view;
  const out: Target[] = [];
  for (const name of Object.keys(state.s3.buckets).sort()) {
    out.push({
      service: 's3',
      resource: `arn:aws:s3:::${name}/example.txt`,
      actions: ['s3:GetObject', 's3:PutObject'],
      what: `the objects of bucket ${name}`,
    });
    out.push({
      service: 's3',
      resource: `arn:aws:s3:::${name}`,
      actions: ['s3:ListBucket'],
      what: `bucket ${name}`,
    });
  }
  for (const name of [...(view.tables ?? [])].sort())
    out.push({
      service: 'dynamodb',
      resource: `arn:aws:dynamodb:${region}:${acct}:table/${name}`,
      actions: ['dynamodb:GetItem', 'dynamodb:PutItem'],
      what: `table ${name}`,
    });
  for (const name of Object.keys(state.ssm.parameters).sort())
    out.push({
      service: 'ssm',
      resource: `arn:aws:ssm:${region}:${acct}:parameter/${name.replace(/^\//, '')}`,
      actions: ['ssm:GetParameter', 'ssm:PutParameter'],
      what: `parameter ${name}`,
    });
  for (const api of Object.values(state.executeApi.apis)) {
    // Only AWS_IAM methods are decided by IAM; the others answer whatever the policies say.
    const iamMethods = api.methods.filter((m) => m.authorizationType === 'AWS_IAM');
    const stage = api.stages[0] ?? 'prod';
    for (const m of iamMethods.slice(0, METHODS_PER_API))
      out.push({
        service: 'execute-api',
        resource: `arn:aws:execute-api:${region}:${acct}:${api.id}/${stage}/${m.httpMethod}${m.resourcePath}`,
        actions: ['execute-api:Invoke'],
        what: `API ${api.name} ${m.httpMethod} ${m.resourcePath}`,
      });
  }
  for (const api of Object.values(state.appsync.apis)) {
    if (![api.defaultAuthMode, ...api.additionalAuthModes].includes('AWS_IAM')) continue;
    out.push({
      service: 'appsync',
      resource: `arn:aws:appsync:${region}:${acct}:apis/${api.apiId}/types/Query/fields/example`,
      actions: ['appsync:GraphQL'],
      what: `GraphQL API ${api.name}`,
    });
  }
  for (const r of view.defined ?? [])
    out.push({ service: r.service, resource: r.arn, actions: DEFINED_ACTIONS[r.service], what: r.what });
  // iam:CreateUser stands for "everything else": it is how a broad grant becomes an account takeover.
  out.push({
    service: 'iam',
    resource: '*',
    actions: ['iam:CreateUser'],
    what: 'the account (any resource)',
  });
  return out;
}

const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)];

const cache = new Map<string, RegExp>();
/** IAM's glob: `*` and `?`, a policy variable matching anything; actions ignore case, resources do not. */
function glob(pattern: string, ignoreCase: boolean): RegExp {
  const key = `${ignoreCase ? 'i' : 's'}${pattern}`;
  let re = cache.get(key);
  if (!re) {
    const body = pattern
      .replace(/\$\{[^}]*\}/g, '*')
      .replace(/[.+^$()|[\]\\{}]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    re = new RegExp(`^${body}$`, ignoreCase ? 'i' : '');
    if (cache.size > 5000) cache.clear();
    cache.set(key, re);
  }
  return re;
}

const anyAction = (patterns: string[], action: string) => patterns.some((p) => glob(p, true).test(action));
const anyResource = (patterns: string[], resource: string) =>
  patterns.some((p) => p === '*' || glob(p, false).test(resource));

const isWild = (s: string) => /[*?]/.test(s);

/** Whether an Allow statement reaches further than what it writes out, so its columns come from targets. */
export function isBroad(s: PolicyStatement): boolean {
  if (s.NotAction !== undefined || s.NotResource !== undefined) return true;
  return list(s.Action).some(isWild) || list(s.Resource).some(isWild);
}

/** The statement as the column note quotes it: `Action s3:* on Resource *`. */
export function quoteStatement(s: PolicyStatement): string {
  const actions =
    s.NotAction !== undefined ? `NotAction ${list(s.NotAction).join(', ')}` : list(s.Action).join(', ');
  const resources =
    s.NotResource !== undefined
      ? `NotResource ${list(s.NotResource).join(', ')}`
      : list(s.Resource).join(', ');
  return `${actions} on ${resources}`;
}

/**
 * The (action, target) pairs an Allow statement reaches among the stack's targets: a written action
 * is tried on its own service's targets; a wildcard action or a NotAction, with the targets'
 * representative actions it does not exclude. Resource (or NotResource) globs pick the targets.
 */
export function targetsOf(s: PolicyStatement, targets: Target[]): { action: string; target: Target }[] {
  const out: { action: string; target: Target }[] = [];
  const actions = list(s.Action);
  const notActions = list(s.NotAction);
  const resources = list(s.Resource);
  const notResources = list(s.NotResource);
  const literal = s.NotAction === undefined ? actions.filter((a) => !isWild(a)) : [];
  const wild = s.NotAction === undefined ? actions.filter(isWild) : [];
  for (const target of targets) {
    const inResource =
      s.NotResource !== undefined
        ? !anyResource(notResources, target.resource)
        : anyResource(resources, target.resource);
    if (!inResource) continue;
    const picked = new Set<string>();
    for (const a of literal) {
      if (a.split(':')[0]?.toLowerCase() !== target.service) continue;
      // A written action applies to its own kind of S3 resource only (objects or the bucket).
      if (target.service === 's3' && bucketLevel(a) !== target.resource.split('/').length < 2) continue;
      if (target.resource === '*') continue;
      picked.add(a);
    }
    for (const a of target.actions) {
      if (s.NotAction !== undefined ? !anyAction(notActions, a) : anyAction(wild, a)) picked.add(a);
    }
    for (const action of picked) out.push({ action, target });
  }
  return out;
}
