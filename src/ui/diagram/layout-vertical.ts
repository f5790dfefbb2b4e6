import type { ActorId } from '../../scenarios/types';
import { type Box, NODE_H, NODE_W, type Point } from './layout';

/**
 * The diagram for narrow screens: the boxes stand in one column, top to bottom in the order of the
 * sentence the wide layout reads left to right (caller, sign-in, identity pool, STS, services, IAM).
 * A call between neighbours is a short line down the gap between them; any other call leaves the
 * source's right side, runs down a lane of its own right of the column and enters the target's right
 * side. Lanes nest (short spans inside, long spans outside), so a line never runs under a box. Labels
 * stand beside their line or in a gutter right of every lane, tied to their line by a leader
 * (layout-vertical-labels.ts): no label covers a box or a line.
 */

const ORDER: ActorId[] = [
  'app',
  'developer',
  'broker',
  'userPool',
  'google',
  'saml',
  'identityPool',
  'sts',
  's3',
  'apiGateway',
  'ssm',
  'sync',
  'appsync',
  'iam',
];

/** Gap between two boxes of the column (room for a line and its packet, not for a label). */
const GAP = 34;
/**
 * Distance from the column to the first lane, and between lanes. With the gap below, as tight as reads
 * clearly: the widest bold labels beside three lanes fill a 390 px phone at the readable zoom.
 */
const LANE_PITCH = 10;
/** Space between the outermost lane and the labels. */
const GUTTER_GAP = 6;

export function layoutActorsVertical(actors: readonly ActorId[]): Partial<Record<ActorId, Box>> {
  const boxes: Partial<Record<ActorId, Box>> = {};
  let y = 0;
  for (const actor of ORDER) {
    if (!actors.includes(actor)) continue;
    boxes[actor] = { x: 0, y, w: NODE_W, h: NODE_H };
    y += NODE_H + GAP;
  }
  return boxes;
}

export interface VerticalEdge {
  from: ActorId;
  to: ActorId;
}

/** Neighbours in the column: the lower box starts one gap below the upper one. */
function adjacent(a: Box, b: Box): boolean {
  return Math.abs(a.y - b.y) === NODE_H + GAP;
}

/**
 * Routes for every edge at once (lanes and attachment points depend on the other edges), plus the x
 * where the label gutter begins. The first point of a route is on the source box, the last on the target.
 */
export function routeEdgesVertical(
  edges: readonly VerticalEdge[],
  boxes: Partial<Record<ActorId, Box>>,
): { routes: Point[][]; gutterX: number } {
  const routes: Point[][] = edges.map(() => []);
  const laned: { index: number; top: number; bottom: number }[] = [];
  edges.forEach(({ from, to }, index) => {
    const a = boxes[from];
    const b = boxes[to];
    if (!a || !b) return;
    if (adjacent(a, b)) {
      const [upper, lower, down] = a.y < b.y ? [a, b, true] : [b, a, false];
      const x = upper.x + upper.w / 2;
      const path = [
        { x, y: upper.y + upper.h },
        { x, y: lower.y },
      ];
      routes[index] = down ? path : path.reverse();
    } else laned.push({ index, top: Math.min(a.y, b.y), bottom: Math.max(a.y, b.y) });
  });

  // Shortest spans first take the innermost free lane: lines nest instead of crossing.
  laned.sort((p, q) => p.bottom - p.top - (q.bottom - q.top) || p.top - q.top);
  const lanes: { top: number; bottom: number }[][] = [];
  const laneOf = new Map<number, number>();
  for (const span of laned) {
    let lane = lanes.findIndex((taken) =>
      taken.every((t) => span.bottom + NODE_H <= t.top || t.bottom + NODE_H <= span.top),
    );
    if (lane < 0) {
      lane = lanes.length;
      lanes.push([]);
    }
    lanes[lane]?.push(span);
    laneOf.set(span.index, lane);
  }

  // Where each laned edge meets a box's right side: spread evenly down that side, outer lanes lower.
  const attachments = new Map<ActorId, { index: number; lane: number }[]>();
  for (const { index } of laned) {
    const edge = edges[index] as VerticalEdge;
    for (const actor of [edge.from, edge.to]) {
      const list = attachments.get(actor) ?? [];
      list.push({ index, lane: laneOf.get(index) ?? 0 });
      attachments.set(actor, list);
    }
  }
  const dyFor = (actor: ActorId, index: number): number => {
    const list = [...(attachments.get(actor) ?? [])].sort((p, q) => p.lane - q.lane);
    const at = list.findIndex((e) => e.index === index);
    return ((at + 1) * NODE_H) / (list.length + 1);
  };
  const columnRight = NODE_W;
  for (const { index } of laned) {
    const { from, to } = edges[index] as VerticalEdge;
    const a = boxes[from] as Box;
    const b = boxes[to] as Box;
    const x = columnRight + LANE_PITCH * ((laneOf.get(index) ?? 0) + 1);
    const start = { x: a.x + a.w, y: a.y + dyFor(from, index) };
    const end = { x: b.x + b.w, y: b.y + dyFor(to, index) };
    routes[index] = [start, { x, y: start.y }, { x, y: end.y }, end];
  }
  // The outermost lane stands LANE_PITCH * lanes.length right of the column.
  return { routes, gutterX: columnRight + LANE_PITCH * lanes.length + GUTTER_GAP };
}
