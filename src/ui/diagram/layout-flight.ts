import { type Box, boxesOverlap, type Point, segmentHitsBox } from './layout';
import { type WordsPlace, wordsSize } from './layout-vertical-words';

/**
 * Where a packet's words ride while the packet travels (DiagramLines.tsx moves them every frame), on a
 * phone's diagram and the wide one alike: a plan made in the layout pass (build-graph.ts), along the
 * route, of the side of the dot the words take, so they pass over no line label and no box's text. The
 * words once always rode above the dot, running right: on a phone they swept across the labels beside
 * every lane they passed, and at 1280 px across the labels sitting on the lines they ran along (about
 * 490 word and label pairs over every step of every scenario), over box names and off the canvas's top.
 * Each stretch of the route takes the place that covers the least, and the words change side as seldom
 * as that allows (a pill jumping from side to side at every label reads worse than one that moves over
 * once). Where no side is clear of labels (a phone's lanes run along the drawing's edge, the labels on
 * their one free side; the wide diagram's labels sit on their own lines, over the dot's path), the
 * stretch names the labels the words cross, and those fade while the words pass: the words stay beside
 * their dot, and never cover a label drawn at full strength.
 */

/** Where the words ride over this stretch of the route, up to `to` (a fraction of the route's length). */
export interface FlightStretch {
  to: number;
  place: WordsPlace;
  /** The lines (edge ids) whose labels fade while the words are over them (DiagramLines.tsx). */
  fade?: string[];
}

/** The words' places beside the moving dot (their corner nearest it, as WordsPlace says). */
const NEAR_PLACES: readonly WordsPlace[] = [
  // Above, running right from just left of the dot: where the words ride when nothing is in the way.
  { ax: -14, ay: -12, fx: 0, fy: -1 },
  { ax: 14, ay: -12, fx: -1, fy: -1 },
  { ax: -14, ay: 12, fx: 0, fy: 0 },
  { ax: 14, ay: 12, fx: -1, fy: 0 },
  { ax: 12, ay: 0, fx: 0, fy: -0.5 },
  { ax: -12, ay: 0, fx: -1, fy: -0.5 },
  { ax: 0, ay: -12, fx: -0.5, fy: -1 },
  { ax: 0, ay: 12, fx: -0.5, fy: 0 },
  // Above or below, clear of the dot's column: leaving a box's side, the words run away from it.
  { ax: 14, ay: -12, fx: 0, fy: -1 },
  { ax: -14, ay: -12, fx: -1, fy: -1 },
  { ax: 14, ay: 12, fx: 0, fy: 0 },
  { ax: -14, ay: 12, fx: -1, fy: 0 },
];
/**
 * Farther above or below, by this much (a flow unit of it costing FAR_COST a sample): on the wide
 * diagram a line runs into the middle of a box's side, and words wider than the line is long, riding
 * beside it, would cover the box's name; clear of the box's top or bottom they cover nothing.
 */
const FAR_ROWS = [26, 40] as const;
const FAR_COST = 0.25;
const FAR_PLACES: readonly WordsPlace[] = FAR_ROWS.flatMap((far) =>
  [-far, far].flatMap((ay) => {
    const fy = ay < 0 ? -1 : 0;
    return [
      { ax: -14, ay, fx: 0, fy },
      { ax: 14, ay, fx: -1, fy },
      { ax: 0, ay, fx: -0.5, fy },
    ];
  }),
);
const FLIGHT_PLACES: readonly WordsPlace[] = [...NEAR_PLACES, ...FAR_PLACES];
/** The route is looked at every this many flow units (the words are 20 tall, labels 27 or more). */
const SAMPLE = 8;
/**
 * Room round a label the words keep (or, passing it, fade it over), and inside the frame: they move on
 * between samples.
 */
