import { type Box, boxesOverlap, type Point, segmentHitsBox } from './layout';

/**
 * Where the line labels of the phone's diagram go (layout-vertical.ts draws the boxes in one column and
 * the lines in lanes right of it). A label is read as naming the line it touches, so each label is tied
 * to its own line: it stands just right of the line where nothing else is in the way, or it stands in
 * the gutter right of every lane with a leader, a short horizontal line from its left edge to a point
 * on its own line. Leaders cross as few other lines as can be had, and never a box, a label, another
 * leader, or a line running alongside. Everything is computed from the routes, in the layout pass: the
 * DOM is never measured.
 */

/** A label's centre and, where it stands away from its line, its leader (label edge first, then the line). */
export interface VerticalLabel {
  at: Point;
  leader?: [Point, Point];
}

/** A stretch of a vertical segment of a route where a leader may meet it, or a label stand beside it. */
interface Run {
  x: number;
  top: number;
  bottom: number;
}

interface Segment {
  a: Point;
  b: Point;
  owner: number;
}

interface Candidate {
  cost: number;
  box: Box;
  leader?: [Point, Point];
}

/** Space between a line and a label standing beside it (the old gutter's own gap). */
const NEAR = 6;
/**
 * Room between a label and any line but its own: a label 2 px from another line's corner read as that
 * line's label, since the corner seemed to come out from under it.
 */
const LINE_ROOM = 8;
/** A label this close to its line (edge to line) is read as its line's without a leader. */
const TIED = 12;
/** A leader meets the label's straight left side, clear of its rounded corners (radius 5, border 2). */
const LEADER_INSET = 8;
/** A leader meets its line no closer than this to a box it enters, so it never touches the box. */
const END_ROOM = 8;
/** Nor on a rounded corner (radius 10 in roundedPath), where the line is not vertical. */
const CORNER_ROOM = 12;
/** Room between two labels (the old gutter's spacing). */
const LABEL_GAP = 6;
/** Room between a leader and a line or leader alongside it: closer, the two would read as one. */
const PARALLEL_GAP = 6;
/** Candidate places every this many flow units: labels are 27 or more tall, a gap between boxes offers 18. */
const STEP = 4;
/**
 * Costs that order the candidates: a label beside its line beats one with a leader, and a leader that
 * crosses no line beats one that does; among equals, nearer the middle of the line's run wins.
 */
const LEADER_COST = 40;
const CROSSING_COST = 200;
const DISTANCE_COST = 0.25;
/**
 * A label in the gutter touching another line (the outermost lane runs 6 px from the gutter) seems to
 * name that line too, leader or not: worth moving it some way along its own line's run to avoid.
 */
const OTHER_LINE_COST = 30;

/** The vertical stretches of a route, less their ends at a box and their rounded corners. */
function runsOf(route: readonly Point[]): Run[] {
  const runs: Run[] = [];
  for (let i = 1; i < route.length; i += 1) {
    const p = route[i - 1] as Point;
    const q = route[i] as Point;
    if (p.x !== q.x || p.y === q.y) continue;
    const [upper, lower, upperAtEnd, lowerAtEnd] =
      p.y < q.y ? [p, q, i === 1, i === route.length - 1] : [q, p, i === route.length - 1, i === 1];
    const top = upper.y + (upperAtEnd ? END_ROOM : CORNER_ROOM);
    const bottom = lower.y - (lowerAtEnd ? END_ROOM : CORNER_ROOM);
    if (bottom >= top) runs.push({ x: p.x, top, bottom });
  }
  return runs;
}

/** Every segment of every route, with the index of its route. */
function segmentsOf(routes: readonly Point[][]): Segment[] {
  return routes.flatMap((route, owner) => route.slice(1).map((b, i) => ({ a: route[i] as Point, b, owner })));
}

/**
 * What a horizontal leader at height y from x0 to x1 costs for the routes and boxes alone: the number of
 * other lines it crosses, or infinity where it would touch a box, run along a line or cut a corner.
 */
function leaderCrossings(
  y: number,
  x0: number,
  x1: number,
  owner: number,
  segments: readonly Segment[],
  boxes: readonly Box[],
): number {
  const leader = { x: x0, y: y - END_ROOM / 2, w: x1 - x0, h: END_ROOM };
  if (boxes.some((box) => boxesOverlap(leader, box))) return Number.POSITIVE_INFINITY;
  let crossings = 0;
  for (const { a, b, owner: other } of segments) {
    if (a.y === b.y) {
      // Alongside a horizontal line (its own stubs too): the two would read as one.
      if (Math.abs(a.y - y) < PARALLEL_GAP && Math.max(a.x, b.x) > x0 && Math.min(a.x, b.x) < x1)
        return Number.POSITIVE_INFINITY;
      continue;
    }
    if (other === owner || a.x <= x0 || a.x >= x1) continue;
    const top = Math.min(a.y, b.y);
    const bottom = Math.max(a.y, b.y);
    if (y > top + CORNER_ROOM && y < bottom - CORNER_ROOM) crossings += 1;
    else if (y > top - PARALLEL_GAP && y < bottom + PARALLEL_GAP) return Number.POSITIVE_INFINITY;
  }
  return crossings;
}

/** Whether a horizontal leader runs within PARALLEL_GAP of another (they share some x). */
function leadersTouch(p: [Point, Point], q: [Point, Point]): boolean {
  const [p0, p1] = [Math.min(p[0].x, p[1].x), Math.max(p[0].x, p[1].x)];
  const [q0, q1] = [Math.min(q[0].x, q[1].x), Math.max(q[0].x, q[1].x)];
  return Math.abs(p[0].y - q[0].y) < PARALLEL_GAP && p1 > q0 && q1 > p0;
}

