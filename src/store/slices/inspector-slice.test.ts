import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createInspectorSlice } from './inspector-slice';

describe('inspector slice, built alone', () => {
  it('starts on the narration with secrets masked', () => {
    const store = createStore(createInspectorSlice());
    expect(store.getState()).toMatchObject({ tab: 'narration', revealSecrets: false });
    expect(store.getState().selectedActor).toBeUndefined();
  });

  it('clicking a diagram box selects it and opens the component tab', () => {
    const store = createStore(createInspectorSlice());
    store.getState().selectActor('sts');
    expect(store.getState()).toMatchObject({ selectedActor: 'sts', tab: 'component' });
  });

  it('the secrets toggle flips each time', () => {
    const store = createStore(createInspectorSlice());
    store.getState().toggleSecrets();
    expect(store.getState().revealSecrets).toBe(true);
    store.getState().toggleSecrets();
    expect(store.getState().revealSecrets).toBe(false);
  });
});
