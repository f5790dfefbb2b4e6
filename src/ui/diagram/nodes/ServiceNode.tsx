import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { useAppStoreApi } from '../../../store/hooks';
import type { ServiceNode as ServiceNodeType } from '../build-graph';

/**
 * One box of the pipeline: its name, what it is, and its state now (signed in, holding credentials …).
 * Edges carry their own routes (layout.ts), so the two handles only satisfy React Flow's wiring.
 * Clicking it (or Enter) explains the component in the inspector's Component tab.
 */
function ServiceNodeView({ data }: NodeProps<ServiceNodeType>) {
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
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <Handle type="source" position={Position.Right} isConnectable={false} />
      <span className="service-node__label">{data.label}</span>
      <span className="service-node__kind">{data.kind}</span>
      {data.badge ? <span className="service-node__status">{data.badge}</span> : null}
    </button>
  );
}

export const ServiceNode = memo(ServiceNodeView);
