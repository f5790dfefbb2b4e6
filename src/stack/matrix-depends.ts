/**
 * When a matrix cell cannot be certain. The matrix knows everything its caller fixes (principal,
 * tags, session, time) but not what the request itself brings: the source IP or VPC endpoint, the
 * tags a request sets, TLS, S3 headers. A statement whose condition reads such a key may or may not
 * apply, so the cell is evaluated twice with the engine: once with every such condition as
 * favourable to access as it can be (Allow statements applying, Deny statements not), once as
 * unfavourable. IAM's outcome only grows with matching Allows and shrinks with matching Denies
 * (IAM User Guide, "Policy evaluation logic"), so if both answers agree the cell is certain.
 */
import {
  type AuthorizationRequest,
  type EvaluationResult,
  evaluate,
  type NamedPolicy,
  type PolicyDocument,
  type PolicyStatement,
} from '../sim/index';

/**
 * Keys the caller's session fixes (or fixes as absent), as the credential store and
 * `authenticate` set them (src/sim/auth/credential-store.ts, authenticate.ts; aws-facts.md §6.7–6.8).
 */
const CALLER_FIXED =
  /^(aws:(PrincipalArn|PrincipalType|PrincipalAccount|PrincipalTag\/.+|PrincipalIsAWSService|PrincipalServiceName|userid|username|MultiFactorAuthPresent|MultiFactorAuthAge|TokenIssueTime|FederatedProvider|CurrentTime|EpochTime|RequestedRegion|ResourceAccount|SourceIdentity)|cognito-identity\.amazonaws\.com:(aud|sub|amr))$/i;

/** S3 keys only ListBucket requests carry (S3 User Guide, "Condition keys for Amazon S3": ListBucket). */
const LIST_ONLY = /^s3:(prefix|delimiter|max-keys)$/i;

/**
 * Whether `key` is decided by the request rather than the caller (aws:SourceIp, s3:x-amz-acl,
 * aws:TagKeys …). A service's own key is absent from another service's actions, and S3's listing
 * keys from every action but ListBucket: those are fixed (absent), not request-time.
 */
export function requestTimeKey(key: string, fixedByColumn: string[], action: string): boolean {
  if (CALLER_FIXED.test(key)) return false;
  if (fixedByColumn.some((k) => k.toLowerCase() === key.toLowerCase())) return false;
  const service = key.split(':')[0]?.toLowerCase();
  if (service !== 'aws' && service !== action.split(':')[0]?.toLowerCase()) return false;
  return !(LIST_ONLY.test(key) && !/^s3:ListBucket/i.test(action));
}

const statementsOf = (doc: PolicyDocument): PolicyStatement[] =>
  Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];

const glob = (pattern: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.+^$()|[\]\\{}]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  );
const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)];

/** Whether the statement's Action / NotAction covers the action (case-insensitive, IAM wildcards). */
function coversAction(s: PolicyStatement, action: string): boolean {
  if (s.NotAction !== undefined) return !list(s.NotAction).some((a) => glob(a).test(action));
  return list(s.Action).some((a) => glob(a).test(action));
}

function unknownKeys(s: PolicyStatement, fixed: string[], action: string): string[] {
  const out: string[] = [];
  for (const block of Object.values(s.Condition ?? {}))
    for (const key of Object.keys(block ?? {})) if (requestTimeKey(key, fixed, action)) out.push(key);
  return out;
}

type Mode = 'permissive' | 'restrictive';

/** The statement with its request-time conditions decided one way, or undefined to drop it. */
function decide(
  s: PolicyStatement,
  fixed: string[],
  action: string,
  mode: Mode,
): PolicyStatement | undefined {
  const favourable = (s.Effect === 'Allow') === (mode === 'permissive');
  if (!favourable) return undefined; // the condition is taken as false: the statement never applies
  const condition: NonNullable<PolicyStatement['Condition']> = {};
  for (const [op, block] of Object.entries(s.Condition ?? {})) {
    const kept = Object.fromEntries(
      Object.entries(block ?? {}).filter(([k]) => !requestTimeKey(k, fixed, action)),
    );
    if (Object.keys(kept).length > 0) condition[op] = kept;
  }
  const { Condition: _, ...rest } = s;
  return Object.keys(condition).length > 0 ? { ...rest, Condition: condition } : rest;
}

function rewrite<P extends NamedPolicy | undefined>(p: P, fixed: string[], action: string, mode: Mode): P {
  if (!p) return p;
  const statements = statementsOf(p.document);
  if (!statements.some((s) => unknownKeys(s, fixed, action).length > 0)) return p;
  const Statement = statements.flatMap((s) => {
    if (unknownKeys(s, fixed, action).length === 0) return [s];
    const d = decide(s, fixed, action, mode);
    return d ? [d] : [];
  });
  return { ...p, document: { ...p.document, Statement } };
}

function variant(request: AuthorizationRequest, fixed: string[], mode: Mode): AuthorizationRequest {
  const rw = <P extends NamedPolicy | undefined>(p: P) => rewrite(p, fixed, request.action, mode);
  return {
    ...request,
    identityPolicies: request.identityPolicies.map(rw),
    ...(request.permissionsBoundary ? { permissionsBoundary: rw(request.permissionsBoundary) } : {}),
    ...(request.sessionPolicies ? { sessionPolicies: request.sessionPolicies.map(rw) } : {}),
    ...(request.resourcePolicy ? { resourcePolicy: rw(request.resourcePolicy) } : {}),
  };
}

export interface Bounded {
  /** The answer when the request-time keys do not change it, else the most permissive one. */
  result: EvaluationResult;
  /** Set when the answer turns on request-time keys: those keys. */
  dependsOn?: string[];
}

/**
 * Evaluates the request, and says which request-time keys (if any) the answer turns on. `allows` reads
 * an answer as access or not: IAM's decision, unless the service adds a rule of its own (a KMS key).
 */
export function evaluateBounded(
  request: AuthorizationRequest,
  fixed: string[],
  allows: (r: EvaluationResult) => boolean = (r) => r.decision === 'Allow',
): Bounded {
  const all = [
    ...request.identityPolicies,
    ...(request.permissionsBoundary ? [request.permissionsBoundary] : []),
    ...(request.sessionPolicies ?? []),
    ...(request.resourcePolicy ? [request.resourcePolicy] : []),
  ];
  const keys = [
    ...new Set(
      all.flatMap((p) =>
        statementsOf(p.document)
          .filter((s) => coversAction(s, request.action))
          .flatMap((s) => unknownKeys(s, fixed, request.action)),
      ),
    ),
  ];
  if (keys.length === 0) return { result: evaluate(request) };
  const permissive = evaluate(variant(request, fixed, 'permissive'));
  const restrictive = evaluate(variant(request, fixed, 'restrictive'));
  if (allows(permissive) === allows(restrictive)) return { result: permissive };
  return { result: permissive, dependsOn: keys };
}
