/**
 * Session tags (IAM User Guide "Pass session tags in AWS STS"; STS API reference `Tag`, `AssumeRole`
 * `Tags`/`TransitiveTagKeys`): key–value pairs a role session carries as `aws:PrincipalTag/<key>`.
 * They arrive three ways — `Tags.member.N` on AssumeRole, the `https://aws.amazon.com/tags` claim of a
 * web identity token, and `PrincipalTag:<key>` attributes of a SAML assertion — and every way needs
 * `sts:TagSession` in the role's trust policy. Facts followed:
 * - at most 50 tags; keys 1–128 and values 0–256 characters of `[\p{L}\p{Z}\p{N}_.:/=+\-@]` (API reference `Tag`);
 * - keys are case-insensitive but keep their case, so `Department` and `department` cannot both be passed (doc);
 * - a session made from temporary credentials inherits the caller's transitive tags, and passing a tag
 *   with the same key as an inherited one fails (doc, AssumeRole `Tags`);
 * - the tags count toward the packed policy size with the session policies (doc, `PackedPolicySize`).
 * Messages marked (unv) are written in AWS's validation style; no public source quotes them.
 */
import { createDict, setOwn } from '../../core/dict';
import { validationMessage } from '../../core/errors';
import type { ContextKeys } from '../../iam/types';
import { stsErrors } from './errors';
import type { QueryInput } from './params';

/** Tags as a session holds them: key (with its case) → value, and which keys are transitive. */
export interface SessionTags {
  tags: Record<string, string>;
  transitiveTagKeys: string[];
}

export const MAX_SESSION_TAGS = 50;
const TAG_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const TAG_PATTERN_TEXT = '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+';

export const EMPTY_SESSION_TAGS: SessionTags = { tags: createDict(), transitiveTagKeys: [] };

function invalid(field: string, value: string, constraint: string): never {
  throw stsErrors.validation(validationMessage([{ field, value, constraint }]));
}

/** `Tags.member.N.Key/Value` and `TransitiveTagKeys.member.N` of a Query request, in order. */
export function queryTags(input: QueryInput): { pairs: [string, string][]; transitive: string[] } {
  const pairs: [string, string][] = [];
  for (let i = 1; input[`Tags.member.${i}.Key`] !== undefined; i++) {
    pairs.push([input[`Tags.member.${i}.Key`] as string, input[`Tags.member.${i}.Value`] ?? '']);
  }
  const transitive: string[] = [];
  for (let i = 1; input[`TransitiveTagKeys.member.${i}`] !== undefined; i++)
    transitive.push(input[`TransitiveTagKeys.member.${i}`] as string);
  return { pairs, transitive };
}

/**
 * Checks passed tags against the limits and merges the caller's inherited transitive tags in.
 * Returns the session's tags; throws ValidationError (shape) or InvalidParameterValue-style errors.
 */
