/**
 * The error a template import rejects with: what went wrong and, when the text itself is at fault,
 * where (1-based line and column), so the view can point at the spot.
 */
export class StackImportError extends Error {
  readonly line?: number;
  readonly column?: number;
  constructor(message: string, position?: { line: number; column: number }) {
    super(position ? `${message} (line ${position.line}, column ${position.column})` : message);
    this.name = 'StackImportError';
    if (position) {
      this.line = position.line;
      this.column = position.column;
    }
  }
}

/** Line and column (1-based) of a character offset in `text`. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** CloudFormation's own limits on a template body given to the console as a file: 1 MB. */
export const MAX_TEMPLATE_BYTES = 1_000_000;
/** Deeper than any real template; deep enough that a hostile one cannot exhaust the stack. */
export const MAX_DEPTH = 100;
