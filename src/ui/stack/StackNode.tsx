import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import { Fragment, memo } from 'react';
import type { LaidOutNode } from './pipeline-layout';

export type StackNodeData = {
  node: LaidOutNode;
  lit: boolean;
  selected: boolean;
  onSelect(id: string): void;
};
export type StackNodeType = Node<StackNodeData, 'stackBox'>;

/**
 * A name drawn in the layout's units: each an inline block that never breaks inside, so lines break
 * only between words, and a unit wider than the box ends in an ellipsis instead of being split. A
 * unit's trailing space goes between the blocks: inside one it would be dropped at the block's end.
 */
function WrappableName({ units }: { units: readonly string[] }) {
  return (
    <>
      {units.map((unit, i) => {
        const word = unit.trimEnd();
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the units of one name keep their order
          <Fragment key={i}>
            <span className="stack-node__word">{word}</span>
            {word === unit ? null : ' '}
          </Fragment>
        );
      })}
    </>
  );
}

/**
 * One box of the reader's pipeline: its name, what it is, and how the identity pools use it. A button:
 * click or Enter shows what it is (logical id, type, template path) beside the diagram. The name wraps
 * between words, and so does what it is (the layout made the box tall enough for both); the title
 * and accessible name carry it whole.
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
        <WrappableName units={node.labelUnits} />
      </span>
      <span className="stack-node__what">
        <WrappableName units={node.whatUnits} />
      </span>
      {node.uses.length ? <span className="stack-node__uses">{node.uses.join(', ')}</span> : null}
    </button>
  );
}

export const StackNode = memo(StackNodeView);
