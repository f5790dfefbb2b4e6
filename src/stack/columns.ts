import type { PolicyStatement } from '../sim/index';
import type { CallerSpec, WorldView } from './callers';
import { policiesOf } from './callers';
import { bucketLevel, isBroad, quoteStatement, stackTargets, targetsOf } from './column-targets';

/**
 * The matrix's columns: the actions the world's policies name, on the resources they name, made
 * concrete so each can be asked of the evaluator. Wildcard actions become the service's common
 * actions that match; wildcard resources become an example object, or the stack's own resources a
 * broad Allow reaches (column-targets.ts); a resource keyed on the
 * caller's identity (`${cognito-identity.amazonaws.com:sub}`) becomes two columns, the caller's own
 * prefix ("identity A") and another identity's ("identity B").
 */
export interface ColumnSpec {
  id: string;
  action: string;
  /** The resource with `{self}` where the caller's own identity id goes. */
  resource: string;
  /** The resource as the matrix shows it. */
  label: string;
  /** Resource group (bucket, API, table …) for the view's headings. */
  group: string;
  /** Service context keys (`s3:prefix` …). */
  context: Record<string, string>;
  /** Set when no policy writes this pair: the broad statement that reaches it, and which resource. */
  derived?: string;
}

const COMMON_ACTIONS: Record<string, string[]> = {
  s3: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:ListBucket'],
  dynamodb: [
    'dynamodb:GetItem',
    'dynamodb:PutItem',
    'dynamodb:Query',
    'dynamodb:Scan',
    'dynamodb:DeleteItem',
  ],
  'execute-api': ['execute-api:Invoke'],
  ssm: ['ssm:GetParameter', 'ssm:PutParameter'],
  appsync: ['appsync:GraphQL'],
  'cognito-sync': ['cognito-sync:ListRecords', 'cognito-sync:UpdateRecords'],
  sts: ['sts:AssumeRole'],
  iam: ['iam:PassRole', 'iam:CreateUser'],
  sqs: ['sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:DeleteMessage'],
  sns: ['sns:Publish', 'sns:Subscribe'],
  lambda: ['lambda:InvokeFunction'],
  kms: ['kms:Decrypt', 'kms:Encrypt'],
  secretsmanager: ['secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue'],
};
// biome-ignore lint/suspicious/noTemplateCurlyInString: the IAM policy variable, not a template literal
const SUB = '${cognito-identity.amazonaws.com:sub}';

