import { type Box, boldTextWidth, boundsAround, boxesOverlap, type Point, segmentHitsBox } from './layout';

/**
 * Where the line labels of the phone's diagram go (layout-vertical.ts draws the boxes in one column and
 * the lines in lanes right of it). A label is read as naming the line it touches, so each label is tied
 * to its own line: it stands just right of the line where nothing else is in the way, or it stands in
 * the gutter right of every lane with a leader, a short horizontal line from its left edge to a point
 * on its own line. Leaders cross as few other lines as can be had, and never a box, a label, another
 * leader, or a line running alongside. The words riding with the packet, once it has landed, get a place
 * beside its dot clear of the labels, leaders and the boxes' text (placeLabelsAndWordsVertical).
 * Everything is computed from the routes, in the layout pass: the DOM is never measured.
 */

/** A label's centre and, where it stands away from its line, its leader (label edge first, then the line). */
export interface VerticalLabel {
  at: Point;
  leader?: [Point, Point];
  /** Set where no place ties the label to its line (freeGutterSlot). */
  loose?: true;
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
  /** Room kept for something else, as for a label already placed (a packet's words). */
  kept: readonly Box[] = [],
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
  const labels: Box[] = [...kept];
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
    if (!free) placed[i].loose = true;
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

/**
 * Where a packet's words sit beside its dot (DiagramLines.tsx): their corner nearest the dot `ax`, `ay`
 * from its centre, and the words shifted by `fx`, `fy` of their own size (so the drawn words, narrower
 * than the estimate below, stay inside the place found for them and as near the dot).
 */
export interface WordsPlace {
  ax: number;
  ay: number;
  fx: number;
  fy: number;
}

/**
 * What the words must never cover (the boxes' text, labels, leaders and their dots), and what they had
 * better not (lines and boxes), in flow units.
 */
interface WordsObstacles {
  routes: readonly Point[][];
  boxes: readonly Box[];
  /** The boxes' text (boxText), and any other room the words keep out of. */
  texts: readonly Box[];
  labels: readonly Box[];
  leaders: readonly [Point, Point][];
  /** The drawing's frame: the view fits it, so words inside it are never cut off at a fit. */
  frame: Box;
}

/** The packet landed at `dot`, the start of route `own`, its words this size; the boxes' text (boxText). */
export interface Landing {
  dot: Point;
  size: { w: number; h: number };
  own: number;
  texts: readonly Box[];
}

/** Nearest the words come to the dot's centre: its radius with its stroke (10), and 2 of air. */
const WORDS_NEAR = 12;
/**
 * Farthest they go: further off, the dark pill no longer reads as the dot's. (Under the caller's box
 * whose status reads "credentials", the words' nearest clear place begins 28 units right of the dot.)
 */
const WORDS_FAR = 32;
/** Room words keep from a label, a leader, a leader's dot or a box's text: closer, they run together. */
const WORDS_ROOM = 2;
/**
 * What covering things costs, against a flow unit of distance from the dot. The pill is opaque: it
 * hides a stretch of any line it crosses (its own beyond the dot less so), or a box's border; in the
 * phone's tight column (34 units between boxes, a leader across most gaps) wide words often must.
 */
const WORDS_LINE_COST = 6;
const WORDS_OWN_LINE_COST = 3;
const WORDS_BOX_COST = 8;

/**
 * The size of a packet's words (.packet__words: 14 px bold on 18 px lines, 1 px and 6 px of padding),
 * from boldTextWidth's 15 px table scaled down: an upper bound, as labelSize is for the labels.
 */
export function wordsSize(text: string): { w: number; h: number } {
  return { w: Math.ceil((boldTextWidth(text) * 14) / 15) + 12, h: 20 };
}

/**
 * Where a box's lines of text stand (.service-node: 2 px border, 4 px and 9 px padding; its name 17 px
 * bold on 21.25 px, its kind 15 px on 18.75 px, its status 1 px lower, 15 px bold), each as wide as
 * boldTextWidth says (scaled to 17 px for the name), cut at the box's inner width like the text.
 */
export function boxText(box: Box, name: string, kind: string, status?: string): Box[] {
  const line = (text: string, scale: number, y: number, h: number): Box => ({
    x: box.x + 11,
    y: box.y + y,
    w: Math.min(box.w - 22, Math.ceil(boldTextWidth(text) * scale)),
    h,
  });
  const lines = [line(name, 17 / 15, 6, 21.25), line(kind, 1, 27.25, 18.75)];
  if (status) lines.push(line(status, 1, 47, 18.75));
  return lines;
}

/**
 * The nearest place for the words of a packet landed at `dot` (within WORDS_NEAR to WORDS_FAR of it,
 * inside the frame, in 2 unit steps) that covers no label, leader, leader's dot or box text, costed by the
 * lines and box borders it covers; undefined when there is none. `overBoxes` false: no box at all.
 */
function placeWords(
  { dot, size, own }: Landing,
  { routes, boxes, texts, labels, leaders, frame }: WordsObstacles,
  overBoxes = true,
): { box: Box; place: WordsPlace } | undefined {
  const { w, h } = size;
  // Only what lies near the dot can touch the words: the rest is left out of every test below.
  const [rx, ry] = [w + WORDS_FAR + WORDS_ROOM, h + WORDS_FAR + WORDS_ROOM];
  const reach = { x: dot.x - rx, y: dot.y - ry, w: 2 * rx, h: 2 * ry };
  const near = (b: Box) => boxesOverlap(b, reach);
  const segments = segmentsOf(routes).filter(({ a, b }) => segmentHitsBox(a, b, reach, 0));
  const lines = leaders.filter(([a, b]) => segmentHitsBox(a, b, reach, 0));
  const ends = lines.map(([, end]) => ({ x: end.x - 3, y: end.y - 3, w: 6, h: 6 }));
  // What the words never cover, as the area their top left corner must keep out of (with the room).
  const keepOut = [
    ...[...labels, ...texts, ...ends, ...(overBoxes ? [] : boxes)].filter(near),
    ...lines.map(([a, b]) => ({ x: Math.min(a.x, b.x), y: a.y, w: Math.abs(a.x - b.x), h: 0 })),
  ].map((b) => ({
    x0: b.x - w - WORDS_ROOM,
    y0: b.y - h - WORDS_ROOM,
    x1: b.x + b.w + WORDS_ROOM,
    y1: b.y + b.h + WORDS_ROOM,
  }));
  const blocked = (x: number, y: number) => keepOut.some((k) => x > k.x0 && x < k.x1 && y > k.y0 && y < k.y1);
  const covered = boxes.filter(near);
  // The places in rings by their distance from the dot, a unit wide: nearer rings are tried first, and
  // once a place is found no ring as far as its cost is tried (what a place covers only adds to it).
  const rings: number[][] = [];
  for (let y = dot.y - h - WORDS_FAR; y <= dot.y + WORDS_FAR; y += 2)
    for (let x = dot.x - w - WORDS_FAR; x <= dot.x + WORDS_FAR; x += 2) {
      const dx = Math.max(x - dot.x, 0, dot.x - x - w);
      const dy = Math.max(y - dot.y, 0, dot.y - y - h);
      const far = Math.sqrt(dx * dx + dy * dy);
      if (far < WORDS_NEAR || far > WORDS_FAR) continue;
      if (x < frame.x || y < frame.y || x + w > frame.x + frame.w || y + h > frame.y + frame.h) continue;
      if (blocked(x, y)) continue;
      const ring = rings[Math.floor(far)] ?? [];
      rings[Math.floor(far)] = ring;
      ring.push(x, y, far);
    }
  let best: { cost: number; box: Box } | undefined;
  for (const [distance, ring] of rings.entries()) {
    if (!ring || (best && distance >= best.cost)) continue;
    for (let i = 0; i < ring.length; i += 3) {
      const box = { x: ring[i] as number, y: ring[i + 1] as number, w, h };
      // Among equals, words centred on the dot's column: they read as its own most plainly.
      let cost = (ring[i + 2] as number) + Math.abs(box.x + w / 2 - dot.x) / 100;
      for (const { a, b, owner } of segments)
        if (segmentHitsBox(a, b, box, 0)) cost += owner === own ? WORDS_OWN_LINE_COST : WORDS_LINE_COST;
      for (const b of covered) if (boxesOverlap(box, b)) cost += WORDS_BOX_COST;
      if (!best || cost < best.cost) best = { cost, box };
    }
  }
  if (!best) return undefined;
  // Anchored at the corner nearest the dot: the drawn words, narrower than `w`, stay inside `box`.
  const { x, y } = best.box;
  const fromRight = dot.x - x > x + w - dot.x;
  const fromBottom = dot.y - y > y + h - dot.y;
  const place = {
    ax: (fromRight ? x + w : x) - dot.x,
    ay: (fromBottom ? y + h : y) - dot.y,
    fx: fromRight ? -1 : 0,
    fy: fromBottom ? -1 : 0,
  };
  return { box: best.box, place };
}

/** Each label's rectangle (an empty one for a line without a label). */
function labelBoxes(labels: readonly VerticalLabel[], sizes: readonly ({ w: number; h: number } | null)[]) {
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

/**
 * The labels (placeLabelsVertical), the frame they make, and the place for the words of the packet
 * that has landed (DiagramLines.tsx shows them there, reading nothing from the page). The words once
 * went above the dot, then where the drawn page showed the least covered: a thin leader weighed next to
 * nothing there, so on a phone they sat on the leader of the short line under the caller and on its dot,
 * hiding which line the label names. Where the labels leave the words no place by the dot (a line under
 * the caller, its leader across the gap, the lanes' labels beside it, and words as wide as "ID, access,
 * refresh tokens"), the words take the nearest place clear of the boxes' text and of the gaps the short
 * lines' leaders cross, and the labels are placed again round them, kept only if every label is still
 * tied to its line and inside the frame. The frame is the first layout's (it sizes the view, through
 * drawing-frames.ts), except in a drawing too narrow for the words: it then grows to hold them.
 */
export function placeLabelsAndWordsVertical(
  routes: readonly Point[][],
  sizes: readonly ({ w: number; h: number } | null)[],
  gutterX: number,
  boxes: readonly Box[],
  landing?: Landing,
): { labels: VerticalLabel[]; frame: Box; words?: WordsPlace } {
  const labels = placeLabelsVertical(routes, sizes, gutterX, boxes);
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
  // The gaps the short lines between neighbours cross: words kept out of them leave room for their
  // leaders when the labels are placed again (a leader crosses its gap to the gutter).
  const gaps = routes.flatMap((route) =>
    route.length === 2
      ? runsOf(route).map((r) => ({ x: r.x, y: r.top, w: gutterX - r.x, h: r.bottom - r.top }))
      : [],
  );
  // The labels placed again keep inside the frame: strips above and below it, as far from it as the
  // room kept between labels, hold them there.
  const [top, bottom] = [frame.y + 4 - LABEL_GAP, frame.y + frame.h - 4 + LABEL_GAP];
  const strips = [
    { x: frame.x, y: top - frame.h, w: frame.w, h: frame.h },
    { x: frame.x, y: bottom, w: frame.w, h: frame.h },
  ];
  // Within the frame first; then, for two boxes and the widest words, past its right side (the
  // gutter's: past the boxes' side they would hang far out), the frame growing to hold them.
  const grown = (words: Box) =>
    inside(words, frame) ? frame : frameOf(boxes, [...placedBoxes, words], routes);
  // Clear of every box first (a pill over a box's corner reads as part of the box), with the labels
  // where they are or placed again; only then over a box's empty border, never its text.
  for (const overBoxes of [false, true])
    for (const within of [frame, { ...frame, w: frame.w + landing.size.w }]) {
      const clear = placeWords(landing, around(labels, within), overBoxes);
      if (clear) return { labels, frame: grown(clear.box), words: clear.place };
      const room = { ...around([], within), texts: [...landing.texts, ...gaps] };
      const first = placeWords(landing, room, overBoxes);
      if (!first) continue;
      const again = placeLabelsVertical(routes, sizes, gutterX, boxes, [first.box, ...strips]);
      const words = again.some((l) => l.loose)
        ? undefined
        : placeWords(landing, around(again, within), overBoxes);
      if (words && inside(frameOf(boxes, labelBoxes(again, sizes), routes), frame))
        return { labels: again, frame: grown(words.box), words: words.place };
    }
  return { labels, frame };
}
