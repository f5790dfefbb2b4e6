/**
 * Reading and configuring pools and identities (signed): DescribeIdentityPool, GetIdentityPoolRoles,
 * SetIdentityPoolRoles, DescribeIdentity, ListIdentities; and the public UnlinkIdentity.
 * Dates are epoch seconds, as JSON 1.1 writes timestamps.
 */
import { getOwn } from '../../core/dict';
import type { RequestContext } from '../../core/service';
import { epochSeconds } from '../../core/time';
import type { JsonInput } from '../../protocol/json-1-1';
import { IdentityErrors } from './errors';
import { isAuthenticated, listPoolIdentities, unlinkLogin } from './identities';
import { verifyLogins } from './logins';
import { identityIdInput, loginsInput, poolIdInput, requireIdentity, requirePool, validate } from './lookup';
import { roleMappingsInput, rolesInput } from './role-mapping-input';
import { authorizeDeveloperCall } from './signed';
import type { IdentityRecord } from './state';

const identityDescription = (identity: IdentityRecord) => ({
  IdentityId: identity.identityId,
  Logins: Object.keys(identity.logins),
  CreationDate: epochSeconds(identity.creationDate),
  LastModifiedDate: epochSeconds(identity.lastModifiedDate),
});

export async function DescribeIdentityPool(input: JsonInput, ctx: RequestContext) {
  const poolId = poolIdInput(input);
  await authorizeDeveloperCall(ctx, 'DescribeIdentityPool', poolId);
  const { Roles: _roles, RoleMappings: _mappings, ...pool } = requirePool(ctx.world, poolId);
  return pool;
}

export async function GetIdentityPoolRoles(input: JsonInput, ctx: RequestContext) {
  const poolId = poolIdInput(input);
  await authorizeDeveloperCall(ctx, 'GetIdentityPoolRoles', poolId);
  const pool = requirePool(ctx.world, poolId);
  return { IdentityPoolId: poolId, Roles: pool.Roles, RoleMappings: pool.RoleMappings };
}

export async function SetIdentityPoolRoles(input: JsonInput, ctx: RequestContext) {
  const poolId = poolIdInput(input);
  await authorizeDeveloperCall(ctx, 'SetIdentityPoolRoles', poolId);
  const pool = requirePool(ctx.world, poolId);
  // Everything is checked before anything is stored: a refused call changes nothing.
  const roles = rolesInput(input.Roles);
  const mappings = roleMappingsInput(input.RoleMappings, pool);
  pool.Roles = roles;
  pool.RoleMappings = mappings;
  ctx.emit('state', `Roles of ${poolId} set`, { roles: pool.Roles, roleMappings: mappings });
  return {};
}

export async function DescribeIdentity(input: JsonInput, ctx: RequestContext) {
  const identityId = identityIdInput(input);
  const identity = requireIdentity(ctx.world, identityId);
  await authorizeDeveloperCall(ctx, 'DescribeIdentity', identity.identityPoolId);
  return identityDescription(identity);
}

export async function ListIdentities(input: JsonInput, ctx: RequestContext) {
  const poolId = poolIdInput(input);
  await authorizeDeveloperCall(ctx, 'ListIdentities', poolId);
  // MaxResults is required by the service model; HideDisabled defaults to false, so identities a merge
  // disabled are listed unless the caller hides them (ListIdentities API reference).
  const max =
    validate.optionalInteger(input, 'MaxResults', { min: 1, max: 60 }) ??
    validate.fail(
      "1 validation error detected: Value null at 'maxResults' failed to satisfy constraint: Member must not be null",
    );
  requirePool(ctx.world, poolId);
  const all = listPoolIdentities(ctx.world, poolId, { hideDisabled: input.HideDisabled === true });
  const start = typeof input.NextToken === 'string' ? Number.parseInt(input.NextToken, 10) || 0 : 0;
  const page = all.slice(start, start + max);
  const next = start + max < all.length ? String(start + max) : undefined;
  return {
    IdentityPoolId: poolId,
    Identities: page.map(identityDescription),
    ...(next ? { NextToken: next } : {}),
  };
}

/** Public: the caller proves ownership with the identity's current logins, then names those to remove. */
export async function UnlinkIdentity(input: JsonInput, ctx: RequestContext) {
  const identity = requireIdentity(ctx.world, identityIdInput(input));
  const pool = requirePool(ctx.world, identity.identityPoolId);
  const logins = await verifyLogins(ctx, pool, loginsInput(input), {
    acceptCognitoToken: false,
    acceptDeveloperProvider: false,
  });
  if (!isAuthenticated(identity) || !logins.some((l) => getOwn(identity.logins, l.provider) === l.userId))
    throw IdentityErrors.loginsDontMatch();
  const remove = input.LoginsToRemove;
  if (!Array.isArray(remove))
    validate.fail(
      "1 validation error detected: Value null at 'loginsToRemove' failed to satisfy constraint: Member must not be null",
    );
  for (const provider of remove as unknown[]) unlinkLogin(ctx, identity, String(provider));
  return {};
}
