import { Fragment, type KeyboardEvent, useDeferredValue, useId, useMemo, useRef, useState } from 'react';
import {
  type AccessMatrix,
  CELL_BUDGET,
  filterMatrix,
  type MatrixFilter,
  NO_FILTER,
} from '../../stack/index';
import { counted } from './counted';
import {
  cellGlyph,
  cellWord,
  columnResource,
  DERIVED_MARK,
  headingSegments,
  limitNotice,
  matrixTally,
  splitGroup,
} from './matrix-labels';
import { NameBreaks } from './NameBreaks';

export interface CellRef {
  caller: string;
  action: string;
}

/**
 * A group's heading: its service on one line, then its resource broken only after `:` or `/`, long runs
 * shortened in the middle. The full heading is the accessible name and the title.
 */
function GroupHeading({ group }: { group: string }) {
  const { head, resource } = splitGroup(group);
  if (resource === undefined) return <>{group}</>;
  return (
    <>
      <span className="visually-hidden">{group}</span>
      <span aria-hidden="true">
        <span className="matrix-group__head">{head}</span>
        {headingSegments(resource).map((segment, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the segments of one heading keep their order
          <Fragment key={i}>
            {i > 0 ? <wbr /> : null}
            <span className="matrix-group__segment">{segment}</span>
          </Fragment>
        ))}
      </span>
    </>
  );
}

/** How many left-out labels a list draws: the rest is a count (a stack can leave out thousands). */
const MAX_LISTED = 200;

/** The labels a cap left out, in a disclosure so a long list does not push the table away. */
function Omitted({ labels, noun }: { labels: string[]; noun: string }) {
  if (labels.length === 0) return null;
  const rest = labels.length - MAX_LISTED;
  return (
    <details className="matrix-omitted">
      <summary>
        The {labels.length} {noun} not shown
      </summary>
      <ul>
        {labels.slice(0, MAX_LISTED).map((label, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: labels may repeat; the list never reorders
          <li key={i}>{label}</li>
        ))}
        {rest > 0 ? <li>… and {rest} more</li> : null}
      </ul>
    </details>
  );
}

/** The view's switch between the capped matrix and the whole one. */
export interface Widen {
  showingAll: boolean;
  /** The whole matrix is being evaluated (a long task: the press is answered first). */
  working: boolean;
  toggle(): void;
}

/**
 * Show everything, or go back to the capped view. The whole matrix is one evaluation per cell and
 * one button per cell: the label says roughly how many before the reader asks for them.
 */
function WidenControl({ widen, limits }: { widen: Widen; limits: AccessMatrix['limits'] }) {
  const cells = limits.callers.total * limits.actions.total;
  return (
    <p>
      <button type="button" onClick={widen.toggle} disabled={widen.working} aria-busy={widen.working}>
        {widen.showingAll
          ? 'Show the shorter matrix again'
          : widen.working
            ? 'Evaluating every cell…'
            : `Show all ${counted(limits.callers.total, 'caller')} and ${counted(limits.actions.total, 'column')}`}
      </button>{' '}
      {widen.showingAll || widen.working
        ? null
        : `(about ${cells.toLocaleString('en-US')} evaluations${cells > CELL_BUDGET ? ', a button each: the page may not answer for several seconds' : ''})`}
    </p>
  );
}

/** What the rows and columns are, and why a column no policy writes out is there. */
function HowChosen() {
  return (
    <details className="matrix-about">
      <summary>How the rows and columns were chosen</summary>
      <p>
        Rows: each identity pool’s guest and signed-in user, each role-mapping rule and group role, and, where
        a pool allows the basic (classic) flow, every other role whose trust policy takes the pool’s token;
        each IAM user; and one <code>sts:AssumeRole</code> hop from any of them.
      </p>
      <p>
        Columns: every action and resource a policy names. A statement that reaches further than it writes — a
        wildcard action (<code>s3:*</code>, <code>*</code>), a wildcard resource (<code>*</code>,{' '}
        <code>arn:aws:s3:::*</code>), <code>NotAction</code> or <code>NotResource</code> — is tried on the
        stack’s own buckets, tables, parameters, IAM-authorised APIs, queues, topics, functions, keys and
        secrets, with a few representative actions each (a read and a write, a send, an invoke), and{' '}
        <code>iam:CreateUser</code> stands for the rest of the account. A queue, topic, function or secret the
        stack gives a resource policy (not simulated) shows “?”: that policy can allow or deny on its own. A
        KMS key of the stack is decided with its key policy as well, and so is a secret’s value under it: an
        IAM Allow that the key policy does not share is refused, as in KMS. The
        tooltip on such a column’s heading names the statement; the column is marked {`${DERIVED_MARK}.`}
      </p>
    </details>
  );
}

/** A cell by its place: row (caller) and column (action). */
type Place = { row: number; col: number };

