import { useEffect, useRef, useState } from 'react';
import { useAppStoreApi } from '../../store/hooks';
import { REVIEW_HEADING_ID } from './ChapterReview';
import { chapterHref, followInApp } from './chapter-link';
import { CHAPTERS, type Chapter, type LabLink } from './chapters';
import type { ProgressApi } from './progress';
import { ProgressMeter } from './ProgressMeter';
import { ScenarioLesson } from './ScenarioLesson';
import { storedChoice } from './verdict';

/** Buttons that open the app's labs; `onOpen` runs first (a lab chapter counts as done when opened). */
function LabLinks({ labs, onOpen }: { labs: LabLink[]; onOpen?: () => void }) {
  const store = useAppStoreApi();
  return (
    <ul className="learn__labs">
      {labs.map((lab) => (
        <li key={lab.view}>
          <button
            type="button"
            className="primary"
            onClick={() => {
              onOpen?.();
              store.getState().setView(lab.view);
            }}
          >
            {lab.label}
          </button>{' '}
          <span>{lab.what}</span>
        </li>
      ))}
    </ul>
  );
}

/** One chapter: its framing, then the lesson (a scenario with a prediction, or a lab to open). */
export function ChapterView({ chapter, progress, record, forget }: { chapter: Chapter } & ProgressApi) {
  const store = useAppStoreApi();
  const heading = useRef<HTMLHeadingElement>(null);
  // A scenario chapter whose prediction is stored reopens on its verdict until the reader predicts again;
  // any other opens held before its question, so a link never shows an answer the reader has not earned.
  const [revisit, setRevisit] = useState(
    () => chapter.kind === 'scenario' && storedChoice(chapter, progress.get(chapter.id)) !== undefined,
  );
  // A chapter opened (from the list, a link or Back) starts reading at its title. On a revisit the title
  // is described by the verdict's heading, so a screen reader says at once how it went, with no focus move.
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const index = CHAPTERS.indexOf(chapter);
  const next = CHAPTERS[index + 1];
  return (
    <section className="view learn learn--chapter" aria-labelledby="chapter-title">
      <div className="learn__top">
        <a
          href={chapterHref()}
          onClick={(e) => followInApp(e, () => store.getState().openChapter(undefined))}
        >
          ← All chapters
        </a>
        <ProgressMeter progress={progress} />
      </div>
      <p className="learn__eyebrow">
        Chapter {index + 1} of {CHAPTERS.length}
      </p>
      <h2
        id="chapter-title"
        tabIndex={-1}
        ref={heading}
        aria-describedby={revisit ? REVIEW_HEADING_ID : undefined}
      >
        {chapter.title}
      </h2>
      <p className="learn__framing">{chapter.framing}</p>
      {chapter.kind === 'scenario' ? (
        <>
          <ScenarioLesson
            chapter={chapter}
            done={progress.get(chapter.id)}
            record={record}
            revisit={revisit}
            onPredictAgain={() => {
              forget(chapter.id);
              setRevisit(false);
            }}
          />
          {chapter.labs ? (
            <>
              <h3>Try it in the labs</h3>
              <LabLinks labs={chapter.labs} />
            </>
          ) : null}
        </>
      ) : (
        <LabLinks labs={chapter.labs} onOpen={() => record(chapter.id, {})} />
      )}
      {next ? (
        <p className="learn__next">
          <a
            href={chapterHref(next.id)}
            onClick={(e) => followInApp(e, () => store.getState().openChapter(next.id))}
          >
            Next chapter: {next.title} →
          </a>
        </p>
      ) : (
        <p className="learn__next">That was the last chapter.</p>
      )}
    </section>
  );
}
