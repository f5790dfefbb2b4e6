import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { ServiceNode as ServiceNodeType } from '../build-graph';

/**
 * One box of the pipeline: its name, what it is, and its state now (signed in, holding credentials …).
 * Edges carry their own routes (layout.ts), so the two handles only satisfy React Flow's wiring.
 */
function ServiceNodeView({ data }: NodeProps<ServiceNodeType>) {
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
    <div className={classes} role="img" aria-label={name} title={data.statusText}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <Handle type="source" position={Position.Right} isConnectable={false} />
      <div className="service-node__label">{data.label}</div>
      <div className="service-node__kind">{data.kind}</div>
      {data.badge ? <div className="service-node__status">{data.badge}</div> : null}
    </div>
  );
}

export const ServiceNode = memo(ServiceNodeView);