/** Where a key moves from `at` in a matrix of `rows` × `cols`; undefined for a key that does not move. */
function moveFor(key: string, ctrl: boolean, at: Place, rows: number, cols: number): Place | undefined {
  const clamp = (n: number, max: number) => Math.max(0, Math.min(max - 1, n));
  switch (key) {
    case 'ArrowRight':
      return { row: at.row, col: clamp(at.col + 1, cols) };
    case 'ArrowLeft':
      return { row: at.row, col: clamp(at.col - 1, cols) };
    case 'ArrowDown':
      return { row: clamp(at.row + 1, rows), col: at.col };
    case 'ArrowUp':
      return { row: clamp(at.row - 1, rows), col: at.col };
    case 'Home':
      return { row: ctrl ? 0 : at.row, col: 0 };
    case 'End':
      return { row: ctrl ? rows - 1 : at.row, col: cols - 1 };
    default:
      return undefined;
  }
}

const FILTER_BOXES: { key: keyof MatrixFilter; label: string; example: string }[] = [
  { key: 'callers', label: 'Callers containing', example: 'guest' },
  { key: 'columns', label: 'Columns containing', example: 's3 put' },
];

/**
 * Two boxes that narrow the matrix to the callers and the columns whose words contain what the reader
 * types (a stack with dozens of roles and hundreds of columns is read a question at a time), and how
 * much of it is shown.
 */
function MatrixFilterForm({
  filter,
  onChange,
  whole,
  shown,
}: {
  filter: MatrixFilter;
  onChange(filter: MatrixFilter): void;
  whole: AccessMatrix;
  shown: AccessMatrix;
}) {
  const id = useId();
  const narrowed = filter.callers.trim() !== '' || filter.columns.trim() !== '';
  return (
    <search className="matrix-filter" aria-label="Filter the access matrix">
      {FILTER_BOXES.map(({ key, label, example }) => (
        <Fragment key={key}>
          <label htmlFor={`${id}-${key}`}>{label}</label>
          <input
            id={`${id}-${key}`}
            type="search"
            value={filter[key]}
            placeholder={`e.g. ${example}`}
            onChange={(event) => onChange({ ...filter, [key]: event.target.value })}
          />
        </Fragment>
      ))}
      <p role="status" className="matrix-filter__count">
        {narrowed
          ? `Showing ${shown.callers.length} of ${counted(whole.callers.length, 'caller')} and ` +
            `${shown.actions.length} of ${counted(whole.actions.length, 'column')}.`
          : ''}
      </p>
    </search>
  );
}

/**
 * The access matrix as a table: one row per caller, one column per action on a resource, the
 * columns grouped under their resource. Each cell is a button that opens the IAM trace behind it.
 * A column's heading is its action and what its resource adds to the group's (the full resource is
 * in its title and in each cell's accessible name).
 *
 * The cells are one tab stop (a roving tabindex, as in the ARIA grid pattern): the demo world has
 * 429 of them, and a Tab each kept a keyboard reader in the table for 428 presses. The arrow keys move
 * among them, Home and End along the row (with Ctrl, to the first and last cell); Enter and Space
 * press the focused cell as a click does.
 */
