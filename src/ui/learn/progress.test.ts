import { describe, expect, it } from 'vitest';
import {
  forgetChapter,
  type KeyValueStorage,
  loadProgress,
  PROGRESS_KEY,
  recordChapter,
  resetProgress,
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

  it('works with no storage at all', () => {
    expect(loadProgress(KNOWN, undefined).size).toBe(0);
  });
});
