/**
 * ListUsers (API reference, ListUsers): the pool's users a page at a time, for a backend holding AWS
 * credentials (signed, and authorized by IAM as `cognito-idp:ListUsers` on the pool, like the Admin*
 * operations: admin-auth.ts).
 *
 * - `Filter` is one condition, `attribute = "value"` (exact) or `attribute ^= "value"` (starts with), on
 *   one of the searchable standard attributes: username (case-sensitive), email, phone_number, name,
 *   given_name, family_name, preferred_username, cognito:user_status (the console's Status;
 *   case-insensitive), status (the console's Enabled, `Enabled`/`Disabled`; case-sensitive) and sub.
 *   "Custom attributes are not searchable." An empty filter lists every user. A filter that does not
 *   parse is `InvalidParameterException` "Error while parsing filter." (obs: aws-sdk-php#1088); the
 *   same answer for an attribute that is not searchable is unv. At most 256 characters (obs:
 *   aws-sdk-net#3565, "Value at 'filter' failed to satisfy constraint: Member must have length less
 *   than or equal to 256").
 * - `Limit` 0–60, default 60; `PaginationToken` continues a listing (its form is the simulator's own).
 * - `AttributesToGet` keeps only those attributes in each user's `Attributes`.
 * Users come in the order they were created (AWS documents none; unv). Dates are epoch seconds.
 *
 * ListUsersInGroup (API reference): the members of one group, paged the same way with `Limit` and
 * `NextToken`, authorized as `cognito-idp:ListUsersInGroup`; a group the pool lacks is
 * ResourceNotFoundException "Group not found." (unv: the wording reported for AdminAddUserToGroup).
 */
import { getOwn } from '../../core/dict';
import type { RequestContext } from '../../core/service';
import { epochSeconds } from '../../core/time';
import type { JsonInput } from '../../protocol/json-1-1';
import { authorizeAdminCall } from './admin-auth';
import { requireAdminGroup, requireAdminPool, userPoolIdInput } from './admin-input';
import { GROUP_NAME } from './admin-operations';
import { v } from './input';
import { nextTokenRequest, onePage, PAGINATION_TOKEN, positionOf } from './page-token';
import type { UserRecord } from './state';

const FILTER = { min: 0, max: 256 };
const PARSE_ERROR = 'Error while parsing filter.';

/** The searchable attributes, each with how a user's value is read and whether case matters. */
const SEARCHABLE: Record<string, { read: (user: UserRecord) => string | undefined; anyCase: boolean }> = {
  username: { read: (u) => u.username, anyCase: false },
  'cognito:user_status': { read: (u) => u.status, anyCase: true },
  status: { read: (u) => (u.enabled ? 'Enabled' : 'Disabled'), anyCase: false },
  ...Object.fromEntries(
    ['email', 'phone_number', 'name', 'given_name', 'family_name', 'preferred_username', 'sub'].map(
      (name) => [name, { read: (u: UserRecord) => getOwn(u.attributes, name), anyCase: false }],
    ),
  ),
};

interface Filter {
  attribute: string;
  prefix: boolean;
  value: string;
}

/** `name = "value"` or `name ^= "value"`, spaces around the operator optional, `\"` inside the quotes. */
export function parseFilter(text: string): Filter | undefined {
  if (text.trim() === '') return undefined;
  const match = /^\s*([\w:]+)\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/.exec(text);
  if (!match) return v.fail(PARSE_ERROR);
  const [, attribute = '', operator, quoted = ''] = match;
  if (!Object.hasOwn(SEARCHABLE, attribute)) v.fail(PARSE_ERROR);
  return { attribute, prefix: operator === '^=', value: quoted.replace(/\\(.)/g, '$1') };
}

function matches(user: UserRecord, filter: Filter): boolean {
  const rule = SEARCHABLE[filter.attribute];
  const raw = rule?.read(user);
  if (raw === undefined || !rule) return false;
  const have = rule.anyCase ? raw.toLowerCase() : raw;
  const want = rule.anyCase ? filter.value.toLowerCase() : filter.value;
  return filter.prefix ? have.startsWith(want) : have === want;
}

export async function listUsers(input: JsonInput, ctx: RequestContext) {
  const poolId = userPoolIdInput(input);
  const filterText = v.optionalString(input, 'Filter', FILTER) ?? '';
  const limit = v.optionalInteger(input, 'Limit', { min: 0, max: 60 }) ?? 60;
  const token = v.optionalString(input, 'PaginationToken', PAGINATION_TOKEN);
  const wanted = input.AttributesToGet;
  if (wanted !== undefined && (!Array.isArray(wanted) || wanted.some((a) => typeof a !== 'string')))
    v.fail('Invalid type for parameter AttributesToGet: expected a list of strings');
  const filter = parseFilter(filterText);
  const start = token === undefined ? 0 : positionOf(token);
  await authorizeAdminCall(ctx, 'ListUsers', poolId);
  const pool = requireAdminPool(ctx.world, poolId);
  const found = Object.values(pool.users).filter((user) => !filter || matches(user, filter));
  const keep = wanted === undefined ? undefined : new Set(wanted as string[]);
  const { users, next } = pageOf(found, start, limit, keep);
  return { Users: users, ...(next ? { PaginationToken: next } : {}) };
}

export async function listUsersInGroup(input: JsonInput, ctx: RequestContext) {
  const poolId = userPoolIdInput(input);
  const groupName = v.string(input, 'GroupName', GROUP_NAME);
  const { limit, start } = nextTokenRequest(input);
  await authorizeAdminCall(ctx, 'ListUsersInGroup', poolId);
  const pool = requireAdminPool(ctx.world, poolId);
  const group = requireAdminGroup(pool, groupName);
  const members = Object.values(pool.users).filter((user) => user.groups.includes(group.groupName));
  const { users, next } = pageOf(members, start, limit, undefined);
  return { Users: users, ...(next ? { NextToken: next } : {}) };
}

/** One page of `found` from `start` as UserType, with the token for the next page when there is one. */
function pageOf(found: UserRecord[], start: number, limit: number, keep: Set<string> | undefined) {
  const { page, next } = onePage(found, start, limit);
  const users = page.map((user) => ({
    Username: user.username,
    Attributes: Object.entries(user.attributes)
      .filter(([name]) => !keep || keep.has(name))
      .map(([Name, Value]) => ({ Name, Value })),
    UserCreateDate: epochSeconds(user.createdAt),
    UserLastModifiedDate: epochSeconds(user.lastModifiedAt),
    Enabled: user.enabled,
    UserStatus: user.status,
  }));
  return { users, next };
}
