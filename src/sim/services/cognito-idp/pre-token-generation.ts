import type { World } from '../../world';
import type {
  GroupOverrideDetails,
  PreTokenGenerationBehaviour,
  TokenGenerationOverride,
} from './lambda-trigger-types';
import { type Emit, eventAttributes, invoke, isReject, triggerEvent } from './lambda-triggers';
import type { AppClientRecord, PoolRecord, UserRecord } from './state';
import { groupClaims } from './token-claims';

/**
 * The pre token generation trigger (developer guide, "Pre token generation Lambda trigger"): the only
 * way to put other claims in user pool tokens. The client cannot: the tokens are signed by the pool.
 *
 * - `V1_0` (event version "1"): `claimsOverrideDetails` changes the ID token only; its
 *   `groupOverrideDetails` replaces `cognito:groups` in the ID and access tokens (and the roles in the
 *   ID token).
 * - `V2_0` (event version "2"): `claimsAndScopeOverrideDetails` with `idTokenGeneration` and
 *   `accessTokenGeneration` (claims, and the access token's `scopesToAdd` / `scopesToSuppress`).
 *   Event shape as in aws/aws-lambda-dotnet PR #1799, which quotes the guide.
 *
 * "You can not modify" acr, amr, aud, at_hash, auth_time, azp, cognito:username, exp, iat, identities,
 * iss, jti, nbf, nonce, origin_jti, sub and token_use (guide); groups go through groupOverrideDetails
 * ("For group related claims, use groupOverrideDetails instead"). The guide does not say that such a
 * response fails, so the simulation keeps Cognito's value and says so in the trace. A claim both
 * suppressed and added is suppressed (guide).
 */
const RESERVED = new Set([
  'acr',
  'amr',
  'aud',
  'at_hash',
  'auth_time',
  'azp',
  'cognito:username',
  'exp',
  'iat',
  'identities',
  'iss',
  'jti',
  'nbf',
  'nonce',
  'origin_jti',
  'sub',
  'token_use',
  'cognito:groups',
  'cognito:roles',
  'cognito:preferred_role',
]);
/** The access token's own identifying claims, kept the same way (its scopes change through scopesToAdd). */
const ACCESS_RESERVED = new Set([...RESERVED, 'client_id', 'scope', 'username', 'version', 'event_id']);

export type TokenGenerationSource =
  | 'TokenGeneration_Authentication'
  | 'TokenGeneration_HostedAuth'
  | 'TokenGeneration_RefreshTokens';

interface Claims {
  id: Record<string, unknown>;
  access: Record<string, unknown>;
}

function applyClaims(
  claims: Record<string, unknown>,
  change: TokenGenerationOverride | undefined,
  reserved: Set<string>,
  ignored: string[],
): void {
  if (!change) return;
  const suppress = new Set(change.claimsToSuppress ?? []);
  for (const [name, value] of Object.entries(change.claimsToAddOrOverride ?? {})) {
    if (reserved.has(name)) ignored.push(name);
    else if (!suppress.has(name)) claims[name] = value;
  }
  for (const name of suppress) {
    if (reserved.has(name)) ignored.push(name);
    else delete claims[name];
  }
}

function applyGroups(claims: Claims, groups: GroupOverrideDetails | undefined, idRolesToo: boolean) {
  const list = groups?.groupsToOverride ?? [];
  for (const c of [claims.id, claims.access]) {
    if (list.length) c['cognito:groups'] = list;
    else delete c['cognito:groups'];
  }
  if (!idRolesToo) return;
  const roles = groups?.iamRolesToOverride ?? [];
  if (roles.length) claims.id['cognito:roles'] = roles;
  else delete claims.id['cognito:roles'];
  if (groups?.preferredRole) claims.id['cognito:preferred_role'] = groups.preferredRole;
  else delete claims.id['cognito:preferred_role'];
}

/** Runs the trigger, when configured, and changes the claim sets in place before they are signed. */
export function applyPreTokenGeneration(
  world: World,
  emit: Emit | undefined,
  pool: PoolRecord,
  client: AppClientRecord,
  user: UserRecord,
  source: TokenGenerationSource,
  claims: Claims,
): void {
  const behaviour: PreTokenGenerationBehaviour | undefined = pool.lambdaTriggers?.preTokenGeneration;
  if (!behaviour) return;
  const v2 = !isReject(behaviour) && behaviour.version === 'V2_0';
  const g = groupClaims(pool, user);
  const groupConfiguration = {
    groupsToOverride: g.groups,
    iamRolesToOverride: g.roles,
    preferredRole: g.preferredRole ?? null,
  };
  const scopes = String(claims.access.scope ?? '')
    .split(' ')
    .filter(Boolean);
  const event = triggerEvent(
    world,
    pool,
    client,
    user.username,
    source,
    {
      userAttributes: eventAttributes(user),
      ...(v2 ? { scopes } : {}),
      groupConfiguration,
    },
    v2 ? { claimsAndScopeOverrideDetails: null } : { claimsOverrideDetails: null },
    v2 ? '2' : '1',
  );
  const response = invoke(emit ?? (() => {}), 'PreTokenGeneration', event, behaviour, () => {
    if (isReject(behaviour)) return {};
    if (behaviour.version === 'V1_0') {
      const { version: _v, ...details } = behaviour;
      return { claimsOverrideDetails: details };
    }
    const { version: _v, ...details } = behaviour;
    return { claimsAndScopeOverrideDetails: details };
  });
  if (isReject(behaviour)) return;
  const ignored: string[] = [];
  if (behaviour.version === 'V1_0') {
    applyClaims(claims.id, behaviour, RESERVED, ignored);
    if ('groupOverrideDetails' in behaviour) applyGroups(claims, behaviour.groupOverrideDetails, true);
  } else {
    applyClaims(claims.id, behaviour.idTokenGeneration, RESERVED, ignored);
    const access = behaviour.accessTokenGeneration;
    applyClaims(claims.access, access, ACCESS_RESERVED, ignored);
    if (access?.scopesToAdd || access?.scopesToSuppress) {
      const drop = new Set(access.scopesToSuppress ?? []);
      const next = [...scopes, ...(access.scopesToAdd ?? [])].filter(
        (s, i, all) => !drop.has(s) && all.indexOf(s) === i,
      );
      claims.access.scope = next.join(' ');
    }
    if ('groupOverrideDetails' in behaviour) applyGroups(claims, behaviour.groupOverrideDetails, true);
  }
  if (ignored.length) {
    emit?.('lambda.ignored', `Cognito kept its own value of ${[...new Set(ignored)].join(', ')}`, {
      trigger: 'PreTokenGeneration',
      claims: [...new Set(ignored)],
      response,
    });
  }
}
