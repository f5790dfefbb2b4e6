/**
 * Identities and how logins attach to them (docs/aws-reference.md §4.11). An identity id is `<region>:<uuid>`.
 * The same login always resolves to the same identity; a new login links to the identity in the
 * request; a login already owned by another identity merges the two (the other is disabled and the
 * owner's id is returned); a second login of the same provider on one identity is a conflict.
 */
import { createDict, deleteOwn, getOwn, hasOwn, setOwn } from '../../core/dict';
import type { RequestContext } from '../../core/service';
import type { World } from '../../world';
import { mergeSyncIdentities } from '../cognito-sync/merge';
import { IdentityErrors } from './errors';
import type { VerifiedLogin } from './logins';
import { COGNITO_IDENTITY_PROVIDER } from './logins';
import { type IdentityRecord, type IdentityPoolState, loginIndexKey } from './state';

const state = (world: World): IdentityPoolState => world.state.cognitoIdentity;

export function createIdentity(ctx: RequestContext, poolId: string): IdentityRecord {
  const world = ctx.world;
  const identity: IdentityRecord = {
    identityId: `${world.region}:${world.random.uuid()}`,
    identityPoolId: poolId,
    logins: createDict(),
    creationDate: world.now(),
    lastModifiedDate: world.now(),
  };
  setOwn(state(world).identities, identity.identityId, identity);
  ctx.emit('state', `New identity ${identity.identityId}`, { identityId: identity.identityId, poolId });
  return identity;
}

export function getIdentity(world: World, identityId: string): IdentityRecord | undefined {
  return getOwn(state(world).identities, identityId);
}

export const isAuthenticated = (identity: IdentityRecord): boolean => Object.keys(identity.logins).length > 0;

/** The identity that owns a login now, following merges. */
function ownerOf(world: World, poolId: string, login: VerifiedLogin): IdentityRecord | undefined {
  const id =
    login.provider === COGNITO_IDENTITY_PROVIDER
      ? login.identityId
      : getOwn(state(world).loginIndex, loginIndexKey(poolId, login.provider, login.userId));
  let identity = id ? getIdentity(world, id) : undefined;
  while (identity?.mergedInto) identity = getIdentity(world, identity.mergedInto);
  return identity;
}

/**
 * Attaches `logins` to an identity and returns the identity that owns them all afterwards.
 * `requested` is the identity named in the request (GetCredentialsForIdentity, GetOpenIdToken …),
 * absent for GetId. Throws ResourceConflictException before changing anything when two different
 * users of one provider would end up on one identity.
 */
export function attachLogins(
  ctx: RequestContext,
  poolId: string,
  logins: VerifiedLogin[],
  requested?: IdentityRecord,
): { identity: IdentityRecord; created: boolean } {
  const world = ctx.world;
  const owners: IdentityRecord[] = [];
  for (const login of logins) {
    const owner = ownerOf(world, poolId, login);
    if (owner && !owners.includes(owner)) owners.push(owner);
  }
  // Someone holding only an identity id must not attach their login to another person's signed-in
  // identity: it has to present one of that identity's own logins (obs: "Logins don't match").
  if (requested && isAuthenticated(requested) && !owners.includes(requested))
    throw IdentityErrors.loginsDontMatch();
  // The survivor: the requested identity if it already owns one of the logins, else the first owner.
  let survivor = requested && owners.includes(requested) ? requested : (owners[0] ?? requested);
  const others = [...owners, ...(requested && !requested.mergedInto ? [requested] : [])].filter(
    (i, index, all) => i !== survivor && all.indexOf(i) === index,
  );
  // Logins the survivor already owns need no linking: after MergeDeveloperIdentities one identity
  // can own several developer user ids, and presenting any of them is not a second login.
  const providerLogins = logins.filter(
    (l) => l.provider !== COGNITO_IDENTITY_PROVIDER && !(survivor && ownerOf(world, poolId, l) === survivor),
  );

  // Conflict check over everything that would land on the survivor.
  const combined = createDict<string>(survivor?.logins);
  const addAll = (entries: [string, string][]) => {
    for (const [provider, userId] of entries) {
      const linked = getOwn(combined, provider);
      if (linked !== undefined && linked !== userId) throw IdentityErrors.providerAlreadyLinked(provider);
      setOwn(combined, provider, userId);
    }
  };
  for (const other of others) addAll(Object.entries(other.logins));
  addAll(providerLogins.map((l) => [l.provider, l.userId]));

  let created = false;
  if (!survivor) {
    survivor = createIdentity(ctx, poolId);
    created = true;
  }
  for (const other of others) mergeInto(ctx, other, survivor);
  for (const login of providerLogins) {
    if (getOwn(survivor.logins, login.provider) === login.userId) continue;
    setOwn(survivor.logins, login.provider, login.userId);
    setOwn(state(world).loginIndex, loginIndexKey(poolId, login.provider, login.userId), survivor.identityId);
    survivor.lastModifiedDate = world.now();
    ctx.emit('identity.linked', `Linked ${login.provider} user ${login.userId} to ${survivor.identityId}`, {
      identityId: survivor.identityId,
      provider: login.provider,
      userId: login.userId,
    });
  }
  return { identity: survivor, created };
}

