/**
 * What another tab or another version of the app left in storage is read as untrusted: a stored stack of
 * the wrong shape is no stored stack, and a draft too long to be a template is not shown; a tab that
 * imports never deletes the draft another tab is still typing.
 */
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  clearDraft,
  DRAFT_KEY,
  loadDraft,
  loadStack,
  MAX_DRAFT_CHARS,
  STACK_DB,
  saveDraft,
  saveStack,
} from '../../src/ui/stack/stack-storage';

/** Writes `value` where saveStack keeps the current stack, as another version of the app might. */
async function storeRaw(value: unknown): Promise<void> {
  await saveStack({ text: 'x', name: 'x', parameters: {} });
  const db = await openDB(STACK_DB);
  await db.put('templates', value, 'current');
  db.close();
}

describe('the stored stack, as another tab or version left it', () => {
  it('reads back what saveStack kept', async () => {
    await saveStack({ text: 'Resources: {}', name: 'a.yaml', parameters: { Env: 'prod' } });
    expect(await loadStack()).toEqual({ text: 'Resources: {}', name: 'a.yaml', parameters: { Env: 'prod' } });
  });

  it.each([
    ['a string', 'Resources: {}'],
    ['null', null],
    ['text that is not a string', { text: 42, name: 'a', parameters: {} }],
    ['a name that is an object', { text: 'Resources: {}', name: { a: 1 }, parameters: {} }],
    ['parameters that are null', { text: 'Resources: {}', name: 'a', parameters: null }],
    [
      'text longer than a template may be',
      { text: 'x'.repeat(MAX_DRAFT_CHARS + 1), name: 'a', parameters: {} },
    ],
  ])('reads %s as nothing stored', async (_, value) => {
    await storeRaw(value);
    expect(await loadStack()).toBeUndefined();
  });

  it('keeps only parameter values that are text, in a record with no prototype', async () => {
    await storeRaw({
      text: 'Resources: {}',
      name: 'a',
      parameters: JSON.parse('{"Env": "prod", "Count": 3, "__proto__": "p", "Bad": {"a": 1}}'),
    });
    const saved = await loadStack();
    expect(Object.getPrototypeOf(saved?.parameters)).toBeNull();
    expect({ ...saved?.parameters }).toEqual(JSON.parse('{"Env": "prod", "__proto__": "p"}'));
  });
});

/** A localStorage shared by two "tabs" in one test. */
function sharedStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

describe('the template draft, with two tabs', () => {
  beforeEach(() => vi.stubGlobal('localStorage', sharedStorage()));
  afterEach(() => vi.unstubAllGlobals());

  it("clearing this tab's draft leaves a draft another tab has written since", () => {
    saveDraft('tab A typing');
    // Tab B imports its text: it clears only the draft it wrote itself (none).
    clearDraft('tab B draft');
    expect(loadDraft()).toBe('tab A typing');
    clearDraft('tab A typing');
    expect(loadDraft()).toBeUndefined();
  });

  it("a draft too long to keep drops this tab's older draft, not another tab's", () => {
    saveDraft('tab A typing');
    expect(saveDraft('x'.repeat(MAX_DRAFT_CHARS + 1), 'tab B older')).toBe('too-large');
    expect(loadDraft()).toBe('tab A typing');
  });

  it('a stored draft longer than a template may be is not shown, and not deleted', () => {
    localStorage.setItem(DRAFT_KEY, 'y'.repeat(MAX_DRAFT_CHARS + 1));
    expect(loadDraft()).toBeUndefined();
    expect(localStorage.getItem(DRAFT_KEY)?.length).toBe(MAX_DRAFT_CHARS + 1);
  });
});

describe('each tab keeps its own stack and draft (sessionStorage names the tab)', () => {
  const tabA = sharedStorage();
  const tabB = sharedStorage();
  /** Runs `work` as if in the tab whose sessionStorage is `tab`. */
  const inTab = async <T>(tab: ReturnType<typeof sharedStorage>, work: () => T | Promise<T>) => {
    vi.stubGlobal('sessionStorage', tab);
    return work();
  };
  beforeEach(() => vi.stubGlobal('localStorage', sharedStorage()));
  afterEach(() => vi.unstubAllGlobals());

  it('two tabs importing different templates each get theirs back; a new tab opens with the last one', async () => {
    await inTab(tabA, () => saveStack({ text: 'Resources: {A: 1}', name: 'a.yaml', parameters: {} }));
    await inTab(tabB, () => saveStack({ text: 'Resources: {B: 1}', name: 'b.yaml', parameters: {} }));
    expect((await inTab(tabA, loadStack))?.name).toBe('a.yaml');
    expect((await inTab(tabB, loadStack))?.name).toBe('b.yaml');
    expect((await inTab(sharedStorage(), loadStack))?.name).toBe('b.yaml');
  });

  it('keeps the stacks of the eight most recent tabs only', async () => {
    const tabs = Array.from({ length: 10 }, () => sharedStorage());
    for (const [i, tab] of tabs.entries()) {
      await inTab(tab, () =>
        saveStack({ text: `Resources: {T${i}: 1}`, name: `t${i}.yaml`, parameters: {} }),
      );
      await new Promise((r) => setTimeout(r, 2));
    }
    const db = await openDB(STACK_DB);
    const keys = (await db.getAllKeys('templates')).filter((k) => String(k).startsWith('tab:'));
    db.close();
    expect(keys.length).toBe(8);
    // The oldest tab's own record is gone: it opens with the last import of any tab.
    expect((await inTab(tabs[0] as ReturnType<typeof sharedStorage>, loadStack))?.name).toBe('t9.yaml');
    expect((await inTab(tabs[2] as ReturnType<typeof sharedStorage>, loadStack))?.name).toBe('t2.yaml');
  });

  it("two tabs typing each get their own draft back after a reload; an import clears this tab's only", async () => {
    await inTab(tabA, () => saveDraft('tab A typing'));
    await inTab(tabB, () => saveDraft('tab B typing'));
    expect(await inTab(tabA, loadDraft)).toBe('tab A typing');
    expect(await inTab(tabB, loadDraft)).toBe('tab B typing');
    // A new tab opens with the last draft any tab kept.
    expect(await inTab(sharedStorage(), loadDraft)).toBe('tab B typing');
    // Tab A imports its text: its draft is cleared, and its reload shows none, not tab B's.
    await inTab(tabA, () => clearDraft('tab A typing'));
    expect(await inTab(tabA, loadDraft)).toBeUndefined();
    expect(await inTab(tabB, loadDraft)).toBe('tab B typing');
  });
});
