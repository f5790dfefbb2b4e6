import { useAppStoreApi } from '../../store/hooks';
import { chapterHref, followInApp } from './chapter-link';
import { CHAPTERS } from './chapters';
import type { ProgressApi } from './progress';
import { ProgressMeter } from './ProgressMeter';

function statusOf(item: { predicted?: string; correct?: boolean } | undefined): string {
  if (!item) return 'Not done';
  if (item.correct === undefined) return 'Done';
  return item.correct ? 'Done · predicted right' : 'Done · predicted wrong';
}

/** The Learn path's table of contents: every chapter in order, with the reader's progress. */
export function ChapterList({ progress, reset }: ProgressApi) {
  const store = useAppStoreApi();
  return (
    <section className="view learn" aria-labelledby="learn-title">
      <h2 id="learn-title">Learn</h2>
      <p className="learn__intro">
        Twelve short chapters, each built on a scenario of the app. In each, playback stops before the step
        that decides the chapter and you predict what AWS will answer; then the step runs against the
        simulated cloud and you see its real answer and why. About fifteen minutes in all.
      </p>
      <div className="learn__progress-bar">
        <ProgressMeter progress={progress} />
        <button type="button" onClick={reset} disabled={progress.size === 0}>
          Reset progress
        </button>
      </div>
      <ol className="learn__chapters">
        {CHAPTERS.map((chapter, index) => {
          const item = progress.get(chapter.id);
          return (
            <li key={chapter.id} className={item ? 'is-done' : undefined}>
              <a
                href={chapterHref(chapter.id)}
                onClick={(e) => followInApp(e, () => store.getState().openChapter(chapter.id))}
              >
                <span className="learn__number">{index + 1}</span>
                <span className="learn__chapter-title">{chapter.title}</span>
                <span className="learn__status">{statusOf(item)}</span>
              </a>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