const LABEL_MARGIN = SAMPLE / 2 + 1;
/**
 * Costs per sample: running out of the frame (cut off at the canvas's edge: unreadable, worse than any
 * cover), covering a label (faded then, but better passed by), a line of a box's text (it never fades:
 * a box's name hidden for half a second still reads as hidden), a leader or its dot, another line, its
 * own line, a box's empty border; any place but the first. Changing side costs less than covering a
 * box's text for one sample, as much as covering a leader for five: the words do not flit. A box's text
 * costs more than a label, which fades: at 300, on a phone, the words crossed a box's name or kind for a
 * few frames rather than change side ("OpenID token" over "IAM user keys"; at 1000, once words could
 * ride up to the frame's edge across their way, "token in Logins" crossed "Browser app" for a frame).
 */
const LABEL_COST = 1000;
/**
 * A label the route itself runs under costs next to nothing (less than riding far from the dot): on
 * the wide diagram a line's label sits on it, the dot passes under the label, and the words riding
 * beside the dot over it (faded, the dot showing through) read better than words far off over an empty
 * line, the dot hidden. (No other line's label sits on a route: placeLabel keeps them off.)
 */
const ROUTE_LABEL_COST = 4;
/** Its own line's label beside the route: better faded than a box's name covered. */
const OWN_LABEL_COST = 100;
const OUTSIDE_COST = 3000;
const TEXT_COST = 2000;
const LEADER_COST = 40;
const LINE_COST = 10;
const OWN_LINE_COST = 3;
const BOX_COST = 1;
const OTHER_PLACE_COST = 1;
const SWITCH_COST = 200;
/** What riding at each place costs a sample: the first nothing, others a little, far ones more. */
const PLACE_COSTS = FLIGHT_PLACES.map((place, k) =>
  k === 0 ? 0 : OTHER_PLACE_COST + (k < NEAR_PLACES.length ? 0 : Math.abs(place.ay) * FAR_COST),
);

export interface FlightObstacles {
  /** Every route, the words' own at `own` (the words hide a stretch of any line they ride over). */
  routes: readonly Point[][];
  own: number;
  /** The line labels, by their line's id; `own` marks the label of the words' own line. */
  labels: readonly { box: Box; id: string; own?: boolean }[];
  leaders: readonly [Point, Point][];
  texts: readonly Box[];
  boxes: readonly Box[];
  frame: Box;
}

/**
 * A point of the route looked at: where, the fraction of the route's length it is at, and whether the
 * dot moves across (x) and up or down (y) there, on the segment it lies on.
 */
interface Sample {
  p: Point;
  f: number;
  moves: { x: boolean; y: boolean };
}

/** Points every SAMPLE units along the route, with the fraction of its length each is at. */
function samples(points: readonly Point[]): Sample[] {
  const lengths = points.slice(1).map((b, i) => {
    const a = points[i] as Point;
    return Math.hypot(b.x - a.x, b.y - a.y);
  });
  const total = lengths.reduce((s, l) => s + l, 0);
  if (total === 0) return [];
  // Where each segment starts along the route.
  const starts: number[] = [];
  lengths.reduce((at, len) => {
    starts.push(at);
    return at + len;
  }, 0);
  // The ways the dot moves within half a sample of `at` (the words move on that far either side).
  const movesNear = (at: number) => {
    const moves = { x: false, y: false };
    lengths.forEach((len, i) => {
      const start = starts[i] as number;
      if (start > at + SAMPLE / 2 || start + len < at - SAMPLE / 2) return;
      const a = points[i] as Point;
      const b = points[i + 1] as Point;
      moves.x ||= a.x !== b.x;
      moves.y ||= a.y !== b.y;
    });
    return moves;
  };
  const out: Sample[] = [];
  let before = 0;
  lengths.forEach((len, i) => {
    const a = points[i] as Point;
    const b = points[i + 1] as Point;
    for (let d = Math.ceil(before / SAMPLE) * SAMPLE - before; d < len; d += SAMPLE) {
      const t = d / len;
      out.push({
        p: { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t },
        f: (before + d) / total,
        moves: movesNear(before + d),
      });
    }
    before += len;
  });
  out.push({ p: points[points.length - 1] as Point, f: 1, moves: movesNear(total) });
  return out;
}

