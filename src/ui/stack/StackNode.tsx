import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import { Fragment, memo } from 'react';
import { labelPieces } from './label-wrap';
import type { LaidOutNode } from './pipeline-layout';

export type StackNodeData = {
  node: LaidOutNode;
  lit: boolean;
  selected: boolean;
  onSelect(id: string): void;
};
export type StackNodeType = Node<StackNodeData, 'stackBox'>;

/** A name with a line-break opportunity (`<wbr>`) at each place label-wrap.ts allows one. */
function WrappableName({ name }: { name: string }) {
  let at = 0;
  return (
    <>
      {labelPieces(name).map((piece) => {
        const start = at;
        at += piece.length;
        return (
          <Fragment key={start}>
            {start > 0 ? <wbr /> : null}
            {piece}
          </Fragment>
        );
      })}
    </>
  );
}

/**
 * One box of the reader's pipeline: its name, what it is, and how the identity pools use it. A button:
 * click or Enter shows what it is (logical id, type, template path) beside the diagram. The name wraps
 * (the layout made the box tall enough); the title and accessible name carry it whole.
 */
function StackNodeView({ data }: NodeProps<StackNodeType>) {
  const { node, lit, selected } = data;
  const uses = node.uses.length ? `; ${node.uses.join(', ')}` : '';
  return (
    <button
      type="button"
      className={`stack-node stack-node--${node.kind}${lit ? ' is-lit' : ''}${selected ? ' is-selected' : ''}`}
      aria-label={`${node.label}, ${node.what}${uses}${lit ? ' (used by the played flow)' : ''}`}
      aria-pressed={selected}
      title={`${node.label}: ${node.what}${uses}`}
      onClick={() => data.onSelect(node.id)}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <Handle type="source" position={Position.Right} isConnectable={false} />
      <span className="stack-node__label">
        <WrappableName name={node.label} />
      </span>
      <span className="stack-node__what">{node.what}</span>
      {node.uses.length ? <span className="stack-node__uses">{node.uses.join(', ')}</span> : null}
    </button>
  );
}

export const StackNode = memo(StackNodeView);
