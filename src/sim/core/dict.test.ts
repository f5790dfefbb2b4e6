import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseState } from './dict';

/** Every object in `value` (not arrays) has a null prototype; arrays keep theirs. */
function everyObjectHasNullPrototype(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) {
    return Object.getPrototypeOf(value) === Array.prototype && value.every(everyObjectHasNullPrototype);
  }
  if (Object.getPrototypeOf(value) !== null) return false;
  return Object.keys(value).every((key) =>
    everyObjectHasNullPrototype((value as Record<string, unknown>)[key]),
  );
}

describe('parseState', () => {
  it('gives every object a null prototype, nested in objects and arrays alike', () => {
    const state = parseState<{ a: { b: { c: number }[] }; list: [{ d: { e: null } }] }>(
      '{"a":{"b":[{"c":1},{"c":2}]},"list":[{"d":{"e":null}}]}',
    );
    expect(everyObjectHasNullPrototype(state)).toBe(true);
    expect(state.a.b[1]?.c).toBe(2);
    expect('toString' in state.a).toBe(false);
  });

  it('keeps a "__proto__" member as own data, and its value gets a null prototype too', () => {
    const state = parseState<Record<string, unknown>>('{"__proto__":{"admin":true},"constructor":1}');
    expect(Object.hasOwn(state, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(state)).toBe(null);
    const inner = Object.getOwnPropertyDescriptor(state, '__proto__')?.value as Record<string, unknown>;
    expect(inner.admin).toBe(true);
    expect(Object.getPrototypeOf(inner)).toBe(null);
    expect(state.constructor).toBe(1);
  });

  it('returns what JSON.parse returns, for any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        const parsed = parseState<unknown>(text);
        expect(JSON.stringify(parsed)).toBe(text);
        expect(everyObjectHasNullPrototype(parsed)).toBe(true);
      }),
    );
  });
});