/** Moves every login of `from` to `to` and disables `from` (docs/aws-reference.md §4.11). */
export function mergeInto(ctx: RequestContext, from: IdentityRecord, to: IdentityRecord): void {
  const world = ctx.world;
  for (const [provider, userId] of Object.entries(from.logins)) {
    // Only MergeDeveloperIdentities gets here with a provider both sides have (attachLogins refuses
    // that for public providers); the owner keeps its own id in `logins` and the index records both,
    // since Cognito associates several developer user ids with one identity (LookupDeveloperIdentity doc).
    if (!hasOwn(to.logins, provider)) setOwn(to.logins, provider, userId);
    setOwn(state(world).loginIndex, loginIndexKey(from.identityPoolId, provider, userId), to.identityId);
  }
  from.logins = createDict();
  // Cognito Sync keeps the merged identity's datasets as `<name>.<oldIdentityId>` (docs/aws-reference.md §9.6).
  mergeSyncIdentities(world, from.identityPoolId, from.identityId, to.identityId);
  from.mergedInto = to.identityId;
  from.lastModifiedDate = world.now();
  to.lastModifiedDate = world.now();
  ctx.emit(
    'identity.merged',
    `Merged ${from.identityId} into ${to.identityId}; ${from.identityId} is now disabled`,
    {
      from: from.identityId,
      to: to.identityId,
    },
  );
}

/** Removes one login from an identity (UnlinkIdentity / UnlinkDeveloperIdentity). */
export function unlinkLogin(ctx: RequestContext, identity: IdentityRecord, provider: string): void {
  const userId = getOwn(identity.logins, provider);
  if (userId === undefined) return;
  deleteOwn(identity.logins, provider);
  deleteOwn(state(ctx.world).loginIndex, loginIndexKey(identity.identityPoolId, provider, userId));
  identity.lastModifiedDate = ctx.world.now();
  ctx.emit('identity.unlinked', `Unlinked ${provider} user ${userId} from ${identity.identityId}`, {
    identityId: identity.identityId,
    provider,
  });
}

/** Identities of a pool, oldest first; `hideDisabled` leaves out those a merge disabled. */
export function listPoolIdentities(
  world: World,
  poolId: string,
  options: { hideDisabled?: boolean } = {},
): IdentityRecord[] {
  return Object.values(state(world).identities)
    .filter((i) => i.identityPoolId === poolId && !(options.hideDisabled && i.mergedInto))
    .sort((a, b) => a.creationDate - b.creationDate || a.identityId.localeCompare(b.identityId));
}

/** Every user id of `provider` linked to `identity` (several for a developer provider after merges). */
export function userIdsOf(world: World, identity: IdentityRecord, provider: string): string[] {
  const prefix = loginIndexKey(identity.identityPoolId, provider, '');
  return Object.entries(state(world).loginIndex)
    .filter(([key, owner]) => key.startsWith(prefix) && owner === identity.identityId)
    .map(([key]) => key.slice(prefix.length));
}

/** The identity a developer user id is registered to, if any. */
export function identityForLogin(
  world: World,
  poolId: string,
  provider: string,
  userId: string,
): IdentityRecord | undefined {
  const id = getOwn(state(world).loginIndex, loginIndexKey(poolId, provider, userId));
  return id ? getIdentity(world, id) : undefined;
}
