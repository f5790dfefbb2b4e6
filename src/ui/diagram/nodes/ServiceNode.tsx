import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useAppStoreApi } from '../../../store/hooks';
import type { ServiceNodeData } from '../build-graph';
import { type StructureNode, useNodeData } from '../step-data';

/**
 * One box of the pipeline: its name, what it is, and its state now (signed in, holding credentials …).
 * Clicking it (or Enter) explains the component in the inspector's Component tab. It has no handles:
 * React Flow draws no edges here (DiagramLines draws the lines along their own routes).
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

/** React Flow's node: finds this step's data for the box (step-data.ts); the box renders only when it changed. */
function ServiceNodeView({ id }: NodeProps<StructureNode>) {
  const data = useNodeData(id);
  return data ? <ServiceBox data={data} /> : null;
}

export const ServiceNode = memo(ServiceNodeView);
