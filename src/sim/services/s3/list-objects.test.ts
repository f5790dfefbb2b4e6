import { describe, expect, it } from 'vitest';
import { compareKeys, listKeys } from './list-objects';

const keys = [
  'public/welcome.txt',
  'public/guides/a.txt',
  'public/guides/b.txt',
  'private/u1/x',
  'private/u2/y',
  'readme',
];

describe('ListObjectsV2 listing rule', () => {
  it('filters by prefix in UTF-8 byte order', () => {
    expect(listKeys(keys, { prefix: 'public/', maxKeys: 1000 })).toEqual({
      keys: ['public/guides/a.txt', 'public/guides/b.txt', 'public/welcome.txt'],
      commonPrefixes: [],
      isTruncated: false,
      last: 'public/welcome.txt',
    });
  });

  it('rolls keys up to CommonPrefixes at the delimiter after the prefix', () => {
    expect(listKeys(keys, { prefix: '', delimiter: '/', maxKeys: 1000 })).toEqual({
      keys: ['readme'],
      commonPrefixes: ['private/', 'public/'],
      isTruncated: false,
      last: 'readme',
    });
    expect(listKeys(keys, { prefix: 'public/', delimiter: '/', maxKeys: 1000 }).commonPrefixes).toEqual([
      'public/guides/',
    ]);
  });

  it('counts keys and prefixes together against max-keys and resumes after the last entry', () => {
    const first = listKeys(keys, { prefix: '', delimiter: '/', maxKeys: 1 });
    expect(first).toEqual({ keys: [], commonPrefixes: ['private/'], isTruncated: true, last: 'private/' });
    const second = listKeys(keys, { prefix: '', delimiter: '/', maxKeys: 1, after: first.last });
    expect(second).toEqual({ keys: [], commonPrefixes: ['public/'], isTruncated: true, last: 'public/' });
    const third = listKeys(keys, { prefix: '', delimiter: '/', maxKeys: 1, after: second.last });
    expect(third).toEqual({ keys: ['readme'], commonPrefixes: [], isTruncated: false, last: 'readme' });
  });

  it('sorts by UTF-8 bytes, not UTF-16 code units', () => {
    // U+FF61 (3 UTF-8 bytes, EF BD A1) sorts before U+1F600 (4 bytes, F0 …) in UTF-8 but after it in UTF-16.
    expect(compareKeys('\uff61', '\u{1f600}')).toBeLessThan(0);
    expect('\uff61' < '\u{1f600}').toBe(false);
  });
});
