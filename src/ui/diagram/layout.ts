import type { ActorId } from '../../scenarios/types';

/**
 * Pure geometry of the diagram: where each box sits and the orthogonal route every edge takes, so that
 * no line runs under a box it does not connect. Columns read left to right like the sentence "the app
 * signs in, gets an identity, gets credentials from STS, calls a service"; IAM sits below the services
 * it answers for. Routes are fixed per edge kind (the set of edges is small and known), and a unit test
 * checks every scenario for lines crossing boxes and labels covering boxes or each other.
 */

export interface Point {
  x: number;
  y: number;
}
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Left to right (wide screens, the default) or top to bottom (phones). */
export type Orientation = 'horizontal' | 'vertical';

/** Node size in flow units; the CSS (.service-node) uses the same numbers. */
export const NODE_W = 160;
export const NODE_H = 72;
const PITCH_X = 210;
/** Vertical pitch of the service column. */
const SERVICE_PITCH = 92;

const COL = [0, PITCH_X, PITCH_X * 2, PITCH_X * 3, PITCH_X * 4] as const;

/** Lanes above the middle columns where the app's direct calls to services run. */
const LANE_Y = [36, 58, 80] as const;
/** The rows the callers (app, developer, broker) take, in that order, in the first column. */
const CALLER_ROWS = [244, 352, 460] as const;
const CALLERS: ActorId[] = ['app', 'developer', 'broker'];
/** The rows of the outside IdPs (Google, then SAML), under the user pool. */
const IDP_ROWS = [352, 460] as const;

/**
 * The row below every box left of the services, for callers below the app (developer, broker): it
 * follows the lowest box drawn, so a scenario without the IdPs does not run its path along an empty
 * bottom.
 */
function lowerCorridorY(boxes: Partial<Record<ActorId, Box>>): number {
  const bottoms = Object.values(boxes)
    .filter((b) => b.x < COL[4])
    .map((b) => b.y + b.h);
  return Math.max(0, ...bottoms) + 28;
}

/** IAM sits at least this low: under STS, so the policy check runs down out of STS into it. */
const IAM_MIN_Y = 188;

const FIXED_STS_Y = 112;
const FIXED: Partial<Record<ActorId, Point>> = {
  userPool: { x: COL[1], y: 112 },
  identityPool: { x: COL[2], y: 244 },
  sts: { x: COL[3], y: FIXED_STS_Y },
};

/** Services stack in this order in the last column; IAM goes below the last one drawn. */
const SERVICE_ORDER: ActorId[] = ['s3', 'apiGateway', 'ssm', 'sync', 'appsync'];

/** Boxes for the actors drawn; services close up when one is not drawn. */
export function layoutActors(actors: readonly ActorId[]): Partial<Record<ActorId, Box>> {
  const drawn = new Set(actors);
  const boxes: Partial<Record<ActorId, Box>> = {};
  for (const actor of actors) {
    const at = FIXED[actor];
    if (at) boxes[actor] = { ...at, w: NODE_W, h: NODE_H };
  }
  // Callers close up from the top row: a developer alone stands where the app would. Where neither
  // the app nor the identity pool is drawn (a server calling STS itself), nothing holds the callers at
  // the identity pool's row: they move up to STS's, and the drawing loses an empty band at its top.
  const rise = drawn.has('app') || drawn.has('identityPool') ? 0 : CALLER_ROWS[0] - FIXED_STS_Y;
  CALLERS.filter((c) => drawn.has(c)).forEach((caller, row) => {
    boxes[caller] = { x: COL[0], y: (CALLER_ROWS[row] ?? CALLER_ROWS[0]) - rise, w: NODE_W, h: NODE_H };
  });
  // So do the outside IdPs below the user pool: SAML alone takes Google's row.
  (['google', 'saml'] as const)
    .filter((idp) => drawn.has(idp))
    .forEach((idp, row) => {
      boxes[idp] = { x: COL[1], y: IDP_ROWS[row] ?? IDP_ROWS[0], w: NODE_W, h: NODE_H };
    });
  let y = 0;
  for (const service of SERVICE_ORDER) {
    if (!drawn.has(service)) continue;
    boxes[service] = { x: COL[4], y, w: NODE_W, h: NODE_H };
    y += SERVICE_PITCH;
  }
  if (drawn.has('iam')) boxes.iam = { x: COL[4], y: Math.max(y, IAM_MIN_Y) + 16, w: NODE_W, h: NODE_H };
  return boxes;
}

const right = (b: Box, dy = b.h / 2): Point => ({ x: b.x + b.w, y: b.y + dy });
const left = (b: Box, dy = b.h / 2): Point => ({ x: b.x, y: b.y + dy });
const top = (b: Box, dx = b.w / 2): Point => ({ x: b.x + dx, y: b.y });
const bottom = (b: Box, dx = b.w / 2): Point => ({ x: b.x + dx, y: b.y + b.h });
const midY = (b: Box) => b.y + b.h / 2;

