import type { Pipeline, PipelineKind, PipelineNode } from '../../stack/pipeline';
import type { Box, Point } from '../diagram/layout';
import {
  estimateLabelWidth,
  estimateSubtitleWidth,
  labelLines,
  labelUnits,
  type MeasureText,
  widestPiece,
} from './label-wrap';

/**
 * Where the boxes of the reader's pipeline go: one column per kind, read left to right as a sign-in
 * travels (identity providers → user pools → app clients and direct logins → identity pools → roles →
 * the resources their policies name). Empty columns close up. Within a column a box sits as near the
 * middle of its neighbours in the columns already placed as the box above it allows, so boxes never
 * overlap. Every line joins neighbouring columns: it leaves the source's right side, turns in the gap
 * on a channel of its own source, and enters the target's left side, so no line runs through a box.
 * A box is as tall as its name needs (see label-wrap.ts): a long name wraps onto more lines, between
 * words; a column is as wide as its longest word needs, up to STACK_NODE_MAX_W.
 */
export const STACK_NODE_W = 200;
/** The widest a column grows for a long word (`CognitoUnAuthorizedRole-`); longer words are cut. */
export const STACK_NODE_MAX_W = 280;
/** The height of a box whose name fits one line. */
export const STACK_NODE_H = 64;
/**
 * What a box takes from its width before its name: padding (2 × 8) and borders (2 + 6 on pool boxes),
 * and 2 px so rounding in the browser never pushes a piece onto a line the layout did not count.
 * Keep in step with `.stack-node` in stack.css.
 */
const LABEL_CHROME = 16 + 8 + 2;
/** The room a name has on one line of a box `boxWidth` wide. */
export const labelWidth = (boxWidth: number) => boxWidth - LABEL_CHROME;
/** The label's line height in stack.css (`.stack-node__label`). */
export const LABEL_LINE_H = 18;
/** Longer names are cut (the full name stays in the box's title, accessible name and details). */
export const MAX_LABEL_LINES = 6;
/** The subtitle's line height in stack.css (`.stack-node__what`). */
export const SUBTITLE_LINE_H = 16;
/** A longer subtitle is cut; it is whole in the box's title and accessible name. Keep in stack.css. */
export const MAX_SUBTITLE_LINES = 3;
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
  /** The name in the units the box draws, each whole on its line (label-wrap.ts `labelUnits`). */
  labelUnits: string[];
  /** What the box is ("Google identity provider of reader-pool"), in units too: it wraps, not cut. */
  whatUnits: string[];
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

/**
 * How tall the box for `label` (and its subtitle `what`) is in a box `width` wide. STACK_NODE_H holds
 * one line of each; every further line of either adds its line height.
 */
export function boxHeight(
  label: string,
  measure: MeasureText = estimateLabelWidth,
  width: number = STACK_NODE_W,
  what = '',
  measureWhat: MeasureText = estimateSubtitleWidth,
): number {
  const lines = Math.min(MAX_LABEL_LINES, labelLines(label, labelWidth(width), measure));
  const whatLines = Math.min(MAX_SUBTITLE_LINES, labelLines(what, labelWidth(width), measureWhat));
  return STACK_NODE_H + LABEL_LINE_H * (lines - 1) + SUBTITLE_LINE_H * (whatLines - 1);
}

/** How wide a column is: wide enough for the longest word of its names, within the two bounds. */
export function columnWidth(labels: readonly string[], measure: MeasureText = estimateLabelWidth): number {
  const word = Math.max(0, ...labels.map((l) => widestPiece(l, measure)));
  return Math.min(STACK_NODE_MAX_W, Math.max(STACK_NODE_W, Math.ceil(word) + LABEL_CHROME));
}

/**
 * `measure` is the label font's width in the view (a canvas), `measureWhat` the subtitle's; without a
 * browser estimates are used.
 */
export function layoutPipeline(
  pipeline: Pipeline,
  measure: MeasureText = estimateLabelWidth,
  measureWhat: MeasureText = estimateSubtitleWidth,
): PipelineLayout {
  const used = [...new Set(pipeline.nodes.map((n) => COLUMN[n.kind]))].sort((a, b) => a - b);
  const columnOf = (n: PipelineNode) => used.indexOf(COLUMN[n.kind]);
  const widths = used.map((_, c) =>
    columnWidth(
      pipeline.nodes.filter((n) => columnOf(n) === c).map((n) => n.label),
      measure,
    ),
  );
  const widthOf = (n: PipelineNode) => widths[columnOf(n)] ?? STACK_NODE_W;
  const heights = new Map(
    pipeline.nodes.map((n) => [n.id, boxHeight(n.label, measure, widthOf(n), n.what, measureWhat)]),
  );
  const heightOf = (id: string) => heights.get(id) ?? STACK_NODE_H;
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
    x += (widths[c] ?? STACK_NODE_W) + gapWidth(c);
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
      next = y + heightOf(n.id) + ROW_GAP;
    }
  }

  const incoming = new Map<string, string[]>();
  for (const e of pipeline.edges)
    if (e.label) for (const l of e.label.split(', ')) incoming.set(e.to, [...(incoming.get(e.to) ?? []), l]);
  const nodes: LaidOutNode[] = pipeline.nodes.map((n) => ({
    ...n,
    box: { x: columnX[columnOf(n)] ?? 0, y: ys.get(n.id) ?? 0, w: widthOf(n), h: heightOf(n.id) },
    labelUnits: labelUnits(n.label, labelWidth(widthOf(n)), measure),
    whatUnits: labelUnits(n.what, labelWidth(widthOf(n)), measureWhat),
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
