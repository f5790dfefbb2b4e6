import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../scenarios/catalog';
import { buildGraph } from './build-graph';
import { type Box, boxesOverlap, labelSize, type Point, segmentHitsBox } from './layout';
import { layoutActorsVertical, routeEdgesVertical } from './layout-vertical';
import { placeLabelsVertical } from './layout-vertical-labels';
import { nodeBox } from './route-problems';

const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);

/** How far a point lies from an axis-aligned segment. */
function distanceToSegment(p: Point, a: Point, b: Point): number {
  const x = Math.max(Math.min(a.x, b.x), Math.min(p.x, Math.max(a.x, b.x)));
  const y = Math.max(Math.min(a.y, b.y), Math.min(p.y, Math.max(a.y, b.y)));
  return Math.hypot(p.x - x, p.y - y);
}

/** How far a box lies from a route (0 where they touch or overlap). */
function distanceToRoute(box: Box, route: readonly Point[]): number {
  let least = Number.POSITIVE_INFINITY;
  route.forEach((b, i) => {
    const a = route[i - 1];
    if (!a) return;
    if (segmentHitsBox(a, b, box, 0)) least = 0;
    const corners = [
      { x: box.x, y: box.y },
      { x: box.x + box.w, y: box.y },
      { x: box.x, y: box.y + box.h },
      { x: box.x + box.w, y: box.y + box.h },
    ];
    // Axis-aligned: the nearest pair is a box corner and the segment, or a segment end and the box.
    for (const c of corners) least = Math.min(least, distanceToSegment(c, a, b));
    for (const p of [a, b]) {
      const dx = Math.max(box.x - p.x, 0, p.x - box.x - box.w);
      const dy = Math.max(box.y - p.y, 0, p.y - box.y - box.h);
      least = Math.min(least, Math.hypot(dx, dy));
    }
  });
  return least;
}

/** Every phone graph of the catalogue, at every step. */
function everyPhoneGraph() {
  return SCENARIOS.flatMap((scenario) =>
    Array.from({ length: scenario.steps.length + 1 }, (_, position) => ({
      name: `${scenario.id}@${position}`,
      graph: buildGraph({ scenario, entries: [], position, clock: T0, orientation: 'vertical' }),
    })),
  );
}

describe('phone line labels', () => {
  it('ties every label to its own line: beside it, or by a leader from its edge to a point on it', () => {
    const problems: string[] = [];
    for (const { name, graph } of everyPhoneGraph()) {
      for (const edge of graph.edges) {
        const data = edge.data;
        if (!data?.labelLines.length) continue;
        const size = labelSize(data.labelLines);
        const box = { x: data.labelAt.x - size.w / 2, y: data.labelAt.y - size.h / 2, ...size };
        const leader = data.labelLeader;
        if (!leader) {
          const gap = distanceToRoute(box, data.points);
          if (gap > 12) problems.push(`${name} ${edge.id}: ${gap.toFixed(0)} from its line, no leader`);
          continue;
        }
        const [start, end] = leader;
        const onEdge = start.x === box.x && start.y > box.y && start.y < box.y + box.h;
        if (!onEdge) problems.push(`${name} ${edge.id}: leader starts off the label's edge`);
        const onLine = data.points.some(
          (b, i) => i > 0 && distanceToSegment(end, data.points[i - 1] as Point, b) < 0.5,
        );
        if (!onLine) problems.push(`${name} ${edge.id}: leader ends off its line`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('runs no leader through a box, a label, or along another leader', () => {
    const problems: string[] = [];
    for (const { name, graph } of everyPhoneGraph()) {
      const labels = graph.edges
        .filter((e) => e.data?.labelLines.length)
        .map((e) => {
          const size = labelSize(e.data?.labelLines ?? []);
          const at = e.data?.labelAt ?? { x: 0, y: 0 };
          return { id: e.id, box: { x: at.x - size.w / 2, y: at.y - size.h / 2, ...size } };
        });
      const leaders = graph.edges.flatMap((e) =>
        e.data?.labelLeader ? [{ id: e.id, at: e.data.labelLeader }] : [],
      );
      for (const { id, at } of leaders) {
        const [a, b] = at;
        for (const node of graph.nodes)
          if (segmentHitsBox(a, b, nodeBox(node), -2))
            problems.push(`${name} ${id}: leader through ${node.id}`);
        for (const label of labels)
          if (segmentHitsBox(a, b, label.box, label.id === id ? 1 : -2))
            problems.push(`${name} ${id}: leader through label ${label.id}`);
        for (const other of leaders) {
          if (other.id === id) continue;
          const strip = { x: Math.min(a.x, b.x), y: a.y - 3, w: Math.abs(a.x - b.x), h: 6 };
          if (segmentHitsBox(other.at[0], other.at[1], strip, 0))
            problems.push(`${name} ${id}: leader along leader ${other.id}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('leaves a label beside its line, leaderless, where nothing stands between them', () => {
    // Two neighbours (a short line between them) and a long call round a third box in a lane.
    const boxes = layoutActorsVertical(['app', 'userPool', 'identityPool']);
    const edges = [
      { from: 'app', to: 'userPool' },
      { from: 'app', to: 'identityPool' },
    ] as const;
    const { routes, gutterX } = routeEdgesVertical(edges, boxes);
    const size = labelSize(['1 InitiateAuth']);
    const nodes = Object.values(boxes);
    const [short, long] = placeLabelsVertical(routes, [size, size], gutterX, nodes);
    // The lane is the outermost: its label stands just right of it, and needs no leader.
    const lane = routes[1]?.[1]?.x ?? 0;
    expect(long?.leader).toBeUndefined();
    expect((long?.at.x ?? 0) - size.w / 2 - lane).toBe(6);
    // The short line's label cannot stand in the 34 px between the boxes: a leader crosses the gap to it.
    const [start, end] = short?.leader ?? [];
    expect(start?.x).toBe(gutterX);
    expect(end?.x).toBe(routes[0]?.[0]?.x);
    const upper = boxes.app as Box;
    const lower = boxes.userPool as Box;
    expect(end?.y).toBeGreaterThan(upper.y + upper.h);
    expect(end?.y).toBeLessThan(lower.y);
    const shortBox = { x: (short?.at.x ?? 0) - size.w / 2, y: (short?.at.y ?? 0) - size.h / 2, ...size };
    for (const node of nodes) expect(boxesOverlap(shortBox, node)).toBe(false);
  });
});