export function MatrixTable({
  matrix: whole,
  selected,
  onSelect,
  widen,
}: {
  matrix: AccessMatrix;
  selected?: CellRef;
  onSelect(cell: CellRef): void;
  /** The caps' switch, when the view offers one: see WidenControl. */
  widen?: Widen;
}) {
  const [filter, setFilter] = useState<MatrixFilter>(NO_FILTER);
  // The boxes follow each key at once; the table (thousands of cells past the caps) catches up after.
  const shownFilter = useDeferredValue(filter);
  const matrix = useMemo(() => filterMatrix(whole, shownFilter), [whole, shownFilter]);
  const groups: { group: string; count: number }[] = [];
  for (const a of matrix.actions) {
    const last = groups[groups.length - 1];
    if (last && last.group === a.group) last.count++;
    else groups.push({ group: a.group, count: 1 });
  }
  const decision = new Map(matrix.cells.map((c) => [`${c.caller}\u0000${c.action}`, c]));
  const scroller = useRef<HTMLDivElement>(null);
  const [tabStop, setTabStop] = useState<Place>({ row: 0, col: 0 });
  const rows = matrix.callers.length;
  const cols = matrix.actions.length;
  // A new matrix may be smaller than the last: the tab stop stays on a cell that exists.
  const stop = { row: Math.min(tabStop.row, rows - 1), col: Math.min(tabStop.col, cols - 1) };
  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const next = moveFor(event.key, event.ctrlKey || event.metaKey, stop, rows, cols);
    if (!next) return;
    event.preventDefault();
    const box = scroller.current;
    const cell = box?.querySelector<HTMLButtonElement>(`[data-cell="${next.row}:${next.col}"]`);
    if (!box || !cell) return;
    // The stuck head and caller column would cover a cell scrolled to the scroller's edge.
    box.style.scrollPaddingTop = `${box.querySelector('thead')?.getBoundingClientRect().height ?? 0}px`;
    const rowHead = cell.closest('tr')?.querySelector('th');
    box.style.scrollPaddingLeft = `${rowHead?.getBoundingClientRect().width ?? 0}px`;
    setTabStop(next);
    cell.focus();
  };
  if (whole.callers.length === 0)
    return (
      <p>No callers: the stack has no identity pool and no IAM user, so nobody gets credentials from it.</p>
    );
  const notice = limitNotice(matrix.limits);
  return (
    <>
      {notice ? (
        <div className="matrix-limit">
          <p>
            <strong>Not everything is shown.</strong> {notice}
          </p>
          {widen ? <WidenControl widen={widen} limits={matrix.limits} /> : null}
          <Omitted labels={matrix.limits.callers.omitted} noun="callers" />
          <Omitted labels={matrix.limits.actions.omitted} noun="columns" />
        </div>
      ) : widen?.showingAll ? (
        <div className="matrix-limit">
          <p>
            <strong>Everything is shown:</strong> {counted(rows, 'caller')} and {counted(cols, 'column')},{' '}
            {(rows * cols).toLocaleString('en-US')} evaluations.
          </p>
          <WidenControl widen={widen} limits={matrix.limits} />
        </div>
      ) : null}
      <HowChosen />
      <MatrixFilterForm filter={filter} onChange={setFilter} whole={whole} shown={matrix} />
      {rows === 0 || cols === 0 ? (
        <p>
          No {rows === 0 ? 'caller' : 'column'} contains “
          {rows === 0 ? shownFilter.callers.trim() : shownFilter.columns.trim()}”: clear the box to see them
          all again.
        </p>
      ) : (
        <div className="matrix-scroll" ref={scroller}>
          <table className="access-matrix">
            <caption>
              <span className="matrix-caption">
                Who can do what: each cell is the engine’s decision; select it for the IAM trace.
              </span>{' '}
              <span className="matrix-legend">{matrixTally(matrix)}</span>
              <span className="visually-hidden">
                {' '}
                The cells are one tab stop: the arrow keys move among them, Home and End along a row.
              </span>
            </caption>
            <thead>
              <tr>
                <th scope="col" rowSpan={2} className="matrix-corner">
                  Caller
                </th>
                {groups.map((g) => (
                  <th
                    key={g.group}
                    scope="colgroup"
                    colSpan={g.count}
                    className="matrix-group"
                    title={g.group}
                  >
                    <GroupHeading group={g.group} />
                  </th>
                ))}
              </tr>
              <tr>
                {matrix.actions.map((a) => {
                  const rest = columnResource(a.group, a.resource);
                  return (
                    <th
                      key={a.id}
                      scope="col"
                      className={a.derived ? 'matrix-action matrix-action--derived' : 'matrix-action'}
                      title={`${a.action} on ${a.resource}${a.derived ? ` (${a.derived})` : ''}`}
                    >
                      <span>
                        {/* First, so the mark sits next to the cells: the heading reads bottom to top. */}
                        {a.derived ? (
                          <span aria-hidden="true" className="matrix-derived">
                            {DERIVED_MARK}{' '}
                          </span>
                        ) : null}
                        {a.action}
                      </span>
                      {rest ? <small>{rest}</small> : null}
                      {a.derived ? <span className="visually-hidden"> ({a.derived})</span> : null}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody onKeyDown={onKeyDown}>
              {matrix.callers.map((c, row) => (
                <tr key={c.id}>
                  <th scope="row" title={c.blocked}>
                    <NameBreaks text={c.label} />
                    {c.blocked ? <small className="blocked"> (no credentials)</small> : null}
                  </th>
                  {matrix.actions.map((a, col) => {
                    const cell = decision.get(`${c.id}\u0000${a.id}`);
                    const isSelected = selected?.caller === c.id && selected.action === a.id;
                    const isStop = stop.row === row && stop.col === col;
                    return (
                      <Fragment key={a.id}>
                        <td className={`cell cell--${cell?.decision ?? 'deny'}`}>
                          <button
                            type="button"
                            aria-pressed={isSelected}
                            aria-label={`${c.label}: ${a.action} on ${a.resource}: ${cellWord(cell?.decision)}`}
                            title={cell?.reason}
                            data-cell={`${row}:${col}`}
                            tabIndex={isStop ? 0 : -1}
                            // A cell reached by the mouse is where Tab comes back to.
                            onFocus={() => (isStop ? undefined : setTabStop({ row, col }))}
                            onClick={() => onSelect({ caller: c.id, action: a.id })}
                          >
                            {cellGlyph(cell?.decision)}
                          </button>
                        </td>
                      </Fragment>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
