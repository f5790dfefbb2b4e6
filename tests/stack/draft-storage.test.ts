/** The template box's draft in localStorage: kept, cleared, refused when too long, never a crash. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  clearDraft,
  DRAFT_KEY,
  loadDraft,
  MAX_DRAFT_CHARS,
  saveDraft,
} from '../../src/ui/stack/stack-storage';

/** A Storage whose setItem can be made to throw as a full one does. */
function fakeStorage(options: { full?: boolean } = {}) {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (options.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      items.set(k, v);
    },
    removeItem: (k: string) => void items.delete(k),
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('template draft storage', () => {
  it('keeps a draft and gives it back; an empty text clears it', () => {
    const storage = fakeStorage();
    vi.stubGlobal('localStorage', storage);
    expect(saveDraft('Resources: {}')).toBe('kept');
    expect(storage.items.get(DRAFT_KEY)).toBe('Resources: {}');
    expect(loadDraft()).toBe('Resources: {}');
    expect(saveDraft('')).toBe('kept');
    expect(loadDraft()).toBeUndefined();
  });

  it('refuses a text longer than a template may be, and drops the older draft it replaces', () => {
    const storage = fakeStorage();
    vi.stubGlobal('localStorage', storage);
    saveDraft('older');
    expect(saveDraft('x'.repeat(MAX_DRAFT_CHARS + 1))).toBe('too-large');
    expect(loadDraft()).toBeUndefined();
  });

  it('says so when the storage is full, without throwing', () => {
    vi.stubGlobal('localStorage', fakeStorage({ full: true }));
    expect(saveDraft('Resources: {}')).toBe('unavailable');
    expect(loadDraft()).toBeUndefined();
  });

  it('says so when reading localStorage itself throws (storage turned off), without throwing', () => {
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    try {
      expect(saveDraft('Resources: {}')).toBe('unavailable');
      expect(loadDraft()).toBeUndefined();
      expect(() => clearDraft()).not.toThrow();
    } finally {
      Reflect.deleteProperty(globalThis, 'localStorage');
    }
  });
});
