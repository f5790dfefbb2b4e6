/**
 * Wildcard matching as IAM does it: `*` matches any run of characters (including none), `?` exactly
 * one. Actions compare case-insensitively; resources and ARNs case-sensitively, each of the six
 * colon-separated ARN parts on its own (IAM User Guide, "IAM JSON policy elements: Resource" and
 * the Arn condition operators). Characters that came from `${*}` / `${?}` or from a substituted
 * variable must stay literal, so substitution encodes them with the private-use markers below.
 */

/** A `*` that must match only a literal asterisk (from `${*}` or a variable's value). */
export const LITERAL_STAR = '\uE000';
/** A `?` that must match only a literal question mark. */
export const LITERAL_QUESTION = '\uE001';

/** Turns an encoded pattern back into the text a learner should see. */
export function displayPattern(encoded: string): string {
  return encoded.replaceAll(LITERAL_STAR, '*').replaceAll(LITERAL_QUESTION, '?');
}

/** Marks `*` and `?` in a value as literal characters, so it can be spliced into a pattern. */
export function literal(value: string): string {
  return value.replaceAll('*', LITERAL_STAR).replaceAll('?', LITERAL_QUESTION);
}

const regexCache = new Map<string, RegExp>();

function globRegex(pattern: string, ignoreCase: boolean): RegExp {
  const cacheKey = `${ignoreCase ? 'i' : 's'}${pattern}`;
  const cached = regexCache.get(cacheKey);
  if (cached) return cached;
  let source = '';
  for (const ch of pattern) {
    if (ch === '*') source += '.*';
    else if (ch === '?') source += '.';
    else if (ch === LITERAL_STAR) source += '\\*';
    else if (ch === LITERAL_QUESTION) source += '\\?';
    else source += ch.replace(/[.+^${}()|[\]\\/-]/g, '\\$&');
  }
  const regex = new RegExp(`^${source}$`, ignoreCase ? 'si' : 's');
  if (regexCache.size > 2000) regexCache.clear();
  regexCache.set(cacheKey, regex);
  return regex;
}

/** Glob match of a whole string; `pattern` may contain literal markers. */
export function globMatch(pattern: string, value: string, ignoreCase = false): boolean {
  return globRegex(pattern, ignoreCase).test(value);
}

/** `s3:Get*` against `s3:GetObject`: service prefix and action name are case-insensitive. */
export function actionMatches(pattern: string, action: string): boolean {
  return globMatch(pattern, action, true);
}

/** Splits an ARN into its six parts; the last part keeps any further colons (`arn:aws:sts::1:assumed-role/R/S`). */
export function splitArn(arn: string): string[] | undefined {
  const parts: string[] = [];
  let rest = arn;
  for (let i = 0; i < 5; i++) {
    const at = rest.indexOf(':');
    if (at < 0) return undefined;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  parts.push(rest);
  return parts;
}

/**
 * Resource / ArnLike matching: `*` alone matches everything; otherwise pattern and value are split
 * into their six ARN parts and each part is glob-matched on its own, case-sensitively. A pattern
 * that is not ARN-shaped is matched as a whole string.
 */
export function arnMatches(pattern: string, value: string): boolean {
  if (pattern === '*') return true;
  const p = splitArn(pattern);
  if (!p) return globMatch(pattern, value);
  const v = splitArn(value);
  if (!v) return false;
  return p.every((part, i) => globMatch(part, v[i] as string));
}

/** A policy element that may be one string or a list, as a list. */
export function asList<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
