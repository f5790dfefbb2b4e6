import { ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ImportedStack } from '../../stack/index';
import { buildPipeline } from '../../stack/pipeline';
import { counted } from './counted';
import { canvasLabelWidth, canvasSubtitleWidth } from './label-wrap';
import { layoutPipeline } from './pipeline-layout';
import { RouteEdge, type RouteEdgeType } from './RouteEdge';
import { StackNode, type StackNodeType } from './StackNode';

// Module scope: React Flow re-mounts every node when these objects change identity.
const nodeTypes = { stackBox: StackNode };
const edgeTypes = { route: RouteEdge };
const PAD = 12;
/** Below this scale the boxes' text is too small to read: the canvas scrolls sideways instead. */
const MIN_ZOOM = 0.72;
const PRO = { hideAttribution: false };
const LET_BOX_BUTTONS_TAKE_CLICKS = () => {};

/**
 * The reader's pipeline drawn from their imported stack, every box something the engine holds. The
 * drawing keeps a readable scale: it fits the width when it can and scrolls sideways when it cannot
 * (a phone). Boxes and lines the last played flow went through are lit.
 */
export function StackDiagram({ stack, lit }: { stack: ImportedStack; lit: readonly string[] }) {
  // Boxes are sized to their names in the font the page really draws them with.
  const measure = useMemo(() => canvasLabelWidth(), []);
  const measureWhat = useMemo(() => canvasSubtitleWidth(), []);
  const layout = useMemo(
    () => layoutPipeline(buildPipeline(stack), measure, measureWhat),
    [stack, measure, measureWhat],
  );
  const [selected, setSelected] = useState<string | undefined>();
  const [width, setWidth] = useState(0);
  const frame = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const measure = () => setWidth(el.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const fullW = layout.bounds.w + 2 * PAD;
  const fullH = layout.bounds.h + 2 * PAD;
  const zoom = width > 0 ? Math.min(1, Math.max(MIN_ZOOM, width / fullW)) : 1;
  const litSet = useMemo(() => new Set(lit), [lit]);
  const nodes = useMemo<StackNodeType[]>(
    () =>
      layout.nodes.map((n) => ({
        id: n.id,
        type: 'stackBox',
        position: { x: n.box.x, y: n.box.y },
        width: n.box.w,
        height: n.box.h,
        data: { node: n, lit: litSet.has(n.id), selected: n.id === selected, onSelect: setSelected },
      })),
    [layout, litSet, selected],
  );
  const edges = useMemo<RouteEdgeType[]>(
    () =>
      layout.edges.map((e) => ({
        id: e.id,
        source: e.from,
        target: e.to,
        type: 'route',
        data: { points: e.points, lit: litSet.has(e.from) && litSet.has(e.to) },
      })),
    [layout, litSet],
  );
  const chosen = layout.nodes.find((n) => n.id === selected);
  if (layout.nodes.length === 0) return null;
  return (
    <section className="stack-panel stack-pipeline" aria-labelledby="stack-pipeline">
      <h3 id="stack-pipeline">Your pipeline</h3>
      <p className="stack-pipeline__caption">
        {counted(layout.nodes.length, 'box', 'boxes')} from your template, read left to right as a sign-in
        travels. Choose a box to see where it is in the template.
        {lit.length ? ' Lit: what the last played flow went through.' : ''}
        {width > 0 && fullW * zoom > width + 1 ? ' Scroll sideways for the rest of it.' : ''}
      </p>
      <div className="stack-pipeline__frame" ref={frame}>
        <div
          className="stack-pipeline__canvas"
          style={{ width: Math.ceil(fullW * zoom), height: Math.ceil(fullH * zoom) }}
        >
          <ReactFlowProvider>
            <ReactFlow
              key={zoom}
              nodes={nodes}
              edges={edges}
              nodeTypes={nodeTypes}
              edgeTypes={edgeTypes}
              defaultViewport={{ x: PAD * zoom, y: PAD * zoom, zoom }}
              minZoom={MIN_ZOOM}
              maxZoom={1}
              nodesDraggable={false}
              nodesConnectable={false}
              nodesFocusable={false}
              edgesFocusable={false}
              elementsSelectable={false}
              onNodeClick={LET_BOX_BUTTONS_TAKE_CLICKS}
              panOnDrag={false}
              zoomOnScroll={false}
              zoomOnPinch={false}
              zoomOnDoubleClick={false}
              panOnScroll={false}
              preventScrolling={false}
              proOptions={PRO}
            />
          </ReactFlowProvider>
        </div>
      </div>
      {chosen ? (
        <div className="stack-pipeline__details" role="status" aria-label="Selected box">
          <p>
            <strong>{chosen.label}</strong>: {chosen.what}
          </p>
          <dl>
            <dt>AWS id</dt>
            <dd>
              <code>{chosen.awsId}</code>
            </dd>
            {chosen.logicalId ? (
              <>
                <dt>Logical id</dt>
                <dd>
                  <code>{chosen.logicalId}</code>
                </dd>
                <dt>Type</dt>
                <dd>
                  <code>{chosen.type}</code>
                </dd>
                <dt>In the template</dt>
                <dd>
                  <code>{chosen.path}</code>
                </dd>
              </>
            ) : (
              <>
                <dt>In the template</dt>
                <dd>named by the resources it is joined to, not a resource of its own</dd>
              </>
            )}
            {chosen.uses.length ? (
              <>
                <dt>Given as</dt>
                <dd>{chosen.uses.join(', ')}</dd>
              </>
            ) : null}
          </dl>
        </div>
      ) : null}
    </section>
  );
}
