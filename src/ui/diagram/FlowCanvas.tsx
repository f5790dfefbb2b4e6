import {
  lazy,
  memo,
  Suspense,
  startTransition,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { DiagramBoxes } from './boxes/DiagramBoxes';
import type { buildGraph } from './build-graph';
import { DiagramCaption } from './DiagramCaption';
import type { Box } from './layout';
import { DiagramLines } from './lines/DiagramLines';
import type { PanZoomApi } from './PanZoom';
import type { StepData, structureOf } from './step-data';
import { createViewportHub, type Viewport, type ViewportHub } from './viewport-hub';

/**
 * React Flow (its module, d3's zoom, its store) loads when the reader first reaches for the diagram: a
 * mouse over the canvas, or a zoom button. Until then the drawing is the layers alone, at the fitted
 * viewport. On a phone, with 4× slower CPU, React Flow's module and mount were most of the page's
 * blocking time after its first paint, for a pane a reader who only reads never uses.
 */
const PanZoom = lazy(() => import('./PanZoom'));
const FIT_PADDING = 0.015;
const MAX_FIT_ZOOM = 1.15;

/** The viewport that fits the frame (boxes, routes and labels) into a canvas of this size. */
function viewportFor(size: { width: number; height: number }, frame: Box): Viewport | null {
  const { x, y, w, h } = frame;
  if (size.width === 0 || size.height === 0 || w === 0) return null;
  const zoom = Math.min(
    MAX_FIT_ZOOM,
    size.width / (w * (1 + 2 * FIT_PADDING)),
    size.height / (h * (1 + 2 * FIT_PADDING)),
  );
  return { x: (size.width - w * zoom) / 2 - x * zoom, y: (size.height - h * zoom) / 2 - y * zoom, zoom };
}

/**
 * What the zoom buttons, the fit and the canvas's resizes do: through React Flow once it is mounted
 * (its store then moves the hub), on the hub directly before. A zoom step asked for before React Flow
 * has loaded waits for it.
 */
function useViewportControl(hub: ViewportHub) {
  const [wanted, setWanted] = useState(false);
  const [actions] = useState(() => {
    let api: PanZoomApi | null = null;
    const waiting: ((api: PanZoomApi) => void)[] = [];
    const want = () => startTransition(() => setWanted(true));
    return {
      want,
      onReady(ready: PanZoomApi | null) {
        api = ready;
        if (ready) for (const action of waiting.splice(0)) action(ready);
      },
      setViewport(viewport: Viewport) {
        if (api) void api.setViewport(viewport);
        else hub.set(viewport);
      },
      /** A zoom step: React Flow's (d3's zoom keeps its own transform, so only React Flow zooms). */
      zoom(action: (api: PanZoomApi) => void) {
        if (api) action(api);
        else {
          waiting.push(action);
          want();
        }
      },
    };
  });
  return { wanted, actions };
}
/**
 * The viewport's actions: one object for the canvas's life, so the memoised parts given it never render
 * again because of it.
 */
type ViewportControl = ReturnType<typeof useViewportControl>['actions'];

/**
 * Fits the frame again whenever the canvas changes size. The drawing starts at the fitted viewport
 * (FlowCanvas measures the canvas first), so the observer's first call, for the size it started at,
 * changes nothing and is skipped.
 */
const FitToBounds = memo(function FitToBounds({
  bounds,
  canvas,
  fittedTo,
  control,
}: {
  bounds: Box;
  canvas: React.RefObject<HTMLDivElement | null>;
  fittedTo: { width: number; height: number };
  control: ViewportControl;
}) {
  const { x, y, w, h } = bounds;
  const { setViewport } = control;
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const frame = { x, y, w, h };
    let last = `${fittedTo.width}x${fittedTo.height}`;
    // The observer reports the canvas's size itself (no layout forced to read it), once at the start.
    const observer = new ResizeObserver(([entry]) => {
      const box = entry?.borderBoxSize[0];
      if (!box) return;
      const size = { width: box.inlineSize, height: box.blockSize };
      if (`${size.width}x${size.height}` === last) return;
      last = `${size.width}x${size.height}`;
      const viewport = viewportFor(size, frame);
      if (viewport) setViewport(viewport);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [setViewport, canvas, x, y, w, h, fittedTo]);
  return null;
});

/** Zoom buttons in the caption row, above the drawing (never over the boxes). */
const ZoomButtons = memo(function ZoomButtons({
  frame,
  canvas,
  control,
}: {
  frame: Box;
  canvas: React.RefObject<HTMLDivElement | null>;
  control: ViewportControl;
}) {
  const fit = () => {
    const viewport = canvas.current && viewportFor(canvas.current.getBoundingClientRect(), frame);
    if (viewport) control.setViewport(viewport);
  };
  return (
    <span className="diagram__zoom">
      <button type="button" aria-label="Zoom in" onClick={() => control.zoom((api) => void api.zoomIn())}>
        +
      </button>
      <button type="button" aria-label="Zoom out" onClick={() => control.zoom((api) => void api.zoomOut())}>
        −
      </button>
      <button type="button" aria-label="Fit the whole diagram" onClick={fit}>
        Fit
      </button>
    </span>
  );
});

/**
 * React Flow's credit, in its own place and style, shown whether or not its pane has loaded yet (PanZoom
 * hides its own copy so that it is never shown twice).
 */
const ReactFlowCredit = memo(function ReactFlowCredit() {
  return (
    <div className="react-flow__panel react-flow__attribution bottom right">
      <a
        href="https://reactflow.dev"
        target="_blank"
        rel="noopener noreferrer"
        aria-label="React Flow attribution"
      >
        React Flow
      </a>
    </div>
  );
});

interface Start {
  frame: Box;
  size: { width: number; height: number };
  viewport: Viewport;
}

/**
 * The layers of the drawing: lines under the boxes, the packets' words over them. A step changes only
 * `step`, whose unchanged boxes and lines keep their objects: only the changed ones render again.
 */
const Drawing = memo(function Drawing({
  structure,
  lines,
  step,
  hub,
  frame,
}: {
  structure: ReturnType<typeof structureOf>;
  lines: readonly string[];
  step: StepData;
  hub: ViewportHub;
  frame: Box;
}) {
  return (
    <>
      <DiagramLines ids={lines} step={step} hub={hub} part="lines" frame={frame} />
      <DiagramBoxes nodes={structure.nodes} step={step} hub={hub} />
      <DiagramLines ids={lines} step={step} hub={hub} part="words" frame={frame} />
    </>
  );
});

/**
 * The diagram's caption row with the zoom buttons, and its canvas, in a chunk of their own: they load
 * after the first screen's words are painted (FlowDiagram shows a placeholder of the same size until
 * then).
 */
export default function FlowCanvas({
  structure,
  step,
  edges,
  frame,
  touch,
}: {
  /** The scenario's boxes and lines (the same at every step). */
  structure: ReturnType<typeof structureOf>;
  /** What this step changes in them (step-data.ts). */
  step: StepData;
  /** This step's lines, for the caption. */
  edges: ReturnType<typeof buildGraph>['edges'];
  frame: Box;
  touch: boolean;
}) {
  const canvas = useRef<HTMLDivElement>(null);
  const [hub] = useState(() => createViewportHub({ x: 0, y: 0, zoom: 1 }));
  const { wanted, actions: control } = useViewportControl(hub);
  // The canvas is measured before the drawing mounts, so it starts at the fitted viewport.
  // A new scenario or orientation is a new frame, fitted to the canvas again.
  const [start, setStart] = useState<Start | null>(null);
  const lines = useMemo(() => structure.edges.map((edge) => edge.id), [structure]);
  const { setViewport } = control;
  useLayoutEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const rect = el.getBoundingClientRect();
    const size = { width: rect.width, height: rect.height };
    const viewport = viewportFor(size, frame) ?? { x: 0, y: 0, zoom: 1 };
    setViewport(viewport);
    // A transition: the drawing's first render (every box and line) runs in short slices.
    startTransition(() => setStart({ frame, size, viewport }));
  }, [frame, setViewport]);
  // A mouse over the canvas (never a touch: panning is off on touch screens) loads React Flow's pane.
  const reach =
    wanted || touch
      ? undefined
      : (event: React.PointerEvent) => {
          if (event.pointerType !== 'touch') control.want();
        };
  return (
    <>
      <div className="diagram__bar">
        <DiagramCaption edges={edges} />
        <ZoomButtons frame={frame} canvas={canvas} control={control} />
      </div>
      <div className="diagram__canvas" ref={canvas} onPointerMove={reach} onPointerDown={reach}>
        {wanted && start ? (
          <Suspense fallback={null}>
            <PanZoom hub={hub} touch={touch} onReady={control.onReady} />
          </Suspense>
        ) : null}
        {start?.frame === frame ? (
          <>
            <Drawing structure={structure} lines={lines} step={step} hub={hub} frame={start.frame} />
            <FitToBounds bounds={start.frame} canvas={canvas} fittedTo={start.size} control={control} />
          </>
        ) : null}
        <ReactFlowCredit />
      </div>
    </>
  );
}