/** Rectangles as flat numbers (left, top, right, bottom, cost), for the tests run at every sample. */
function flat(boxes: readonly Box[], margin: number, cost: number): number[] {
  return boxes.flatMap((b) => [b.x - margin, b.y - margin, b.x + b.w + margin, b.y + b.h + margin, cost]);
}

/**
 * The stretches of `points` (the route, from its first point) for words of `size`: the cheapest series
 * of places along it (a shortest path through the places at every sample), merged into stretches.
 */
export function planFlight(
  points: readonly Point[],
  size: { w: number; h: number },
  { routes, own, labels, leaders, texts, boxes, frame }: FlightObstacles,
): FlightStretch[] {
  const along = samples(points);
  if (along.length === 0) return [];
  const { w, h } = size;
  // Each place's top left corner from the dot.
  const offsets = FLIGHT_PLACES.map(({ ax, ay, fx, fy }) => [ax + fx * w, ay + fy * h] as const);
  // What the words can reach from the route at all (at any place, with the labels' margin round them):
  // the rest is left out of every test below.
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [left, top] = [Math.min(...offsets.map(([dx]) => dx)), Math.min(...offsets.map(([, dy]) => dy))];
  const [right, bottom] = [
    Math.max(...offsets.map(([dx]) => dx + w)),
    Math.max(...offsets.map(([, dy]) => dy + h)),
  ];
  const x0 = Math.min(...xs) + left - LABEL_MARGIN;
  const y0 = Math.min(...ys) + top - LABEL_MARGIN;
  const reach = {
    x: x0,
    y: y0,
    w: Math.max(...xs) + right + LABEL_MARGIN - x0,
    h: Math.max(...ys) + bottom + LABEL_MARGIN - y0,
  };
  const near = labels.filter(({ box }) => boxesOverlap(box, reach));
  const leaderBoxes = leaders
    .filter(([a, b]) => segmentHitsBox(a, b, reach, 0))
    .flatMap(([a, b]) => [
      { x: Math.min(a.x, b.x), y: a.y, w: Math.abs(a.x - b.x), h: 0 },
      { x: b.x - 3, y: b.y - 3, w: 6, h: 6 },
    ]);
  // Every obstacle with what covering it costs; the words' rectangle (x, y, x + w, y + h) is tested
  // against each with plain numbers, at every sample for every place.
  const obstacles = [
    ...near.flatMap(({ box, own: mine }) => {
      const under = points.some((b, i) => i > 0 && segmentHitsBox(points[i - 1] as Point, b, box, 0));
      return flat([box], LABEL_MARGIN, under ? ROUTE_LABEL_COST : mine ? OWN_LABEL_COST : LABEL_COST);
    }),
    ...flat(leaderBoxes, 0, LEADER_COST),
    ...routes.flatMap((route, i) =>
      flat(
        route.slice(1).flatMap((b, j) => {
          const a = route[j] as Point;
          const line = {
            x: Math.min(a.x, b.x),
            y: Math.min(a.y, b.y),
            w: Math.abs(a.x - b.x),
            h: Math.abs(a.y - b.y),
          };
          return boxesOverlap(line, reach) ? [line] : [];
        }),
        0,
        i === own ? OWN_LINE_COST : LINE_COST,
      ),
    ),
    ...flat(
      texts.filter((t) => boxesOverlap(t, reach)),
      LABEL_MARGIN,
      TEXT_COST,
    ),
    ...flat(
      boxes.filter((b) => boxesOverlap(b, reach)),
      0,
      BOX_COST,
    ),
  ];
  // Inside the frame by the same margin as the labels' the way the dot moves (the words move on between
  // samples), and right up to it across: the words beside a lane at the phone's edge, or between two
  // boxes too close for them above or below the dot, fit beside it there.
  const m = LABEL_MARGIN;
  const costAt = ({ p, moves }: Sample, k: number): number => {
    const [dx, dy] = offsets[k] as readonly [number, number];
    const x = p.x + dx;
    const y = p.y + dy;
    const [mx, my] = [moves.x ? m : 0, moves.y ? m : 0];
    let cost = PLACE_COSTS[k] as number;
    if (
      x < frame.x + mx ||
      y < frame.y + my ||
      x > frame.x + frame.w - w - mx ||
      y > frame.y + frame.h - h - my
    )
      cost += OUTSIDE_COST;
    for (let o = 0; o < obstacles.length; o += 5)
      if (
        x < (obstacles[o + 2] as number) &&
        (obstacles[o] as number) < x + w &&
        y < (obstacles[o + 3] as number) &&
        (obstacles[o + 1] as number) < y + h
      )
        cost += obstacles[o + 4] as number;
    return cost;
  };
  // A shortest path through (sample, place), a step to another place costing SWITCH_COST.
  const n = FLIGHT_PLACES.length;
  let total = Array.from({ length: n }, (_, k) => costAt(along[0] as Sample, k));
  const from: Uint8Array[] = [];
  for (let s = 1; s < along.length; s += 1) {
    const sample = along[s] as Sample;
    let best = 0;
    for (let k = 1; k < n; k += 1) if ((total[k] as number) < (total[best] as number)) best = k;
    const back = new Uint8Array(n);
    const next: number[] = [];
    for (let k = 0; k < n; k += 1) {
      const stay = total[k] as number;
      const move = (total[best] as number) + SWITCH_COST;
      back[k] = stay <= move ? k : best;
      next.push(Math.min(stay, move) + costAt(sample, k));
    }
    total = next;
    from.push(back);
  }
  let k = 0;
  for (let j = 1; j < n; j += 1) if ((total[j] as number) < (total[k] as number)) k = j;
  const chosen: number[] = new Array(along.length);
  chosen[along.length - 1] = k;
  for (let s = from.length - 1; s >= 0; s -= 1) {
    k = (from[s] as Uint8Array)[k] as number;
    chosen[s] = k;
  }
  // Merged into stretches: a new one where the place or the labels it fades change.
  const stretches: FlightStretch[] = [];
  let fadeKey = '';
  chosen.forEach((placeIndex, s) => {
    const { p, f } = along[s] as Sample;
    const place = FLIGHT_PLACES[placeIndex] as WordsPlace;
    const [dx, dy] = offsets[placeIndex] as readonly [number, number];
    const box = { x: p.x + dx, y: p.y + dy, w, h };
    const fade = near.filter(({ box: label }) => boxesOverlap(box, label, LABEL_MARGIN)).map(({ id }) => id);
    const next = along[s + 1];
    const to = next ? (f + next.f) / 2 : 1;
    const last = stretches[stretches.length - 1];
    const key = fade.join();
    if (last && last.place === place && key === fadeKey) last.to = to;
    else stretches.push(fade.length ? { to, place, fade } : { to, place });
    fadeKey = key;
  });
  return stretches;
}

/** The stretch the words are in at `along` (a fraction of the route's length from its first point). */
export function stretchAt(stretches: readonly FlightStretch[], along: number): FlightStretch | undefined {
  for (const stretch of stretches) if (along <= stretch.to) return stretch;
  return stretches[stretches.length - 1];
}

/** A packet's words on each leg, and the plan of their flight along the route (out from its first point). */
export interface FlightPlan {
  out: FlightStretch[];
  back: FlightStretch[];
}

/**
 * The plans for both legs of a packet whose words are `outWords` then `backWords`, along `route` (the
 * answer comes back along the same route: its fractions are measured from the same first point).
 */
export function planLegs(
  route: readonly Point[],
  { outWords, backWords }: { outWords?: string; backWords?: string },
  obstacles: FlightObstacles,
): FlightPlan {
  return {
    out: planFlight(route, wordsSize(outWords ?? ''), obstacles),
    back: planFlight(route, wordsSize(backWords ?? ''), obstacles),
  };
}
