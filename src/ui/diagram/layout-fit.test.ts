import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../scenarios/catalog';
import { enhancedFlow } from '../../scenarios/flows';
import { buildGraph, type Orientation } from './build-graph';
import { type Box, boxesOverlap, labelSize, segmentHitsBox } from './layout';
import { nodeBox, routeProblems } from './route-problems';

/**
 * The diagram on every screen: top to bottom on phones, left to right from tablets up, and every
 * scenario of the catalog wholly in view at a readable zoom on a 390×844 phone and a 1280×720 laptop.
 */

const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);

/** Canvas sizes in CSS px the app gives the diagram (measured in the built app, see e2e/layout.spec.ts). */
const PHONE = { w: 390, h: 844 - 60 };
const LAPTOP = { w: 900, h: 380 };
/** Below this zoom the 15 px box and label text falls under 11 px. */
const READABLE_ZOOM = 0.74;

function everyGraph(orientation: Orientation) {
  return SCENARIOS.flatMap((scenario) =>
    Array.from({ length: scenario.steps.length + 1 }, (_, position) => ({
      name: `${scenario.id}@${position}`,
      graph: buildGraph({ scenario, entries: [], position, clock: T0, orientation }),
    })),
  );
}

/** FlowCanvas's FIT_PADDING: the fit leaves this share of the drawing's size free on each side. */
const FIT_PADDING = 0.015;

function zoomToFit(bounds: Box, canvas: { w: number; h: number }) {
  const pad = 1 + 2 * FIT_PADDING;
  return Math.min(canvas.w / (bounds.w * pad), canvas.h / (bounds.h * pad));
}

describe('vertical diagram (phones)', () => {
  it('stands the boxes in one column, in the order the wide layout reads', () => {
    const { nodes } = buildGraph({
      scenario: enhancedFlow,
      entries: [],
      position: 0,
      clock: T0,
      orientation: 'vertical',
    });
    const ys = ['app', 'userPool', 'identityPool', 'sts', 's3', 'iam'].map(
      (id) => nodes.find((n) => n.id === id)?.position.y ?? Number.NaN,
    );
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(new Set(nodes.map((n) => n.position.x)).size).toBe(1);
  });

  for (const orientation of ['vertical', 'horizontal'] as const) {
    it(`${orientation}: routes every edge in straight runs that enter no box but their own`, () => {
      const problems: string[] = [];
      for (const { name, graph } of everyGraph(orientation)) problems.push(...routeProblems(name, graph));
      expect(problems).toEqual([]);
    });
  }

  it('vertical: places every label clear of the boxes, the other labels and every line', () => {
    const problems: string[] = [];
    for (const { name, graph } of everyGraph('vertical')) {
      const labels = graph.edges
        .filter((e) => (e.data?.labelLines.length ?? 0) > 0)
        .map((e) => {
          const size = labelSize(e.data?.labelLines ?? []);
          const at = e.data?.labelAt ?? { x: 0, y: 0 };
          return { id: e.id, box: { x: at.x - size.w / 2, y: at.y - size.h / 2, ...size } };
        });
      for (const label of labels) {
        for (const node of graph.nodes)
          if (boxesOverlap(label.box, nodeBox(node))) problems.push(`${name} ${label.id} covers ${node.id}`);
        for (const other of labels)
          if (other !== label && boxesOverlap(label.box, other.box))
            problems.push(`${name} ${label.id} covers label ${other.id}`);
        for (const edge of graph.edges) {
          const points = edge.data?.points ?? [];
          points.forEach((p, i) => {
            const q = points[i - 1];
            if (q && segmentHitsBox(q, p, label.box, -2))
              problems.push(`${name} ${label.id} lies on the line ${edge.id}`);
          });
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('every scenario fits the first screen', () => {
  const cases = [
    { screen: 'a 390×844 phone', orientation: 'vertical', canvas: PHONE },
    { screen: 'a 1280×720 laptop', orientation: 'horizontal', canvas: LAPTOP },
  ] as const;
  for (const { screen, orientation, canvas } of cases) {
    it(`on ${screen}, at a zoom that keeps the text readable`, () => {
      const small = everyGraph(orientation)
        .map(({ name, graph }) => ({ name, zoom: zoomToFit(graph.bounds, canvas) }))
        .filter(({ zoom }) => zoom < READABLE_ZOOM)
        .map(({ name, zoom }) => `${name} at ${zoom.toFixed(2)}`);
      expect(small).toEqual([]);
    });
  }
});
