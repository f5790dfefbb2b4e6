/**
 * The grammar check every imported policy document passes before the stack is built: the engine's own
 * (`validatePolicyDocument`, the check IAM and STS make before they store or use a policy), so a
 * template CloudFormation could not deploy (IAM answers MalformedPolicyDocument, Amazon S3 answers
 * MalformedPolicy, and the stack rolls back) is refused with IAM's words, where in the template, and
 * which statement. A value the import cannot know (a `<Parameter>` placeholder) is not judged.
 */
import {
  POLICY_ELEMENTS,
  type PolicyKind,
  STATEMENT_ELEMENTS,
  SYNTAX_ERROR,
  validatePolicyDocument,
} from '../sim/index';
import { StackImportError } from './errors';
import { isRecord } from './parse';

/** What a document is used as, which decides its rules (Principal, Resource) and who refuses it. */
export const POLICY_USES = {
  identity: { kind: 'identity', code: 'MalformedPolicyDocument', refuser: 'IAM' },
  trust: { kind: 'trust', code: 'MalformedPolicyDocument', refuser: 'IAM' },
  // Amazon S3's code, not IAM's: a stack fails with "Invalid principal in policy (Service: Amazon S3; Status
  // Code: 400; Error Code: MalformedPolicy …)" (serverless/serverless discussion #10365).
  bucket: { kind: 'resource', code: 'MalformedPolicy', refuser: 'Amazon S3' },
} as const satisfies Record<string, { kind: PolicyKind; code: string; refuser: string }>;
export type PolicyUse = keyof typeof POLICY_USES;

/** A value resolving could not know: `<Parameter>`, `<ImportValue:x>`, `<Logical.Attr>`, `<Fn::…>`. */
const PLACEHOLDER = /<[^<>\s][^<>]*>/;
/** What stands for an unknown value while the grammar is checked: valid wherever the element goes. */
const STAND_INS: Record<string, string> = { Effect: 'Allow', Version: '2012-10-17' };

function standIns(value: unknown, key = ''): unknown {
  if (typeof value === 'string')
    return PLACEHOLDER.test(value) ? (Object.hasOwn(STAND_INS, key) ? STAND_INS[key] : '*') : value;
  if (Array.isArray(value)) return value.map((v) => standIns(v, key));
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = Object.create(null);
  for (const [k, v] of Object.entries(value)) out[k] = standIns(v, k);
  return out;
}

const shown = (v: unknown): string => {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
};
const isStringOrList = (v: unknown) =>
  typeof v === 'string' || (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string'));

/**
 * Why IAM's "Syntax errors in policy." applies to one statement, in the order the engine checks: IAM's
 * message names nothing, so the reader is told which element is at fault.
 */
function syntaxReason(s: Record<string, unknown>): string | undefined {
  const unknown = Object.keys(s).find((k) => !STATEMENT_ELEMENTS.includes(k));
  if (unknown !== undefined) return `${unknown} is not a statement element`;
  if (s.Sid !== undefined && typeof s.Sid !== 'string') return 'Sid must be a string';
  if (s.Effect !== 'Allow' && s.Effect !== 'Deny')
    return `Effect is ${shown(s.Effect)}; the only valid values are Allow and Deny, and they are case sensitive`;
  for (const [a, b] of [
    ['Action', 'NotAction'],
    ['Resource', 'NotResource'],
    ['Principal', 'NotPrincipal'],
  ] as const) {
    if (s[a] !== undefined && s[b] !== undefined) return `a statement has ${a} or ${b}, not both`;
    for (const name of [a, b])
      if (
        name !== 'Principal' &&
        name !== 'NotPrincipal' &&
        s[name] !== undefined &&
        !isStringOrList(s[name])
      )
        return `${name} must be a string or a non-empty list of strings`;
  }
  const condition = s.Condition;
  if (condition === undefined) return undefined;
  if (!isRecord(condition)) return 'Condition must be an object of condition operators';
  for (const [operator, block] of Object.entries(condition)) {
    if (!isRecord(block)) return `Condition ${operator} must map condition keys to values`;
    for (const [key, v] of Object.entries(block)) {
      const values = Array.isArray(v) ? v : [v];
      if (values.length === 0 || values.some((x) => !['string', 'number', 'boolean'].includes(typeof x)))
        return `Condition ${operator} ${key} must have string, number or boolean values`;
    }
  }
  return undefined;
}

/** The first statement the engine refuses, and why in its own terms, for the message. */
function statementAtFault(document: Record<string, unknown>, kind: PolicyKind): string | undefined {
  const list = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  for (const [i, s] of list.entries()) {
    if (!isRecord(s)) return `Statement[${i}] is ${shown(s)}, not a statement object`;
    try {
      validatePolicyDocument({ Version: '2012-10-17', Statement: [s] }, { kind });
    } catch (e) {
      if (e instanceof Error && e.message === SYNTAX_ERROR) {
        const reason = syntaxReason(s);
        return reason ? `Statement[${i}]: ${reason}` : `Statement[${i}]`;
      }
      return `Statement[${i}]`;
    }
  }
  const unknown = Object.keys(document).find((k) => !POLICY_ELEMENTS.includes(k));
  return unknown !== undefined ? `${unknown} is not a policy element` : undefined;
}

/**
 * Refuses a document the engine's policy grammar refuses (IAM User Guide, "IAM JSON policy element
 * reference" and "Grammar of the IAM JSON policy language"), with the refuser's code and words.
 */
export function checkPolicyGrammar(document: Record<string, unknown>, path: string, use: PolicyUse): void {
  const { kind, code, refuser } = POLICY_USES[use];
  const judged = standIns(document);
  try {
    validatePolicyDocument(judged, { kind, errorCode: code });
  } catch (e) {
    // Only the engine's refusal (an AwsError with its code) is IAM's answer; anything else is a bug to see.
    if (!(e instanceof Error) || !('code' in e)) throw e;
    const where = isRecord(judged) ? statementAtFault(judged, kind) : undefined;
    throw new StackImportError(
      `${path}: ${refuser} refuses this policy with ${code}: "${e.message}"${where ? ` (${where})` : ''}, so this template cannot deploy`,
    );
  }
}
