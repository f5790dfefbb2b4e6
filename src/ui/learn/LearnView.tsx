import { useCallback, useState } from 'react';
import { useAppStore } from '../../store/hooks';
import { ChapterList } from './ChapterList';
import { ChapterView } from './ChapterView';
import { CHAPTERS, findChapter } from './chapters';
import {
  type ChapterProgress,
  loadProgress,
  type Progress,
  type ProgressApi,
  recordChapter,
  resetProgress,
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
  const reset = useCallback(() => setProgress(resetProgress()), []);
  const api: ProgressApi = { progress, record, reset };
  const chapter = findChapter(chapterId);
  // An unknown chapter in a link falls back to the list (the id was only checked for shape).
  return chapter ? <ChapterView key={chapter.id} chapter={chapter} {...api} /> : <ChapterList {...api} />;
}