/** Whether the orthogonal route passes through any of the boxes but `ends` (with a little room around each). */
function crossesABox(route: readonly Point[], boxes: Partial<Record<ActorId, Box>>, ends: readonly Box[]) {
  const ROOM = 12;
  return Object.values(boxes).some((box) => {
    if (ends.includes(box)) return false;
    return route.slice(1).some((p, i) => {
      const q = route[i] as Point;
      const [x1, x2] = [Math.min(p.x, q.x), Math.max(p.x, q.x)];
      const [y1, y2] = [Math.min(p.y, q.y), Math.max(p.y, q.y)];
      return x2 > box.x - ROOM && x1 < box.x + box.w + ROOM && y2 > box.y - ROOM && y1 < box.y + box.h + ROOM;
    });
  });
}

/** The lane (and its drop column) for the app's direct call to a service, nested so lines never cross. */
const SERVICE_LANE: Partial<Record<ActorId, { lane: number; dropX: number; exitX: number }>> = {
  s3: { lane: 0, dropX: 0, exitX: 8 },
  apiGateway: { lane: 1, dropX: COL[4] - 22, exitX: 18 },
  ssm: { lane: 2, dropX: COL[4] - 36, exitX: 28 },
  sync: { lane: 2, dropX: COL[4] - 36, exitX: 28 },
  appsync: { lane: 2, dropX: COL[4] - 36, exitX: 28 },
};
/** The bus on the right of the service column that carries policy checks down to IAM. */
const POLICY_BUS_X: Partial<Record<ActorId, number>> = {
  s3: 10,
  apiGateway: 18,
  ssm: 26,
  sync: 26,
  appsync: 26,
};

/**
 * The orthogonal route of an edge (first point on the source box, last on the target box).
 * Falls back to a right → left elbow for pairs no scenario uses today.
 */
export function routeEdge(from: ActorId, to: ActorId, boxes: Partial<Record<ActorId, Box>>): Point[] {
  const a = boxes[from];
  const b = boxes[to];
  if (!a || !b) return [];
  const gapX = (box: Box) => box.x + box.w + (PITCH_X - NODE_W) / 2;
  const LOWER_CORRIDOR_Y = lowerCorridorY(boxes);

  if (from === 'app' || from === 'developer' || from === 'broker') {
    const lane = SERVICE_LANE[to];
    if (from === 'app' && lane) {
      // Up from the app's top-left, along a lane above the middle columns, into the service's left side.
      const y = LANE_Y[lane.lane] ?? LANE_Y[0];
      const start = top(a, lane.exitX);
      if (to === 's3') return [start, { x: start.x, y: midY(b) }, left(b)];
      return [start, { x: start.x, y }, { x: lane.dropX, y }, { x: lane.dropX, y: midY(b) }, left(b)];
    }
    if (from === 'app' && to === 'userPool') {
      const start = top(a, 80);
      return [start, { x: start.x, y: midY(b) }, left(b)];
    }
    if (from === 'app' && to === 'identityPool') return [right(a), left(b)];
    if (from === 'app' && (to === 'google' || to === 'saml')) {
      const start = right(a, a.h - 12);
      const x = gapX(a);
      return [start, { x, y: start.y }, { x, y: midY(b) }, left(b)];
    }
    if (from === 'app' && to === 'sts') {
      // Calls that skip the identity pool: along the third lane, down into STS from above.
      const start = top(a, 28);
      const end = top(b, 70);
      return [start, { x: start.x, y: LANE_Y[2] }, { x: end.x, y: LANE_Y[2] }, end];
    }
    if (from !== 'app' && to === 's3') {
      // A laptop or server calling S3: along the corridor under every box, up the gap left of the service column.
      const start = right(a, 48);
      const x = gapX(a);
      const upX = b.x - (PITCH_X - NODE_W) / 2;
      return [
        start,
        { x, y: start.y },
        { x, y: LOWER_CORRIDOR_Y + 12 },
        { x: upX, y: LOWER_CORRIDOR_Y + 12 },
        { x: upX, y: midY(b) },
        left(b),
      ];
    }
    if (to === 'sts' || to === 'identityPool') {
      // Developer and broker sit below the app: down to the corridor under every box, then up into the box.
      const start = right(a, 24);
      const x = gapX(a);
      const end = bottom(b, to === 'sts' ? 30 : b.w / 2);
      // Below the box with nothing in between: straight across and up into it. The corridor under
      // every box would add a band to the bottom of the drawing (and shrink it on the first screen).
      const corner = { x: end.x, y: start.y };
      if (start.y > end.y + 24 && !crossesABox([start, corner, end], boxes, [a, b]))
        return [start, corner, end];
      return [start, { x, y: start.y }, { x, y: LOWER_CORRIDOR_Y }, { x: end.x, y: LOWER_CORRIDOR_Y }, end];
    }
  }
  if (from === 'identityPool' && to === 'sts') {
    const start = right(a);
    const x = gapX(a);
    return [start, { x, y: start.y }, { x, y: midY(b) }, left(b)];
  }
  if (from === 'sts' && to === 'iam') {
    const start = bottom(a, a.w / 2 + 20);
    return [start, { x: start.x, y: midY(b) }, left(b)];
  }
  const bus = POLICY_BUS_X[from];
  if (to === 'iam' && bus !== undefined) {
    const start = right(a, a.h - 20);
    const x = a.x + a.w + bus;
    const end = right(b, b.h / 2 - 12 + bus);
    return [start, { x, y: start.y }, { x, y: end.y }, end];
  }
  const start = right(a);
  const end = left(b);
  const x = (start.x + end.x) / 2;
  return [start, { x, y: start.y }, { x, y: end.y }, end];
}

