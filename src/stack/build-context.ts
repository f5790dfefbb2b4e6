import type { WorldState } from '../sim/index';
import { StackImportError } from './errors';
import { parseJson } from './parse-json';
import { isRecord } from './parse';
import { checkPolicyGrammar, type PolicyUse } from './policy-grammar';
import type { Resolver } from './resolve';

/** The services an imported world fills; the cloud starts the others empty. */
export type StackState = Pick<
  WorldState,
  'iam' | 'cognitoIdp' | 'cognitoOAuth' | 'cognitoIdentity' | 's3' | 'executeApi' | 'ssm' | 'appsync'
>;

/** A record with no prototype: a template's names (`constructor`, `__proto__` …) are only keys in it. */
export const dict = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

/** `record[key]` only when the record has that key itself (never an inherited member). */
export const own = <T>(record: Record<string, T> | undefined, key: string): T | undefined =>
  record && Object.hasOwn(record, key) ? record[key] : undefined;

export function emptyStackState(): StackState {
  return {
    iam: { users: dict(), roles: dict(), policies: dict(), samlProviders: dict(), oidcProviders: dict() },
    cognitoIdp: { pools: dict(), sessions: dict(), inbox: [] },
    cognitoOAuth: { identityProviders: dict(), pending: dict(), codes: dict(), consumedAssertions: dict() },
    cognitoIdentity: { pools: dict(), identities: dict(), loginIndex: dict() },
    s3: { buckets: dict() },
    executeApi: { apis: dict() },
    ssm: { parameters: dict() },
    appsync: { apis: dict() },
  };
}

/** One resource after its condition and intrinsic functions are resolved. */
export interface ResolvedResource {
  logical: string;
  type: string;
  path: string;
  /** Resolved Properties (null-prototype record). */
  props: Record<string, unknown>;
  /** What `Ref` returns for it. */
  ref: string;
}

/** What the per-service builders share: the state they fill, the resolver, and where to note gaps. */
export interface BuildContext {
  region: string;
  accountId: string;
  /** Epoch ms used as every creation date. */
  now: number;
  state: StackState;
  resolver: Resolver;
  resources: ResolvedResource[];
  /** Resource by the value its `Ref` returns (and by logical id). */
  byRef: Map<string, ResolvedResource>;
  /** Entity key (`role:<name>`, `pool:<id>`, `bucket:<name>` …) → template path, for findings. */
  origins: Map<string, string>;
  /** SAML provider ARN → the entity id its metadata document names (the IdP the reader runs). */
  samlEntityIds: Map<string, string>;
  gap(path: string, what: string): void;
}

export const asString = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
export const asStrings = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.map(asString).filter((s): s is string => s !== undefined)
    : asString(v) !== undefined
      ? [asString(v) as string]
      : [];
export const asBool = (v: unknown, dflt: boolean): boolean =>
  v === true || v === 'true' ? true : v === false || v === 'false' ? false : dflt;
export const asNumber = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
};

/**
 * IAM quotas (IAM User Guide, "IAM and AWS STS quotas"): a managed policy document at most 6,144
 * characters; the inline policies of one user together at most 2,048, of a group 5,120, of a role 10,240
 * (GetAccountSummary calls these the aggregate of all inline policies embedded in the entity); white space
 * is not counted. A bucket policy at most 20 KB. A template over them would fail to deploy; we refuse it.
 */
export const POLICY_LIMITS = {
  managed: 6_144,
  roleInline: 10_240,
  groupInline: 5_120,
  userInline: 2_048,
  bucket: 20_480,
};

/** The size IAM checks a policy against, from its compact JSON: its characters, white space not counted. */
export const iamPolicySize = (json: string): number => json.replace(/\s/g, '').length;

const jsonLength = (json: string): number => json.length;

/**
 * What a document is used as when its caller does not say: a role's AssumeRolePolicyDocument is a trust
 * policy, a document held to the bucket-policy limit is a bucket policy, anything else an identity policy.
 * Read from the arguments until build-iam.ts and build-services.ts pass `use` themselves.
 */
