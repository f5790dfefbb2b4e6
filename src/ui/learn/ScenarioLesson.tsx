import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TraceEntry } from '../../player/create-player';
import { findScenario } from '../../scenarios/catalog';
import { useAppStore, useAppStoreApi } from '../../store/hooks';
import { askingPrediction } from '../../store/learn-gate';
import { Narration } from '../player/Narration';
import { PlayerControls } from '../player/PlayerControls';
import { StepList } from '../player/StepList';
import { ChapterReview } from './ChapterReview';
import type { ScenarioChapter } from './chapters';
import type { ChapterProgress, ProgressApi } from './progress';
import { PredictionForm } from './PredictionForm';
import { PredictionResult } from './PredictionResult';
import { stepName } from './step-name';
import { storedChoice } from './verdict';

const FlowDiagram = lazy(() => import('../diagram/FlowDiagram').then((m) => ({ default: m.FlowDiagram })));

interface Props {
  chapter: ScenarioChapter;
  done: ChapterProgress | undefined;
  record: ProgressApi['record'];
  /** Opened as a finished chapter: it shows the verdict stored for it until the reader predicts again. */
  revisit: boolean;
  /** Forgets the chapter's stored result (the lesson then goes back to its question itself). */
  onPredictAgain(): void;
}

/**
 * A scenario chapter: the player opens the scenario held before its decisive step; at the hold the
 * reader predicts, the step runs, and the engine's own answer is compared with the prediction. A chapter
 * predicted before opens with that step played instead, on the verdict kept for it (ChapterReview).
 */
