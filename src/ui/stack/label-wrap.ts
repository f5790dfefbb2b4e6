import { boldTextWidth } from '../diagram/layout';

/**
 * Box names in the pipeline wrap instead of being cut: a name the reader gave (`my-stack-Orders…-7K2Q`)
 * may be longer than a box is wide. A name breaks only where a reader would: after `-`, `_`, `/`, `:`,
 * `.`, `@` or `,`, and between the words of a camel-case logical id (`Orders|Api|Reader`, `HTTP|Server`).
 * A run with no such place (a long hash) may break anywhere, as CSS `overflow-wrap: anywhere` does.
 * The layout uses the same pieces to size each box to its name, so boxes never overlap.
 */

/**
 * Where a name may break: after a separator, or before a capital that starts a camel-case word (after a
 * lower-case letter, or before capital + lower case: `S3|Bucket`, `HTTP|Server`). Never inside a run of
 * capitals and digits, so a generated suffix such as `AB12CD34EF56` stays whole.
 */
const BREAK = /(?<=[-_/:.@,])|(?<=[a-z])(?=[A-Z])|(?<=[A-Z0-9])(?=[A-Z][a-z])/;

/** The name cut at its break points; joined again they give the name back. */
export function labelPieces(label: string): string[] {
  return label.split(BREAK).filter((piece) => piece !== '');
}

/** Measures a piece of text in CSS pixels, as the label's font draws it. */
export type MeasureText = (text: string) => number;

/**
 * How many lines the label takes in a box `width` pixels wide: pieces fill a line as a browser fills it,
 * and a piece wider than the whole line is split by characters.
 */
export function labelLines(label: string, width: number, measure: MeasureText): number {
  let lines = 1;
  let used = 0;
  for (const piece of labelPieces(label)) {
    const w = measure(piece);
    if (used + w <= width) {
      used += w;
      continue;
    }
    if (used > 0) lines += 1;
    used = 0;
    if (w <= width) {
      used = w;
      continue;
    }
    for (const ch of piece) {
      const cw = measure(ch);
      if (used + cw > width && used > 0) {
        lines += 1;
        used = 0;
      }
      used += cw;
    }
  }
  return lines;
}

/**
 * Widths of the label font (15 px, bold) without a browser: the diagram's measured table of DejaVu Sans
 * Bold, the widest of the usual fallbacks, so a box is never too short for its name (the view measures
 * the real font).
 */
export const estimateLabelWidth: MeasureText = boldTextWidth;

/**
 * The label font's real widths, measured on a canvas with the font the page uses, or undefined where
 * there is no canvas (then the layout estimates).
 */
export function canvasLabelWidth(): MeasureText | undefined {
  if (typeof document === 'undefined') return undefined;
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return undefined;
  // Keep in step with `.stack-node__label` in stack.css (bold, 15 px, the inherited family).
  context.font = `700 15px ${getComputedStyle(document.body).fontFamily}`;
  const widths = new Map<string, number>();
  return (text) => {
    let w = widths.get(text);
    if (w === undefined) {
      w = context.measureText(text).width;
      widths.set(text, w);
    }
    return w;
  };
}
