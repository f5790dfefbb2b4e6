import { describe, expect, it } from 'vitest';
import {
  forgetChapter,
  type KeyValueStorage,
  loadProgress,
  PROGRESS_KEY,
  recordChapter,
  resetProgress,
  watchProgress,
} from './progress';

function memoryStorage(initial?: string): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  if (initial !== undefined) data.set(PROGRESS_KEY, initial);
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const KNOWN = ['a', 'b', 'lab'];

describe('Learn progress storage', () => {
  it('records chapters and reads them back', () => {
    const storage = memoryStorage();
    let progress = loadProgress(KNOWN, storage);
    expect(progress.size).toBe(0);
    progress = recordChapter(progress, 'a', { predicted: 'yes', correct: false }, storage);
    progress = recordChapter(progress, 'lab', {}, storage);
    const again = loadProgress(KNOWN, storage);
    expect([...again]).toEqual([
      ['a', { predicted: 'yes', correct: false }],
      ['lab', {}],
    ]);
  });

  it('forgetting one chapter keeps the others, in memory and in storage', () => {
    const storage = memoryStorage();
    let progress = recordChapter(new Map(), 'a', { predicted: 'yes', correct: false }, storage);
    progress = recordChapter(progress, 'b', { predicted: 'no', correct: true }, storage);
    progress = forgetChapter(progress, 'a', storage);
    expect([...progress]).toEqual([['b', { predicted: 'no', correct: true }]]);
    expect([...loadProgress(KNOWN, storage)]).toEqual([['b', { predicted: 'no', correct: true }]]);
  });

  it('reset forgets everything', () => {
    const storage = memoryStorage();
    recordChapter(new Map(), 'a', { predicted: 'x', correct: true }, storage);
    expect(resetProgress(storage).size).toBe(0);
    expect(storage.data.has(PROGRESS_KEY)).toBe(false);
    expect(loadProgress(KNOWN, storage).size).toBe(0);
  });

  it.each([
    ['not JSON', '{chapters:'],
    ['a number', '42'],
    ['null', 'null'],
    ['an array', '[1,2]'],
    ['chapters as an array', '{"chapters":["a"]}'],
    ['chapters as a string', '{"chapters":"a"}'],
  ])('reads %s as no progress', (_, raw) => {
    expect(loadProgress(KNOWN, memoryStorage(raw)).size).toBe(0);
  });

  it('keeps only known chapters and well-formed fields', () => {
    const raw = JSON.stringify({
      chapters: {
        a: { predicted: 7, correct: 'yes' },
        b: 'done',
        unknown: { predicted: 'x', correct: true },
        lab: { predicted: 'p'.repeat(65), correct: true },
      },
    });
    expect([...loadProgress(KNOWN, memoryStorage(raw))]).toEqual([
      ['a', {}],
      ['lab', { correct: true }],
    ]);
  });

  it('does not take chapter names from Object.prototype', () => {
    const raw = '{"chapters":{}}';
    expect(loadProgress(['constructor', '__proto__', 'toString'], memoryStorage(raw)).size).toBe(0);
  });

  it('survives a storage that throws', () => {
    const broken: KeyValueStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(loadProgress(KNOWN, broken).size).toBe(0);
    expect(recordChapter(new Map(), 'a', { predicted: 'x', correct: true }, broken).get('a')).toEqual({
      predicted: 'x',
      correct: true,
    });
    expect(forgetChapter(new Map([['a', {}]]), 'a', broken).size).toBe(0);
    expect(resetProgress(broken).size).toBe(0);
  });

  it('two tabs: a chapter recorded in one is kept when the other, not yet told, records another', () => {
    const storage = memoryStorage();
    const tabA = loadProgress(KNOWN, storage);
    const tabB = loadProgress(KNOWN, storage);
    recordChapter(tabA, 'a', { predicted: 'yes', correct: true }, storage);
    recordChapter(tabB, 'b', { predicted: 'no', correct: false }, storage);
    expect([...loadProgress(KNOWN, storage)]).toEqual([
      ['a', { predicted: 'yes', correct: true }],
      ['b', { predicted: 'no', correct: false }],
    ]);
  });

  it('two tabs: a chapter forgotten in one is not brought back by the other writing', () => {
    const storage = memoryStorage();
    const both = recordChapter(new Map(), 'a', { predicted: 'x', correct: true }, storage);
    forgetChapter(both, 'a', storage);
    recordChapter(both, 'b', {}, storage);
    expect([...loadProgress(KNOWN, storage)]).toEqual([['b', {}]]);
  });

  it('keeps what another version of the app stored for chapters this one does not know', () => {
    const raw = '{"chapters":{"future":{"predicted":"x","extra":1},"__proto__":{"correct":true}}}';
    const storage = memoryStorage(raw);
    recordChapter(loadProgress(KNOWN, storage), 'a', {}, storage);
    expect(JSON.parse(storage.data.get(PROGRESS_KEY) ?? '')).toEqual(
      JSON.parse('{"chapters":{"future":{"predicted":"x","extra":1},"__proto__":{"correct":true},"a":{}}}'),
    );
  });

  it('replaces a stored value that is not progress (bad JSON, a list) instead of failing to write', () => {
    for (const raw of ['{chapters:', '[1]', '{"chapters":[1]}']) {
      const storage = memoryStorage(raw);
      recordChapter(new Map(), 'a', {}, storage);
      expect([...loadProgress(KNOWN, storage)]).toEqual([['a', {}]]);
    }
  });

  it("applies another tab's change when the storage event says the progress changed", () => {
    const storage = memoryStorage();
    const target = new EventTarget();
    const seen: string[][] = [];
    const stop = watchProgress(KNOWN, (p) => seen.push([...p.keys()]), target, storage);
    recordChapter(new Map(), 'b', {}, storage);
    target.dispatchEvent(Object.assign(new Event('storage'), { key: PROGRESS_KEY }));
    target.dispatchEvent(Object.assign(new Event('storage'), { key: 'another-key' }));
    storage.data.clear();
    // A cleared storage (localStorage.clear() in another tab) comes with key null.
    target.dispatchEvent(Object.assign(new Event('storage'), { key: null }));
    stop();
    target.dispatchEvent(Object.assign(new Event('storage'), { key: PROGRESS_KEY }));
    expect(seen).toEqual([['b'], []]);
  });

  it('works with no storage at all', () => {
    expect(loadProgress(KNOWN, undefined).size).toBe(0);
  });
});
