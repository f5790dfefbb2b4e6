import { type Box, boundsAround, boxesOverlap, type Point, segmentHitsBox } from './layout';
import {
  CORNER_ROOM,
  CORRIDOR_X,
  END_ROOM,
  LANE_PITCH,
  type Run,
  runsOf,
  type Segment,
  segmentsOf,
} from './layout-vertical';
import { type Landing, placesForWords, type WordsObstacles, type WordsPlace } from './layout-vertical-words';

/**
 * Where the line labels of the phone's diagram go (layout-vertical.ts draws the boxes in one column,
 * a corridor for the labels right of it, and the lanes right of that). A label is read as naming the
 * line it touches, so each label is tied to its own line: it stands just beside a straight stretch of
 * it (inside a lane's run, or above or below the end of a lane that crosses the corridor), or in the
 * corridor with a leader, a short horizontal line from its side to a point on its own line. A short
 * line between neighbours reaches the corridor through its gap, which nothing else crosses: no leader
 * crosses a line, where leaders from a gutter right of the lanes once crossed every lane on their way.
 * The words riding with the packet, once it has landed, get a place beside its dot clear of the labels,
 * leaders and boxes (placeLabelsAndWordsVertical). Everything is computed from the routes, in the
 * layout pass: the DOM is never measured.
 */

/** A label's centre and, where it stands away from its line, its leader (label edge first, then the line). */
export interface VerticalLabel {
  at: Point;
  leader?: [Point, Point];
  /**
   * Set where the label is tied to its line at its right side (left of a lane): it is drawn from that
   * side, since the drawn text runs narrower than the estimate (labelSize) and would stand off the line.
   */
  right?: true;
  /** Set where no place ties the label to its line (corridorSlot). */
  loose?: true;
}

interface Candidate {
  cost: number;
  box: Box;
  leader?: [Point, Point];
  right?: boolean;
}

/** Space between a line and a label standing beside it. */
const NEAR = 6;
/**
 * Room between a label and any line but its own: a label 2 px from another line's corner read as that
 * line's label, since the corner seemed to come out from under it.
 */
const LINE_ROOM = 8;
/** A label this close to its line (edge to line) is read as its line's without a leader. */
const TIED = 12;
/** A leader meets the label's straight side, clear of its rounded corners (radius 5, border 2). */
const LEADER_INSET = 8;
/** Room between two labels. */
const LABEL_GAP = 6;
/** Room between a leader and a line or leader alongside it: closer, the two would read as one. */
const PARALLEL_GAP = 6;
/** Candidate places every this many flow units: labels are 27 or more tall, a gap's run offers 28. */
const STEP = 4;
/**
 * Costs that order the candidates: a label beside its line beats one with a leader, and a leader that
 * crosses no line beats one that does; among equals, nearer the middle of the line wins. Beside a
 * lane's end, a label is as plainly its line's as beside the lane's run, wherever that end is.
 */
const LEADER_COST = 40;
const CROSSING_COST = 200;
const DISTANCE_COST = 0.25;
const END_COST = 8;
/** A label touching another line (closer than LINE_ROOM, not on it) seems to name that line too. */
const OTHER_LINE_COST = 30;
/**
 * A label beside a lane with another lane just past it (lanes are LANE_PITCH apart) could name either:
 * beside the lane's end across the corridor, where it runs alone, it names one.
 */
const BESIDE_LANES_COST = 30;
/** A label above the column's first box or below its last makes the drawing taller, so smaller. */
const TALLER_COST = 20;

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
      // Alongside a horizontal line (its own lane's ends too): the two would read as one.
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

/**
 * Where a label may stand for the routes and boxes alone: clear of every box, off every line, and
 * not beside a line but its own; the cost of standing near one (a place with a leader, whose label
 * is read by its leader, may; one beside its line may not), or undefined where it may not stand.
 */
