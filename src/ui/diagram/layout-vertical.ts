import type { ActorId } from '../../scenarios/types';
import { type Box, NODE_H, NODE_W, type Point } from './layout';

/**
 * The diagram for narrow screens: the boxes stand in one column, top to bottom in the order of the
 * sentence the wide layout reads left to right (caller, sign-in, identity pool, STS, services, IAM).
 * A call between neighbours is a short line down the gap between them; any other call leaves the
 * source's right side, runs down a lane of its own and enters the target's right side. The line labels
 * stand in a corridor between the column and the lanes (layout-vertical-labels.ts): a label there is
 * reached from every line without crossing another, where labels right of the lanes once had leaders
 * across every lane between them and the short lines they named. Lanes nest (short spans inside, long
 * spans outside), so a line never runs under a box, and where they meet a box they are ordered so that
 * no lane's end crosses another lane.
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

/**
 * Gap between two boxes of the column: room for a short line, the leader tying its label to it, and
 * the words of a packet landed at its end clear of both (words 20 tall, a leader meeting its label 8
 * below the label's top, the label 6 clear of the words, the leader 8 clear of the box it leaves).
 */
export const GAP = 44;
/** Distance between lanes. */
export const LANE_PITCH = 10;
/** Space between the column and the labels' corridor (a label beside its line stands this far off). */
const CORRIDOR_GAP = 6;
/** Space between the corridor and the first lane: a label this close to a line is not read as its. */
const LANE_ROOM = 8;

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

/** Where the labels' corridor begins: right of the column. */
export const CORRIDOR_X = NODE_W + CORRIDOR_GAP;

/**
 * Routes for every edge at once (lanes and attachment points depend on the other edges). The first
 * point of a route is on the source box, the last on the target. The lanes stand right of a corridor
 * `corridor` wide that begins at CORRIDOR_X: it holds every label, so it is as wide as the widest label
 * the scenario draws at any step, and the lanes stay put while the reader steps through.
 */
export function routeEdgesVertical(
  edges: readonly VerticalEdge[],
  boxes: Partial<Record<ActorId, Box>>,
  corridor: number,
): Point[][] {
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

  // Where each laned edge meets a box's right side, spread evenly down that side: lanes running up
  // from the box above those running down, and each lane's end clear of the lanes inside it (up: the
  // inner ones higher; down: the inner ones lower), so no end crosses another lane's run.
  const attachments = new Map<ActorId, { index: number; rank: number }[]>();
  for (const { index } of laned) {
    const edge = edges[index] as VerticalEdge;
    const lane = laneOf.get(index) ?? 0;
    for (const [actor, other] of [
      [edge.from, edge.to],
      [edge.to, edge.from],
    ] as const) {
      const up = (boxes[other] as Box).y < (boxes[actor] as Box).y;
      const list = attachments.get(actor) ?? [];
      list.push({ index, rank: up ? lane : lanes.length * 2 - lane });
      attachments.set(actor, list);
    }
  }
  const dyFor = (actor: ActorId, index: number): number => {
    const list = [...(attachments.get(actor) ?? [])].sort((p, q) => p.rank - q.rank);
    const at = list.findIndex((e) => e.index === index);
    return ((at + 1) * NODE_H) / (list.length + 1);
  };
  const firstLane = CORRIDOR_X + corridor + LANE_ROOM;
  for (const { index } of laned) {
    const { from, to } = edges[index] as VerticalEdge;
    const a = boxes[from] as Box;
    const b = boxes[to] as Box;
    const x = firstLane + LANE_PITCH * (laneOf.get(index) ?? 0);
    const start = { x: a.x + a.w, y: a.y + dyFor(from, index) };
    const end = { x: b.x + b.w, y: b.y + dyFor(to, index) };
    routes[index] = [start, { x, y: start.y }, { x, y: end.y }, end];
  }
  return routes;
}

/** A straight stretch of a route where a label may stand beside it or a leader meet it. */
export interface Run {
  /** Vertical: x fixed, from `from` to `to` in y. Horizontal: y fixed, from `from` to `to` in x. */
  vertical: boolean;
  at: number;
  from: number;
  to: number;
}

/** A leader meets its line no closer than this to a box it enters, so it never touches the box. */
export const END_ROOM = 8;
/** Nor on a rounded corner (radius 10 in roundedPath), where the line is not straight. */
export const CORNER_ROOM = 12;

/** The straight stretches of a route, less their ends at a box and their rounded corners. */
export function runsOf(route: readonly Point[]): Run[] {
  const runs: Run[] = [];
  for (let i = 1; i < route.length; i += 1) {
    const p = route[i - 1] as Point;
    const q = route[i] as Point;
    const vertical = p.x === q.x;
    if (vertical === (p.y === q.y)) continue;
    const [u, v] = vertical ? [p.y, q.y] : [p.x, q.x];
    const [lowAtEnd, highAtEnd] =
      u < v ? [i === 1, i === route.length - 1] : [i === route.length - 1, i === 1];
    const from = Math.min(u, v) + (lowAtEnd ? END_ROOM : CORNER_ROOM);
    const to = Math.max(u, v) - (highAtEnd ? END_ROOM : CORNER_ROOM);
    if (to >= from) runs.push({ vertical, at: vertical ? p.x : p.y, from, to });
  }
  return runs;
}

export interface Segment {
  a: Point;
  b: Point;
  owner: number;
}

/** Every segment of every route, with the index of its route. */
export function segmentsOf(routes: readonly Point[][]): Segment[] {
  return routes.flatMap((route, owner) => route.slice(1).map((b, i) => ({ a: route[i] as Point, b, owner })));
}
