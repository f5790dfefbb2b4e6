import type { StateCreator } from 'zustand/vanilla';
import type { InspectorSlice } from '../types';

/** What the inspector shows: its tab, the reader's secret toggle and the diagram box they clicked. */
export function createInspectorSlice(): StateCreator<InspectorSlice, [], [], InspectorSlice> {
  return (set, get) => ({
    tab: 'narration',
    revealSecrets: false,
    selectActor(actor) {
      set({ selectedActor: actor, tab: 'component' });
    },
    setTab(tab) {
      set({ tab });
    },
    toggleSecrets() {
      set({ revealSecrets: !get().revealSecrets });
    },
  });
}
