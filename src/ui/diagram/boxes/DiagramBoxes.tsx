import { memo, useRef } from 'react';
import { useAppStoreApi } from '../../../store/hooks';
import type { ServiceNodeData } from '../build-graph';
import type { StepData, StructureNode } from '../step-data';
import { useFollowViewport, type ViewportHub } from '../viewport-hub';

/**
 * One box of the pipeline: its name, what it is, and its state now (signed in, holding credentials …).
 * Clicking it (or Enter) explains the component in the inspector's Component tab.
 */
const ServiceBox = memo(function ServiceBox({ data }: { data: ServiceNodeData }) {
  const store = useAppStoreApi();
  const classes = [
    'service-node',
    `status-${data.status}`,
    data.active ? 'is-active' : '',
    data.inScenario ? '' : 'is-dimmed',
  ]
    .filter(Boolean)
    .join(' ');
  const name = `${data.label}, ${data.about}${data.inScenario ? '' : ' (not used in this flow)'}${
    data.statusText ? `: ${data.statusText}` : ''
  }`;
  return (
    // A button: click or Enter explains the component in the inspector.
    <button
      type="button"
      className={classes}
      aria-label={name}
      title={data.statusText}
      onClick={() => store.getState().selectActor(data.actor)}
    >
      <span className="service-node__label">{data.label}</span>
      <span className="service-node__kind">{data.kind}</span>
      {data.badge ? <span className="service-node__status">{data.badge}</span> : null}
    </button>
  );
});

/**
 * One box at its place, with this step's data for it: the same object while it does not change
 * (step-data.ts), so a seek renders only the boxes whose state changed.
 */
const PlacedBox = memo(function PlacedBox({
  node,
  data,
}: {
  node: StructureNode;
  data: ServiceNodeData | undefined;
}) {
  return (
    <div
      className="diagram-box"
      style={{ transform: `translate(${node.position.x}px, ${node.position.y}px)` }}
    >
      {data ? <ServiceBox data={data} /> : null}
    </div>
  );
});

/**
 * The scenario's boxes, in a layer that follows the diagram's viewport like the lines' layers
 * (viewport-hub.ts). The layer lets pointers through to React Flow's pane under it, for panning; the
 * boxes take them.
 */
export const DiagramBoxes = memo(function DiagramBoxes({
  nodes,
  step,
  hub,
}: {
  /** The scenario's boxes (the same at every step). */
  nodes: readonly StructureNode[];
  /** This step's data for each box. */
  step: StepData;
  hub: ViewportHub;
}) {
  const layer = useRef<HTMLDivElement>(null);
  useFollowViewport(hub, layer);
  return (
    <div className="diagram-boxes">
      <div ref={layer} className="diagram-boxes__viewport">
        {nodes.map((node) => (
          <PlacedBox key={node.id} node={node} data={step.nodes.get(node.id)} />
        ))}
      </div>
    </div>
  );
});
