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
