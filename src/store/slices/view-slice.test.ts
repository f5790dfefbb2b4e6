import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createViewSlice } from './view-slice';

describe('view slice, built alone', () => {
  it('opens on Flows unless told otherwise, and switches views', () => {
    expect(createStore(createViewSlice()).getState().view).toBe('flow');
    const store = createStore(createViewSlice({ initial: 'appsync' }));
    expect(store.getState().view).toBe('appsync');
    store.getState().setView('sync');
    expect(store.getState().view).toBe('sync');
  });

  it('keeps a focus request until the control it names takes the focus', () => {
    const store = createStore(createViewSlice({ initial: 'sts' }));
    store.getState().requestFocus('scenario-picker');
    expect(store.getState().focusRequest).toBe('scenario-picker');
    store.getState().focusTaken('scenario-picker');
    expect(store.getState().focusRequest).toBeUndefined();
  });

  it('drops a focus request nobody took when the reader changes view', () => {
    const store = createStore(createViewSlice({ initial: 'sts' }));
    store.getState().requestFocus('scenario-picker');
    store.getState().setView('sync');
    expect(store.getState().focusRequest).toBeUndefined();
    store.getState().requestFocus('scenario-picker');
    store.getState().openChapter('signing-out');
    expect(store.getState().focusRequest).toBeUndefined();
  });
});