/** An SVG path through the points with rounded corners (radius r, smaller where segments are short). */
export function roundedPath(points: readonly Point[], r = 10): string {
  const [first, ...rest] = points;
  if (!first) return '';
  let d = `M ${first.x} ${first.y}`;
  for (let i = 0; i < rest.length; i += 1) {
    const p = rest[i] as Point;
    const prev = points[i] as Point;
    const next = rest[i + 1];
    if (!next) {
      d += ` L ${p.x} ${p.y}`;
      break;
    }
    const inLen = Math.hypot(p.x - prev.x, p.y - prev.y);
    const outLen = Math.hypot(next.x - p.x, next.y - p.y);
    const k = Math.min(r, inLen / 2, outLen / 2);
    const ax = p.x - (Math.sign(p.x - prev.x) * k || 0);
    const ay = p.y - (Math.sign(p.y - prev.y) * k || 0);
    const bx = p.x + (Math.sign(next.x - p.x) * k || 0);
    const by = p.y + (Math.sign(next.y - p.y) * k || 0);
    d += ` L ${ax} ${ay} Q ${p.x} ${p.y} ${bx} ${by}`;
  }
  return d;
}

/** Total length of a polyline, and the point at a distance along it (for the packet). */
export function pointAlong(points: readonly Point[], fraction: number): Point {
  const lengths: number[] = [];
  let total = 0;
  for (let i = 1; i < points.length; i += 1) {
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    lengths.push(len);
    total += len;
  }
  let remaining = Math.max(0, Math.min(1, fraction)) * total;
  for (let i = 1; i < points.length; i += 1) {
    const len = lengths[i - 1] as number;
    const a = points[i - 1] as Point;
    const b = points[i] as Point;
    if (remaining <= len || i === points.length - 1) {
      const t = len === 0 ? 0 : Math.min(1, remaining / len);
      return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
    }
    remaining -= len;
  }
  return points[0] ?? { x: 0, y: 0 };
}

/**
 * Advance widths of the label font, bold (as the active step's label is drawn) at 15 px, in tenths of a
 * pixel rounded up, for ' ' (32) to '~' (126): DejaVu Sans, the widest face `system-ui` resolves to
 * (SF, Segoe UI and Roboto run narrower), measured in Chromium with measureText.
 */
// biome-ignore format: one row of the table per comment row
const ASCII_WIDTHS = [
  // ␠ ! " # $ % & ' ( ) * + , - . /
  53, 69, 79, 126, 105, 151, 131, 46, 69, 69, 79, 126, 57, 63, 57, 55,
  // 0 1 2 3 4 5 6 7 8 9 : ; < = > ?
  105, 105, 105, 105, 105, 105, 105, 105, 105, 105, 60, 60, 126, 126, 126, 88,
  // @ A B C D E F G H I J K L M N O
  150, 117, 115, 111, 125, 103, 103, 124, 126, 56, 56, 117, 96, 150, 126, 128,
  // P Q R S T U V W X Y Z [ \ ] ^ _
  110, 128, 116, 109, 103, 122, 117, 166, 116, 109, 109, 69, 55, 69, 126, 75,
  // ` a b c d e f g h i j k l m n o
  75, 102, 108, 89, 108, 102, 66, 108, 107, 52, 52, 100, 52, 157, 107, 104,
  // p q r s t u v w x y z { | } ~
  108, 108, 74, 90, 72, 107, 98, 139, 97, 98, 88, 107, 55, 107, 126,
] as const;
/** The same for the few other characters labels use; any other counts as wide as an M. */
const OTHER_WIDTHS: Readonly<Record<string, number>> = { '…': 150, '·': 57, '→': 126, é: 102 };

