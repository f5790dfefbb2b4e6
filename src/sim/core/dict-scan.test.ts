/**
 * Keeps "a name a user chose is a property lookup on a plain object" from coming back (issue 10 §1).
 * The dictionary fields are read from the state types themselves: every member typed
 * `Record<string, …>` in a `state.ts` (and the policy types). Then the engine's sources must
 * - never index such a field with `[…]` (use getOwn / hasOwn / setOwn / deleteOwn from core/dict.ts),
 * - never create one as a `{}` literal (use createDict), and
 * - never declare a local `Record<string, …>` starting from `{}` (a map filled by names from a request).
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  engineSourceFiles,
  SIM_ROOT,
  stateDictionaryFields,
} from '../../../tests/support/state-dictionaries';

const SIM = SIM_ROOT;
const files = engineSourceFiles();
const dictionaryFields = stateDictionaryFields;

interface Finding {
  file: string;
  line: number;
  text: string;
}

function scan(pattern: RegExp): Finding[] {
  const out: Finding[] = [];
  for (const file of files) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((text, i) => {
        if (pattern.test(text) && !/^\s*(\*|\/\/)/.test(text))
          out.push({ file: relative(SIM, file), line: i + 1, text: text.trim() });
      });
  }
  return out;
}

describe('engine sources: user-keyed dictionaries', () => {
  const fields = dictionaryFields();
  const alternation = fields.join('|');

  it('finds the dictionary fields of the state types', () => {
    // A sanity floor: the scan below means nothing if the extraction breaks.
    for (const expected of [
      'users',
      'clients',
      'records',
      'datasets',
      'objects',
      'buckets',
      'sessions',
      'logins',
    ])
      expect(fields).toContain(expected);
  });

  it('never indexes a dictionary field with [] (use getOwn / setOwn / deleteOwn)', () => {
    expect(scan(new RegExp(`\\.(${alternation})(\\?\\.)?\\[`))).toEqual([]);
  });

  it('never creates a dictionary field as a {} literal (use createDict)', () => {
    expect(scan(new RegExp(`\\b(${alternation}): \\{\\}|\\.(${alternation}) = \\{`))).toEqual([]);
  });

  it('never fills a local Record<string, …> that starts as {} (use createDict)', () => {
    expect(scan(/(const|let) \w+: (Partial<)?Record<string, [^=]+> = \{\}/)).toEqual([]);
  });

  it('parses request and state JSON only through parseState where the result is kept', () => {
    // JSON.parse of a request body is a plain object whose `__proto__` member becomes a prototype
    // on the first spread; protocol adapters use parseState (null-prototype objects).
    expect(scan(/JSON\.parse\(/).filter((f) => f.file.startsWith('protocol/'))).toEqual([]);
  });
});
