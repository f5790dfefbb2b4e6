/**
 * Developer-authenticated identities (docs/aws-reference.md §4.5, §4.11; Cognito guide "Developer-authenticated
 * identities"): your backend, signed with IAM credentials, asks for an OpenID token for one of its
 * own user ids, looks ids up and merges them. The login key is the pool's DeveloperProviderName.
 */
import { getOwn } from '../../core/dict';
import type { RequestContext } from '../../core/service';
import type { JsonInput } from '../../protocol/json-1-1';
import { IdentityErrors } from './errors';
import { attachLogins, identityForLogin, mergeInto, userIdsOf } from './identities';
import { verifyLogins } from './logins';
import { identityIdInput, loginsInput, poolIdInput, requireIdentity, requirePool, validate } from './lookup';
import { DEVELOPER_TOKEN_DEFAULT_SECONDS, mintCognitoOpenIdToken } from './openid-token';
import { authorizeDeveloperCall } from './signed';

export async function GetOpenIdTokenForDeveloperIdentity(input: JsonInput, ctx: RequestContext) {
  const poolId = poolIdInput(input);
  await authorizeDeveloperCall(ctx, 'GetOpenIdTokenForDeveloperIdentity', poolId);
  const rawLogins = loginsInput(input);
  const requestedId = input.IdentityId === undefined ? undefined : identityIdInput(input);
  const seconds =
    validate.optionalInteger(input, 'TokenDuration', { min: 1, max: 86400 }) ??
    DEVELOPER_TOKEN_DEFAULT_SECONDS;
  const pool = requirePool(ctx.world, poolId);
  const developer = pool.DeveloperProviderName;
  if (!developer || getOwn(rawLogins, developer) === undefined)
    throw IdentityErrors.invalidParameter('Please provide a valid developer provider name.');
  const logins = await verifyLogins(ctx, pool, rawLogins, {
    acceptCognitoToken: false,
    acceptDeveloperProvider: true,
  });
  const requested = requestedId ? requireIdentity(ctx.world, requestedId) : undefined;
  const registered = identityForLogin(ctx.world, poolId, developer, getOwn(rawLogins, developer) as string);
  if (requested && registered && registered.identityId !== requested.identityId) {
    throw IdentityErrors.developerUserAlreadyRegistered(getOwn(rawLogins, developer) as string);
  }
  const { identity } = attachLogins(ctx, poolId, logins, requested);
  const amr = ['authenticated', ...logins.flatMap((l) => l.amr)];
  const { token, claims } = await mintCognitoOpenIdToken(ctx.world, {
    identityId: identity.identityId,
    poolId,
    amr,
    seconds,
  });
  ctx.emit('token.issued', `Developer OpenID token for ${identity.identityId}, valid ${seconds} s`, {
    claims,
  });
  return { IdentityId: identity.identityId, Token: token };
}

export async function LookupDeveloperIdentity(input: JsonInput, ctx: RequestContext) {
  const poolId = poolIdInput(input);
  await authorizeDeveloperCall(ctx, 'LookupDeveloperIdentity', poolId);
  const pool = requirePool(ctx.world, poolId);
  const developer = pool.DeveloperProviderName ?? '';
  const userId = validate.optionalString(input, 'DeveloperUserIdentifier', { min: 1, max: 1024 });
  const byId =
    input.IdentityId !== undefined ? requireIdentity(ctx.world, identityIdInput(input)) : undefined;
  const identity = userId ? identityForLogin(ctx.world, poolId, developer, userId) : byId;
  if (!identity || identity.identityPoolId !== poolId) {
    throw IdentityErrors.identityNotFound(userId ?? String(input.IdentityId ?? ''));
  }
  // Both given: the user id must belong to that identity, else ResourceConflictException (API reference).
  if (byId && byId !== identity) throw IdentityErrors.developerUserMismatch(userId ?? '', byId.identityId);
  return {
    IdentityId: identity.identityId,
    DeveloperUserIdentifierList: userIdsOf(ctx.world, identity, developer),
  };
}

export async function MergeDeveloperIdentities(input: JsonInput, ctx: RequestContext) {
  const poolId = poolIdInput(input);
  await authorizeDeveloperCall(ctx, 'MergeDeveloperIdentities', poolId);
  const source = validate.string(input, 'SourceUserIdentifier', { min: 1, max: 1024 });
  const destination = validate.string(input, 'DestinationUserIdentifier', { min: 1, max: 1024 });
  const provider = validate.string(input, 'DeveloperProviderName', { min: 1, max: 128 });
  const pool = requirePool(ctx.world, poolId);
  if (pool.DeveloperProviderName !== provider)
    throw IdentityErrors.invalidParameter('Please provide a valid developer provider name.');
  const to = identityForLogin(ctx.world, poolId, provider, destination);
  const from = identityForLogin(ctx.world, poolId, provider, source);
  if (!to) throw IdentityErrors.identityNotFound(destination);
  if (!from) throw IdentityErrors.identityNotFound(source);
  if (from !== to) mergeInto(ctx, from, to);
  return { IdentityId: to.identityId };
}
