import { describe, expect, it } from 'vitest';
import { type Box, boxesOverlap, type Point, pointAlong } from './layout';
import { type FlightObstacles, planFlight, stretchAt } from './layout-vertical-flight';

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
function wordsAt(stretches: ReturnType<typeof planFlight>, along: number): Box {
  const { place } = stretchAt(stretches, along) ?? { place: { ax: 0, ay: 0, fx: 0, fy: 0 } };
  const p = pointAlong(ROUTE, along);
  return { x: p.x + place.ax + place.fx * SIZE.w, y: p.y + place.ay + place.fy * SIZE.h, ...SIZE };
}

describe('planFlight', () => {
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
});
