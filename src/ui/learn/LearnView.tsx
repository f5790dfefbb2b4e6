import { useCallback, useEffect, useState } from 'react';
import { useAppStore, useAppStoreApi } from '../../store/hooks';
import { formatUrlState } from '../../store/url-state';
import { ChapterList } from './ChapterList';
import { ChapterView } from './ChapterView';
import { CHAPTERS, findChapter } from './chapters';
import {
  type ChapterProgress,
  forgetChapter,
  loadProgress,
  type Progress,
  type ProgressApi,
  recordChapter,
  resetProgress,
  watchProgress,
} from './progress';
import './learn.css';

const CHAPTER_IDS = CHAPTERS.map((c) => c.id);

/** The Learn path: the chapter list, or one chapter when the link names it (`?view=learn&chapter=…`). */
export default function LearnView() {
  const chapterId = useAppStore((s) => s.chapterId);
  const [progress, setProgress] = useState<Progress>(() => loadProgress(CHAPTER_IDS));
  const record = useCallback((id: string, item: ChapterProgress) => {
    setProgress((current) => recordChapter(current, id, item));
  }, []);
  const forget = useCallback((id: string) => {
    setProgress((current) => forgetChapter(current, id));
  }, []);
  const reset = useCallback(() => setProgress(resetProgress()), []);
  // Another tab's Learn view writes the same record: show its chapters here as they are done.
  useEffect(() => watchProgress(CHAPTER_IDS, setProgress), []);
  const api: ProgressApi = { progress, record, forget, reset };
  const chapter = findChapter(chapterId);
  const store = useAppStoreApi();
  const unknown = chapterId !== undefined && !chapter;
  useEffect(() => {
    if (!unknown) return;
    // An unknown chapter in a link falls back to the list (the link parser checks only an id's shape; the
    // chapters load with this view). The address bar is corrected in place to the list's link first, so
    // the store's change that follows finds it already there and adds no history entry.
    const state = store.getState();
    const list = formatUrlState({
      view: 'learn',
      scenarioId: state.scenarioId,
      identity: state.identity,
      step: state.position,
    });
    history.replaceState(history.state, '', list);
    state.openChapter(undefined);
  }, [unknown, store]);
  return chapter ? <ChapterView key={chapter.id} chapter={chapter} {...api} /> : <ChapterList {...api} />;
}