function lineCost(
  box: Box,
  index: number,
  segments: readonly Segment[],
  boxes: readonly Box[],
  beside: boolean,
) {
  if (boxes.some((b) => boxesOverlap(box, b, 4))) return undefined;
  let cost = 0;
  for (const { a, b, owner } of segments) {
    if (segmentHitsBox(a, b, box, -2)) return undefined;
    if (owner !== index && segmentHitsBox(a, b, box, -LINE_ROOM)) {
      if (beside) return undefined;
      cost = OTHER_LINE_COST;
    }
  }
  return cost;
}

/** The places a label may take for one of its line's runs, with their costs (routes and boxes checked). */
function candidatesFor(
  index: number,
  size: { w: number; h: number },
  run: Run,
  short: boolean,
  wanted: number,
  all: readonly Segment[],
  boxes: readonly Box[],
  leaders: boolean,
  column: { top: number; bottom: number },
): Candidate[] {
  const { w, h } = size;
  const candidates: Candidate[] = [];
  // Only the lines near the run can touch a label or leader for it: the rest is left out of the tests.
  const room = LINE_ROOM + NEAR;
  const area = run.vertical
    ? {
        x: Math.min(run.at - w, CORRIDOR_X) - room,
        y: run.from - h - room,
        w: Math.abs(run.at - CORRIDOR_X) + 2 * w + 2 * room,
        h: run.to - run.from + 2 * (h + room),
      }
    : { x: CORRIDOR_X - room, y: run.at - h - 2 * room, w: w + 2 * room, h: 2 * (h + 2 * room) };
  const segments = all.filter(({ a, b }) => segmentHitsBox(a, b, area, 0));
  // A lane's label stands left of it, tied at its right side; every other label at its left side.
  const right = run.vertical && !short;
  const push = (box: Box, base: number, beside: boolean, leader?: [Point, Point]) => {
    const cost = lineCost(box, index, segments, boxes, beside);
    const taller = box.y < column.top || box.y + box.h > column.bottom ? TALLER_COST : 0;
    if (cost !== undefined) candidates.push({ cost: base + cost + taller, box, leader, right });
  };
  // Beside the run, overlapping it by at least LEADER_INSET so it reads as its line's.
  const reach = h / 2 - LEADER_INSET;
  if (!leaders) {
    if (!run.vertical)
      // A lane's end across the corridor: the label stands on it or under it, at the corridor's start.
      for (const y of [run.at - NEAR - h, run.at + NEAR]) push({ x: CORRIDOR_X, y, w, h }, END_COST, true);
    else {
      // A short line's label right of it; a lane's left of it (right of a lane is past the drawing's edge).
      const x = short ? run.at + NEAR : run.at - NEAR - w;
      for (let c = run.from - reach; c <= run.to + reach; c += STEP) {
        const box = { x, y: c - h / 2, w, h };
        // The strip past the lane, as wide as two lanes' pitch, where another lane would stand.
        const past = { x: run.at + 1, y: box.y, w: 2 * LANE_PITCH, h };
        const crowded =
          !short &&
          segments.some(({ a, b, owner }) => owner !== index && a.x === b.x && segmentHitsBox(a, b, past, 0));
        push(box, DISTANCE_COST * Math.abs(c - wanted) + (crowded ? BESIDE_LANES_COST : 0), true);
      }
    }
    return candidates;
  }
  if (!run.vertical) return candidates;
  // In the corridor with a leader: from a short line across its gap, from a lane across the corridor.
  const [x0, x1] = short ? [run.at, CORRIDOR_X] : [CORRIDOR_X + w, run.at];
  if (x1 - x0 <= TIED) return candidates;
  for (let y = run.from; y <= run.to; y += STEP) {
    const crossings = leaderCrossings(y, x0, x1, index, segments, boxes);
    if (crossings === Number.POSITIVE_INFINITY) continue;
    const leader: [Point, Point] = short
      ? [
          { x: x1, y },
          { x: x0, y },
        ]
      : [
          { x: x0, y },
          { x: x1, y },
        ];
    // The leader meets the label at its middle, or near its top or bottom (as far off the middle as its
    // straight side allows): three places clear a neighbour, and every candidate costs time in a seek.
    for (const d of reach >= STEP ? [0, -reach, reach] : [0]) {
      const c = y + d;
      const base =
        LEADER_COST + CROSSING_COST * crossings + DISTANCE_COST * (Math.abs(c - wanted) + Math.abs(d));
      push({ x: CORRIDOR_X, y: c - h / 2, w, h }, base, false, leader);
    }
  }
  return candidates;
}

