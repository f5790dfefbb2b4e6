import { lazy, Suspense, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { findScenario } from '../../scenarios/catalog';
import { useAppStore } from '../../store/hooks';
import { afterNextPaint } from '../common/after-paint';
import { NARROW_SCREEN, useMediaQuery } from '../common/use-media-query';
import type { buildGraph, Orientation } from './build-graph';
import { DiagramCaption } from './DiagramCaption';
import { createGraphCache } from './graph-cache';
import { type StepData, stepDataOf, structureOf } from './step-data';
import { diagramAspect, drawingFrame, useFirstScreenRoom } from './use-first-screen';
import { useWarmGraphs } from './use-warm-graphs';

/**
 * The drawing loads after the first screen's words are painted: its download, parse and first render
 * wait for that paint instead of delaying it. (React Flow's pane loads later still: see FlowCanvas.)
 */
const FlowCanvas = lazy(() => afterNextPaint().then(() => import('./FlowCanvas')));
const EMPTY_GRAPH: ReturnType<typeof buildGraph> = {
  nodes: [],
  edges: [],
  bounds: { x: 0, y: 0, w: 0, h: 0 },
};

/**
 * Until the drawing's chunk has loaded: the caption row (the same caption, the zoom buttons not yet
 * usable) and the canvas at the size the drawing will take, so nothing moves when it arrives.
 */
function CanvasPlaceholder({ graph }: { graph: ReturnType<typeof buildGraph> }) {
  return (
    <>
      <div className="diagram__bar">
        <DiagramCaption edges={graph.edges} />
        <span className="diagram__zoom">
          <button type="button" aria-label="Zoom in" disabled>
            +
          </button>
          <button type="button" aria-label="Zoom out" disabled>
            −
          </button>
          <button type="button" aria-label="Fit the whole diagram" disabled>
            Fit
          </button>
        </span>
      </div>
      <div className="diagram__canvas" />
    </>
  );
}

/**
 * The pipeline diagram. The packet moves itself per animation frame (see DiagramLines). Each box is a
 * button (Tab, then Enter explains it).
 */
export function FlowDiagram() {
  const { scenarioId, entries, position, clock, arrival, clockJumps, settled } = useAppStore(
    useShallow((s) => ({
      scenarioId: s.scenarioId,
      entries: s.entries,
      position: s.position,
      clock: s.clock,
      arrival: s.arrival,
      clockJumps: s.clockJumps,
      settled: !s.busy && s.status !== 'playing' && s.arrival === 'landed',
    })),
  );
  const scenario = findScenario(scenarioId);
  // Phones stand the pipeline on end: every box in view at a readable size, none off to the side.
  // The section's markup is the same either way (the drawing is client-rendered; the canvas's shape is
  // set from an effect), so hydration can use the reader's answer: no second render right after it.
  const narrow = useMediaQuery(NARROW_SCREEN, { sameMarkup: true });
  const orientation: Orientation = narrow ? 'vertical' : 'horizontal';
  // What this step changes, for the boxes and lines themselves (step-data.ts). Built when the step, the
  // trace, the packet's arrival or the simulation clock changes (never per animation frame), once per
  // step shown: going back to a step reuses its graph.
  const [graphs] = useState(createGraphCache);
  const shown = useMemo(
    () => (scenario ? { scenario, entries, position, clock, arrival, orientation } : undefined),
    [scenario, entries, position, clock, arrival, orientation],
  );
  const graph = useMemo(() => (shown ? graphs.graphFor(shown) : EMPTY_GRAPH), [graphs, shown]);
  // The other steps already run are drawn ahead while the browser is idle.
  useWarmGraphs(graphs, shown, clockJumps, settled);
  // The drawing's structure: the boxes and lines of the whole scenario, the same object at every step.
  const structure = useMemo(
    () => (scenario ? graphs.structureFor(scenario, orientation, graph) : structureOf(EMPTY_GRAPH)),
    [graphs, scenario, orientation, graph],
  );
  const previous = useRef<StepData | undefined>(undefined);
  // The previous step's objects are kept for what did not change: only changed boxes and lines render.
  const stepData = useMemo(() => stepDataOf(graph, previous.current), [graph]);
  useEffect(() => {
    previous.current = stepData;
  }, [stepData]);
  // One frame per scenario (every step's labels inside it): the zoom stays put as the steps go by.
  // It depends on the scenario and orientation only: a step (a seek) does not rebuild every step's graph.
  const frame = useMemo(
    () => (scenario ? drawingFrame(scenario, orientation) : { x: 0, y: 0, w: 0, h: 0 }),
    [scenario, orientation],
  );
  const section = useRef<HTMLElement>(null);
  useFirstScreenRoom(section, !narrow);
  // The canvas takes the drawing's shape. Set through the CSSOM, not a style attribute: the page's CSP
  // refuses style attributes in the prerendered HTML, and the app hydrates that HTML as it is.
  const aspect = diagramAspect(frame);
  useLayoutEffect(() => {
    section.current?.style.setProperty('--diagram-aspect', aspect);
  }, [aspect]);
  // On touch screens a swipe scrolls the page, as everywhere else; React Flow's own panning would
  // capture it. The zoom buttons still work. (Only the canvas uses it, rendered in the browser.)
  const touch = useMediaQuery('(pointer: coarse)', { sameMarkup: true });
  return (
    <section ref={section} className="diagram" aria-label={`Diagram: ${scenario?.title ?? ''}`}>
      <Suspense fallback={<CanvasPlaceholder graph={graph} />}>
        <FlowCanvas structure={structure} step={stepData} edges={graph.edges} frame={frame} touch={touch} />
      </Suspense>
    </section>
  );
}
