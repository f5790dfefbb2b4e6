/**
 * Parses and validates a policy document the way IAM and STS do before storing or using it, and
 * refuses bad ones with `MalformedPolicyDocument` and IAM's messages ("Syntax errors in policy.",
 * "Policy statement must contain actions.", "Has prohibited field Resource" …). Checks: JSON syntax,
 * Version, the Statement shape, Effect, Action/NotAction, Resource/NotResource, Principal rules per
 * kind of policy, unknown elements and condition operator names. Not checked: whether an action or
 * condition key exists in a service, and size limits (callers that have them check them).
 */
import { parseState } from '../core/dict';
import type { AwsError } from '../core/errors';
import { type IamPolicyErrorCode, malformedPolicy } from './errors';
import { parseOperator } from './operators';
import type { PolicyDocument, PolicyStatement } from './types';

/** What the document will be used as: Principal and Resource rules differ. */
export type PolicyKind = 'identity' | 'session' | 'resource' | 'trust';

export interface ParseOptions {
  /** Default `identity` (also right for permissions boundaries). */
  kind?: PolicyKind;
  /** Error code to throw; default `MalformedPolicyDocument`. */
  errorCode?: IamPolicyErrorCode;
  /** Default 400. */
  statusCode?: number;
}

/** The elements a policy document may have; anything else is a syntax error. */
export const POLICY_ELEMENTS: readonly string[] = ['Version', 'Id', 'Statement'];
/** The elements a statement may have; anything else is a syntax error. */
export const STATEMENT_ELEMENTS: readonly string[] = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
];
const TOP_LEVEL = new Set(POLICY_ELEMENTS);
const STATEMENT_KEYS = new Set(STATEMENT_ELEMENTS);
const PRINCIPAL_TYPES = new Set(['AWS', 'Federated', 'Service', 'CanonicalUser']);

export const SYNTAX_ERROR = 'Syntax errors in policy.';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringOrList = (v: unknown): v is string | string[] =>
  typeof v === 'string' || (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string'));

/** Parses JSON text, then validates it; returns the document typed. */
export function parsePolicyDocument(text: string, options: ParseOptions = {}): PolicyDocument {
  let value: unknown;
  try {
    // Null-prototype objects: a member named `__proto__` stays data (and is refused below).
    value = parseState<unknown>(text);
  } catch {
    throw fail(options, SYNTAX_ERROR);
  }
  return validatePolicyDocument(value, options);
}

/** Validates an already-parsed document (e.g. one written in a seed or a test). */
export function validatePolicyDocument(value: unknown, options: ParseOptions = {}): PolicyDocument {
  const kind = options.kind ?? 'identity';
  if (!isObject(value)) throw fail(options, SYNTAX_ERROR);
  for (const key of Object.keys(value)) if (!TOP_LEVEL.has(key)) throw fail(options, SYNTAX_ERROR);
  if (value.Version !== undefined && value.Version !== '2012-10-17' && value.Version !== '2008-10-17') {
    // IAM's answer to any other Version string (e.g. a mistyped date).
    throw fail(options, 'The policy failed legacy parsing');
  }
  if (value.Id !== undefined && typeof value.Id !== 'string') throw fail(options, SYNTAX_ERROR);
  const statements = value.Statement;
  if (statements === undefined) throw fail(options, SYNTAX_ERROR);
  const list = Array.isArray(statements) ? statements : [statements];
  list.forEach((s) => {
    validateStatement(s, kind, options);
  });
  return value as unknown as PolicyDocument;
}

function validateStatement(
  s: unknown,
  kind: PolicyKind,
  options: ParseOptions,
): asserts s is PolicyStatement {
  if (!isObject(s)) throw fail(options, SYNTAX_ERROR);
  for (const key of Object.keys(s)) if (!STATEMENT_KEYS.has(key)) throw fail(options, SYNTAX_ERROR);
  if (s.Sid !== undefined && typeof s.Sid !== 'string') throw fail(options, SYNTAX_ERROR);
  if (s.Effect !== 'Allow' && s.Effect !== 'Deny') throw fail(options, SYNTAX_ERROR);

  // Action / NotAction: exactly one of them.
  if (s.Action !== undefined && s.NotAction !== undefined) throw fail(options, SYNTAX_ERROR);
  const actions = s.Action ?? s.NotAction;
  if (actions === undefined) throw fail(options, 'Policy statement must contain actions.');
  if (!isStringOrList(actions)) throw fail(options, SYNTAX_ERROR);
  for (const action of typeof actions === 'string' ? [actions] : actions) {
    if (action === '*') continue;
    const colons = action.split(':').length - 1;
    if (colons === 0)
      throw fail(options, 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.');
    if (colons > 1) throw fail(options, 'Actions/Condition can contain only one colon.');
  }

  // Resource / NotResource: required in permission policies and bucket policies, prohibited in trust policies.
  if (s.Resource !== undefined && s.NotResource !== undefined) throw fail(options, SYNTAX_ERROR);
  const resources = s.Resource ?? s.NotResource;
  if (kind === 'trust') {
    if (resources !== undefined)
      throw fail(options, `Has prohibited field ${s.Resource !== undefined ? 'Resource' : 'NotResource'}`);
  } else {
    if (resources === undefined) throw fail(options, 'Policy statement must contain resources.');
    if (!isStringOrList(resources)) throw fail(options, SYNTAX_ERROR);
    for (const resource of typeof resources === 'string' ? [resources] : resources) {
      if (resource !== '*' && !resource.startsWith('arn:'))
        throw fail(options, `Resource ${resource} must be in ARN format or "*".`);
    }
  }

  // Principal / NotPrincipal: only in resource-based and trust policies, where one is required.
  const principal = s.Principal ?? s.NotPrincipal;
  if (kind === 'identity' || kind === 'session') {
    if (principal !== undefined) throw fail(options, 'Policy document should not specify a principal.');
  } else {
    if (s.Principal !== undefined && s.NotPrincipal !== undefined) throw fail(options, SYNTAX_ERROR);
    if (principal === undefined) throw fail(options, 'Missing required field Principal');
    if (principal !== '*') {
      if (!isObject(principal) || Object.keys(principal).length === 0)
        throw fail(options, 'Invalid principal in policy');
      for (const [type, v] of Object.entries(principal)) {
        if (!PRINCIPAL_TYPES.has(type) || !isStringOrList(v))
          throw fail(options, 'Invalid principal in policy');
      }
    }
  }

  if (s.Condition !== undefined) validateCondition(s.Condition, options);
}

function validateCondition(condition: unknown, options: ParseOptions): void {
  if (!isObject(condition)) throw fail(options, SYNTAX_ERROR);
  for (const [operator, block] of Object.entries(condition)) {
    if (!parseOperator(operator)) throw fail(options, `Invalid Condition type : ${operator}`);
    if (!isObject(block)) throw fail(options, SYNTAX_ERROR);
    for (const [key, v] of Object.entries(block)) {
      if (!key.includes(':')) {
        throw fail(options, 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.');
      }
      const values = Array.isArray(v) ? v : [v];
      if (values.length === 0 || values.some((x) => !['string', 'number', 'boolean'].includes(typeof x))) {
        throw fail(options, SYNTAX_ERROR);
      }
    }
  }
}

function fail(options: ParseOptions, message: string): AwsError {
  return malformedPolicy(message, options.errorCode, options.statusCode);
}
