/**
 * Policy variables (IAM User Guide, "IAM policy elements: Variables and tags"): `${key}` in
 * Resource / NotResource and in condition values is replaced by the request's value for that key;
 * `${key, 'default'}` supplies a default; `${*}`, `${?}` and `${$}` stand for the literal characters.
 * Only policies with `"Version": "2012-10-17"` get substitution; with `2008-10-17`, or with no
 * Version at all (which means 2008-10-17), `${...}` is ordinary text.
 * A variable with no value (and no default) makes the element not match: the result is undefined.
 */
import { literal } from './match';
import type { ContextKeys, PolicyDocument } from './types';

/** Case-insensitive view of the request context (condition key names are not case-sensitive). */
export type ContextLookup = (key: string) => string | string[] | undefined;

export function contextLookup(context: ContextKeys): ContextLookup {
  const lower = new Map<string, string | string[]>();
  for (const [key, value] of Object.entries(context)) {
    if (value !== undefined) lower.set(key.toLowerCase(), value);
  }
  return (key) => lower.get(key.toLowerCase());
}

export function supportsVariables(document: PolicyDocument): boolean {
  return document.Version === '2012-10-17';
}

const VARIABLE = /\$\{([^}]*)\}/g;

export interface Substitution {
  /** The pattern with variables replaced; characters from values are marked literal (see match.ts). */
  value?: string;
  /** Keys that had no value (and no default): when non-empty, `value` is undefined. */
  missing: string[];
  /** Each variable that got a value, with the value used (so a trace can show `${aws:PrincipalTag/team}` = `atlas`). */
  resolved?: { variable: string; value: string }[];
}

/** Replaces the policy variables in one element value. */
export function substitute(text: string, lookup: ContextLookup, enabled: boolean): Substitution {
  if (!enabled || !text.includes('${')) return { value: text, missing: [] };
  const missing: string[] = [];
  const resolved: { variable: string; value: string }[] = [];
  const value = text.replace(VARIABLE, (whole, inner: string) => {
    const body = inner.trim();
    if (body === '*' || body === '?' || body === '$') return literal(body);
    const defaulted = /^(.*?)\s*,\s*'([^']*)'$/.exec(body);
    const key = (defaulted ? defaulted[1] : body)?.trim() ?? '';
    const found = lookup(key);
    // Multivalued keys cannot be used as variables; they behave as if absent.
    if (typeof found === 'string') {
      resolved.push({ variable: whole, value: found });
      return literal(found);
    }
    if (defaulted) {
      resolved.push({ variable: whole, value: defaulted[2] ?? '' });
      return literal(defaulted[2] ?? '');
    }
    missing.push(key);
    return '';
  });
  if (missing.length > 0) return { missing };
  return resolved.length > 0 ? { value, missing, resolved } : { value, missing };
}
