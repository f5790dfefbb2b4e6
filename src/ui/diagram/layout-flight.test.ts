import { describe, expect, it } from 'vitest';
import { type Box, boxesOverlap, type Point, pointAlong } from './layout';
import { type FlightObstacles, type FlightStretch, planFlight, stretchAt } from './layout-flight';

/** A lane's run down the middle of a 400 × 400 frame, nothing else drawn. */
const ROUTE: Point[] = [
  { x: 200, y: 20 },
  { x: 200, y: 380 },
];
const SIZE = { w: 120, h: 20 };
const FRAME: Box = { x: 0, y: 0, w: 400, h: 400 };

function obstacles(labels: { box: Box; id: string }[], frame = FRAME): FlightObstacles {
  return { routes: [ROUTE], own: 0, labels, leaders: [], texts: [], boxes: [], frame };
}

/** The words' rectangle at `along`, where the plan puts them. */
function wordsAt(stretches: readonly FlightStretch[], along: number, route = ROUTE, size = SIZE): Box {
  const { place } = stretchAt(stretches, along) ?? { place: { ax: 0, ay: 0, fx: 0, fy: 0 } };
  const p = pointAlong(route, along);
  return { x: p.x + place.ax + place.fx * size.w, y: p.y + place.ay + place.fy * size.h, ...size };
}

describe('planFlight on a phone', () => {
  it('covers the whole route, its last stretch ending at its end', () => {
    const plan = planFlight(ROUTE, SIZE, obstacles([]));
    expect(plan.length).toBeGreaterThan(0);
    expect(plan[plan.length - 1]?.to).toBe(1);
    expect(plan.every((s, i) => i === 0 || s.to > (plan[i - 1]?.to ?? 0))).toBe(true);
  });

  it('rides on the side of the line away from a label beside it, fading nothing', () => {
    // A label right of the run halfway down: the words pass it on the left.
    const label = { id: 'beside', box: { x: 206, y: 180, w: 120, h: 40 } };
    const plan = planFlight(ROUTE, SIZE, obstacles([label]));
    for (let along = 0; along <= 1; along += 0.005)
      expect(boxesOverlap(wordsAt(plan, along), label.box)).toBe(false);
    expect(plan.some((s) => s.fade)).toBe(false);
  });

  it('does not flit from side to side: a label on each side, far apart, costs one change at most', () => {
    const labels = [
      { id: 'right', box: { x: 206, y: 100, w: 120, h: 30 } },
      { id: 'left', box: { x: 74, y: 280, w: 120, h: 30 } },
    ];
    const plan = planFlight(ROUTE, SIZE, obstacles(labels));
    for (let along = 0; along <= 1; along += 0.005)
      for (const { box } of labels) expect(boxesOverlap(wordsAt(plan, along), box)).toBe(false);
    const places = plan.map((s) => s.place).filter((p, i, all) => i === 0 || p !== all[i - 1]);
    expect(places.length).toBeLessThanOrEqual(3);
  });

  it('fades a label it cannot pass by (the frame leaves the words only its side), and only while passing', () => {
    // The run stands at the frame's right edge: the words must ride left of it, over the label there.
    const route: Point[] = [
      { x: 390, y: 20 },
      { x: 390, y: 380 },
    ];
    const label = { id: 'inside', box: { x: 250, y: 180, w: 134, h: 40 } };
    const plan = planFlight(route, SIZE, { ...obstacles([label]), routes: [route] });
    const faded = plan.filter((s) => s.fade?.includes('inside'));
    expect(faded.length).toBeGreaterThan(0);
    // Never faded near either end, far from the label.
    expect(stretchAt(plan, 0.05)?.fade).toBeUndefined();
    expect(stretchAt(plan, 0.95)?.fade).toBeUndefined();
    // And never cut off at the frame's edge.
    for (let along = 0; along <= 1; along += 0.005) {
      const { place } = stretchAt(plan, along) ?? { place: { ax: 0, ay: 0, fx: 0, fy: 0 } };
      const p = pointAlong(route, along);
      const x = p.x + place.ax + place.fx * SIZE.w;
      expect(x + SIZE.w).toBeLessThanOrEqual(FRAME.w);
    }
  });

  it('rides beside the dot between two boxes too close for its words above or below it, over no text', () => {
    // The phone's Browser app over its user pool (layout-vertical.ts): 44 apart, the answer's words
    // ("ID, access, refresh tokens") as wide as the frame leaves room for right of the dot. Above the
    // dot they reach the app's kind line until it is 20 below the box, below it the pool's name from
    // 22 below the app: between the two only the place beside the dot is clear, right up to the
    // frame's edge (the dot does not move across, so the words need no margin there).
    const route: Point[] = [
      { x: 80, y: 72 },
      { x: 80, y: 116 },
    ];
    const size = { w: 216, h: 20 };
    const texts: Box[] = [
      { x: 11, y: 16, w: 122, h: 21.25 },
      { x: 11, y: 37.25, w: 117, h: 18.75 },
      { x: 11, y: 122.1, w: 91, h: 21.25 },
      { x: 11, y: 143.4, w: 102, h: 18.75 },
    ];
    const boxes: Box[] = [
      { x: 0, y: 0, w: 160, h: 72 },
      { x: 0, y: 116, w: 160, h: 72 },
    ];
    const frame = { x: 0, y: 0, w: 310, h: 200 };
    const plan = planFlight(route, size, {
      routes: [route],
      own: 0,
      labels: [],
      leaders: [],
      texts,
      boxes,
      frame,
    });
    for (let along = 0; along <= 1; along += 0.005) {
      const words = wordsAt(plan, along, route, size);
      for (const text of texts) expect(boxesOverlap(words, text)).toBe(false);
      expect(words.x + words.w).toBeLessThanOrEqual(frame.x + frame.w);
    }
  });
});

