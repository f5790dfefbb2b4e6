/**
 * Parameter checks shared by the STS actions (STS API reference; docs/aws-reference.md §5.3): session names,
 * durations, session policies and their packed size, MFA. Messages follow AWS's validation style.
 */
import { getOwn } from '../../core/dict';
import { validationMessage } from '../../core/errors';
import { managedPolicy } from '../../iam/state';
import { parsePolicyDocument } from '../../iam/parse';
import type { NamedPolicy } from '../../iam/types';
import type { World } from '../../world';
import type { DurationLimits } from './definitions';
import { missingParameter, stsErrors } from './errors';

export type QueryInput = Record<string, string>;

const NAME_PATTERN = /^[\w+=,.@-]*$/;

function invalid(field: string, value: string, constraint: string): never {
  throw stsErrors.validation(validationMessage([{ field, value, constraint }]));
}

export function required(input: QueryInput, name: string, field: string): string {
  const value = getOwn(input, name);
  if (value === undefined) throw missingParameter(field);
  return value;
}

export function checkLength(value: string, field: string, min: number, max: number): void {
  if (value.length < min) invalid(field, value, `Member must have length greater than or equal to ${min}`);
  if (value.length > max) invalid(field, value, `Member must have length less than or equal to ${max}`);
}

/** `RoleSessionName` (2–64, `[\w+=,.@-]*`) and `Name` of GetFederationToken (2–32). */
export function sessionName(value: string, field: string, max = 64): string {
  return patterned(value, field, { min: 2, max, pattern: NAME_PATTERN, text: '[\\w+=,.@-]*' });
}

/** A string member with a length range and a pattern; `text` is the pattern as the STS model writes it. */
export function patterned(
  value: string,
  field: string,
  rule: { min: number; max: number; pattern: RegExp; text: string },
): string {
  checkLength(value, field, rule.min, rule.max);
  if (!rule.pattern.test(value))
    invalid(field, value, `Member must satisfy regular expression pattern: ${rule.text}`);
  return value;
}

/** `DurationSeconds` within an operation's limits from the STS definitions table. */
export function durationFor(input: QueryInput, limits: DurationLimits): number {
  return duration(input, limits.min, limits.max, limits.default);
}

/** `DurationSeconds`: absent → the default; outside [min, max] → ValidationError. */
export function duration(input: QueryInput, min: number, max: number, fallback: number): number {
  const raw = input.DurationSeconds;
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^-?\d+$/.test(raw)) throw stsErrors.validation(`Invalid value for DurationSeconds: ${raw}`);
  if (n < min) invalid('durationSeconds', raw, `Member must have value greater than or equal to ${min}`);
  if (n > max) invalid('durationSeconds', raw, `Member must have value less than or equal to ${max}`);
  return n;
}

/** `PolicyArns.member.N.arn` in order. */
export function listPolicyArns(input: QueryInput): string[] {
  const out: string[] = [];
  for (let i = 1; input[`PolicyArns.member.${i}.arn`] !== undefined; i++)
    out.push(input[`PolicyArns.member.${i}.arn`] as string);
  return out;
}

export interface SessionPolicies {
  policies: NamedPolicy[];
  /** Percent of the packed limit; present only when a session policy was passed, as AWS returns it. */
  packedPolicySize?: number;
}

/**
 * The plaintext limit STS applies to inline + managed session policies together (2,048 characters,
 * STS API reference "Policy"). STS packs them into a binary form whose real limit is unpublished; the
 * simulation models the packed size as the plaintext size (minified JSON plus the ARNs) against 2,048,
 * which gives the documented example's 6% for a one-statement policy.
 */
export const PACKED_LIMIT = 2048;

export function sessionPolicies(
  world: World,
  input: { policy?: string; policyArns?: string[]; tagUnits?: number },
): SessionPolicies {
  const policies: NamedPolicy[] = [];
  let units = 0;
  const arns = input.policyArns ?? [];
  if (arns.length > 10)
    invalid('policyArns', `[${arns.join(', ')}]`, 'Member must have length less than or equal to 10');
  if (input.policy !== undefined) {
    checkLength(input.policy, 'policy', 1, PACKED_LIMIT);
    // Allowed: tab, LF, CR and U+0020–U+00FF (STS API reference, Policy).
    if (
      [...input.policy].some((c) => {
        const n = c.charCodeAt(0);
        return !(n === 9 || n === 10 || n === 13 || (n >= 0x20 && n <= 0xff));
      })
    ) {
      invalid(
        'policy',
        input.policy,
        'Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+',
      );
    }
    const document = parsePolicyDocument(input.policy, { kind: 'session' });
    policies.push({ name: 'session policy (inline)', document });
    units += JSON.stringify(document).length;
  }
  for (const arn of arns) {
    checkLength(arn, 'policyArns.member.arn', 20, 2048);
    const policy = managedPolicy(world, arn);
    if (!policy) throw stsErrors.validation(`Policy ${arn} does not exist or is not attachable.`);
    policies.push({
      name: `session policy ${policy.policyName}`,
      arn: policy.arn,
      document: policy.document,
    });
    units += arn.length;
  }
  // Session tags share the packed space with the policies (STS API reference, PackedPolicySize). When
  // the tags alone overflow it, AWS blames them ("Packed size of session tags consumes n% …", AWS
  // Knowledge Center "iam-role-aws-sts-error"); otherwise the overflow is reported as the policy's.
  const tagUnits = input.tagUnits ?? 0;
  const tagPercent = Math.ceil((tagUnits * 100) / PACKED_LIMIT);
  if (tagPercent > 100) throw stsErrors.packedSessionTagsTooLarge(tagPercent);
  units += tagUnits;
  if (policies.length === 0 && !tagUnits) return { policies };
  const percent = Math.ceil((units * 100) / PACKED_LIMIT);
  if (percent > 100) throw stsErrors.packedPolicyTooLarge(percent);
  return { policies, packedPolicySize: percent };
}
