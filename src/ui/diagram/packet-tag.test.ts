import { describe, expect, it } from 'vitest';
import { createPlayer } from '../../player/create-player';
import { SCENARIOS } from '../../scenarios/catalog';
import { createCloud } from '../../sim/index';
import { buildGraph, canvasRoom, type Orientation } from './build-graph';
import {
  type Box,
  boxesOverlap,
  labelSize,
  NODE_H,
  NODE_W,
  type Point,
  pointAlong,
  segmentHitsBox,
} from './layout';
import { stretchAt } from './layout-flight';
import { boxText, type WordsPlace, wordsSize } from './layout-vertical-words';
import { nodeBox } from './route-problems';
import { drawingFrame } from './use-first-screen';

/** Where DiagramLines.tsx puts the words when the graph gives no place: above the dot, running right. */
const DEFAULT_PLACE: WordsPlace = { ax: -14, ay: -12, fx: 0, fy: -1 };

/** The words' rectangle, at their estimated size (the drawn words are narrower, and stay inside it). */
function wordsBox(dot: Point, size: { w: number; h: number }, place: WordsPlace): Box {
  return { x: dot.x + place.ax + place.fx * size.w, y: dot.y + place.ay + place.fy * size.h, ...size };
}

/** How far the box lies from the point (0 inside). */
function distance(p: Point, box: Box): number {
  return Math.hypot(
    Math.max(box.x - p.x, 0, p.x - box.x - box.w),
    Math.max(box.y - p.y, 0, p.y - box.y - box.h),
  );
}

const inside = (a: Box, b: Box) =>
  a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;

type StepGraph = { tag: string; graph: ReturnType<typeof buildGraph>; frame: Box };

/**
 * The graph of every step of every scenario that has a packet with words, drawn `orientation`, from the
 * real trace: it decides the words ("refusal") and the boxes' status lines the words avoid. Built once.
 */
const stepGraphs = new Map<Orientation, Promise<StepGraph[]>>();
function everyStep(orientation: Orientation) {
  let steps = stepGraphs.get(orientation);
  if (!steps) {
    steps = (async () => {
      const built: StepGraph[] = [];
      for (const scenario of SCENARIOS) {
        const player = createPlayer({ scenario, createCloud });
        await player.seek(scenario.steps.length);
        const { entries, clock } = player.getSnapshot();
        // The wide canvas shows more than the frame round a flat drawing (canvasRoom).
        const drawn = drawingFrame(scenario, orientation);
        const frame = orientation === 'vertical' ? drawn : canvasRoom(drawn);
        for (let position = 1; position <= scenario.steps.length; position += 1) {
          const graph = buildGraph({
            scenario,
            entries: entries.slice(0, position),
            position,
            clock,
            orientation,
          });
          built.push({ tag: `${scenario.id}@${position}`, graph, frame });
        }
      }
      return built;
    })();
    stepGraphs.set(orientation, steps);
  }
  return steps;
}
const everyPhoneStep = () => everyStep('vertical');

/** The line labels of a graph, as rectangles (their estimated size). */
function labelsOf(graph: ReturnType<typeof buildGraph>) {
  return graph.edges.flatMap(({ id, data }) => {
    if (!data?.labelLines.length) return [];
    const size = labelSize(data.labelLines);
    return [{ id, box: { x: data.labelAt.x - size.w / 2, y: data.labelAt.y - size.h / 2, ...size } }];
  });
}

describe("a phone's packet words", () => {
  it('once landed, cover no box, leader, leader dot or label, by their dot, in the frame', async () => {
    const problems: string[] = [];
    let steps = 0;
    for (const { tag: at, graph, frame } of await everyPhoneStep()) {
      const edges = graph.edges.flatMap((e) => (e.data ? [{ id: e.id, data: e.data }] : []));
      const packet = edges.find((e) => e.data.packet?.backWords)?.data;
      const text = packet?.packet?.backWords;
      if (!packet?.packet || !text) continue;
      steps += 1;
      // The packet lands back where its line starts (DiagramLines.tsx, packetAt at the playhead's end).
      const dot = packet.points[0] as Point;
      const words = wordsBox(dot, wordsSize(text), packet.packet.landedWords ?? DEFAULT_PLACE);
      const tag = `${at} "${text}"`;
      // The dot's radius is 10 with its stroke: the words clear it, a short way off.
      const gap = distance(dot, words);
      if (gap < 10 || gap > 32) problems.push(`${tag}: ${gap.toFixed(0)} from its dot`);
      if (!inside(words, frame)) problems.push(`${tag}: outside the drawing's frame`);
      for (const { id, box } of labelsOf(graph))
        if (boxesOverlap(words, box)) problems.push(`${tag}: over the label of ${id}`);
      for (const { id, data } of edges) {
        const leader = data.labelLeader;
        if (!leader) continue;
        if (segmentHitsBox(leader[0], leader[1], words, 0)) problems.push(`${tag}: over the leader of ${id}`);
        const end = { x: leader[1].x - 3, y: leader[1].y - 3, w: 6, h: 6 };
        if (boxesOverlap(words, end)) problems.push(`${tag}: over the leader's dot of ${id}`);
      }
      // Not even a box's empty border: a pill there, clear of the text, still read as clutter on the box.
      for (const node of graph.nodes)
        if (boxesOverlap(words, nodeBox(node))) problems.push(`${tag}: over the box ${node.id}`);
    }
    expect(steps).toBeGreaterThan(150);
    expect(problems).toEqual([]);
  }, 60_000);
});

