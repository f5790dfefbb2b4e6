import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../scenarios/catalog';
import { buildGraph } from './build-graph';
import { type Box, labelSize, type Point, segmentHitsBox } from './layout';
import { CORRIDOR_X, layoutActorsVertical, routeEdgesVertical } from './layout-vertical';
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

/** Every phone graph of the catalogue, at every step (built once: each test reads them all). */
let phoneGraphs: { name: string; graph: ReturnType<typeof buildGraph> }[] | undefined;
function everyPhoneGraph() {
  phoneGraphs ??= SCENARIOS.flatMap((scenario) =>
    Array.from({ length: scenario.steps.length + 1 }, (_, position) => ({
      name: `${scenario.id}@${position}`,
      graph: buildGraph({ scenario, entries: [], position, clock: T0, orientation: 'vertical' }),
    })),
  );
  return phoneGraphs;
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
        // At the side the label is drawn from (the estimate runs wider than the drawn text).
        const side = data.labelRight ?? data.labelLeft;
        const onEdge = start.x === side && start.y > box.y && start.y < box.y + box.h;
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

  it('crosses no line with a leader: a short line reaches the corridor through its gap', () => {
    const problems: string[] = [];
    for (const { name, graph } of everyPhoneGraph()) {
      for (const edge of graph.edges) {
        const leader = edge.data?.labelLeader;
        if (!leader) continue;
        const [a, b] = leader;
        // The leader less its ends (it starts on its label and ends on its own line).
        const strip = { x: Math.min(a.x, b.x) + 1, y: a.y - 0.5, w: Math.abs(a.x - b.x) - 2, h: 1 };
        for (const other of graph.edges) {
          if (other === edge) continue;
          const points = other.data?.points ?? [];
          points.forEach((p, i) => {
            const q = points[i - 1];
            if (q && segmentHitsBox(q, p, strip, 0))
              problems.push(`${name} ${edge.id}: leader across ${other.id}`);
          });
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('ties a short line inside two lanes to a label in the corridor, its leader crossing neither lane', () => {
    // The app calls its neighbour (a short line) and two boxes further down (two lanes round it).
    const boxes = layoutActorsVertical(['app', 'userPool', 'identityPool', 'sts']);
    const edges = [
      { from: 'app', to: 'userPool' },
      { from: 'app', to: 'identityPool' },
      { from: 'app', to: 'sts' },
    ] as const;
    const size = labelSize(['1 InitiateAuth', '1.5 JWTs back']);
    const routes = routeEdgesVertical(edges, boxes, size.w);
    const [short] = placeLabelsVertical(routes, [size, null, null], Object.values(boxes));
    const [start, end] = short?.leader ?? [];
    // From the label's left side at the corridor's start to the short line, inside the gap.
    expect(start?.x).toBe(CORRIDOR_X);
    expect(end?.x).toBe(routes[0]?.[0]?.x);
    const lanes = [routes[1]?.[1]?.x ?? 0, routes[2]?.[1]?.x ?? 0];
    for (const lane of lanes) expect(lane).toBeGreaterThan(CORRIDOR_X + size.w);
    const app = boxes.app as Box;
    const userPool = boxes.userPool as Box;
    expect(end?.y).toBeGreaterThan(app.y + app.h);
    expect(end?.y).toBeLessThan(userPool.y);
  });

  it("stands a lane's label beside the lane's end across the corridor, where another lane runs past it", () => {
    // Two lanes from the app: the inner one's run has the outer one 10 units past it all along.
    const boxes = layoutActorsVertical(['app', 'userPool', 'identityPool', 'sts']);
    const edges = [
      { from: 'app', to: 'identityPool' },
      { from: 'app', to: 'sts' },
    ] as const;
    const size = labelSize(['2 GetId', 'GetCredentialsForIdentity']);
    const routes = routeEdgesVertical(edges, boxes, size.w);
    const [inner] = placeLabelsVertical(routes, [size, null], Object.values(boxes));
    expect(inner?.leader).toBeUndefined();
    const label = { x: (inner?.at.x ?? 0) - size.w / 2, y: (inner?.at.y ?? 0) - size.h / 2, ...size };
    // 6 units above or below one of its ends (horizontal), inside the corridor.
    const ends = [routes[0]?.[0]?.y ?? 0, routes[0]?.[3]?.y ?? 0];
    expect(ends.some((y) => label.y + label.h === y - 6 || label.y === y + 6)).toBe(true);
    expect(label.x).toBe(CORRIDOR_X);
  });
});
