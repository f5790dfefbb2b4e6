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
import { nextTokenRequest, onePage } from './page-token';

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
  const { limit, start } = nextTokenRequest(input);
  await authorizeAdminCall(ctx, 'ListGroups', poolId);
  const pool = requireAdminPool(ctx.world, poolId);
  const groups = Object.values(pool.groups);
  const { page, next } = onePage(groups, start, limit);
  return {
    Groups: page.map((group) => groupType(pool, group)),
    ...(next ? { NextToken: next } : {}),
  };
}