/** The places a label may take for one of its line's runs, with their costs (routes and boxes checked). */
function candidatesFor(
  index: number,
  size: { w: number; h: number },
  run: Run,
  wanted: number,
  gutterX: number,
  segments: readonly Segment[],
  boxes: readonly Box[],
): Candidate[] {
  const { w, h } = size;
  const candidates: Candidate[] = [];
  // Beside the run: the label's side overlaps the run by at least LEADER_INSET, so it reads as its line's.
  const reach = h / 2 - LEADER_INSET;
  for (let c = run.top - reach; c <= run.bottom + reach; c += STEP) {
    const box = { x: run.x + NEAR, y: c - h / 2, w, h };
    if (boxes.some((b) => boxesOverlap(box, b, 4))) continue;
    if (segments.some(({ a, b, owner }) => owner !== index && segmentHitsBox(a, b, box, -LINE_ROOM)))
      continue;
    candidates.push({ cost: DISTANCE_COST * Math.abs(c - wanted), box });
  }
  // In the gutter (right of every line and box, so clear of them by construction), with a leader.
  if (gutterX - run.x <= TIED) return candidates;
  // The other lines that pass near the gutter at some height (the outermost lane, mostly): the only
  // ones a label there can touch, found once rather than for every place tried.
  const column = { x: gutterX, y: Number.MIN_SAFE_INTEGER / 2, w, h: Number.MAX_SAFE_INTEGER };
  const nearGutter = segments.filter(
    ({ a, b, owner }) => owner !== index && segmentHitsBox(a, b, column, -LINE_ROOM),
  );
  for (let y = run.top; y <= run.bottom; y += STEP) {
    const crossings = leaderCrossings(y, run.x, gutterX, index, segments, boxes);
    if (crossings === Number.POSITIVE_INFINITY) continue;
    const leader: [Point, Point] = [
      { x: gutterX, y },
      { x: run.x, y },
    ];
    // The leader meets the label at its middle, or near its top or bottom (as far off the middle as its
    // straight side allows): three places clear a neighbour, and every candidate costs time in a seek.
    for (const d of reach >= STEP ? [0, -reach, reach] : [0]) {
      const c = y + d;
      const box = { x: gutterX, y: c - h / 2, w, h };
      const cost =
        LEADER_COST +
        CROSSING_COST * crossings +
        (nearGutter.some(({ a, b }) => segmentHitsBox(a, b, box, -LINE_ROOM)) ? OTHER_LINE_COST : 0) +
        DISTANCE_COST * (Math.abs(c - wanted) + Math.abs(c - y));
      candidates.push({ cost, box, leader });
    }
  }
  return candidates;
}

/**
 * Label centres (and leaders) for the phone's diagram. Sizes and routes are per edge; an edge without a
 * label has size null (and gets a centre it does not use). The labels with the least room choose first
 * (a line between two neighbouring boxes offers a few pixels of height), each taking the cheapest place
 * clear of the labels and leaders already placed.
 */
export function placeLabelsVertical(
  routes: readonly Point[][],
  sizes: readonly ({ w: number; h: number } | null)[],
  gutterX: number,
  boxes: readonly Box[],
): VerticalLabel[] {
  const segments = segmentsOf(routes);
  const runs = routes.map(runsOf);
  const room = runs.map((list) => list.reduce((sum, r) => sum + r.bottom - r.top, 0));
  const wanted = routes.map((route) => {
    const ys = route.map((p) => p.y);
    return (Math.min(...ys) + Math.max(...ys)) / 2;
  });
  const order = routes
    .map((_, i) => i)
    .sort(
      (p, q) => (room[p] as number) - (room[q] as number) || (wanted[p] as number) - (wanted[q] as number),
    );
  const placed: VerticalLabel[] = routes.map(() => ({ at: { x: 0, y: 0 } }));
  const labels: Box[] = [];
  const leaders: [Point, Point][] = [];
  for (const i of order) {
    const size = sizes[i];
    if (!size) continue;
    const want = wanted[i] as number;
    const clear = ({ box, leader }: Candidate) =>
      !labels.some((l) => boxesOverlap(box, l, LABEL_GAP)) &&
      !leaders.some(([a, b]) => segmentHitsBox(a, b, box, -2)) &&
      (!leader ||
        (!labels.some((l) => segmentHitsBox(leader[0], leader[1], l, -2)) &&
          !leaders.some((other) => leadersTouch(leader, other))));
    // The cheapest clear candidate, in one pass: cheaper than sorting them, as few are ever blocked.
    let free: Candidate | undefined;
    for (const run of runs[i] as Run[])
      for (const candidate of candidatesFor(i, size, run, want, gutterX, segments, boxes))
        if ((!free || candidate.cost < free.cost) && clear(candidate)) free = candidate;
    const box = free?.box ?? freeGutterSlot(size, want, gutterX, labels);
    labels.push(box);
    if (free?.leader) leaders.push(free.leader);
    placed[i] = { at: { x: box.x + box.w / 2, y: box.y + box.h / 2 }, leader: free?.leader };
  }
  return placed;
}

/**
 * The first place in the gutter at or below `wanted` clear of the labels placed: the layout before
 * leaders, kept for a line no place ties to (none in today's scenarios; layout-vertical-labels.test.ts).
 */
function freeGutterSlot(size: { w: number; h: number }, wanted: number, gutterX: number, labels: Box[]): Box {
  const box = { x: gutterX, y: wanted - size.h / 2, ...size };
  for (;;) {
    const hit = labels.find((l) => boxesOverlap(box, l, LABEL_GAP));
    if (!hit) return box;
    box.y = hit.y + hit.h + LABEL_GAP;
  }
}
