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
});