function usedAs(path: string, limit: number): PolicyUse {
  if (path.endsWith('.AssumeRolePolicyDocument')) return 'trust';
  return limit === POLICY_LIMITS.bucket ? 'bucket' : 'identity';
}

/**
 * A policy document given as an object or as JSON text, with its size: checked against `limit`,
 * measured by `size` on its compact JSON (JSON length unless the caller passes IAM's measure), and
 * against the policy grammar for its `use` (policy-grammar.ts). The JSON is made once, for the measure
 * and for the plain copy returned.
 */
export function measuredPolicyDocument(
  value: unknown,
  path: string,
  limit: number,
  size: (json: string) => number = jsonLength,
  /** Whose limit it is, for the message. */
  rule = `IAM allows at most ${limit} (IAM quotas)`,
  use: PolicyUse = usedAs(path, limit),
): { document: { Version?: '2012-10-17'; Statement: never[] }; chars: number } {
  const doc = typeof value === 'string' ? parseJsonAt(value, path) : value;
  if (!isRecord(doc) || doc.Statement === undefined)
    throw new StackImportError(`${path}: a policy document needs a Statement`);
  const json = JSON.stringify(doc);
  const chars = size(json);
  if (chars > limit)
    throw new StackImportError(
      `${path}: the policy document is ${chars} characters; ${rule}, so this template cannot deploy`,
    );
  // Before anything reads it: the matrix and the evaluator take a document for well-formed.
  checkPolicyGrammar(doc, path, use);
  // Plain objects from here: the evaluator reads the document as ordinary JSON.
  return { document: JSON.parse(json), chars };
}

/** measuredPolicyDocument's document alone. */
export function policyDocument(...args: Parameters<typeof measuredPolicyDocument>) {
  return measuredPolicyDocument(...args).document;
}

function parseJsonAt(text: string, path: string): unknown {
  try {
    return parseJson(text);
  } catch (e) {
    throw new StackImportError(`${path}: the policy text is not JSON: ${(e as Error).message}`);
  }
}

/** Lists properties of a resource that the simulation does not use, so none is dropped in silence. */
export function noteUnusedProperties(ctx: BuildContext, r: ResolvedResource, used: readonly string[]): void {
  for (const key of Object.keys(r.props)) {
    if (!used.includes(key))
      ctx.gap(`${r.path}.Properties.${key}`, `${r.type} property ${key} is not simulated`);
  }
}

/**
 * A resolved property value that the resource takes as text (a string; a number or boolean as its text).
 * A list or object there would not deploy, and `String()` of a template's null-prototype object throws a
 * TypeError that says nothing of where: it is refused with its path instead.
 */
export function textProp(v: unknown, path: string): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const kind = Array.isArray(v)
    ? 'a list'
    : v === null
      ? 'null'
      : typeof v === 'object'
        ? 'an object'
        : typeof v;
  throw new StackImportError(`${path}: must be a string, not ${kind}`);
}

/** The entries of a resolved map property whose values are text, each checked with its path. */
export function textMap(v: Record<string, unknown>, path: string): Record<string, string> {
  const out = dict<string>();
  for (const [k, val] of Object.entries(v)) out[k] = textProp(val, `${path}.${k}`);
  return out;
}

/**
 * Tags as a list of Key/Value (IAM) or a map, keyed in a null-prototype record: a tag key such as
 * `__proto__` is valid in IAM (letters, digits, spaces and `_.:/=+-@`) and must not be dropped.
 */
export const tagsOf = (v: unknown, path: string): Record<string, string> => {
  const out = dict<string>();
  if (Array.isArray(v))
    v.forEach((t, i) => {
      if (isRecord(t) && typeof t.Key === 'string')
        out[t.Key] = textProp(t.Value ?? '', `${path}[${i}].Value`);
    });
  if (isRecord(v)) Object.assign(out, textMap(v, path));
  return out;
};
