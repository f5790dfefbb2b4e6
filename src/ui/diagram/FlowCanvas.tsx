import {
  ReactFlow,
  ReactFlowProvider,
  type ReactFlowInstance,
  useReactFlow,
  useStoreApi,
  type Viewport,
} from '@xyflow/react';
import { memo, startTransition, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { buildGraph } from './build-graph';
import { DiagramCaption } from './DiagramCaption';
import type { Box } from './layout';
import { DiagramLines } from './lines/DiagramLines';
import { ServiceNode } from './nodes/ServiceNode';
import type { structureOf } from './step-data';

// Module scope: React Flow re-mounts every node when this object changes identity.
const nodeTypes = { service: ServiceNode };
const FIT_PADDING = 0.015;
const MAX_FIT_ZOOM = 1.15;
const PRO = { hideAttribution: false };
/**
 * React Flow turns pointer events off on nodes that are neither selectable, draggable nor clickable;
 * the boxes are buttons (ServiceNode handles the click), so a node click handler keeps them reachable.
 */
const LET_BOX_BUTTONS_TAKE_CLICKS = () => {};
/*
 * The key codes are null: nothing here is deleted, selected or moved by key, and each key code given
 * (React Flow has defaults) is a window keydown and keyup listener that ran on every key, the arrows
 * that step the flow included. The boxes are the page's own buttons, so React Flow's keyboard layer
 * (disableKeyboardA11y) has nothing to move either.
 */

/** The viewport that fits the frame (boxes, routes and labels; React Flow's fitView sees boxes only) into a canvas of this size. */
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

function fitFrame(flow: Pick<ReactFlowInstance, 'setViewport'>, el: HTMLElement, frame: Box) {
  const viewport = viewportFor(el.getBoundingClientRect(), frame);
  if (viewport) void flow.setViewport(viewport);
}

/**
 * Fits the frame again whenever the canvas changes size. React Flow starts at the fitted viewport
 * (FlowCanvas measures the canvas first), so the observer's first call, for the size it started at,
 * changes nothing and is skipped: each fit moves d3's zoom and re-renders every box and line.
 */
function FitToBounds({
  bounds,
  canvas,
  fittedTo,
}: {
  bounds: Box;
  canvas: React.RefObject<HTMLDivElement | null>;
  fittedTo: { width: number; height: number };
}) {
  const flow = useReactFlow();
  const { x, y, w, h } = bounds;
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
      if (viewport) void flow.setViewport(viewport);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [flow, canvas, x, y, w, h, fittedTo]);
  return null;
}

/**
 * Zoom buttons in the caption row, above the drawing: React Flow's own controls float over the canvas
 * and covered the boxes in its corner once the drawing filled it.
 */
function ZoomButtons({ frame, canvas }: { frame: Box; canvas: React.RefObject<HTMLDivElement | null> }) {
  const flow = useReactFlow();
  return (
    <span className="diagram__zoom">
      <button type="button" aria-label="Zoom in" onClick={() => void flow.zoomIn()}>
        +
      </button>
      <button type="button" aria-label="Zoom out" onClick={() => void flow.zoomOut()}>
        −
      </button>
      <button
        type="button"
        aria-label="Fit the whole diagram"
        onClick={() => canvas.current && fitFrame(flow, canvas.current, frame)}
      >
        Fit
      </button>
    </span>
  );
}

/**
 * React Flow's store starts with every box draggable, connectable, focusable and selectable, and
 * ReactFlow writes its props over those defaults in an effect after mounting: a second render of every
 * box in the same long task as the mount (about a quarter of it, traced at 4× CPU slowdown). Rendered
 * before ReactFlow in a new store, this writes the same values first, so its effect changes nothing
 * the boxes read. Drawing gives ReactFlow the same object as props.
 */
const STORE_PRESET = {
  nodesDraggable: false,
  nodesConnectable: false,
  nodesFocusable: false,
  edgesFocusable: false,
  elementsSelectable: false,
  minZoom: 0.3,
  maxZoom: 2,
} as const;

