import { ReactFlow, ReactFlowProvider, type ReactFlowInstance, useReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { findScenario } from '../../scenarios/catalog';
import { useAppStore } from '../../store/hooks';
import { useMediaQuery } from '../common/use-media-query';
import { buildGraph, type Orientation } from './build-graph';
import { PacketEdge } from './edges/PacketEdge';
import type { Box } from './layout';
import { ServiceNode } from './nodes/ServiceNode';
import { PACKETS } from './packets';
import { reuseUnchanged } from './stable';
import { drawingFrame, useFirstScreenRoom } from './use-first-screen';

// Module scope: React Flow re-mounts every node when these objects change identity.
const nodeTypes = { service: ServiceNode };
const edgeTypes = { packet: PacketEdge };
const FIT_PADDING = 0.015;
/** The width below which the diagram runs top to bottom (the CSS uses the same breakpoint). */
const NARROW = '(max-width: 600px)';
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

/**
 * The pipeline diagram. The graph is rebuilt only when the step, the trace or the simulation clock
 * changes (never per animation frame: the packet moves itself, see PacketEdge). React Flow's node
 * wrappers are not focusable; each box is a button of its own (Tab, then Enter explains it).
 */
export function FlowDiagram() {
  const { scenarioId, entries, position, clock, arrival } = useAppStore(
    useShallow((s) => ({
      scenarioId: s.scenarioId,
      entries: s.entries,
      position: s.position,
      clock: s.clock,
      arrival: s.arrival,
    })),
  );
  const scenario = findScenario(scenarioId);
  // Phones stand the pipeline on end: every box in view at a readable size, none off to the side.
  const narrow = useMediaQuery(NARROW);
  const orientation: Orientation = narrow ? 'vertical' : 'horizontal';
  const previous = useRef<ReturnType<typeof buildGraph> | null>(null);
  const graph = useMemo(() => {
    const next = scenario
      ? buildGraph({ scenario, entries, position, clock, arrival, orientation })
      : { nodes: [], edges: [], bounds: { x: 0, y: 0, w: 0, h: 0 } };
    const old = previous.current;
    if (!old) return next;
    // Same objects for unchanged boxes and lines: React Flow then skips them (no re-render, no re-measure).
    return {
      ...next,
      nodes: reuseUnchanged(old.nodes, next.nodes),
      edges: reuseUnchanged(old.edges, next.edges),
    };
  }, [scenario, entries, position, clock, arrival, orientation]);
  // One frame per scenario (every step's labels inside it): the zoom stays put as the steps go by.
  const frame = useMemo(
    () => (scenario ? drawingFrame(scenario, orientation) : graph.bounds),
    [scenario, orientation, graph.bounds],
  );
  const section = useRef<HTMLElement>(null);
  useFirstScreenRoom(section, !narrow);
  useEffect(() => {
    previous.current = graph;
  }, [graph]);
  const canvas = useRef<HTMLDivElement>(null);
  // On touch screens a swipe scrolls the page, as everywhere else; React Flow's own panning would
  // capture it. The zoom buttons still work.
  const touch = useMediaQuery('(pointer: coarse)');
  const travelling = graph.edges.find((e) => e.data?.packet && !e.data.internal)?.data?.packet;
  return (
    <section
      ref={section}
      className={`diagram diagram--${orientation}`}
      aria-label={`Diagram: ${scenario?.title ?? ''}`}
      style={{ '--diagram-aspect': `${Math.round(frame.w)} / ${Math.round(frame.h)}` } as React.CSSProperties}
    >
      <ReactFlowProvider key={`${scenarioId}-${orientation}`}>
        <div className="diagram__bar">
          <p className="diagram__caption">
            {travelling ? (
              <>
                <span className="dot" style={{ background: PACKETS[travelling.out].color }} />
                {travelling.outWords ?? PACKETS[travelling.out].label} →{' '}
                <span className="dot" style={{ background: PACKETS[travelling.back].color }} />
                {travelling.backWords ?? PACKETS[travelling.back].label}
              </>
            ) : (
              'Lines light up as each step runs; a dot carries what travels.'
            )}
          </p>
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
    </section>
  );
}
