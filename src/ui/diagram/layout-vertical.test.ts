import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../scenarios/catalog';
import type { ActorId } from '../../scenarios/types';
import { buildGraph } from './build-graph';
import type { Point } from './layout';
import { CORRIDOR_X, layoutActorsVertical, routeEdgesVertical } from './layout-vertical';

/** Whether a horizontal and a vertical segment cross (inside both, not at an end). */
function cross(h: [Point, Point], v: [Point, Point]): boolean {
  const [x0, x1] = [Math.min(h[0].x, h[1].x), Math.max(h[0].x, h[1].x)];
  const [y0, y1] = [Math.min(v[0].y, v[1].y), Math.max(v[0].y, v[1].y)];
  return v[0].x > x0 && v[0].x < x1 && h[0].y > y0 && h[0].y < y1;
}

/** Every crossing of two routes' segments. */
function crossings(p: readonly Point[], q: readonly Point[]): number {
  let count = 0;
  for (let i = 1; i < p.length; i += 1)
    for (let j = 1; j < q.length; j += 1) {
      const a: [Point, Point] = [p[i - 1] as Point, p[i] as Point];
      const b: [Point, Point] = [q[j - 1] as Point, q[j] as Point];
      if (a[0].y === a[1].y && b[0].x === b[1].x && cross(a, b)) count += 1;
      if (b[0].y === b[1].y && a[0].x === a[1].x && cross(b, a)) count += 1;
    }
  return count;
}

describe('phone lanes', () => {
  it('stand right of the labels’ corridor, as wide as it is asked to be, innermost first', () => {
    const boxes = layoutActorsVertical(['app', 'userPool', 'identityPool', 'sts']);
    const routes = routeEdgesVertical(
      [
        { from: 'app', to: 'identityPool' },
        { from: 'app', to: 'sts' },
      ],
      boxes,
      200,
    );
    expect(routes.map((r) => r[1]?.x)).toEqual([CORRIDOR_X + 208, CORRIDOR_X + 218]);
  });

  it('meet a box in an order that lets no lane’s end cross a lane nested with it', () => {
    // The app calls two boxes further down; S3 is called by two boxes further up.
    const boxes = layoutActorsVertical(['app', 'userPool', 'identityPool', 'sts', 's3']);
    const edges: { from: ActorId; to: ActorId }[] = [
      { from: 'app', to: 'identityPool' },
      { from: 'app', to: 'sts' },
      { from: 'identityPool', to: 's3' },
      { from: 'userPool', to: 's3' },
    ];
    const routes = routeEdgesVertical(edges, boxes, 150);
    // app → identity pool nests in app → STS; identity pool → S3 in user pool → S3.
    expect(crossings(routes[0] as Point[], routes[1] as Point[])).toBe(0);
    expect(crossings(routes[2] as Point[], routes[3] as Point[])).toBe(0);
  });

  it('cross each other in no scenario where one lane’s span holds the other’s', () => {
    const problems: string[] = [];
    for (const scenario of SCENARIOS) {
      const { edges } = buildGraph({ scenario, entries: [], position: 0, clock: 0, orientation: 'vertical' });
      const lanes = edges.filter((e) => (e.data?.points.length ?? 0) === 4);
      for (const p of lanes)
        for (const q of lanes) {
          if (p === q) continue;
          const span = (e: typeof p) => {
            const ys = (e.data?.points ?? []).map((pt) => pt.y);
            return [Math.min(...ys), Math.max(...ys)];
          };
          const [pt, pb] = span(p);
          const [qt, qb] = span(q);
          const nested = (pt as number) <= (qt as number) && (qb as number) <= (pb as number);
          if (nested && crossings(p.data?.points ?? [], q.data?.points ?? []) > 0)
            problems.push(`${scenario.id}: ${p.id} × ${q.id}`);
        }
    }
    expect(problems).toEqual([]);
  });
});