/**
 * Label centres (and leaders) for the phone's diagram. Sizes and routes are per edge; an edge without a
 * label has size null (and gets a centre it does not use). The labels with the least room choose first
 * (a line between two neighbouring boxes offers a few units of height), each taking the cheapest place
 * clear of the labels and leaders already placed.
 */
export function placeLabelsVertical(
  routes: readonly Point[][],
  sizes: readonly ({ w: number; h: number } | null)[],
  boxes: readonly Box[],
  /** Room kept for something else, as for a label already placed (a packet's words). */
  kept: readonly Box[] = [],
): VerticalLabel[] {
  const segments = segmentsOf(routes);
  const runs = routes.map(runsOf);
  const room = runs.map((list) => list.reduce((sum, r) => sum + (r.vertical ? r.to - r.from : 0), 0));
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
  const labels: Box[] = [...kept];
  const column = {
    top: Math.min(...boxes.map((b) => b.y)),
    bottom: Math.max(...boxes.map((b) => b.y + b.h)),
  };
  const leaders: [Point, Point][] = [];
  for (const i of order) {
    const size = sizes[i];
    if (!size) continue;
    const want = wanted[i] as number;
    const short = (routes[i] as Point[]).length === 2;
    const clear = ({ box, leader }: Candidate) =>
      !labels.some((l) => boxesOverlap(box, l, LABEL_GAP)) &&
      !leaders.some(([a, b]) => segmentHitsBox(a, b, box, -2)) &&
      (!leader ||
        (!labels.some((l) => segmentHitsBox(leader[0], leader[1], l, -2)) &&
          !leaders.some((other) => leadersTouch(leader, other))));
    // The cheapest clear candidate, in one pass: cheaper than sorting them, as few are ever blocked.
    // Places with a leader are looked for only where no place beside the line costs less than any.
    let free: Candidate | undefined;
    for (const leaders of [false, true]) {
      if (leaders && free && free.cost <= LEADER_COST) break;
      for (const run of runs[i] as Run[])
        for (const candidate of candidatesFor(i, size, run, short, want, segments, boxes, leaders, column))
          if ((!free || candidate.cost < free.cost) && clear(candidate)) free = candidate;
    }
    const box = free?.box ?? corridorSlot(size, want, labels);
    labels.push(box);
    if (free?.leader) leaders.push(free.leader);
    placed[i] = { at: { x: box.x + box.w / 2, y: box.y + box.h / 2 }, leader: free?.leader };
    if (free?.right) placed[i].right = true;
    if (!free) placed[i].loose = true;
  }
  return placed;
}

/**
 * The first place in the corridor at or below `wanted` clear of the labels placed, for a line no place
 * ties to (none in today's scenarios; layout-vertical-labels.test.ts).
 */
function corridorSlot(size: { w: number; h: number }, wanted: number, labels: Box[]): Box {
  const box = { x: CORRIDOR_X, y: wanted - size.h / 2, ...size };
  for (;;) {
    const hit = labels.find((l) => boxesOverlap(box, l, LABEL_GAP));
    if (!hit) return box;
    box.y = hit.y + hit.h + LABEL_GAP;
  }
}

