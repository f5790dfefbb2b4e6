/**
 * The condition operators (IAM User Guide, "IAM JSON policy elements: Condition operators"):
 * how one request value compares with one policy value. Negated operators ("…Not…", NotIpAddress)
 * are expressed as the negation of their positive partner, applied in conditions.ts.
 */
import { getOwn } from '../core/dict';
import { arnMatches, displayPattern, globMatch } from './match';

export interface OperatorSpec {
  /** The positive comparison of one request value with one (substituted, encoded) policy value. */
  compare: (actual: string, expected: string) => boolean;
  /** True for StringNotEquals, ArnNotLike, NotIpAddress …: "matches none of the values". */
  negated: boolean;
  /** Whether policy variables are allowed in the values (everything but Null). */
  variables: boolean;
}

const plain = (encoded: string): string => displayPattern(encoded);

function parseNumber(text: string): number | undefined {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text.trim())) return undefined;
  return Number(text);
}

/** ISO 8601 date/date-time, or epoch seconds (IAM accepts both for Date operators). */
export function parseDate(text: string): number | undefined {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t) * 1000;
  if (!/^\d{4}-\d{2}-\d{2}/.test(t)) return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : ms;
}

const numeric = (test: (a: number, b: number) => boolean) => (actual: string, expected: string) => {
  const a = parseNumber(actual);
  const b = parseNumber(plain(expected));
  return a !== undefined && b !== undefined && test(a, b);
};

const date = (test: (a: number, b: number) => boolean) => (actual: string, expected: string) => {
  const a = parseDate(actual);
  const b = parseDate(plain(expected));
  return a !== undefined && b !== undefined && test(a, b);
};

/** An IPv4 or IPv6 address as a bigint plus its bit width. */
function parseIp(text: string): { value: bigint; bits: number } | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) {
    const octets = text.split('.').map(Number);
    if (octets.some((o) => o > 255)) return undefined;
    return { value: octets.reduce((acc, o) => (acc << 8n) | BigInt(o), 0n), bits: 32 };
  }
  if (!text.includes(':') || !/^[0-9a-fA-F:]+$/.test(text)) return undefined;
  const [head = '', tail, extra] = text.split('::');
  if (extra !== undefined) return undefined;
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const fill = tail === undefined ? 0 : 8 - h.length - t.length;
  const groups = [...h, ...Array<string>(Math.max(fill, 0)).fill('0'), ...t];
  if (groups.length !== 8 || groups.some((g) => g.length === 0 || g.length > 4)) return undefined;
  return { value: groups.reduce((acc, g) => (acc << 16n) | BigInt(Number.parseInt(g, 16)), 0n), bits: 128 };
}

/** `203.0.113.0/24` or a bare address (a /32 or /128). */
export function ipInCidr(address: string, cidr: string): boolean {
  const [base = '', prefixText] = cidr.split('/');
  const ip = parseIp(address.trim());
  const net = parseIp(base.trim());
  if (!ip || !net || ip.bits !== net.bits) return false;
  const prefix = prefixText === undefined ? net.bits : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > net.bits) return false;
  const shift = BigInt(net.bits - prefix);
  return ip.value >> shift === net.value >> shift;
}

const positive: Record<string, (actual: string, expected: string) => boolean> = {
  StringEquals: (a, e) => a === plain(e),
  StringEqualsIgnoreCase: (a, e) => a.toLowerCase() === plain(e).toLowerCase(),
  StringLike: (a, e) => globMatch(e, a),
  NumericEquals: numeric((a, b) => a === b),
  NumericLessThan: numeric((a, b) => a < b),
  NumericLessThanEquals: numeric((a, b) => a <= b),
  NumericGreaterThan: numeric((a, b) => a > b),
  NumericGreaterThanEquals: numeric((a, b) => a >= b),
  DateEquals: date((a, b) => a === b),
  DateLessThan: date((a, b) => a < b),
  DateLessThanEquals: date((a, b) => a <= b),
  DateGreaterThan: date((a, b) => a > b),
  DateGreaterThanEquals: date((a, b) => a >= b),
  Bool: (a, e) => a.toLowerCase() === plain(e).toLowerCase(),
  BinaryEquals: (a, e) => a === plain(e),
  IpAddress: (a, e) => ipInCidr(a, plain(e)),
  // ArnEquals and ArnLike behave the same: both take wildcards in each ARN part.
  ArnEquals: (a, e) => arnMatches(e, a),
  ArnLike: (a, e) => arnMatches(e, a),
};

const negations: Record<string, string> = {
  StringNotEquals: 'StringEquals',
  StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase',
  StringNotLike: 'StringLike',
  NumericNotEquals: 'NumericEquals',
  DateNotEquals: 'DateEquals',
  NotIpAddress: 'IpAddress',
  ArnNotEquals: 'ArnEquals',
  ArnNotLike: 'ArnLike',
};

/** The operator names IAM accepts (before any `IfExists` suffix or `ForAnyValue:` prefix), plus `Null`. */
export const OPERATOR_NAMES: readonly string[] = [
  ...Object.keys(positive),
  ...Object.keys(negations),
  'Null',
];

/** The operator IAM defines under `base`; undefined for anything else (`valueOf`, `__proto__` included). */
export function operatorSpec(base: string): OperatorSpec | undefined {
  const direct = getOwn(positive, base);
  if (direct) return { compare: direct, negated: false, variables: true };
  const negatedOf = getOwn(negations, base);
  const compare = getOwn(positive, negatedOf);
  if (compare) return { compare, negated: true, variables: true };
  return undefined;
}

export interface ParsedOperator {
  set?: 'ForAnyValue' | 'ForAllValues';
  base: string;
  ifExists: boolean;
}

/** Splits `ForAllValues:StringLikeIfExists` into its parts; undefined for an unknown operator. */
export function parseOperator(name: string): ParsedOperator | undefined {
  let rest = name;
  let set: ParsedOperator['set'];
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const prefix = rest.slice(0, colon);
    if (prefix !== 'ForAnyValue' && prefix !== 'ForAllValues') return undefined;
    set = prefix;
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  if (rest.endsWith('IfExists') && rest !== 'IfExists') {
    ifExists = true;
    rest = rest.slice(0, -'IfExists'.length);
  }
  if (rest === 'Null') return ifExists || set ? undefined : { base: rest, ifExists };
  return operatorSpec(rest) ? { set, base: rest, ifExists } : undefined;
}
