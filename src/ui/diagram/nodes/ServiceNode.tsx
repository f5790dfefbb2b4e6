import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { ServiceNode as ServiceNodeType } from '../build-graph';

const SIDES = [
  { id: 'left', position: Position.Left },
  { id: 'right', position: Position.Right },
  { id: 'top', position: Position.Top },
  { id: 'bottom', position: Position.Bottom },
] as const;

/** One box of the pipeline: its name, what it is, and its state now (signed in, holding credentials …). */
function ServiceNodeView({ data }: NodeProps<ServiceNodeType>) {
  const classes = [
    'service-node',
    `status-${data.status}`,
    data.active ? 'is-active' : '',
    data.inScenario ? '' : 'is-dimmed',
  ]
    .filter(Boolean)
    .join(' ');
  const name = `${data.label}, ${data.kind}${data.statusText ? `: ${data.statusText}` : ''}`;
  return (
    <div className={classes} role="img" aria-label={name}>
      {SIDES.map((side) => (
        <Handle
          key={`s-${side.id}`}
          id={side.id}
          type="source"
          position={side.position}
          isConnectable={false}
        />
      ))}
      {SIDES.map((side) => (
        <Handle
          key={`t-${side.id}`}
          id={side.id}
          type="target"
          position={side.position}
          isConnectable={false}
        />
      ))}
      <div className="service-node__label">{data.label}</div>
      <div className="service-node__kind">{data.kind}</div>
      {data.statusText ? <div className="service-node__status">{data.statusText}</div> : null}
    </div>
  );
}

export const ServiceNode = memo(ServiceNodeView);
