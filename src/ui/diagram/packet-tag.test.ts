import { describe, expect, it } from 'vitest';
import { createPlayer } from '../../player/create-player';
import { SCENARIOS } from '../../scenarios/catalog';
import { createCloud } from '../../sim/index';
import { buildGraph } from './build-graph';
import { type Box, boxesOverlap, labelSize, type Point, segmentHitsBox } from './layout';
import { boxText, type WordsPlace, wordsSize } from './layout-vertical-labels';
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

describe("a phone's packet words, once the packet has landed", () => {
  it('cover no leader, leader dot, label or box text, by their dot, in the frame', async () => {
    const problems: string[] = [];
    let steps = 0;
    for (const scenario of SCENARIOS) {
      // The real trace: it decides the words ("refusal") and the boxes' status lines the words avoid.
      const player = createPlayer({ scenario, createCloud });
      await player.seek(scenario.steps.length);
      const { entries, clock } = player.getSnapshot();
      const frame = drawingFrame(scenario, 'vertical');
      for (let position = 1; position <= scenario.steps.length; position += 1) {
        const graph = buildGraph({
          scenario,
          entries: entries.slice(0, position),
          position,
          clock,
          orientation: 'vertical',
        });
        const edges = graph.edges.flatMap((e) => (e.data ? [{ id: e.id, data: e.data }] : []));
        const packet = edges.find((e) => e.data.packet?.backWords)?.data;
        const text = packet?.packet?.backWords;
        if (!packet?.packet || !text) continue;
        steps += 1;
        // The packet lands back where its line starts (DiagramLines.tsx, packetAt at the playhead's end).
        const dot = packet.points[0] as Point;
        const words = wordsBox(dot, wordsSize(text), packet.packet.landedWords ?? DEFAULT_PLACE);
        const tag = `${scenario.id}@${position} "${text}"`;
        // The dot's radius is 10 with its stroke: the words clear it, a short way off.
        const gap = distance(dot, words);
        if (gap < 10 || gap > 32) problems.push(`${tag}: ${gap.toFixed(0)} from its dot`);
        if (!inside(words, frame)) problems.push(`${tag}: outside the drawing's frame`);
        for (const { id, data } of edges) {
          if (data.labelLines.length) {
            const size = labelSize(data.labelLines);
            const label = { x: data.labelAt.x - size.w / 2, y: data.labelAt.y - size.h / 2, ...size };
            if (boxesOverlap(words, label)) problems.push(`${tag}: over the label of ${id}`);
          }
          const leader = data.labelLeader;
          if (!leader) continue;
          if (segmentHitsBox(leader[0], leader[1], words, 0))
            problems.push(`${tag}: over the leader of ${id}`);
          const end = { x: leader[1].x - 3, y: leader[1].y - 3, w: 6, h: 6 };
          if (boxesOverlap(words, end)) problems.push(`${tag}: over the leader's dot of ${id}`);
        }
        for (const node of graph.nodes) {
          const { label, kind, badge } = node.data;
          if (boxText(nodeBox(node), label, kind, badge).some((line) => boxesOverlap(words, line)))
            problems.push(`${tag}: over the text of ${node.id}`);
        }
      }
    }
    expect(steps).toBeGreaterThan(150);
    expect(problems).toEqual([]);
  }, 60_000);
});
