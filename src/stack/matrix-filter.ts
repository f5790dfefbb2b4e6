import type { AccessMatrix } from './matrix';

/** What the reader typed to narrow the matrix: words a caller's name, or a column's, must contain. */
export interface MatrixFilter {
  callers: string;
  columns: string;
}

export const NO_FILTER: MatrixFilter = { callers: '', columns: '' };

/**
 * Whether `text` contains every word of `query`, ignoring case ("s3 put" finds "s3:PutObject on
 * arn:aws:s3:::bucket/*"): a reader types the words they remember, in any order.
 */
function containsAll(text: string, query: string): boolean {
  const haystack = text.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/**
 * The matrix narrowed to the callers whose name, and the columns whose service, action or resource,
 * contain the reader's words; a blank query keeps every caller (or column). Only the visible cells
 * stay, so the tally under the caption counts what is shown. The caps' limits are the import's and
 * are kept as they are: the filter never brings back what a cap left out.
 */
export function filterMatrix(matrix: AccessMatrix, filter: MatrixFilter): AccessMatrix {
  const callerQuery = filter.callers.trim();
  const columnQuery = filter.columns.trim();
  if (!callerQuery && !columnQuery) return matrix;
  const callers = callerQuery
    ? matrix.callers.filter((c) => containsAll(c.label, callerQuery))
    : matrix.callers;
  const actions = columnQuery
    ? matrix.actions.filter((a) => containsAll(`${a.group} ${a.action} ${a.resource}`, columnQuery))
    : matrix.actions;
  const callerIds = new Set(callers.map((c) => c.id));
  const actionIds = new Set(actions.map((a) => a.id));
  return {
    ...matrix,
    callers,
    actions,
    cells: matrix.cells.filter((c) => callerIds.has(c.caller) && actionIds.has(c.action)),
  };
}
