import type { Pipeline, PipelineKind, PipelineNode } from '../../stack/pipeline';
import type { Box, Point } from '../diagram/layout';

/**
 * Where the boxes of the reader's pipeline go: one column per kind, read left to right as a sign-in
 * travels (identity providers → user pools → app clients and direct logins → identity pools → roles →
 * the resources their policies name). Empty columns close up. Within a column a box sits as near the
 * middle of its neighbours in the columns already placed as the box above it allows, so boxes never
 * overlap. Every line joins neighbouring columns: it leaves the source's right side, turns in the gap
 * on a channel of its own source, and enters the target's left side, so no line runs through a box.
 */
export const STACK_NODE_W = 200;
export const STACK_NODE_H = 64;
const ROW_GAP = 18;
const MIN_GAP = 44;
const CHANNEL = 8;

const COLUMN: Record<PipelineKind, number> = {
  provider: 0,
  userPool: 1,
  client: 2,
  login: 2,
  identityPool: 3,
  role: 4,
  resource: 5,
};
/** The order columns are placed in: providers last, by the user pools they serve. */
const PLACE_ORDER = [1, 2, 3, 4, 5, 0];

export interface LaidOutNode extends PipelineNode {
  box: Box;
  /** How the box is used: the relations on the lines that reach it ("authenticated", "group editors" …). */
  uses: string[];
}
export interface LaidOutEdge {
  id: string;
  from: string;
  to: string;
  label?: string;
  points: Point[];
}
export interface PipelineLayout {
  nodes: LaidOutNode[];
  edges: LaidOutEdge[];
  bounds: Box;
}

export function layoutPipeline(pipeline: Pipeline): PipelineLayout {
  const used = [...new Set(pipeline.nodes.map((n) => COLUMN[n.kind]))].sort((a, b) => a - b);
  const columnOf = (n: PipelineNode) => used.indexOf(COLUMN[n.kind]);
  const neighbours = new Map<string, string[]>();
  for (const e of pipeline.edges) {
    neighbours.set(e.from, [...(neighbours.get(e.from) ?? []), e.to]);
    neighbours.set(e.to, [...(neighbours.get(e.to) ?? []), e.from]);
  }
  // Channels: one per source box in each gap, so lines from different boxes never share a vertical run.
  const sourcesByGap = new Map<number, string[]>();
  for (const e of pipeline.edges) {
    const from = pipeline.nodes.find((n) => n.id === e.from);
    if (!from) continue;
    const gap = columnOf(from);
    const list = sourcesByGap.get(gap) ?? [];
    if (!list.includes(e.from)) list.push(e.from);
    sourcesByGap.set(gap, list);
  }
  const gapWidth = (gap: number) =>
    Math.max(MIN_GAP, 2 * CHANNEL + CHANNEL * (sourcesByGap.get(gap)?.length ?? 0));
  const columnX: number[] = [];
  let x = 0;
  for (let c = 0; c < used.length; c += 1) {
    columnX.push(x);
    x += STACK_NODE_W + gapWidth(c);
  }

  const ys = new Map<string, number>();
  for (const kindColumn of PLACE_ORDER) {
    const c = used.indexOf(kindColumn);
    if (c < 0) continue;
    const members = pipeline.nodes.filter((n) => columnOf(n) === c);
    const wanted = (n: PipelineNode) => {
      const placed = (neighbours.get(n.id) ?? []).map((id) => ys.get(id)).filter((y) => y !== undefined);
      return placed.length ? placed.reduce((s, y) => s + y, 0) / placed.length : Number.POSITIVE_INFINITY;
    };
    const order = members
      .map((n, i) => ({ n, i, want: wanted(n) }))
      .sort((a, b) => a.want - b.want || a.i - b.i);
    let next = 0;
    for (const { n, want } of order) {
      const y = Number.isFinite(want) ? Math.max(next, want) : next;
      ys.set(n.id, y);
      next = y + STACK_NODE_H + ROW_GAP;
    }
  }

  const incoming = new Map<string, string[]>();
  for (const e of pipeline.edges)
    if (e.label) for (const l of e.label.split(', ')) incoming.set(e.to, [...(incoming.get(e.to) ?? []), l]);
  const nodes: LaidOutNode[] = pipeline.nodes.map((n) => ({
    ...n,
    box: { x: columnX[columnOf(n)] ?? 0, y: ys.get(n.id) ?? 0, w: STACK_NODE_W, h: STACK_NODE_H },
    uses: [...new Set(incoming.get(n.id) ?? [])],
  }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges: LaidOutEdge[] = [];
  for (const e of pipeline.edges) {
    const a = byId.get(e.from);
    const b = byId.get(e.to);
    if (!a || !b) continue;
    const gap = columnOf(a);
    const channel = (sourcesByGap.get(gap) ?? []).indexOf(e.from);
    const cx = a.box.x + a.box.w + CHANNEL + CHANNEL * (channel + 1);
    const start = { x: a.box.x + a.box.w, y: a.box.y + a.box.h / 2 };
    const end = { x: b.box.x, y: b.box.y + b.box.h / 2 };
    const points =
      start.y === end.y ? [start, end] : [start, { x: cx, y: start.y }, { x: cx, y: end.y }, end];
    edges.push({ id: e.id, from: e.from, to: e.to, ...(e.label ? { label: e.label } : {}), points });
  }
  const maxX = Math.max(0, ...nodes.map((n) => n.box.x + n.box.w));
  const maxY = Math.max(0, ...nodes.map((n) => n.box.y + n.box.h));
  return { nodes, edges, bounds: { x: 0, y: 0, w: maxX, h: maxY } };
}