function charWidth(c: string): number {
  const code = c.charCodeAt(0);
  return (ASCII_WIDTHS[code - 32] ?? OTHER_WIDTHS[c] ?? 150) / 10;
}

/** The width of `text` in 15 px bold, by the table above: an upper bound for the usual fonts. */
export function boldTextWidth(text: string): number {
  let w = 0;
  for (const c of text) w += charWidth(c);
  return w;
}

/**
 * Size of a label in flow units, its padding and 2 px border included (15 px text, 19 px lines). An
 * upper bound, not an average: the fitted frame and the phone's label gutter are sized by it, and a
 * flat 8.6 px a character (regular text's average) left bold operation names such as
 * "AssumeRoleWithSAML" running past the canvas's right edge on a phone.
 */
export function labelSize(lines: readonly string[]): { w: number; h: number } {
  const widths = lines.map(boldTextWidth);
  return { w: Math.ceil(Math.max(0, ...widths)) + 16, h: lines.length * 19 + 8 };
}

/** The box round `boxes` and `points`, 4 units out: a drawing's bounds (empty when there is nothing). */
export function boundsAround(boxes: readonly Box[], points: readonly Point[]): Box {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const b of boxes) {
    xs.push(b.x, b.x + b.w);
    ys.push(b.y, b.y + b.h);
  }
  for (const p of points) {
    xs.push(p.x);
    ys.push(p.y);
  }
  if (xs.length === 0) return { x: 0, y: 0, w: 0, h: 0 };
  const x = Math.min(...xs) - 4;
  const y = Math.min(...ys) - 4;
  return { x, y, w: Math.max(...xs) + 4 - x, h: Math.max(...ys) + 4 - y };
}

export function boxesOverlap(a: Box, b: Box, margin = 0): boolean {
  return (
    a.x < b.x + b.w + margin &&
    b.x < a.x + a.w + margin &&
    a.y < b.y + b.h + margin &&
    b.y < a.y + a.h + margin
  );
}

/** True when the axis-aligned segment p→q passes through the inside of the box (shrunk by `inset`). */
export function segmentHitsBox(p: Point, q: Point, box: Box, inset = 1): boolean {
  const x0 = Math.min(p.x, q.x);
  const x1 = Math.max(p.x, q.x);
  const y0 = Math.min(p.y, q.y);
  const y1 = Math.max(p.y, q.y);
  return x0 < box.x + box.w - inset && x1 > box.x + inset && y0 < box.y + box.h - inset && y1 > box.y + inset;
}

/**
 * Where a label goes: the first candidate along the route (middle of the longest segments first, then
 * beside them) whose box is clear of every node, every label already placed, and other edges' lines.
 */
export function placeLabel(
  route: readonly Point[],
  size: { w: number; h: number },
  obstacles: { nodes: Box[]; labels: Box[]; lines: Point[][] },
): Point {
  const segments: { a: Point; b: Point; len: number }[] = [];
  for (let i = 1; i < route.length; i += 1) {
    const a = route[i - 1] as Point;
    const b = route[i] as Point;
    segments.push({ a, b, len: Math.hypot(b.x - a.x, b.y - a.y) });
  }
  segments.sort((s, t) => t.len - s.len);
  const candidates: Point[] = [];
  for (const { a, b } of segments) {
    const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    const horizontal = a.y === b.y;
    candidates.push(mid);
    for (const f of [0.3, 0.7, 0.15, 0.85]) {
      candidates.push({ x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f });
    }
    if (horizontal) {
      candidates.push({ x: mid.x, y: mid.y - size.h / 2 - 4 }, { x: mid.x, y: mid.y + size.h / 2 + 4 });
    } else {
      candidates.push({ x: mid.x - size.w / 2 - 6, y: mid.y }, { x: mid.x + size.w / 2 + 6, y: mid.y });
    }
  }
  const shifted = candidates.flatMap((c) => [0, -20, 20, -40, 40].map((dx) => ({ x: c.x + dx, y: c.y })));
  // Then, only where none of those is clear (a wide label between a line and a box), finer steps.
  for (const c of candidates)
    for (let dx = 2; dx <= 60; dx += 2) shifted.push({ x: c.x + dx, y: c.y }, { x: c.x - dx, y: c.y });
  const boxAt = (c: Point): Box => ({ x: c.x - size.w / 2, y: c.y - size.h / 2, w: size.w, h: size.h });
  const clear = (c: Point) => {
    const box = boxAt(c);
    if (obstacles.nodes.some((n) => boxesOverlap(box, n, 4))) return false;
    if (obstacles.labels.some((l) => boxesOverlap(box, l, 4))) return false;
    return !obstacles.lines.some((line) =>
      line.some((p, i) => i > 0 && segmentHitsBox(line[i - 1] as Point, p, box, -2)),
    );
  };
  return shifted.find(clear) ?? candidates[0] ?? { x: 0, y: 0 };
}