/**
 * The wide diagram's call from the Browser app to the identity pool (build-graph.ts, layout.ts): a
 * straight line from the app's right side to the pool's left, 260 long, its own label sitting on it
 * halfway; the boxes' names and kinds inside them.
 */
const APP: Box = { x: 0, y: 244, w: 160, h: 72 };
const POOL: Box = { x: 420, y: 244, w: 160, h: 72 };
const CALL: Point[] = [
  { x: 160, y: 280 },
  { x: 420, y: 280 },
];
const OWN_LABEL = { id: 'call', box: { x: 171, y: 257, w: 238, h: 46 } };
const TEXTS: Box[] = [APP, POOL].flatMap((b) => [
  { x: b.x + 11, y: b.y + 6, w: 138, h: 21.25 },
  { x: b.x + 11, y: b.y + 27.25, w: 138, h: 18.75 },
]);
const WIDE_FRAME: Box = { x: -4, y: 160, w: 588, h: 240 };
const WIDE_WORDS = { w: 150, h: 20 };

function wide(extra: Partial<FlightObstacles> = {}): FlightObstacles {
  return {
    routes: [CALL],
    own: 0,
    labels: [OWN_LABEL],
    leaders: [],
    texts: TEXTS,
    boxes: [APP, POOL],
    frame: WIDE_FRAME,
    ...extra,
  };
}

/** What the words cover at every unit of the route: unfaded labels, boxes' text, the frame's edge. */
function covered(plan: readonly FlightStretch[], obstacles: FlightObstacles, route = CALL): string[] {
  const problems = new Set<string>();
  for (let along = 0; along <= 1; along += 1 / 260) {
    const words = wordsAt(plan, along, route, WIDE_WORDS);
    const fade = stretchAt(plan, along)?.fade ?? [];
    for (const { id, box } of obstacles.labels)
      if (boxesOverlap(words, box) && !fade.includes(id)) problems.add(`label ${id}`);
    if (obstacles.texts.some((t) => boxesOverlap(words, t))) problems.add('box text');
    const { frame: f } = obstacles;
    if (words.x < f.x || words.y < f.y || words.x + words.w > f.x + f.w || words.y + words.h > f.y + f.h)
      problems.add('cut off');
  }
  return [...problems];
}

describe('planFlight on the wide diagram', () => {
  it('keeps words wider than the gap off both boxes’ names, leaving and reaching them', () => {
    // Above the dot running right (the old place) the words start over the app's name.
    const plan = planFlight(CALL, WIDE_WORDS, wide());
    expect(covered(plan, wide())).toEqual([]);
  });

  it('passes another line’s label clear of it, and fades at most its own line’s label', () => {
    // Another line's label just above the call, right of the middle (STS's line, in the gap).
    const other = { id: 'other', box: { x: 330, y: 226, w: 80, h: 27 } };
    const obstacles = wide({ labels: [OWN_LABEL, other] });
    const plan = planFlight(CALL, WIDE_WORDS, obstacles);
    expect(covered(plan, obstacles)).toEqual([]);
    expect(plan.some((s) => s.fade?.includes('other'))).toBe(false);
  });

  it('changes side seldom', () => {
    const plan = planFlight(CALL, WIDE_WORDS, wide());
    const places = plan.map((s) => s.place).filter((p, i, all) => i === 0 || p !== all[i - 1]);
    expect(places.length).toBeLessThanOrEqual(3);
  });

  it('never runs out of the frame where the drawing is flat (the canvas’s room above and below)', () => {
    // A frame hardly taller than the boxes: the words ride level with the line, beside the labels.
    const flat = wide({ frame: { x: -4, y: 240, w: 588, h: 80 } });
    const plan = planFlight(CALL, WIDE_WORDS, flat);
    expect(covered(plan, flat).filter((p) => p === 'cut off')).toEqual([]);
  });
});
