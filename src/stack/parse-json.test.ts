import { describe, expect, it } from 'vitest';
import { StackImportError } from './errors';
import { parseJson } from './parse-json';

describe('parseJson', () => {
  it('reads what JSON.parse reads', () => {
    const text = '{"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"], "b": {}}';
    expect(JSON.parse(JSON.stringify(parseJson(text)))).toEqual(JSON.parse(text));
  });
  it('gives keys like __proto__ no special meaning', () => {
    const value = parseJson('{"__proto__": {"polluted": 1}, "constructor": 2}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBeNull();
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it.each([
    ['{"a": 1,}', 1, 9, /property name/],
    ['{\n  "a": tru\n}', 2, 8, /unexpected character/],
    ['{"a": "b', 1, 7, /unterminated string/],
    ['[1] 2', 1, 5, /after the end/],
  ])('%j fails at a line and column', (text, line, column, message) => {
    try {
      parseJson(text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(StackImportError);
      expect([(e as StackImportError).line, (e as StackImportError).column]).toEqual([line, column]);
      expect((e as Error).message).toMatch(message);
    }
  });
});