function PresetStore() {
  const store = useStoreApi();
  // Once per store, during the first render (nothing subscribes to the new store yet).
  useState(() => store.setState(STORE_PRESET));
  return null;
}

interface Start {
  frame: Box;
  size: { width: number; height: number };
  viewport: Viewport;
}

/**
 * React Flow itself. Memoised: its props change with the scenario, the orientation or the canvas only,
 * so a step (which changes the caption beside it) does not render React Flow and its store again.
 */
const Drawing = memo(function Drawing({
  start,
  touch,
  canvas,
}: {
  start: Start;
  touch: boolean;
  canvas: React.RefObject<HTMLDivElement | null>;
}) {
  return (
    <ReactFlow
      nodeTypes={nodeTypes}
      defaultViewport={start.viewport}
      {...STORE_PRESET}
      onNodeClick={LET_BOX_BUTTONS_TAKE_CLICKS}
      zoomOnScroll={false}
      panOnDrag={!touch}
      zoomOnPinch={!touch}
      zoomOnDoubleClick={false}
      panOnScroll={false}
      deleteKeyCode={null}
      selectionKeyCode={null}
      multiSelectionKeyCode={null}
      panActivationKeyCode={null}
      zoomActivationKeyCode={null}
      disableKeyboardA11y
      preventScrolling={false}
      proOptions={PRO}
    >
      <FitToBounds bounds={start.frame} canvas={canvas} fittedTo={start.size} />
    </ReactFlow>
  );
});

/**
 * React Flow's part of the diagram (the caption row with the zoom buttons, and the canvas), in a chunk
 * of its own: React Flow and d3 load after the first screen's words are painted (FlowDiagram shows a
 * placeholder of the same size until then).
 */
export default function FlowCanvas({
  structure,
  edges,
  frame,
  flowKey,
  touch,
}: {
  /** The scenario's boxes and lines (the same at every step; each reads its step's data from context). */
  structure: ReturnType<typeof structureOf>;
  /** This step's lines, for the caption. */
  edges: ReturnType<typeof buildGraph>['edges'];
  frame: Box;
  flowKey: string;
  touch: boolean;
}) {
  const canvas = useRef<HTMLDivElement>(null);
  // The canvas is measured before React Flow mounts, so it starts at the fitted viewport instead of
  // mounting at the origin and fitting afterwards (a second render of every box and line).
  // A new scenario or orientation is a new frame: React Flow waits for the canvas measured for it.
  const [start, setStart] = useState<Start | null>(null);
  const lines = useMemo(() => structure.edges.map((edge) => edge.id), [structure]);
  useLayoutEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const rect = el.getBoundingClientRect();
    const size = { width: rect.width, height: rect.height };
    // A transition: React Flow's first render (every box and line) runs in short slices.
    startTransition(() =>
      setStart({ frame, size, viewport: viewportFor(size, frame) ?? { x: 0, y: 0, zoom: 1 } }),
    );
  }, [frame]);
  return (
    // Its store starts with the boxes: React Flow's first render draws them. They are the same for as
    // long as this provider lives (a new scenario or orientation is a new key), so React Flow is not also
    // given them as props: each prop it is given is written to its store again after mounting, and new
    // nodes are a render of every box. The lines are drawn beside it (DiagramLines), not as its edges.
    <ReactFlowProvider key={flowKey} initialNodes={structure.nodes}>
      <PresetStore />
      <div className="diagram__bar">
        <DiagramCaption edges={edges} />
        <ZoomButtons frame={frame} canvas={canvas} />
      </div>
      <div className="diagram__canvas" ref={canvas}>
        {start?.frame === frame ? (
          <>
            <DiagramLines ids={lines} viewport={start.viewport} part="lines" />
            <Drawing start={start} touch={touch} canvas={canvas} />
            <DiagramLines ids={lines} viewport={start.viewport} part="words" />
          </>
        ) : null}
      </div>
    </ReactFlowProvider>
  );
}
