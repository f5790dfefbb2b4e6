import { v } from './input';

/**
 * The listings' page tokens (ListUsers' PaginationToken; ListUsersInGroup's, ListGroups' and
 * AdminListGroupsForUser's NextToken): the simulator's own form, the position of the next item, so a
 * listing resumes where it stopped. AWS's tokens are opaque; one the pool did not issue is refused.
 */
export const PAGINATION_TOKEN = { min: 1, pattern: /^\S+$/, patternText: '[\\S]+' };

export const tokenFor = (position: number) => btoa(`next:${position}`);

export function positionOf(token: string): number {
  let decoded = '';
  try {
    decoded = atob(token);
  } catch {
    // not one of ours
  }
  const position = /^next:(\d+)$/.exec(decoded)?.[1];
  // A token the pool did not issue (unv: the message).
  if (position === undefined) return v.fail('Invalid pagination token.');
  return Number(position);
}

/** A NextToken listing's `Limit` (0–60, default 60) and where its page starts, read in that order. */
export function nextTokenRequest(input: Record<string, unknown>): { limit: number; start: number } {
  const limit = v.optionalInteger(input, 'Limit', { min: 0, max: 60 }) ?? 60;
  const token = v.optionalString(input, 'NextToken', PAGINATION_TOKEN);
  return { limit, start: token === undefined ? 0 : positionOf(token) };
}

/** The `limit` items of `items` from `start`, and the token for the rest when there is more. */
export function onePage<T>(items: readonly T[], start: number, limit: number) {
  const next = limit > 0 && start + limit < items.length ? tokenFor(start + limit) : undefined;
  return { page: items.slice(start, start + limit), next };
}
