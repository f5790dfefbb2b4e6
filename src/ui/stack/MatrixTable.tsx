import { Fragment } from 'react';
import type { AccessMatrix } from '../../stack/index';

export interface CellRef {
  caller: string;
  action: string;
}

/**
 * The access matrix as a table: one row per caller, one column per action on a resource, the
 * columns grouped under their resource. Each cell is a button that opens the IAM trace behind it.
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
            <th scope="col" rowSpan={2}>
              Caller
            </th>
            {groups.map((g) => (
              <th key={g.group} scope="colgroup" colSpan={g.count} className="matrix-group">
                {g.group}
              </th>
            ))}
          </tr>
          <tr>
            {matrix.actions.map((a) => (
              <th key={a.id} scope="col" className="matrix-action" title={a.resource}>
                <span>{a.action}</span>
                <small>{shortResource(a.resource)}</small>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.callers.map((c) => (
            <tr key={c.id}>
              <th scope="row" title={c.blocked}>
                {c.label}
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

function shortResource(resource: string): string {
  const tail = resource.replace(/^arn:aws:[^:]*:[^:]*:[^:]*:/, '').replace(/^arn:aws:s3:::/, '');
  return tail.length > 36 ? `…${tail.slice(-35)}` : tail;
}
