import type { StateCreator } from 'zustand/vanilla';
import type { View, ViewSlice } from '../types';

/** Which view of the app is open (Flows, STS gallery, Sync …); the URL carries it. */
export function createViewSlice({
  initial = 'flow',
}: {
  initial?: View;
} = {}): StateCreator<ViewSlice, [], [], ViewSlice> {
  return (set) => ({
    view: initial,
    setView(view) {
      set({ view });
    },
  });
}
