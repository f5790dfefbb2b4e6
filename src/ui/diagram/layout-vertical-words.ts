import { type Box, boldTextWidth, boxesOverlap, type Point, segmentHitsBox } from './layout';
import { segmentsOf } from './layout-vertical';

/**
 * The words riding with a phone's packet (DiagramLines.tsx draws them): their size, the boxes' text
 * they keep clear of, and the place they take beside the dot once the packet has landed. Computed from
 * the routes and the labels' places, in the layout pass: the DOM is never measured.
 */

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
export interface WordsObstacles {
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
 * hides a stretch of any line it crosses (its own beyond the dot less so), or a box's border.
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
 * boldTextWidth says (scaled to 17 px for the name), cut at the box's inner width like the text. The
 * box is a <button>, which centres its lines in its height: without a status line the name and kind
 * stand 10 lower than with one (taken as top-aligned, the kind line was placed 10 too high, and words
 * planned to pass under it, leaving the box, ran over "Signs in, JWTs").
 */
export function boxText(box: Box, name: string, kind: string, status?: string): Box[] {
  const [nameH, kindH, statusH] = [21.25, 18.75, 1 + 18.75];
  const top = 6 + (box.h - 12 - (nameH + kindH + (status ? statusH : 0))) / 2;
  const line = (text: string, scale: number, y: number, h: number): Box => ({
    x: box.x + 11,
    y: box.y + y,
    w: Math.min(box.w - 22, Math.ceil(boldTextWidth(text) * scale)),
    h,
  });
  const lines = [line(name, 17 / 15, top, nameH), line(kind, 1, top + nameH, kindH)];
  if (status) lines.push(line(status, 1, top + nameH + kindH + 1, statusH - 1));
  return lines;
}

/**
 * How far apart in height the places offered are (or half their width across): a gap's top from its
 * middle, where a leader crossing the gap under or over the words may pass.
 */
const APART = 6;

/** A place for the words: their rectangle, and how DiagramLines.tsx puts them there. */
export interface WordsSpot {
  box: Box;
  place: WordsPlace;
  cost: number;
}

/**
 * The places for the words of a packet landed at `dot`, nearest and least covering first (within
 * WORDS_NEAR to WORDS_FAR of it, inside the frame, in 2 unit steps), that cover no label, leader,
 * leader's dot or box text; costed by the lines and box borders they cover. `overBoxes` false: no box
 * at all. At most `count` are kept, each APART from those before it, so a caller that cannot use the
 * first (its labels would find no place round it) tries somewhere else.
 */
export function placesForWords(
  { dot, size, own }: Landing,
  { routes, boxes, texts, labels, leaders, frame }: WordsObstacles,
  overBoxes: boolean,
  count = 1,
): WordsSpot[] {
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
    ...[...labels, ...texts, ...ends].filter(near),
    ...lines.map(([a, b]) => ({ x: Math.min(a.x, b.x), y: a.y, w: Math.abs(a.x - b.x), h: 0 })),
  ].map((b) => ({
    x0: b.x - w - WORDS_ROOM,
    y0: b.y - h - WORDS_ROOM,
    x1: b.x + b.w + WORDS_ROOM,
    y1: b.y + b.h + WORDS_ROOM,
  }));
  // Boxes, when kept clear of, with the same room: a pill touching a box's border reads as on it.
  if (!overBoxes)
    for (const b of boxes.filter(near))
      keepOut.push({
        x0: b.x - w - WORDS_ROOM,
        y0: b.y - h - WORDS_ROOM,
        x1: b.x + b.w + WORDS_ROOM,
        y1: b.y + b.h + WORDS_ROOM,
      });
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
      const ring = rings[Math.floor(far)] ?? [];
      rings[Math.floor(far)] = ring;
      ring.push(x, y, far);
    }
  const spots: { cost: number; x: number; y: number }[] = [];
  let best: { cost: number; x: number; y: number } | undefined;
  for (const [distance, ring] of rings.entries()) {
    if (!ring || (count === 1 && best && distance >= best.cost)) continue;
    for (let i = 0; i < ring.length; i += 3) {
      const [x, y] = [ring[i] as number, ring[i + 1] as number];
      if (blocked(x, y)) continue;
      const box = { x, y, w, h };
      // Among equals, words centred on the dot's column: they read as its own most plainly.
      let cost = (ring[i + 2] as number) + Math.abs(x + w / 2 - dot.x) / 100;
      for (const { a, b, owner } of segments)
        if (segmentHitsBox(a, b, box, 0)) cost += owner === own ? WORDS_OWN_LINE_COST : WORDS_LINE_COST;
      for (const b of covered) if (boxesOverlap(box, b)) cost += WORDS_BOX_COST;
      if (count > 1) spots.push({ cost, x, y });
      else if (!best || cost < best.cost) best = { cost, x, y };
    }
  }
  if (best) spots.push(best);
  spots.sort((p, q) => p.cost - q.cost);
  const kept: WordsSpot[] = [];
  for (const { cost, x, y } of spots) {
    if (kept.length >= count) break;
    if (kept.some(({ box }) => Math.abs(box.x - x) < w / 2 && Math.abs(box.y - y) < APART)) continue;
    kept.push({ box: { x, y, w, h }, place: anchored(dot, { x, y, w, h }), cost });
  }
  return kept;
}

/** The place of words at `box` beside the dot, anchored at their corner nearest it. */
function anchored(dot: Point, { x, y, w, h }: Box): WordsPlace {
  // The drawn words, narrower than `w`, stay inside `box`.
  const fromRight = dot.x - x > x + w - dot.x;
  const fromBottom = dot.y - y > y + h - dot.y;
  return {
    ax: (fromRight ? x + w : x) - dot.x,
    ay: (fromBottom ? y + h : y) - dot.y,
    fx: fromRight ? -1 : 0,
    fy: fromBottom ? -1 : 0,
  };
}