describe("the wide diagram's packet words", () => {
  // Found after paint on the drawn page, they stood for a frame or two over the label of their line.
  it('once landed, have a place from the layout, by their dot, covering no label or box text', async () => {
    const problems: string[] = [];
    let steps = 0;
    for (const { tag: at, graph, frame } of await everyStep('horizontal')) {
      const packet = graph.edges.find((e) => e.data?.packet?.backWords)?.data;
      const text = packet?.packet?.backWords;
      if (!packet?.packet || !text) continue;
      steps += 1;
      const tag = `${at} "${text}"`;
      const place = packet.packet.landedWords;
      if (!place) {
        problems.push(`${tag}: no place`);
        continue;
      }
      const dot = packet.points[0] as Point;
      const words = wordsBox(dot, wordsSize(text), place);
      const gap = distance(dot, words);
      if (gap < 10 || gap > 32) problems.push(`${tag}: ${gap.toFixed(0)} from its dot`);
      if (!inside(words, frame)) problems.push(`${tag}: outside the canvas`);
      for (const { id, box } of labelsOf(graph))
        if (boxesOverlap(words, box)) problems.push(`${tag}: over the label of ${id}`);
      for (const { id, position, data: box } of graph.nodes)
        for (const line of boxText({ ...position, w: NODE_W, h: NODE_H }, box.label, box.kind, box.badge))
          if (boxesOverlap(words, line)) problems.push(`${tag}: over the text of ${id}`);
    }
    expect(steps).toBeGreaterThan(150);
    expect(problems).toEqual([]);
  }, 60_000);
});

/**
 * Where the words ride in flight, as DiagramLines.tsx places them at each frame: what they cover at
 * every unit of the route on either leg, in words (labels their plan does not fade, the boxes' text
 * where `texts` is set, the drawing's frame they must stay in).
 */
function flightProblems({ tag: at, graph, frame }: StepGraph, withTexts: boolean): string[] | undefined {
  const data = graph.edges.find((e) => e.data?.packet?.backWords)?.data;
  const packet = data?.packet;
  if (!data || !packet?.flight) return undefined;
  const problems: string[] = [];
  const labels = labelsOf(graph);
  const texts = (withTexts ? graph.nodes : []).flatMap(({ id, position, data: box }) =>
    boxText({ ...position, w: NODE_W, h: NODE_H }, box.label, box.kind, box.badge).map((t) => ({
      id,
      box: t,
    })),
  );
  for (const leg of ['out', 'back'] as const) {
    const text = (leg === 'out' ? packet.outWords : packet.backWords) ?? '';
    const size = wordsSize(text);
    const stretches = packet.flight[leg];
    if (stretches[stretches.length - 1]?.to !== 1) problems.push(`${at} ${leg}: the plan stops short`);
    const length = data.points.reduce(
      (sum, p, i) =>
        sum +
        (i
          ? Math.abs(p.x - (data.points[i - 1] as Point).x) + Math.abs(p.y - (data.points[i - 1] as Point).y)
          : 0),
      0,
    );
    for (let along = 0; along <= 1; along += 1 / length) {
      const stretch = stretchAt(stretches, along);
      if (!stretch) continue;
      const words = wordsBox(pointAlong(data.points, along), size, stretch.place);
      const where = `${at} ${leg} "${text}" at ${along.toFixed(3)}`;
      const label = labels.find(({ id, box }) => boxesOverlap(words, box) && !stretch.fade?.includes(id));
      if (label) problems.push(`${where}: over the label of ${label.id}`);
      const line = texts.find(({ box }) => boxesOverlap(words, box));
      if (line) problems.push(`${where}: over the text of ${line.id}`);
      if (!inside(words, frame)) problems.push(`${where}: cut off`);
    }
  }
  return problems;
}

// On a phone a short line leaves the middle of a box's bottom edge: the words beside its dot cover
// the box's last line of text until the dot is out of the box (the wide diagram's lines leave a side).
describe.each([
  ['a phone', 'vertical', 'and stay in the frame', false],
  ['the wide diagram', 'horizontal', 'no box text, and stay in the canvas', true],
] as const)("%s's packet words in flight", (_, orientation, what, withTexts) => {
  it(`pass over no line label but those their plan fades, ${what}`, async () => {
    const problems: string[] = [];
    let steps = 0;
    for (const step of await everyStep(orientation)) {
      const found = flightProblems(step, withTexts);
      if (!found) continue;
      steps += 1;
      problems.push(...found);
    }
    expect(steps).toBeGreaterThan(150);
    expect(problems.slice(0, 20)).toEqual([]);
  }, 60_000);
});
