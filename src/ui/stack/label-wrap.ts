import { boldTextWidth } from '../diagram/layout';

/**
 * Box names in the pipeline wrap instead of being cut: a name the reader gave (`my-stack-Orders…-7K2Q`)
 * may be longer than a box is wide. A name breaks only between words: after `-`, `_`, `/`, `:`, `.`,
 * `@`, `,` or a space, and around a `<Parameter>` placeholder (`<AuthName>|Identity`). A word is never
 * broken: the layout widens a column for its longest word (up to a cap), a word longer than the cap
 * breaks between its camel-case words, and a run with no such place (a long hash) is drawn whole up to
 * the box's edge and ends in an ellipsis, the full name staying in the box's title and accessible name.
 * The layout and the box use the same units, so the lines the layout counts are the lines drawn.
 */

/** Where a name may break: after a separator, before a `<placeholder>` and after one. */
const BREAK = /(?<=[-_/:.@,\s])|(?<=>)(?![-_/:.@,\s])|(?<![-_/:.@,\s])(?=<)/;

/**
 * Camel-case words, for a word too long for any box: before a capital after a lower-case letter, or
 * before capital + lower case (`S3|Bucket`, `HTTP|Server`). Never inside a run of capitals and digits,
 * so a generated suffix such as `AB12CD34EF56` stays whole.
 */
const CAMEL = /(?<=[a-z])(?=[A-Z])|(?<=[A-Z0-9])(?=[A-Z][a-z])/;

/** The name cut at its break points; joined again they give the name back. */
export function labelPieces(label: string): string[] {
  return label.split(BREAK).filter((piece) => piece !== '');
}

/**
 * A piece cut between its camel-case words. A word of one or two letters stays with the next one
 * (the last with the one before): `Un|Authorized` and `S3|Bucket` read as broken words.
 */
export function camelWords(piece: string): string[] {
  const words = piece.split(CAMEL).filter((w) => w !== '');
  const out: string[] = [];
  let carry = '';
  for (const word of words) {
    const joined = carry + word;
    if (/^[A-Za-z0-9]{1,2}$/.test(joined)) carry = joined;
    else {
      out.push(joined);
      carry = '';
    }
  }
  if (carry) {
    if (out.length) out[out.length - 1] += carry;
    else out.push(carry);
  }
  return out;
}

/** Measures a piece of text in CSS pixels, as the label's font draws it. */
export type MeasureText = (text: string) => number;

/**
 * The units a box draws its name in, each kept whole on one line: the pieces, with a piece wider than
 * `width` cut into its camel-case words. A unit still wider than `width` is drawn with an ellipsis.
 */
export function labelUnits(label: string, width: number, measure: MeasureText): string[] {
  return labelPieces(label).flatMap((piece) => (measure(piece) <= width ? [piece] : camelWords(piece)));
}

/** The widest piece of the name: the narrowest a box can be and still draw every word whole. */
export function widestPiece(label: string, measure: MeasureText): number {
  return Math.max(0, ...labelPieces(label).map(measure));
}

/**
 * How many lines the label takes in a box `width` pixels wide: units fill a line as a browser fills
 * a line of inline blocks, and a unit wider than the line takes a line of its own.
 */
export function labelLines(label: string, width: number, measure: MeasureText): number {
  let lines = 1;
  let used = 0;
  for (const unit of labelUnits(label, width, measure)) {
    // A space after a unit is drawn between the boxes (StackNode.tsx); at the end of a line it hangs
    // past the edge, so only the unit's letters need to fit.
    const word = unit.trimEnd();
    const w = Math.min(measure(word), width);
    if (used > 0 && used + w > width) {
      lines += 1;
      used = 0;
    }
    used += w + (word === unit ? 0 : measure(unit.slice(word.length)));
  }
  return lines;
}

/**
 * Widths of the label font (15 px, bold) without a browser: the diagram's measured table of DejaVu Sans
 * Bold, the widest of the usual fallbacks, so a box is never too short for its name (the view measures
 * the real font).
 */
export const estimateLabelWidth: MeasureText = boldTextWidth;

/** The subtitle's font (12.5 px, regular) in `.stack-node__what`; keep the two in step. */
const SUBTITLE_PX = 12.5;
/**
 * Subtitle widths without a browser: the bold 15 px table scaled to 12.5 px. Bold is wider than
 * regular, so the estimate errs towards an extra line, never towards a cut one.
 */
export const estimateSubtitleWidth: MeasureText = (text) => (boldTextWidth(text) * SUBTITLE_PX) / 15;

/**
 * The label font's real widths, measured on a canvas with the font the page uses, or undefined where
 * there is no canvas (then the layout estimates).
 */
export function canvasLabelWidth(): MeasureText | undefined {
  // Keep in step with `.stack-node__label` in stack.css (bold, 15 px, the inherited family).
  return canvasTextWidth('700 15px');
}

/** The subtitle font's real widths (`.stack-node__what`: regular, 12.5 px), as canvasLabelWidth. */
export function canvasSubtitleWidth(): MeasureText | undefined {
  return canvasTextWidth(`400 ${SUBTITLE_PX}px`);
}

function canvasTextWidth(weightAndSize: string): MeasureText | undefined {
  if (typeof document === 'undefined') return undefined;
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return undefined;
  context.font = `${weightAndSize} ${getComputedStyle(document.body).fontFamily}`;
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
