import { CHAPTERS } from './chapters';
import type { Progress } from './progress';

/** "4 of 12 chapters done", as a bar and in words. */
export function ProgressMeter({ progress }: { progress: Progress }) {
  const done = CHAPTERS.filter((c) => progress.has(c.id)).length;
  return (
    <p className="learn-progress">
      <progress max={CHAPTERS.length} value={done} aria-label="Chapters done" />
      <span>
        {done} of {CHAPTERS.length} chapters done
      </span>
    </p>
  );
}
