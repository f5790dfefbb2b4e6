import { useEffect, useId, useRef, useState } from 'react';
import type { ScenarioChapter } from './chapters';

interface Props {
  chapter: ScenarioChapter;
  stepLabel: string;
  stepTitle: string;
  /** The step as the button names it: "step 2", or with its title where its label is shared. */
  stepName: string;
  /** False when the question is there as the chapter opens (its title takes focus then). */
  takeFocus: boolean;
  onPredict(choiceId: string): void;
}

/**
 * The question asked while playback is held before the decisive step: a radio group and one button
 * that runs the step. The group takes focus when it appears, so a keyboard reader answers with the
 * arrow keys and Enter without hunting for it.
 */
export function PredictionForm({ chapter, stepLabel, stepTitle, stepName, takeFocus, onPredict }: Props) {
  const [choice, setChoice] = useState<string>();
  const group = useRef<HTMLFieldSetElement>(null);
  const name = useId();
  useEffect(() => {
    if (takeFocus) group.current?.querySelector('input')?.focus();
  }, [takeFocus]);
  return (
    <form
      className="learn__prompt"
      aria-describedby={`${name}-hint`}
      onSubmit={(e) => {
        e.preventDefault();
        if (choice) onPredict(choice);
      }}
    >
      <p className="learn__held" id={`${name}-hint`} role="status">
        Playback is waiting for your prediction before step {stepLabel}, “{stepTitle}”.
      </p>
      <fieldset ref={group}>
        <legend>{chapter.question}</legend>
        {chapter.choices.map((c) => (
          <label key={c.id} className="learn__choice">
            <input
              type="radio"
              name={name}
              value={c.id}
              checked={choice === c.id}
              onChange={() => setChoice(c.id)}
            />
            <span>{c.label}</span>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="primary" disabled={!choice}>
        Run {stepName} and check my prediction
      </button>
    </form>
  );
}
