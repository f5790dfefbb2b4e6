/**
 * The error a template import rejects with: what went wrong and, when the text itself is at fault,
 * where (1-based line and column), so the view can point at the spot.
 */
export class StackImportError extends Error {
  readonly line?: number;
  readonly column?: number;
  /** The template's lines at the spot with a caret under it, when the parser drew them (YAML). */
  readonly frame?: string;
  constructor(message: string, position?: { line: number; column: number }, frame?: string) {
    super(position ? `${message} (line ${position.line}, column ${position.column})` : message);
    this.name = 'StackImportError';
    if (position) {
      this.line = position.line;
      this.column = position.column;
    }
    if (frame) this.frame = frame;
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
/**
 * The longest value resolving a template may build: a string, or a list or object counted as the sum of
 * its strings. CloudFormation takes a template of at most 1 MB (from S3; 51,200 bytes inline) and a
 * parameter value of at most 4,096 bytes (CloudFormation quotas), so a value longer than a whole template
 * can only come from intrinsics that copy a value over and over (a Fn::Join of a Ref to a name that is
 * itself such a join doubles at each step). Refusing it here stops the import long before JavaScript's
 * own string limit (about 2^29 characters in V8) throws a RangeError that names nothing in the template.
 */
export const MAX_RESOLVED_CHARS = MAX_TEMPLATE_BYTES;
/** Deeper than any real template; deep enough that a hostile one cannot exhaust the stack. */
export const MAX_DEPTH = 100;

/**
 * A mapping key written twice in one object. CloudFormation accepts the template and keeps the last
 * value, for YAML and JSON alike (observed with validate-template and get-template-summary:
 * go-to-k/cdk-real-drift#1074); the import does the same and says so (a reviewer's finding).
 */
export interface DuplicateKey {
  /** `Resources.Bucket.Properties.BucketName`. */
  path: string;
  /** Where the value that counts (the last) is written. */
  line: number;
}

/**
 * `['Resources', 'Bucket', 'Properties', 'Tags', 0]` → `Resources.Bucket.Properties.Tags[0]`: array items
 * are `[i]`, as elsewhere in the stack's paths. The readers keep the keys on a stack and join them only
 * for a duplicate, not for every value they read.
 */
export function pathOf(keys: readonly (string | number)[]): string {
  let path = '';
  for (const key of keys) path = typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
  return path;
}