export function buildSessionTags(
  pairs: [string, string][],
  transitive: string[],
  inherited: SessionTags = EMPTY_SESSION_TAGS,
): SessionTags {
  if (pairs.length > MAX_SESSION_TAGS)
    invalid(
      'tags',
      `[${pairs.map(([k]) => k).join(', ')}]`,
      `Member must have length less than or equal to ${MAX_SESSION_TAGS}`,
    );
  if (transitive.length > MAX_SESSION_TAGS)
    invalid(
      'transitiveTagKeys',
      `[${transitive.join(', ')}]`,
      `Member must have length less than or equal to ${MAX_SESSION_TAGS}`,
    );
  const seen = new Map<string, string>();
  pairs.forEach(([key, value], i) => {
    const field = `tags.${i + 1}.member`;
    if (key.length < 1) invalid(`${field}.key`, key, 'Member must have length greater than or equal to 1');
    if (key.length > 128) invalid(`${field}.key`, key, 'Member must have length less than or equal to 128');
    if (!TAG_PATTERN.test(key))
      invalid(`${field}.key`, key, `Member must satisfy regular expression pattern: ${TAG_PATTERN_TEXT}`);
    if (value.length > 256)
      invalid(`${field}.value`, value, 'Member must have length less than or equal to 256');
    if (!TAG_PATTERN.test(value))
      invalid(
        `${field}.value`,
        value,
        'Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*',
      );
    // The `aws:` prefix is reserved for AWS's own keys (IAM "Tagging IAM resources", rules for tags). (unv message)
    if (key.toLowerCase().startsWith('aws:'))
      throw stsErrors.validation(`Tag keys beginning with 'aws:' are reserved: ${key}`);
    const folded = key.toLowerCase();
    if (seen.has(folded))
      // IAM's wording for the same rule on TagRole / TagUser (obs); STS's own is unpublished (unv).
      throw stsErrors.validation('Duplicate tag keys found. Please note that Tag keys are case insensitive.');
    seen.set(folded, key);
  });
  const inheritedKeys = new Map(Object.keys(inherited.tags).map((k) => [k.toLowerCase(), k]));
  for (const folded of seen.keys()) {
    if (inheritedKeys.has(folded))
      // "If you pass a session tag with the same key as an inherited tag, the operation fails" (doc). (unv message)
      throw stsErrors.validation(
        `One or more of the specified tag keys conflict with transitive session tags inherited from the calling session: ${seen.get(folded)}`,
      );
  }
  for (const key of transitive) {
    // A transitive key names one of the tags passed in the same request (doc). (unv message)
    if (!seen.has(key.toLowerCase()))
      throw stsErrors.validation(
        `The transitive tag key ${key} is not among the session tags passed in the request.`,
      );
  }
  const tags: Record<string, string> = Object.create(null);
  for (const [key, value] of Object.entries(inherited.tags)) tags[key] = value;
  for (const [key, value] of pairs) tags[key] = value;
  const transitiveTagKeys = [
    ...inherited.transitiveTagKeys,
    ...transitive.map((k) => seen.get(k.toLowerCase()) as string),
  ];
  return { tags, transitiveTagKeys: [...new Set(transitiveTagKeys)] };
}

/** Only the transitive tags of a session: what a role it assumes inherits (role chaining). */
export function transitiveOnly(session: SessionTags | undefined): SessionTags {
  if (!session) return EMPTY_SESSION_TAGS;
  const keep = new Set(session.transitiveTagKeys.map((k) => k.toLowerCase()));
  const tags: Record<string, string> = Object.create(null);
  for (const [key, value] of Object.entries(session.tags)) if (keep.has(key.toLowerCase())) tags[key] = value;
  return { tags, transitiveTagKeys: [...session.transitiveTagKeys] };
}

/** The request-context keys of a tagging request: `aws:RequestTag/<key>` and `aws:TagKeys` (IAM condition keys). */
export function requestTagContext(pairs: [string, string][]): ContextKeys {
  if (pairs.length === 0) return {};
  const context: ContextKeys = { 'aws:TagKeys': pairs.map(([k]) => k) };
  for (const [key, value] of pairs) context[`aws:RequestTag/${key}`] = value;
  return context;
}

/** `aws:PrincipalTag/<key>` for every tag a principal carries. */
export function principalTagContext(tags: Record<string, string>): ContextKeys {
  const context: ContextKeys = {};
  for (const [key, value] of Object.entries(tags)) context[`aws:PrincipalTag/${key}`] = value;
  return context;
}

/**
 * Role tags and session tags together, as `aws:PrincipalTag` sees them: a session tag overrides a role
 * tag with the same key, compared without case (doc, AssumeRole `Tags`).
 */
export function mergePrincipalTags(
  roleTags: Record<string, string>,
  sessionTags: Record<string, string>,
): Record<string, string> {
  const overridden = new Set(Object.keys(sessionTags).map((k) => k.toLowerCase()));
  const out = createDict<string>();
  for (const [key, value] of Object.entries(roleTags))
    if (!overridden.has(key.toLowerCase())) setOwn(out, key, value);
  for (const [key, value] of Object.entries(sessionTags)) setOwn(out, key, value);
  return out;
}

/** Units the tags add to the packed policy size (modelled as plaintext characters, like the policies). */
export function tagUnits(pairs: [string, string][]): number {
  return pairs.reduce((n, [k, v]) => n + k.length + v.length, 0);
}
