import type { StateCreator } from 'zustand/vanilla';
import type { PlayerSlice, View, ViewSlice } from '../types';

/** Which view of the app is open (Flows, STS gallery, Sync …); the URL carries it. */
export function createViewSlice({
  initial = 'flow',
  chapterId,
}: {
  initial?: View;
  /** The Learn chapter a link opened (kept only when the link opens the Learn view). */
  chapterId?: string;
} = {}): StateCreator<ViewSlice & Pick<PlayerSlice, 'gate'>, [], [], ViewSlice> {
  return (set, get) => ({
    view: initial,
    chapterId: initial === 'learn' ? chapterId : undefined,
    setView(view) {
      // A chapter's hold belongs to the Learn view; elsewhere the player runs freely.
      set(
        view === 'learn'
          ? { view, focusRequest: undefined }
          : { view, gate: undefined, focusRequest: undefined },
      );
    },
    openChapter(chapterId) {
      set({ view: 'learn', chapterId, focusRequest: undefined });
    },
    requestFocus(target) {
      set({ focusRequest: target });
    },
    focusTaken(target) {
      if (get().focusRequest === target) set({ focusRequest: undefined });
    },
  });
}