const globToRegExp = (glob: string) =>
  new RegExp(
    `^${glob
      .replace(/[.+^$()|[\]\\{}]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  );

function concreteActions(pattern: string): string[] {
  if (!pattern.includes('*') && !pattern.includes('?')) return [pattern];
  const service = pattern === '*' ? undefined : pattern.split(':')[0]?.toLowerCase();
  const re = globToRegExp(pattern);
  const candidates = service ? (COMMON_ACTIONS[service] ?? []) : Object.values(COMMON_ACTIONS).flat();
  const hits = candidates.filter((a) => re.test(a));
  return hits.length > 0 ? hits : [pattern];
}

function concreteResources(action: string, resource: string): string[] {
  if (!action.toLowerCase().startsWith('s3:'))
    return [resource.replace(/\*+$/, (m) => (resource === '*' ? m : 'example'))];
  if (resource === '*' || resource === 'arn:aws:s3:::*') return [];
  const [bucket, ...keyParts] = resource.replace(/^arn:aws:s3:::/, '').split('/');
  const key = keyParts.join('/');
  if (bucketLevel(action)) return [`arn:aws:s3:::${bucket}`];
  if (!keyParts.length) return [];
  return [
    `arn:aws:s3:::${bucket}/${key.replace(/\*$/, '').replace(/\*/g, 'x')}${key.endsWith('*') || key === '' ? 'example.txt' : ''}`,
  ];
}

function groupOf(resource: string): string {
  if (resource === '*') return 'any resource (*)';
  if (resource.startsWith('arn:aws:s3:::')) return `bucket ${resource.slice(13).split('/')[0]}`;
  const parts = resource.split(':');
  return `${parts[2] ?? 'resource'} ${parts.slice(5).join(':').split('/').slice(0, 2).join('/') || resource}`;
}

const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)];

/**
 * The most columns the matrix shows (fewer when many callers share matrix.ts's CELL_BUDGET). Each column
 * costs a cell per caller (an evaluation, a button); what the cap leaves out is listed, not dropped.
 */
export const COLUMN_CAP = 200;

/** The columns shown, and the labels of those the cap left out (`s3:GetObject on arn:…`). */
export interface ColumnList {
  shown: ColumnSpec[];
  omitted: string[];
}

/** Every identity policy document of the callers and roles, and every bucket policy, once each. */
function allStatements(view: WorldView, callers: CallerSpec[]): PolicyStatement[] {
  const statements: PolicyStatement[] = [];
  const seenPolicies = new Set<unknown>();
  const addDoc = (doc: { Statement: PolicyStatement | PolicyStatement[] }) => {
    if (seenPolicies.has(doc)) return;
    seenPolicies.add(doc);
    statements.push(...(Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement]));
  };
  for (const c of callers) for (const p of c.identityPolicies) addDoc(p.document);
  for (const role of Object.values(view.state.iam.roles))
    for (const p of policiesOf(view, role)) addDoc(p.document);
  for (const b of Object.values(view.state.s3.buckets)) if (b.policy) addDoc(b.policy);
  return statements;
}

/**
 * Columns for every (action, resource) pair the callers' policies and the bucket policies name, then
 * those a broad Allow statement (wildcard action or resource, NotAction, NotResource) reaches among the
 * stack's own resources (column-targets.ts), marked `derived`. Written columns come first under the cap.
 */
export function listColumns(view: WorldView, callers: CallerSpec[], max = COLUMN_CAP): ColumnList {
  const statements = allStatements(view, callers);
  const columns = new Map<string, ColumnSpec>();
  const add = (action: string, resource: string, context: Record<string, string> = {}, derived?: string) => {
    if (/^sts:AssumeRole/i.test(action) || /^iam:PassRole$/i.test(action)) return; // covered by the callers' rows
    const own = resource.includes(SUB);
    const variants = own
      ? [
          {
            resource: resource.split(SUB).join('{self}'),
            label: `${resource.split(SUB).join('<identity A>')} (own)`,
          },
          {
            resource: resource.split(SUB).join(`{other}`),
            label: `${resource.split(SUB).join('<identity B>')} (another identity’s)`,
          },
        ]
      : [{ resource, label: resource }];
    for (const v of variants) {
      const ctxLabel = Object.entries(context)
        .map(([k, val]) => ` ${k}=${val.split(SUB).join('<A>')}`)
        .join('');
      const id = `${action} ${v.resource}${ctxLabel}`;
      if (columns.has(id)) continue;
      const ctx: Record<string, string> = {};
      for (const [k, val] of Object.entries(context)) ctx[k] = val.split(SUB).join('{self}');
      columns.set(id, {
        id,
        action,
        resource: v.resource,
        label: `${v.label}${ctxLabel}`,
        group: groupOf(v.resource),
        context: ctx,
        ...(derived ? { derived } : {}),
      });
    }
  };
  const targets = stackTargets(view);
  const broad: { action: string; resource: string; derived: string }[] = [];
  for (const s of statements) {
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny') continue;
    // Only an Allow's reach is shown on the stack's resources: a broad Deny narrows, it grants nothing.
    const reached = s.Effect === 'Allow' && isBroad(s) ? targetsOf(s, targets) : [];
    const quoted = reached.length > 0 ? quoteStatement(s) : '';
    for (const { action, target } of reached)
      broad.push({
        action,
        resource: target.resource,
        derived: `not written in a policy: “${quoted}” reaches ${target.what}`,
      });
    if (s.Action === undefined || s.Resource === undefined) continue;
    const covered = new Set(reached.map((r) => r.target.service));
    const prefixes = list(s.Condition?.StringLike?.['s3:prefix'] ?? s.Condition?.StringEquals?.['s3:prefix']);
    for (const pattern of list(s.Action)) {
      // "*" alone is shown on the stack's resources (above), not as every common action on "*".
      if (pattern === '*') continue;
      for (const action of concreteActions(pattern)) {
        const service = action.split(':')[0]?.toLowerCase() ?? '';
        for (const res of list(s.Resource)) {
          for (const concrete of concreteResources(action, res)) {
            // A made-up "*" resource says less than the stack's own resources the statement reached.
            if (concrete.includes('*') && covered.has(service)) continue;
            if (/^s3:ListBucket$/i.test(action) && prefixes.length > 0)
              for (const prefix of prefixes.filter((p) => !p.endsWith('*')))
                add(action, concrete, { 's3:prefix': prefix });
            else add(action, concrete);
          }
        }
      }
    }
  }
  for (const b of broad) add(b.action, b.resource, {}, b.derived);
  const all = [...columns.values()];
  const order = (cols: ColumnSpec[]) =>
    cols.sort((a, b) => a.group.localeCompare(b.group) || a.label.localeCompare(b.label));
  return {
    shown: order(all.slice(0, max)),
    omitted: all.slice(max).map((c) => `${c.action} on ${c.label}`),
  };
}
