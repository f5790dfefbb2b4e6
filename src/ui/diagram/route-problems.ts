import type { buildGraph } from './build-graph';
import { type Box, NODE_H, NODE_W, type Point, segmentHitsBox } from './layout';

/** A diagram box's rectangle (every service box has the same size). */
export function nodeBox(node: { position: Point }): Box {
  return { ...node.position, w: NODE_W, h: NODE_H };
}

/**
 * What is wrong with a graph's routes, for the layout tests of both orientations: an edge with no
 * route, a diagonal segment, or a segment that enters a box other than its own ends. The first and
 * last runs touch their own boxes' borders; nothing else may enter a box.
 */
export function routeProblems(name: string, graph: ReturnType<typeof buildGraph>): string[] {
  const problems: string[] = [];
  const boxes = new Map(graph.nodes.map((n) => [n.id, nodeBox(n)]));
  for (const edge of graph.edges) {
    const points = edge.data?.points ?? [];
    if (points.length < 2) problems.push(`${name} ${edge.id}: no route`);
    points.forEach((p, i) => {
      const q = points[i - 1];
      if (!q) return;
      if (p.x !== q.x && p.y !== q.y) problems.push(`${name} ${edge.id}: diagonal segment ${i}`);
      for (const [id, box] of boxes) {
        const own = id === edge.source || id === edge.target;
        if (own && (i === 1 || i === points.length - 1)) continue;
        if (segmentHitsBox(q, p, box)) problems.push(`${name} ${edge.id}: segment ${i} crosses ${id}`);
      }
    });
  }
  return problems;
}
