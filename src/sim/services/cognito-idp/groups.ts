/**
 * GetGroup and ListGroups (API reference of each): a pool's groups for a backend holding AWS credentials,
 * signed and authorized by IAM as `cognito-idp:GetGroup` / `cognito-idp:ListGroups` on the pool
 * (admin-auth.ts). Each group is a GroupType: name, pool, description, role ARN and precedence, the
 * two that decide the `cognito:roles` and `cognito:preferred_role` claims. ListGroups pages with `Limit`
 * (0–60, default 60) and `NextToken`, in the order the groups were made (AWS documents none; unv).
 */
import type { RequestContext } from '../../core/service';
import type { JsonInput } from '../../protocol/json-1-1';
import { authorizeAdminCall } from './admin-auth';
import { requireAdminGroup, requireAdminPool, userPoolIdInput } from './admin-input';
import { GROUP_NAME, groupType } from './admin-operations';
import { v } from './input';
import { PAGINATION_TOKEN, positionOf, tokenFor } from './page-token';

export async function getGroup(input: JsonInput, ctx: RequestContext) {
  const poolId = userPoolIdInput(input);
  const groupName = v.string(input, 'GroupName', GROUP_NAME);
  await authorizeAdminCall(ctx, 'GetGroup', poolId);
  const pool = requireAdminPool(ctx.world, poolId);
  const group = requireAdminGroup(pool, groupName);
  return { Group: groupType(pool, group) };
}

export async function listGroups(input: JsonInput, ctx: RequestContext) {
  const poolId = userPoolIdInput(input);
  const limit = v.optionalInteger(input, 'Limit', { min: 0, max: 60 }) ?? 60;
  const token = v.optionalString(input, 'NextToken', PAGINATION_TOKEN);
  const start = token === undefined ? 0 : positionOf(token);
  await authorizeAdminCall(ctx, 'ListGroups', poolId);
  const pool = requireAdminPool(ctx.world, poolId);
  const groups = Object.values(pool.groups);
  const next = limit > 0 && start + limit < groups.length ? tokenFor(start + limit) : undefined;
  return {
    Groups: groups.slice(start, start + limit).map((group) => groupType(pool, group)),
    ...(next ? { NextToken: next } : {}),
  };
}