/** Each label's rectangle (an empty one for a line without a label). */
export function labelBoxes(
  labels: readonly VerticalLabel[],
  sizes: readonly ({ w: number; h: number } | null)[],
): Box[] {
  return labels.map(({ at }, i) => {
    const { w, h } = sizes[i] ?? { w: 0, h: 0 };
    return { x: at.x - w / 2, y: at.y - h / 2, w, h };
  });
}

/** What the drawing covers (boxes, routes, labels), 4 units round: build-graph.ts's bounds. */
function frameOf(boxes: readonly Box[], labels: readonly Box[], routes: readonly Point[][]): Box {
  return boundsAround([...boxes, ...labels.filter((l) => l.w > 0)], routes.flat());
}

const inside = (a: Box, b: Box) =>
  a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;

/** How many places for the words are tried when the labels must be placed again round them. */
const WORDS_TRIES = 6;

/**
 * The labels (placeLabelsVertical), the frame they make, and the place for the words of the packet
 * that has landed (DiagramLines.tsx shows them there, reading nothing from the page). The words keep
 * clear of every box: a pill over a box's border, clear of its text, still read as clutter on the box.
 * Where the labels leave the words no place by the dot (under the caller, the short line's leader across
 * the gap, and words as wide as "ID, access, refresh tokens"), the words take one of the nearest places
 * clear of the boxes, and the labels are placed again round them, kept only if every label is still tied
 * to its line and inside the frame. The frame is the first layout's (it sizes the view, through
 * drawing-frames.ts), except in a drawing too narrow for the words: it then grows to hold them.
 */
export function placeLabelsAndWordsVertical(
  routes: readonly Point[][],
  sizes: readonly ({ w: number; h: number } | null)[],
  boxes: readonly Box[],
  landing?: Landing,
): { labels: VerticalLabel[]; frame: Box; words?: WordsPlace } {
  const labels = placeLabelsVertical(routes, sizes, boxes);
  const placedBoxes = labelBoxes(labels, sizes);
  const frame = frameOf(boxes, placedBoxes, routes);
  if (!landing) return { labels, frame };
  const around = (list: readonly VerticalLabel[], within: Box): WordsObstacles => ({
    routes,
    boxes,
    texts: landing.texts,
    labels: labelBoxes(list, sizes).filter((l) => l.w > 0),
    leaders: list.flatMap((l) => (l.leader ? [l.leader] : [])),
    frame: within,
  });
  // The labels placed again keep inside the frame: strips above and below it, as far from it as the
  // room kept between labels, hold them there.
  const [top, bottom] = [frame.y + 4 - LABEL_GAP, frame.y + frame.h - 4 + LABEL_GAP];
  const strips = [
    { x: frame.x, y: top - frame.h, w: frame.w, h: frame.h },
    { x: frame.x, y: bottom, w: frame.w, h: frame.h },
  ];
  // Within the frame first; then, for two boxes and the widest words, past its right side, the frame
  // growing to hold them.
  const grown = (words: Box) =>
    inside(words, frame) ? frame : frameOf(boxes, [...placedBoxes, words], routes);
  // Clear of every box first; only where no place is, over a box's empty border, never its text.
  for (const overBoxes of [false, true])
    for (const within of [frame, { ...frame, w: frame.w + landing.size.w }]) {
      const [clear] = placesForWords(landing, around(labels, within), overBoxes);
      if (clear) return { labels, frame: grown(clear.box), words: clear.place };
      for (const first of placesForWords(landing, around([], within), overBoxes, WORDS_TRIES)) {
        const again = placeLabelsVertical(routes, sizes, boxes, [first.box, ...strips]);
        if (again.some((l) => l.loose)) continue;
        if (!inside(frameOf(boxes, labelBoxes(again, sizes), routes), frame)) continue;
        const [words] = placesForWords(landing, around(again, within), overBoxes);
        if (words) return { labels: again, frame: grown(words.box), words: words.place };
      }
    }
  return { labels, frame };
}
