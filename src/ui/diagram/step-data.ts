import type { Edge, Node } from '@xyflow/react';
import type { buildGraph, PacketEdgeData, ServiceNodeData } from './build-graph';

type Graph = ReturnType<typeof buildGraph>;

/**
 * The diagram is split in two. The drawing's structure (which boxes, where, which lines join them) is
 * the same at every step of a scenario; what a step changes (a box's state, a line's state, its packet
 * and label) is this step data, one object per box and per line. Each box and line is a memoised
 * component given its own object, which is kept from the previous step when it did not change
 * (`stepDataOf`): a seek renders only the boxes and lines that changed.
 */
export interface StepData {
  nodes: ReadonlyMap<string, ServiceNodeData>;
  edges: ReadonlyMap<string, PacketEdgeData>;
}

const EMPTY: StepData = { nodes: new Map(), edges: new Map() };

/** The structure of a box: its place and size only. */
export type StructureNode = Node<{ actor: string }, 'service'>;
/** The structure of a line: its two ends only (the route and label are step data). */
export type StructureEdge = Edge<Record<string, never>, 'packet'>;

/** The graph without its step data: the boxes and lines of the whole scenario. */
export function structureOf(graph: Graph): { nodes: StructureNode[]; edges: StructureEdge[] } {
  return {
    nodes: graph.nodes.map(({ data, ...node }) => ({
      ...node,
      data: { actor: data.actor },
    })),
    edges: graph.edges.map(({ data: _data, ...edge }) => ({ ...edge, data: {} })),
  };
}

/**
 * The step data of `graph`, keeping the previous object for every box and line whose data did not
 * change (compared as JSON: small plain objects), so only those render again.
 */
export function stepDataOf(graph: Graph, previous: StepData = EMPTY): StepData {
  const keep = <T extends object>(old: T | undefined, next: T): T =>
    old !== undefined && (old === next || jsonOf(old) === jsonOf(next)) ? old : next;
  const nodes = new Map<string, ServiceNodeData>();
  for (const node of graph.nodes) nodes.set(node.id, keep(previous.nodes.get(node.id), node.data));
  const edges = new Map<string, PacketEdgeData>();
  for (const edge of graph.edges) {
    if (edge.data) edges.set(edge.id, keep(previous.edges.get(edge.id), edge.data));
  }
  return { nodes, edges };
}

/**
 * Makes the JSON of each box's and line's data in `graph` ahead, in idle time (use-warm-graphs.ts): the
 * first seek to that step then only compares strings. Made during the seek, it was up to a few
 * milliseconds of the key press's task on a phone-speed CPU.
 */
export function warmStepData(graph: Graph): void {
  for (const node of graph.nodes) jsonOf(node.data);
  for (const edge of graph.edges) if (edge.data) jsonOf(edge.data);
}

/** Each data object's JSON, made once: graphs are cached per step, so the same objects are compared again. */
const jsonOfData = new WeakMap<object, string>();
function jsonOf(data: object): string {
  let json = jsonOfData.get(data);
  if (json === undefined) {
    json = JSON.stringify(data);
    jsonOfData.set(data, json);
  }
  return json;
}