export function ScenarioLesson({ chapter, done, record, revisit, onPredictAgain }: Props) {
  const store = useAppStoreApi();
  const scenario = findScenario(chapter.scenarioId);
  const decisive = scenario?.steps.findIndex((s) => s.id === chapter.decisiveStepId) ?? -1;
  const step = scenario?.steps[decisive];
  // Read once, as the lesson opens: a chapter finished before opens as it was left, its decisive step
  // played, so the verdict is shown from the engine's own answer; any other opens held before its question.
  const opensFinished = useRef(revisit);
  // Set with the lesson's own scenario load: state from before it (another run of the same scenario,
  // perhaps on a moved clock) is never read as this chapter's answer.
  const [ownRun, setOwnRun] = useState(false);
  useEffect(() => {
    if (decisive < 0) return;
    if (opensFinished.current) store.getState().selectScenario(chapter.scenarioId, decisive + 1);
    else store.getState().startGated(chapter.scenarioId, decisive);
    setOwnRun(true);
  }, [store, chapter.scenarioId, decisive]);
  const { ready, position, held, entry, landed } = useAppStore(
    useShallow((s) => ({
      ready: s.scenarioId === chapter.scenarioId,
      position: s.position,
      // Asked once the step before it has landed: the reader sees that answer first.
      held: s.gate === decisive && s.position === decisive && askingPrediction(s),
      entry: s.entries[decisive],
      landed: s.arrival === 'landed' && !s.busy,
    })),
  );
  const [predicted, setPredicted] = useState<string>();
  const [showDiagram, setShowDiagram] = useState(false);
  const result = predicted !== undefined && ready && position > decisive && landed ? entry : undefined;
  const recorded = useRef(false);
  // A revisit's answer, kept once its run has played it: stepping back in the player leaves the verdict.
  const finished = revisit ? storedChoice(chapter, done) : undefined;
  const replayed = finished && ownRun && ready && position > decisive && landed ? entry : undefined;
  const [kept, setKept] = useState<TraceEntry>();
  useEffect(() => {
    if (replayed) setKept((current) => current ?? replayed);
  }, [replayed]);
  // Predict again: the question takes focus even where it is there as the chapter opens (decisive 0).
  const [again, setAgain] = useState(false);
  // Until the engine's answer is shown, the list keeps the decisive step under its neutral title and
  // the steps after it untitled: "…: allowed", or a later step that pulls again after a refusal, would
  // answer the question before the reader has. A finished chapter has its answer shown already.
  const [revealed, setRevealed] = useState(revisit);
  useEffect(() => {
    if (result) setRevealed(true);
  }, [result]);
  const askedTitle = revealed ? step?.title : (chapter.askedTitle ?? step?.title);
  const titleOf = useCallback(
    (index: number, title: string) =>
      revealed || index < decisive
        ? title
        : index === decisive
          ? (chapter.askedTitle ?? title)
          : 'Shown after your prediction',
    [revealed, decisive, chapter.askedTitle],
  );
  // The step before the question has run but its answer is still travelling: the question follows.
  const arriving = ready && !held && predicted === undefined && position === decisive && decisive > 0;
  const before = scenario?.steps[decisive - 1];
  const predictAgain = () => {
    onPredictAgain();
    recorded.current = false;
    setPredicted(undefined);
    setKept(undefined);
    setRevealed(false);
    setAgain(true);
    // Back to the hold on a fresh run, then straight to the question the reader asked for.
    const state = store.getState();
    state.startGated(chapter.scenarioId, decisive);
    void state.seek(decisive);
  };

  if (!scenario || !step) return <p role="alert">This chapter’s scenario is missing.</p>;
  const decisiveName = stepName(scenario, decisive, askedTitle ?? step.title);
  return (
    <div className="learn__lesson">
      <div className="learn__player">
        <PlayerControls />
        <Narration />
        <details className="learn__diagram" onToggle={(e) => setShowDiagram(e.currentTarget.open)}>
          <summary>Show the diagram</summary>
          {showDiagram ? (
            <Suspense fallback={<p>Loading the diagram…</p>}>
              <FlowDiagram />
            </Suspense>
          ) : null}
        </details>
        <StepList titleOf={titleOf} />
        <p>
          <button
            type="button"
            className="link"
            onClick={() => store.getState().openScenario(scenario.id, store.getState().position)}
          >
            Open “{scenario.title}” in Flows, with the inspector
          </button>
        </p>
      </div>
      <div className="learn__predict">
        {finished ? (
          <ChapterReview
            chapter={chapter}
            step={step}
            predicted={finished}
            storedCorrect={done?.correct}
            entry={kept}
            stepName={decisiveName}
            onCorrected={(correct) => record(chapter.id, { predicted: finished.id, correct })}
            onPredictAgain={predictAgain}
          />
        ) : predicted === undefined ? (
          held ? (
            <PredictionForm
              chapter={chapter}
              stepLabel={step.label}
              stepTitle={askedTitle ?? step.title}
              stepName={decisiveName}
              takeFocus={decisive > 0 || again}
              onPredict={(choice) => {
                setPredicted(choice);
                void store.getState().releaseGate();
              }}
            />
          ) : arriving ? (
            <p className="learn__waiting" role="status">
              The answer to {stepName(scenario, decisive - 1, before?.title ?? '')} is on its way; the
              question comes as soon as it arrives.
            </p>
          ) : (
            <div className="learn__waiting">
              <p>
                <strong>Coming up before {decisiveName}:</strong> a question for you. Play or press Next (→)
                to run the steps before it, or go straight to it.
              </p>
              <button type="button" onClick={() => void store.getState().seek(decisive)} disabled={!ready}>
                Go to the question
              </button>
              {done ? (
                <p className="learn__done-before">
                  Done before: you predicted {done.correct ? 'right' : 'wrong'}.
                </p>
              ) : null}
            </div>
          )
        ) : result ? (
          <PredictionResult
            chapter={chapter}
            step={step}
            entry={result}
            predicted={predicted}
            onShown={(correct) => {
              if (recorded.current) return;
              recorded.current = true;
              record(chapter.id, { predicted, correct });
            }}
            onPredictAgain={predictAgain}
          />
        ) : position <= decisive && landed ? (
          <p className="learn__running">
            You predicted: {chapter.choices.find((c) => c.id === predicted)?.label}. Press Next (→) to run
            {decisiveName} again and see the answer.
          </p>
        ) : (
          <p className="learn__running" role="status">
            Running step {step.label}: {askedTitle}…
          </p>
        )}
      </div>
    </div>
  );
}
