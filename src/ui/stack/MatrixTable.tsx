import { Fragment } from 'react';
import type { AccessMatrix } from '../../stack/index';
import { columnResource, headingSegments, splitGroup } from './matrix-labels';
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

/**
 * The access matrix as a table: one row per caller, one column per action on a resource, the
 * columns grouped under their resource. Each cell is a button that opens the IAM trace behind it.
 * A column's heading is its action and what its resource adds to the group's (the full resource is
 * in its title and in each cell's accessible name).
 */
export function MatrixTable({
  matrix,
  selected,
  onSelect,
}: {
  matrix: AccessMatrix;
  selected?: CellRef;
  onSelect(cell: CellRef): void;
}) {
  const groups: { group: string; count: number }[] = [];
  for (const a of matrix.actions) {
    const last = groups[groups.length - 1];
    if (last && last.group === a.group) last.count++;
    else groups.push({ group: a.group, count: 1 });
  }
  const decision = new Map(matrix.cells.map((c) => [`${c.caller}\u0000${c.action}`, c]));
  if (matrix.callers.length === 0)
    return (
      <p>No callers: the stack has no identity pool and no IAM user, so nobody gets credentials from it.</p>
    );
  return (
    <div className="matrix-scroll">
      <table className="access-matrix">
        <caption>
          <span className="matrix-caption">
            Who can do what: each cell is the engine’s decision; select it for the IAM trace.
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2} className="matrix-corner">
              Caller
            </th>
            {groups.map((g) => (
              <th key={g.group} scope="colgroup" colSpan={g.count} className="matrix-group" title={g.group}>
                <GroupHeading group={g.group} />
              </th>
            ))}
          </tr>
          <tr>
            {matrix.actions.map((a) => {
              const rest = columnResource(a.group, a.resource);
              return (
                <th key={a.id} scope="col" className="matrix-action" title={`${a.action} on ${a.resource}`}>
                  <span>{a.action}</span>
                  {rest ? <small>{rest}</small> : null}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {matrix.callers.map((c) => (
            <tr key={c.id}>
              <th scope="row" title={c.blocked}>
                <NameBreaks text={c.label} />
                {c.blocked ? <small className="blocked"> (no credentials)</small> : null}
              </th>
              {matrix.actions.map((a) => {
                const cell = decision.get(`${c.id}\u0000${a.id}`);
                const isSelected = selected?.caller === c.id && selected.action === a.id;
                return (
                  <Fragment key={a.id}>
                    <td className={`cell cell--${cell?.decision ?? 'deny'}`}>
                      <button
                        type="button"
                        aria-pressed={isSelected}
                        aria-label={`${c.label}: ${a.action} on ${a.resource}: ${cell?.decision ?? 'deny'}`}
                        title={cell?.reason}
                        onClick={() => onSelect({ caller: c.id, action: a.id })}
                      >
                        {cell?.decision === 'allow' ? '✓' : '✗'}
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
  );
}
