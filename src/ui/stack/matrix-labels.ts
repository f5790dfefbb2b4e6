/**
 * Short forms of the access matrix's resource headings. An ARN has long runs with no space (an identity
 * pool id is a 36-character UUID after `us-east-1:`), which a narrow column broke at whatever hyphen
 * came next (`us-/east-/1:95466efc-/…`). Here a heading breaks only after `:` or `/` (or around a
 * `<Parameter>` placeholder), a run longer than a column should be is cut in its middle with an
 * ellipsis, and the view keeps the full value in the cell's title and accessible name.
 */

import { type AccessMatrix, CALLER_CAP, CELL_BUDGET } from '../../stack/index';

type CellDecision = AccessMatrix['cells'][number]['decision'];

/**
 * A cell's word in its accessible name: "allow", "deny", or "depends" when the answer turns on
 * something the matrix cannot know (the cell's title and trace say what).
 */
export function cellWord(decision: CellDecision | undefined): string {
  return decision === 'conditional' ? 'depends' : (decision ?? 'deny');
}

/** A cell's glyph: text, so the answer never rests on colour alone. */
export function cellGlyph(decision: CellDecision | undefined): string {
  return decision === 'allow' ? '✓' : decision === 'conditional' ? '?' : '✗';
}

/** The legend and counts under the caption: what each glyph means and how many cells have it. */
export function matrixTally(matrix: AccessMatrix): string {
  const n = { allow: 0, deny: 0, conditional: 0 };
  for (const c of matrix.cells) n[c.decision]++;
  const parts = [`✓ allowed: ${n.allow}`, `✗ denied: ${n.deny}`];
  if (n.conditional > 0)
    parts.push(
      `? depends (on the request, a policy not loaded, a key policy or a resource policy): ${n.conditional}`,
    );
  const derived = matrix.actions.filter((a) => a.derived).length;
  if (derived > 0)
    parts.push(
      `${DERIVED_MARK} column reached by a wildcard, NotAction or NotResource statement: ${derived}`,
    );
  return `${parts.join(' · ')}.`;
}

/** The mark on a column no policy writes out (text, not colour, like the cells' glyphs). */
export const DERIVED_MARK = '◆';

/**
 * What the caps left out, said plainly ("Showing 60 of 84 callers …"), or undefined when the matrix
 * shows everything. The view lists the labels left out under it.
 */
export function limitNotice(limits: AccessMatrix['limits']): string | undefined {
  const parts: string[] = [];
  const { callers, actions } = limits;
  if (callers.total > callers.shown) parts.push(`${callers.shown} of ${callers.total} callers`);
  if (actions.total > actions.shown) parts.push(`${actions.shown} of ${actions.total} columns`);
  if (parts.length === 0) return undefined;
  const cells = CELL_BUDGET.toLocaleString('en-US');
  return `Showing ${parts.join(' and ')}. The rest are listed below: every cell is a real policy evaluation, so the matrix keeps to ${CALLER_CAP} callers and ${cells} cells.`;
}

/** The longest run a heading draws whole: a `<LocationResourcePrefix>` placeholder stays whole. */
export const MAX_SEGMENT = 24;
/** The longest resource line drawn under a column's action. */
export const MAX_COLUMN_RESOURCE = 36;

/** `text` cut to `max` characters with `…` in its middle: both ends of an id are what tell ids apart. */
export function middleEllipsis(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const keep = Math.max(2, max - 1);
  const head = Math.ceil(keep / 2);
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - (keep - head)).join('')}`;
}

/**
 * A resource heading as the runs a line may break between: each ends at a `:` or `/` or around a
 * `<Parameter>` placeholder, and a run longer than MAX_SEGMENT is shortened in its middle. Joined they
 * read as the heading, shortened.
 */
export function headingSegments(text: string): string[] {
  return text
    .split(/(?<=[:/])|(?<=>)(?![:/])|(?<![:/])(?=<)/)
    .filter((s) => s !== '')
    .map((s) => {
      const delimiter = /[:/]$/.test(s) ? s.slice(-1) : '';
      const body = delimiter ? s.slice(0, -1) : s;
      return middleEllipsis(body, MAX_SEGMENT) + delimiter;
    });
}

/**
 * A column group's heading split into its service (or `bucket`) and the resource that follows it:
 * `cognito-sync identitypool/us-east-1:…` → `cognito-sync` and `identitypool/us-east-1:…`. A heading
 * with no ARN part (`any resource (*)`) has no resource.
 */
export function splitGroup(group: string): { head: string; resource?: string } {
  const space = group.indexOf(' ');
  const resource = space < 0 ? '' : group.slice(space + 1);
  if (!/[:/]/.test(resource) && !group.startsWith('bucket ')) return { head: group };
  return { head: group.slice(0, space), resource };
}

/**
 * What a column adds to its group's resource, shortened: the group heading already names it, so the
 * column shows only the rest (an object key, an API's method and path, `(own)`), or nothing.
 */
export function columnResource(group: string, resource: string): string {
  if (resource === '*') return '';
  const tail = resource.replace(/^arn:aws:s3:::/, '').replace(/^arn:[^:]*:[^:]*:[^:]*:[^:]*:/, '');
  const { resource: groupResource } = splitGroup(group);
  const rest =
    groupResource && tail.startsWith(groupResource)
      ? tail.slice(groupResource.length).replace(/^[/:]/, '')
      : tail;
  return middleEllipsis(rest.trim(), MAX_COLUMN_RESOURCE);
}
