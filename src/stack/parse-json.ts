import { type DuplicateKey, MAX_DEPTH, pathOf, positionOf, StackImportError } from './errors';

/**
 * A small JSON reader (RFC 8259) that says where it stopped. `JSON.parse`'s messages differ between
 * engines and some carry no position; this one always reports line and column, refuses nesting
 * deeper than MAX_DEPTH, and builds null-prototype objects so `__proto__` or `constructor` as a key
 * is just a key. A key written twice keeps its last value, as CloudFormation does; each is added to
 * `duplicates` when given.
 */
export function parseJson(text: string, duplicates?: DuplicateKey[]): unknown {
  let i = 0;
  const fail = (what: string, at = i): never => {
    throw new StackImportError(`Invalid JSON: ${what}`, positionOf(text, at));
  };
  const ws = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const str = (): string => {
    const start = i;
    i++; // opening quote
    let out = '';
    let run = i;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        out += text.slice(run, i);
        i++;
        return out;
      }
      if (c < 32) fail('control character in a string');
      if (c === 92) {
        out += text.slice(run, i);
        const e = text[i + 1];
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (e !== undefined && e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else fail('bad escape in a string');
        run = i;
        continue;
      }
      i++;
    }
    return fail('unterminated string', start);
  };
  const num = (): number => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) return fail('unexpected character');
    i += m[0].length;
    return Number(m[0]);
  };
  // The keys from the root to the value being read (a duplicate's path).
  const keys: (string | number)[] = [];
  const value = (depth: number): unknown => {
    if (depth > MAX_DEPTH) fail(`nesting deeper than ${MAX_DEPTH} levels`);
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = Object.create(null);
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a property name in double quotes');
        const keyAt = i;
        const key = str();
        ws();
        if (text[i] !== ':') fail("expected ':' after a property name");
        i++;
        if (Object.hasOwn(obj, key))
          duplicates?.push({ path: pathOf([...keys, key]), line: positionOf(text, keyAt).line });
        keys.push(key);
        obj[key] = value(depth + 1);
        keys.pop();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        fail("expected ',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        keys.push(arr.length);
        arr.push(value(depth + 1));
        keys.pop();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail("expected ',' or ']'");
      }
    }
    if (c === '"') return str();
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    if (c === undefined) return fail('unexpected end of text');
    return num();
  };
  const result = value(0);
  ws();
  if (i < text.length) fail('unexpected text after the end of the document');
  return result;
}
