/**
 * The Condition block (IAM User Guide, "Condition element", "Condition operators", "Multivalued
 * context keys"): every operator and every key must hold (AND); several values for one key are
 * alternatives (OR), except for negated operators, where the request value must match none of them.
 * A key missing from the request makes the condition false, except: negated operators are true
 * (nothing to match), `…IfExists` is true, `Null` tests presence, `ForAllValues:` is true (an empty
 * set satisfies "all"), and `ForAnyValue:` is false whatever the suffix.
 */
import { displayPattern } from './match';
import { operatorSpec, parseOperator } from './operators';
import type { ConditionTrace, ConditionValue } from './types';
import { type ContextLookup, substitute } from './variables';

function valueList(value: ConditionValue): string[] {
  return (Array.isArray(value) ? value : [value]).map((v) => String(v));
}

/** Evaluates one operator/key pair and explains it. */
export function evaluateCondition(
  operator: string,
  key: string,
  policyValue: ConditionValue,
  lookup: ContextLookup,
  variablesEnabled: boolean,
): ConditionTrace {
  const raw = lookup(key);
  const actualList = raw === undefined ? undefined : Array.isArray(raw) ? raw : [raw];
  const present = actualList !== undefined && actualList.length > 0;
  const parsed = parseOperator(operator);
  const trace = (expected: string[], matched: boolean): ConditionTrace => ({
    operator,
    key,
    expected,
    actual: actualList,
    matched,
  });

  if (!parsed) return trace(valueList(policyValue), false);

  if (parsed.base === 'Null') {
    // "true": the key must be absent; "false": present. No policy variables here.
    const wants = valueList(policyValue).map((v) => v.toLowerCase());
    return trace(
      valueList(policyValue),
      wants.some((w) => (w === 'true' ? !present : w === 'false' ? present : false)),
    );
  }

  const spec = operatorSpec(parsed.base);
  if (!spec) return trace(valueList(policyValue), false);
  const substituted = valueList(policyValue).map((v) =>
    substitute(v, lookup, variablesEnabled && spec.variables),
  );
  const expectedEncoded = substituted.flatMap((s) => (s.value === undefined ? [] : [s.value]));
  const expectedShown = substituted.map((s, i) =>
    s.value === undefined
      ? `${valueList(policyValue)[i]} (no value for ${s.missing.join(', ')})`
      : displayPattern(s.value),
  );

  // One request value against the policy values: positive → any matches; negated → none matches.
  const single = (actual: string): boolean => {
    const any = expectedEncoded.some((e) => spec.compare(actual, e));
    return spec.negated ? !any : any;
  };

  let matched: boolean;
  if (parsed.set === 'ForAnyValue') {
    matched = present && (actualList as string[]).some(single);
  } else if (parsed.set === 'ForAllValues') {
    matched = !present || (actualList as string[]).every(single);
  } else if (!present) {
    matched = parsed.ifExists || spec.negated;
  } else if (spec.negated) {
    matched = (actualList as string[]).every(single);
  } else {
    matched = (actualList as string[]).some(single);
  }
  return trace(expectedShown, matched);
}

/** All conditions of a statement, in document order. The statement's conditions hold when every entry matched. */
export function evaluateConditions(
  block: Record<string, Record<string, ConditionValue>> | undefined,
  lookup: ContextLookup,
  variablesEnabled: boolean,
): ConditionTrace[] {
  if (!block) return [];
  const out: ConditionTrace[] = [];
  for (const [operator, keys] of Object.entries(block)) {
    for (const [key, value] of Object.entries(keys ?? {})) {
      out.push(evaluateCondition(operator, key, value, lookup, variablesEnabled));
    }
  }
  return out;
}
