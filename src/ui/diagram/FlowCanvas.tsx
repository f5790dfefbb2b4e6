import { ReactFlow, ReactFlowProvider, type ReactFlowInstance, useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { buildGraph } from './build-graph';
import { DiagramCaption } from './DiagramCaption';
import { PacketEdge } from './edges/PacketEdge';
import type { Box } from './layout';
import { ServiceNode } from './nodes/ServiceNode';

// Module scope: React Flow re-mounts every node when these objects change identity.
const nodeTypes = { service: ServiceNode };
const edgeTypes = { packet: PacketEdge };
const FIT_PADDING = 0.015;
const MAX_FIT_ZOOM = 1.15;
const PRO = { hideAttribution: false };
/**
 * React Flow turns pointer events off on nodes that are neither selectable, draggable nor clickable;
 * the boxes are buttons (ServiceNode handles the click), so a node click handler keeps them reachable.
 */
const LET_BOX_BUTTONS_TAKE_CLICKS = () => {};

/** Fits the frame (boxes, routes and labels; React Flow's fitView sees boxes only) into the canvas. */
function fitFrame(flow: Pick<ReactFlowInstance, 'setViewport'>, el: HTMLElement, frame: Box) {
  const { x, y, w, h } = frame;
  const rect = el.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0 || w === 0) return;
  const zoom = Math.min(
    MAX_FIT_ZOOM,
    rect.width / (w * (1 + 2 * FIT_PADDING)),
    rect.height / (h * (1 + 2 * FIT_PADDING)),
  );
  void flow.setViewport({
    x: (rect.width - w * zoom) / 2 - x * zoom,
    y: (rect.height - h * zoom) / 2 - y * zoom,
    zoom,
  });
}

/** Fits the frame again whenever the canvas changes size. */
function FitToBounds({ bounds, canvas }: { bounds: Box; canvas: React.RefObject<HTMLDivElement | null> }) {
  const flow = useReactFlow();
  const { x, y, w, h } = bounds;
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const frame = { x, y, w, h };
    const fitNow = () => fitFrame(flow, el, frame);
    fitNow();
    const observer = new ResizeObserver(fitNow);
    observer.observe(el);
    return () => observer.disconnect();
  }, [flow, canvas, x, y, w, h]);
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

type Graph = ReturnType<typeof buildGraph>;

/**
 * React Flow's part of the diagram (the caption row with the zoom buttons, and the canvas), in a chunk
 * of its own: React Flow and d3 load after the first screen's words are painted (FlowDiagram shows a
 * placeholder of the same size until then).
 */
export default function FlowCanvas({
  graph,
  frame,
  flowKey,
  touch,
}: {
  graph: Graph;
  frame: Box;
  flowKey: string;
  touch: boolean;
}) {
  const canvas = useRef<HTMLDivElement>(null);
  return (
    <ReactFlowProvider key={flowKey}>
      <div className="diagram__bar">
        <DiagramCaption edges={graph.edges} />
        <ZoomButtons frame={frame} canvas={canvas} />
      </div>
      <div className={`diagram__canvas${touch ? ' diagram__canvas--touch' : ''}`} ref={canvas}>
        <ReactFlow
          nodes={graph.nodes}
          edges={graph.edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          minZoom={0.3}
          maxZoom={2}
          nodesDraggable={false}
          nodesConnectable={false}
          nodesFocusable={false}
          onNodeClick={LET_BOX_BUTTONS_TAKE_CLICKS}
          edgesFocusable={false}
          elementsSelectable={false}
          zoomOnScroll={false}
          panOnDrag={!touch}
          zoomOnPinch={!touch}
          zoomOnDoubleClick={false}
          panOnScroll={false}
          preventScrolling={false}
          proOptions={PRO}
        >
          <FitToBounds bounds={frame} canvas={canvas} />
        </ReactFlow>
      </div>
    </ReactFlowProvider>
  );
}
