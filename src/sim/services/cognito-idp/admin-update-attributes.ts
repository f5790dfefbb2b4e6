import type { RequestContext } from '../../core/service';
import type { JsonInput } from '../../protocol/json-1-1';
import { authorizeAdminCall } from './admin-auth';
import { requireAdminPool, requireAdminUser, usernameInput, userPoolIdInput } from './admin-input';
import { applyAttributeUpdate, verifiable } from './attribute-update';
import { checkAttributes, parseAttributeList } from './attributes';
import { v } from './input';

/**
 * AdminUpdateUserAttributes (API reference): an administrator's UpdateUserAttributes for any user. It may
 * also mark an email or phone number verified: with `email_verified: true` beside a new `email` the value
 * changes at once, even where the pool requires verification before update, and no message is sent. A
 * blank value deletes the attribute. A changed email or phone number not marked verified is handled as in
 * the user's own update (a code to the new value where the pool verifies it). The answer is `{}`: the
 * admin form reports no CodeDeliveryDetailsList.
 */
export async function adminUpdateUserAttributes(input: JsonInput, ctx: RequestContext) {
  const poolId = userPoolIdInput(input);
  const username = usernameInput(input);
  const attributes = parseAttributeList(input.UserAttributes, 'UserAttributes');
  if (input.UserAttributes === undefined || input.UserAttributes === null) {
    v.fail(
      "1 validation error detected: Value null at 'userAttributes' failed to satisfy constraint: Member must not be null",
    );
  }
  await authorizeAdminCall(ctx, 'AdminUpdateUserAttributes', poolId);
  const pool = requireAdminPool(ctx.world, poolId);
  const user = requireAdminUser(pool, username);
  checkAttributes(pool, attributes, 'admin-update');
  const verifiedInRequest = new Set(
    attributes
      .filter((a) => a.Name.endsWith('_verified') && a.Value === 'true')
      .map((a) => a.Name.slice(0, -'_verified'.length))
      .filter(verifiable),
  );
  applyAttributeUpdate(ctx, pool, user, attributes, { verifiedInRequest });
  return {};
}
