import { Background, Controls, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { findScenario } from '../../scenarios/catalog';
import { useAppStore } from '../../store/hooks';
import { buildGraph } from './build-graph';
import { PacketEdge } from './edges/PacketEdge';
import { ServiceNode } from './nodes/ServiceNode';

// Module scope: React Flow re-mounts every node when these objects change identity.
const nodeTypes = { service: ServiceNode };
const edgeTypes = { packet: PacketEdge };

export function FlowDiagram() {
  const { scenarioId, entries, position, clock } = useAppStore(
    useShallow((s) => ({
      scenarioId: s.scenarioId,
      entries: s.entries,
      position: s.position,
      clock: s.clock,
    })),
  );
  const scenario = findScenario(scenarioId);
  const graph = useMemo(
    () => (scenario ? buildGraph({ scenario, entries, position, clock }) : { nodes: [], edges: [] }),
    [scenario, entries, position, clock],
  );
  return (
    <section className="diagram" aria-label={`Diagram: ${scenario?.title ?? ''}`}>
      <div className="diagram__canvas">
        <ReactFlowProvider>
          <ReactFlow
            nodes={graph.nodes}
            edges={graph.edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            fitView
            fitViewOptions={{ padding: 0.08 }}
            minZoom={0.3}
            nodesDraggable={false}
            nodesConnectable={false}
            elementsSelectable={false}
            zoomOnScroll={false}
            preventScrolling={false}
          >
            <Background gap={24} size={1} />
            <Controls showInteractive={false} />
          </ReactFlow>
        </ReactFlowProvider>
      </div>
    </section>
  );
}
